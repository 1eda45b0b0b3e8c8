#pragma once
/// \file
/// What a trained network does on the truth table, and whether it learned the gate.

#include <array>

#include "nn/gates.hpp"
#include "nn/loss.hpp"
#include "nn/network.hpp"

namespace nn {

/// The trained network judged on rows 00, 01, 10, 11.
struct Outcome {
  std::array<float, 4> predictions;  ///< The network's outputs on rows 00, 01, 10, 11.
  std::array<float, 4> targets;      ///< The gate's outputs.
  float final_loss;                  ///< The chosen loss, averaged over the four rows.
  float final_l1_loss;               ///< Mean L1 over the four rows, whatever loss trained it.
  bool learned;                      ///< All four rounded outputs right and final_l1_loss < 0.05.
};

/// Runs the network on the gate's truth table and judges it.
Outcome evaluate(const Network& network, Gate gate, Loss loss);

}  // namespace nn
