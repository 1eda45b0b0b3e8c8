#include "nn/linear_regions.hpp"

#include <map>

#include "nn/error.hpp"

namespace nn {

LinearRegions linear_regions(const Network& network, const Matrix& inputs) {
  if (!is_piecewise_linear(network.activation())) {
    throw InputError("linear regions: " + activation_name(network.activation()) +
                     " is not made of straight pieces (none, relu or leaky-relu)");
  }
  const ForwardTrace trace = network.forward_trace(inputs);
  // The identity has no kink: a network without an activation is one affine map, one piece.
  const std::size_t hidden_layers =
      network.activation() == Activation::identity ? 0 : trace.pre_activations.size() - 1;
  std::map<std::vector<bool>, int> numbers;
  LinearRegions regions;
  std::vector<bool> pattern;
  for (std::size_t row = 0; row < inputs.shape(0); ++row) {
    pattern.clear();
    for (std::size_t l = 0; l < hidden_layers; ++l) {
      const Matrix& z = trace.pre_activations[l];
      for (std::size_t unit = 0; unit < z.shape(1); ++unit) pattern.push_back(z(row, unit) > 0.0f);
    }
    const auto [at, added] = numbers.try_emplace(pattern, static_cast<int>(numbers.size()));
    regions.region_of.push_back(at->second);
  }
  regions.count = static_cast<int>(numbers.size());
  return regions;
}

}  // namespace nn
