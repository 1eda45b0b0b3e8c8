#pragma once
/// \file
/// Why a linear network is stuck: the loss floor of any linear map on a gate, and the best linear fit.
///
/// For any linear f(x1, x2) = w1 x1 + w2 x2 + b, the interaction f(1,1) - f(1,0) - f(0,1) + f(0,0) = 0.
/// A gate's targets have interaction d = t11 - t10 - t01 + t00 (1 for AND, -2 for XOR). So the residuals
/// r = f - t satisfy r00 - r01 - r10 + r11 = -d, hence sum |r| >= |d| (mean L1 >= |d|/4) and, by
/// Cauchy-Schwarz, sum r^2 >= d^2/4 (mean squared error >= d^2/16). Subtracting the interaction from the
/// targets reaches both floors at once.

#include <array>

#include "nn/gates.hpp"
#include "nn/linear.hpp"
#include "nn/loss.hpp"

namespace nn {

/// v00 - v01 - v10 + v11 for values on rows 00, 01, 10, 11: zero for every linear map.
float interaction(const std::array<float, 4>& values);

/// The least mean loss any linear map can reach on the gate's four rows: |d|/4 for L1, d^2/16 for MSE.
float linear_loss_floor(Gate gate, Loss loss);

/// The linear map that reaches both floors: the targets with their interaction removed,
/// f = t - (d/4) (+1, -1, -1, +1), read off as w1 = f10 - f00, w2 = f01 - f00, b = f00 (a 1 x 2 layer).
Linear best_linear_fit(Gate gate);

/// The outputs of a 2 -> 1 layer on rows 00, 01, 10, 11.
std::array<float, 4> outputs_on_truth_table(const Linear& map);

/// Whether every output, rounded at 0.5, gives its target (rounds_to_target): the book's "separates the
/// gate with a threshold at 0.5".
bool rounds_to(const std::array<float, 4>& outputs, const std::array<float, 4>& targets);

}  // namespace nn
