#pragma once
/// \file
/// The logic gates and their truth tables: rows 00, 01, 10, 11 in that order.

#include <array>
#include <string>

#include "nn/host_device.hpp"
#include "nn/names.hpp"

namespace nn {

/// A two-input logic gate.
enum class Gate { and_gate, or_gate, nand_gate, xor_gate };

/// The flag spelling of each gate.
inline constexpr NameTable<Gate, 4> gate_names{{
    {Gate::and_gate, "and"},
    {Gate::or_gate, "or"},
    {Gate::nand_gate, "nand"},
    {Gate::xor_gate, "xor"},
}};
static_assert(in_enum_order(gate_names), "one name per gate, in the enum's order");

/// The four inputs of every truth table, in the order 00, 01, 10, 11.
inline constexpr std::array<std::array<float, 2>, 4> truth_table_inputs{{{0, 0}, {0, 1}, {1, 0}, {1, 1}}};

/// The gate's output for inputs a, b (each 0 or 1).
NN_HOST_DEVICE inline constexpr int gate_output(Gate gate, int a, int b) {
  switch (gate) {
    case Gate::and_gate:
      return a & b;
    case Gate::or_gate:
      return a | b;
    case Gate::nand_gate:
      return 1 - (a & b);
    case Gate::xor_gate:
      return a ^ b;
  }
  return 0;
}

/// The gate's targets for rows 00, 01, 10, 11.
std::array<float, 4> truth_table_targets(Gate gate);

/// The flag spelling (gate_names): "and", "or", "nand", "xor".
std::string gate_name(Gate gate);

/// Parses "and", "or", "nand" or "xor"; throws InputError, listing the names, on anything else.
Gate parse_gate(const std::string& name);

}  // namespace nn
