#pragma once
/// \file
/// Dead units: hidden units that a set of inputs never switches on. A ReLU unit whose sum z = W a + b is at
/// most 0 on every input outputs 0 there and has slope 0 there, so no gradient flows back through it and no
/// step of gradient descent can bring it back: it is as if the layer had one unit fewer.

#include <vector>

#include "nn/network.hpp"
#include "nn/tensor.hpp"

namespace nn {

/// Which hidden units of a network are dead on a set of inputs.
struct DeadUnits {
  /// For each hidden layer (every layer but the last, first layer first), the number of its dead units.
  std::vector<int> per_layer;
  /// The dead units of all hidden layers together.
  int total = 0;
  /// The hidden units of all hidden layers together, dead or not, for "total of hidden_units".
  int hidden_units = 0;
  /// The output unit by the same rule, under the output activation: an output unit that is dead on every
  /// input leaves the whole network without a gradient (a linear output is never dead).
  bool output_dead = false;
};

/// Counts the units that are dead on `inputs` (rows x 2, one input a row): a unit is dead when, on every row,
/// its output g(z) is exactly 0 *and* its slope g'(z) is exactly 0, so it neither passes a signal forward
/// nor a gradient back. For ReLU the two go together (g(z) = 0 exactly where z <= 0, and there g'(z) = 0);
/// the second condition keeps out a unit that outputs 0 only because its z is exactly 0 (a tanh unit with
/// zero weights is silent but still learns). With no rows nothing is seen, so no unit counts as dead.
/// Throws InputError when `inputs` does not have one column per input of the network's first layer.
DeadUnits count_dead_units(const Network& network, const Matrix& inputs);

}  // namespace nn
