#include "nn/gates.hpp"

namespace nn {

std::array<float, 4> truth_table_targets(Gate gate) {
  std::array<float, 4> targets{};
  for (std::size_t row = 0; row < 4; ++row) {
    const auto& x = truth_table_inputs[row];
    targets[row] = static_cast<float>(gate_output(gate, static_cast<int>(x[0]), static_cast<int>(x[1])));
  }
  return targets;
}

std::string gate_name(Gate gate) { return name_in(gate_names, gate); }

Gate parse_gate(const std::string& name) { return parse_name(gate_names, "gate", name); }

}  // namespace nn
