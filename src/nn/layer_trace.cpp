#include "nn/layer_trace.hpp"

#include <cmath>

#include "nn/batch_loss.hpp"
#include "nn/data.hpp"
#include "nn/network.hpp"

namespace nn {

std::vector<LayerStatistics> layer_statistics(const Network& network, const Batch& rows, Loss loss) {
  std::vector<LayerStatistics> layers(network.layers().size());
  const std::size_t row_count = rows.inputs.shape(0);
  if (row_count == 0) return layers;
  const ForwardTrace trace = network.forward_trace(rows.inputs);
  // The full batch's gradient, as a training step on every row computes it.
  const std::vector<LinearGradients> gradients =
      network.backward_from_output_sums(trace, mean_loss_sum_gradient(loss, network, trace, rows.targets));
  for (std::size_t l = 0; l < layers.size(); ++l) {
    const Activation g = l + 1 == layers.size() ? network.output_activation() : network.activation();
    const Matrix& z = trace.pre_activations[l];
    double abs_sum = 0.0;
    std::size_t stalled = 0;
    for (const float sum : z) {
      abs_sum += std::fabs(activate(g, sum));
      stalled += std::fabs(activation_derivative(g, sum)) < stalled_slope ? 1 : 0;
    }
    const auto pairs = static_cast<double>(z.size());
    double squares = 0.0;
    for (const float d : gradients[l].weight) squares += static_cast<double>(d) * d;
    layers[l] = {.gradient_norm = static_cast<float>(std::sqrt(squares)),
                 .mean_abs_activation = static_cast<float>(abs_sum / pairs),
                 .stalled_share = static_cast<float>(static_cast<double>(stalled) / pairs)};
  }
  return layers;
}

float first_to_last_hidden_gradient_ratio(const std::vector<LayerStatistics>& layers) {
  if (layers.size() < 2) return 1.0f;  // no hidden layer: nothing between the inputs and the output
  const float last = layers[layers.size() - 2].gradient_norm;
  return last > 0.0f ? layers.front().gradient_norm / last : 0.0f;
}

}  // namespace nn
