#pragma once
/// \file
/// Exercise 4.2: which hidden units of a network are dead on a set of inputs.

#include <vector>

#include "nn/network.hpp"
#include "nn/tensor.hpp"

namespace exercises {

/// For each hidden layer (every layer but the last, first layer first), one flag per unit, in the layer's
/// order: true when the unit is dead on `inputs` (rows x 2, one input a row), that is, when on every row its
/// output g(z) is exactly 0 and its slope g'(z) is exactly 0, with g the network's activation. With no rows
/// nothing is seen, so no unit is dead. The same rule as nn::count_dead_units, which only counts them.
std::vector<std::vector<bool>> dead_hidden_units(const nn::Network& network, const nn::Matrix& inputs);

}  // namespace exercises
