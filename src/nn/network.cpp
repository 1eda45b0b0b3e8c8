#include "nn/network.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

#include <xtensor/xmath.hpp>
#include <xtensor/xview.hpp>

#include "nn/parameter_layout.hpp"

#include "nn/random.hpp"

namespace nn {

namespace {

Matrix activated(Activation activation, const Matrix& z) {
  Matrix a = z;
  std::transform(a.begin(), a.end(), a.begin(), [activation](float v) { return activate(activation, v); });
  return a;
}

Matrix activation_slopes(Activation activation, const Matrix& z) {
  Matrix d = z;
  std::transform(d.begin(), d.end(), d.begin(),
                 [activation](float v) { return activation_derivative(activation, v); });
  return d;
}

}  // namespace

Network::Network(std::vector<Linear> layers, Activation activation)
    : Network(std::move(layers), Architecture::same_everywhere(activation)) {}

Network::Network(std::vector<Linear> layers, const Architecture& architecture)
    : layers_(std::move(layers)), architecture_(architecture) {
  assert(!layers_.empty());
  for (std::size_t l = 1; l < layers_.size(); ++l) assert(layers_[l].in() == layers_[l - 1].out());
}

Network Network::initialised(const std::vector<int>& sizes, Activation activation, std::uint64_t seed) {
  return initialised(sizes, Architecture::same_everywhere(activation), Init::pytorch, seed);
}

Network Network::initialised(const std::vector<int>& sizes, const Architecture& architecture, Init init,
                             std::uint64_t seed) {
  Engine engine = make_engine(seed, Stream::initial_weights);
  std::vector<Linear> layers;
  for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
    Linear layer = zero_linear(static_cast<std::size_t>(sizes[l]), static_cast<std::size_t>(sizes[l + 1]));
    const float bound = initial_weight_bound(init, sizes[l], sizes[l + 1]);
    for (float& w : layer.weight) w = uniform(engine, -bound, bound);
    if (draws_biases(init)) {
      for (float& b : layer.bias) b = uniform(engine, -bound, bound);
    }
    layers.push_back(std::move(layer));
  }
  return Network(std::move(layers), architecture);
}

std::vector<int> Network::sizes() const {
  std::vector<int> sizes{static_cast<int>(layers_.front().in())};
  for (const Linear& layer : layers_) sizes.push_back(static_cast<int>(layer.out()));
  return sizes;
}

double parameter_count(const std::vector<int>& sizes) {
  double count = 0;
  for (std::size_t l = 0; l + 1 < sizes.size(); ++l)
    count += static_cast<double>(sizes[l + 1]) * (sizes[l] + 1.0);
  return count;
}

Matrix Network::forward(const Matrix& x) const { return forward_trace(x).output; }

ForwardTrace Network::forward_trace(const Matrix& x) const {
  ForwardTrace trace;
  Matrix a = x;
  if (architecture_.inputs == Inputs::centred) {
    std::transform(a.begin(), a.end(), a.begin(), [](float v) { return encoded_input(Inputs::centred, v); });
  }
  // ANCHOR: forward
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    trace.inputs.push_back(a);
    trace.pre_activations.push_back(layers_[l].forward(a));            // z = W a + b
    a = activated(activation_after(l), trace.pre_activations.back());  // a = g(z), unit by unit
  }
  // ANCHOR_END: forward
  trace.output = std::move(a);
  return trace;
}

std::vector<LinearGradients> Network::backward(const ForwardTrace& trace, const Matrix& d_output) const {
  return backward_from_output_sums(
      trace, d_output * activation_slopes(architecture_.output, trace.pre_activations.back()));
}

std::vector<LinearGradients> Network::backward_from_output_sums(const ForwardTrace& trace,
                                                                const Matrix& d_sums) const {
  std::vector<LinearGradients> gradients(layers_.size());
  Matrix dz = d_sums;
  // ANCHOR: backward
  for (std::size_t l = layers_.size(); l-- > 0;) {
    gradients[l] = layers_[l].backward(trace.inputs[l], dz);
    if (l == 0) break;
    // dL/dz of the layer below = (W^T dL/dz) * g'(z below), elementwise
    const Matrix da = layers_[l].input_gradient(dz);
    dz = da * activation_slopes(activation_after(l - 1), trace.pre_activations[l - 1]);
  }
  // ANCHOR_END: backward
  return gradients;
}

Linear collapse_to_single_layer(const Network& network) {
  assert(network.is_linear());
  const std::vector<Linear>& layers = network.layers();
  Linear collapsed = layers.front();
  for (std::size_t l = 1; l < layers.size(); ++l) {
    // Layer l applied to W x + b is (W_l W) x + (W_l b + b_l).
    const Matrix& W_l = layers[l].weight;
    Linear next;
    next.weight = xt::sum(xt::view(W_l, xt::all(), xt::all(), xt::newaxis()) *
                              xt::view(collapsed.weight, xt::newaxis(), xt::all(), xt::all()),
                          {1});
    next.bias = xt::sum(W_l * xt::view(collapsed.bias, xt::newaxis(), xt::all()), {1}) + layers[l].bias;
    collapsed = std::move(next);
  }
  return collapsed;
}

namespace {

// Layer sizes as parameter_layout.hpp reads them.
struct SizesOf {
  const std::vector<int>& sizes;
  int size(int l) const { return sizes[static_cast<std::size_t>(l)]; }
};

}  // namespace

std::vector<float> flatten_parameters(const Network& network) {
  const std::vector<int> sizes = network.sizes();
  const int layer_count = static_cast<int>(network.layers().size());
  std::vector<float> parameters(static_cast<std::size_t>(parameter_total(SizesOf{sizes}, layer_count)));
  for (int l = 0; l < layer_count; ++l) {
    const Linear& layer = network.layers()[static_cast<std::size_t>(l)];
    std::copy(layer.weight.begin(), layer.weight.end(),
              parameters.begin() + weight_offset(SizesOf{sizes}, l));
    std::copy(layer.bias.begin(), layer.bias.end(), parameters.begin() + bias_offset(SizesOf{sizes}, l));
  }
  return parameters;
}

Network network_from_parameters(const std::vector<int>& sizes, const Architecture& architecture,
                                const float* parameters) {
  std::vector<Linear> layers;
  for (int l = 0; l + 1 < static_cast<int>(sizes.size()); ++l) {
    Linear layer = zero_linear(static_cast<std::size_t>(sizes[l]), static_cast<std::size_t>(sizes[l + 1]));
    const float* weights = parameters + weight_offset(SizesOf{sizes}, l);
    std::copy(weights, weights + layer.weight.size(), layer.weight.begin());
    const float* biases = parameters + bias_offset(SizesOf{sizes}, l);
    std::copy(biases, biases + layer.bias.size(), layer.bias.begin());
    layers.push_back(std::move(layer));
  }
  return Network(std::move(layers), architecture);
}

}  // namespace nn
