#include "nn/dead_units.hpp"

#include <string>

#include "nn/activation.hpp"
#include "nn/error.hpp"

namespace nn {

namespace {

/// Whether column `unit` of the layer's sums z gives g(z) = 0 and g'(z) = 0 on every row.
bool dead(Activation activation, const Matrix& z, std::size_t unit) {
  if (z.shape(0) == 0) return false;  // never seen, so not seen dead
  for (std::size_t row = 0; row < z.shape(0); ++row) {
    const float sum = z(row, unit);
    if (activate(activation, sum) != 0.0f || activation_derivative(activation, sum) != 0.0f) return false;
  }
  return true;
}

}  // namespace

DeadUnits count_dead_units(const Network& network, const Matrix& inputs) {
  const std::size_t columns = network.layers().front().in();
  if (inputs.shape(1) != columns) {
    throw InputError("dead units: the inputs have " + std::to_string(inputs.shape(1)) +
                     " columns, the network takes " + std::to_string(columns));
  }
  // The forward pass's own sums, so that the units judged are exactly the ones training saw.
  const ForwardTrace trace = network.forward_trace(inputs);
  const std::size_t hidden_layers = trace.pre_activations.size() - 1;
  DeadUnits units;
  for (std::size_t l = 0; l < hidden_layers; ++l) {
    const Matrix& z = trace.pre_activations[l];
    int count = 0;
    for (std::size_t unit = 0; unit < z.shape(1); ++unit)
      count += dead(network.activation(), z, unit) ? 1 : 0;
    units.per_layer.push_back(count);
    units.total += count;
    units.hidden_units += static_cast<int>(z.shape(1));
  }
  units.output_dead = dead(network.output_activation(), trace.pre_activations.back(), 0);
  return units;
}

}  // namespace nn
