#include "nn/linear_floor.hpp"

#include <cmath>

#include <xtensor/xbuilder.hpp>

namespace nn {

namespace {
constexpr std::array<float, 4> interaction_signs{1.0f, -1.0f, -1.0f, 1.0f};
}

float interaction(const std::array<float, 4>& values) {
  float d = 0.0f;
  for (std::size_t row = 0; row < 4; ++row) d += interaction_signs[row] * values[row];
  return d;
}

float linear_loss_floor(Gate gate, Loss loss) {
  const float d = interaction(truth_table_targets(gate));
  return loss == Loss::l1 ? std::fabs(d) / 4.0f : d * d / 16.0f;
}

Linear best_linear_fit(Gate gate) {
  const std::array<float, 4> t = truth_table_targets(gate);
  const float d = interaction(t);
  std::array<float, 4> f{};
  for (std::size_t row = 0; row < 4; ++row) f[row] = t[row] - d / 4.0f * interaction_signs[row];
  Linear map = zero_linear(2, 1);
  map.weight(0, 0) = f[2] - f[0];
  map.weight(0, 1) = f[1] - f[0];
  map.bias(0) = f[0];
  return map;
}

std::array<float, 4> outputs_on_truth_table(const Linear& map) {
  Matrix inputs = xt::zeros<float>({4, 2});
  for (std::size_t row = 0; row < 4; ++row) {
    inputs(row, 0) = truth_table_inputs[row][0];
    inputs(row, 1) = truth_table_inputs[row][1];
  }
  const Matrix z = map.forward(inputs);
  return {z(0, 0), z(1, 0), z(2, 0), z(3, 0)};
}

bool rounds_to(const std::array<float, 4>& outputs, const std::array<float, 4>& targets) {
  for (std::size_t row = 0; row < 4; ++row) {
    if (!rounds_to_target(outputs[row], targets[row])) return false;
  }
  return true;
}

}  // namespace nn
