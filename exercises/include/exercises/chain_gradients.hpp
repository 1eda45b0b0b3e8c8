#pragma once
/// \file
/// Exercise 5.1: the gradients of a deep chain of sigmoid units, by the chain rule, by hand.

#include <vector>

namespace exercises {

/// dL/dw_l and dL/db_l of every layer of a chain, first layer first.
struct ChainGradients {
  std::vector<float> weights;  ///< dL/dw_l, one a layer.
  std::vector<float> biases;   ///< dL/db_l, one a layer: also dL/dz_l, since z_l = w_l a_(l-1) + b_l.
};

/// The gradients of the loss L = (y - t)^2 (the library's mse on one row) for a chain of n layers of one
/// unit each, a sigmoid after every layer, the last one too: a_0 = x, z_l = w_l a_(l-1) + b_l,
/// a_l = sigmoid(z_l), y = a_n. `weights` and `biases` hold w_1 ... w_n and b_1 ... b_n (the same length,
/// at least 1); the result holds one gradient of each kind per layer, in the same order.
ChainGradients sigmoid_chain_gradients(const std::vector<float>& weights, const std::vector<float>& biases,
                                       float x, float t);

}  // namespace exercises
