#pragma once
/// \file
/// The demo's network: a stack of Linear layers, each followed by the activation (the last one too), as the
/// forum demo's `Demonstator_Network` builds it; or, where told, with an activation of its own after the
/// output layer and its inputs centred.

#include <cstdint>
#include <string>
#include <vector>

#include "nn/activation.hpp"
#include "nn/architecture.hpp"
#include "nn/initialisation.hpp"
#include "nn/linear.hpp"
#include "nn/sizes_text.hpp"

namespace nn {

/// What the forward pass saves for the backward pass.
struct ForwardTrace {
  std::vector<Matrix> inputs;           ///< The input of each layer.
  std::vector<Matrix> pre_activations;  ///< z of each layer, before the activation.
  Matrix output;                        ///< The network's output, rows x 1.
};

/// Layers, an activation after each hidden layer and one after the output layer.
class Network {
 public:
  /// A network from given layers with `activation` after every one of them; their shapes must chain
  /// (checked by assertion).
  Network(std::vector<Linear> layers, Activation activation);
  /// A network from given layers, computing as `architecture` says.
  Network(std::vector<Linear> layers, const Architecture& architecture);

  /// A freshly initialised network with layer sizes such as {2, 5, 5, 1}. Each layer draws its weight
  /// (row by row) and then its bias from U(-1/sqrt(in), 1/sqrt(in)), as `torch.nn.Linear` does, from the
  /// seed's `initial_weights` stream, so the Thrust trainer draws the same numbers.
  static Network initialised(const std::vector<int>& sizes, Activation activation, std::uint64_t seed);
  /// Likewise, with the architecture's activations and inputs and `init`'s rule for the starting weights:
  /// each layer's weights row by row from U(-a, a), a = initial_weight_bound(init, in, out), then its biases
  /// from the same range where draws_biases(init), else 0.
  static Network initialised(const std::vector<int>& sizes, const Architecture& architecture, Init init,
                             std::uint64_t seed);

  /// The layers, first layer first.
  const std::vector<Linear>& layers() const { return layers_; }
  /// The layers, for an optimizer to update.
  std::vector<Linear>& layers() { return layers_; }
  /// The activation after every hidden layer.
  Activation activation() const { return architecture_.hidden; }
  /// The activation after the output layer.
  Activation output_activation() const { return architecture_.output; }
  /// The activations and the inputs' scale.
  const Architecture& architecture() const { return architecture_; }
  /// Whether no layer is followed by an activation, hidden or output: then the network is one linear map.
  bool is_linear() const {
    return architecture_.hidden == Activation::identity && architecture_.output == Activation::identity;
  }
  /// The layer sizes, e.g. {2, 5, 5, 1}.
  std::vector<int> sizes() const;

  /// The outputs (rows x 1) for a batch of inputs (rows x 2).
  Matrix forward(const Matrix& x) const;
  /// The forward pass, keeping what backward needs.
  ForwardTrace forward_trace(const Matrix& x) const;
  /// Back-propagates dL/d(output) through the trace; returns each layer's gradients, first layer first.
  std::vector<LinearGradients> backward(const ForwardTrace& trace, const Matrix& d_output) const;
  /// Back-propagates dL/dz of the output layer's sums (rows x 1) through the trace: backward after the
  /// output activation's slope, which a loss such as bce gives directly.
  std::vector<LinearGradients> backward_from_output_sums(const ForwardTrace& trace,
                                                         const Matrix& d_sums) const;

 private:
  // The activation after layer l: the output activation after the last one, the hidden one elsewhere.
  Activation activation_after(std::size_t l) const {
    return l + 1 == layers_.size() ? architecture_.output : architecture_.hidden;
  }

  std::vector<Linear> layers_;
  Architecture architecture_;
};

/// Weights and biases of a network with layer sizes such as {2, 5, 5, 1}: the sum over layers of
/// out x (in + 1). In double, so that no list of sizes, however large, can overflow it.
double parameter_count(const std::vector<int>& sizes);

/// A network's parameters in one flat list, in the layout every trainer shares (parameter_layout.hpp): layer
/// by layer, each layer's weights (out x in, row by row) and then its biases.
std::vector<float> flatten_parameters(const Network& network);

/// The inverse of flatten_parameters: a network of layer sizes `sizes`, computing as `architecture` says,
/// whose parameters are read from `parameters` in that layout.
Network network_from_parameters(const std::vector<int>& sizes, const Architecture& architecture,
                                const float* parameters);

/// Multiplies out the layers of a network with no activation into the one equivalent layer:
/// W = W_L ... W_2 W_1 and b = W_L(...(W_2 b_1 + b_2)...) + b_L. Asserts the network is linear. The map
/// acts on what the first layer sees: the inputs as given, or centred where the network centres them.
Linear collapse_to_single_layer(const Network& network);

}  // namespace nn
