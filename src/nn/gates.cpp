#include "nn/gates.hpp"

#include "nn/error.hpp"

namespace nn {

std::array<float, 4> truth_table_targets(Gate gate) {
  std::array<float, 4> targets{};
  for (std::size_t row = 0; row < 4; ++row) {
    const auto& x = truth_table_inputs[row];
    targets[row] = static_cast<float>(gate_output(gate, static_cast<int>(x[0]), static_cast<int>(x[1])));
  }
  return targets;
}

std::string gate_name(Gate gate) {
  switch (gate) {
    case Gate::and_gate: return "and";
    case Gate::or_gate: return "or";
    case Gate::nand_gate: return "nand";
    case Gate::xor_gate: return "xor";
  }
  return "and";
}

Gate parse_gate(const std::string& name) {
  for (Gate g : {Gate::and_gate, Gate::or_gate, Gate::nand_gate, Gate::xor_gate}) {
    if (gate_name(g) == name) return g;
  }
  throw InputError("unknown gate '" + name + "' (expected and, or, nand or xor)");
}

}  // namespace nn
