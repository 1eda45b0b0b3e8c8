// Exercise 5.1 (chapter 5): the gradients of a deep chain of sigmoid units, by the chain rule, by hand.
//
// Write sigmoid_chain_gradients: run the chain forward, keeping each layer's input and output, then walk
// back from the loss to the first layer, one layer at a time, as the library's backward pass does for a
// whole network. This file includes nothing of the library: the chain rule is yours to write. The tests
// compare your gradients with the library's backward pass (nn::Network::backward) on chains of 1, 3 and 8
// layers, in float, to a relative 1e-4; there the gradients of the deep layers are so small beside the
// loss that a finite difference of the loss in float is off by far more. The headline test sets every
// weight to 1 and every bias to 0 and checks what this chapter is about: each layer's dL/db is at most a
// quarter of the one above it, because the sigmoid's slope is at most 1/4.

#include <cmath>
#include <cstddef>
#include <vector>

#include "exercises/chain_gradients.hpp"
#include "exercises/debug.hpp"  // exercises::debug(...) prints while you debug
#include "exercises/todo.hpp"

namespace exercises {

ChainGradients sigmoid_chain_gradients(const std::vector<float>& weights, const std::vector<float>& biases,
                                       float x, float t) {
  // TODO(student) BEGIN: forward, keeping a_0 = x, a_1, ..., a_n; then back from dL/dy = 2 (y - t):
  // dL/dz_l = dL/da_l sigmoid'(z_l), where sigmoid'(z_l) = a_l (1 - a_l); then dL/da_(l-1) = dL/dz_l w_l.
  (void)weights, (void)biases, (void)x, (void)t;
  todo("5.1", "return dL/dw_l and dL/db_l of every layer, by the chain rule back from dL/dy = 2 (y - t)");
  // TODO(student) END
}

}  // namespace exercises
