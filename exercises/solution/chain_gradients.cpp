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
  const std::size_t depth = weights.size();
  std::vector<float> outputs(depth + 1);  // a_0 = x, then a_l = sigmoid(w_l a_(l-1) + b_l)
  outputs[0] = x;
  for (std::size_t l = 0; l < depth; ++l) {
    const float z = weights[l] * outputs[l] + biases[l];
    outputs[l + 1] = 1.0f / (1.0f + std::exp(-z));
  }
  ChainGradients gradients{std::vector<float>(depth), std::vector<float>(depth)};
  float upstream = 2.0f * (outputs[depth] - t);  // dL/da_n = dL/dy for L = (y - t)^2
  for (std::size_t l = depth; l-- > 0;) {
    const float a = outputs[l + 1];
    const float dz = upstream * a * (1.0f - a);  // dL/dz_l = dL/da_l sigmoid'(z_l)
    gradients.biases[l] = dz;                    // dL/db_l = dL/dz_l, as dz_l/db_l = 1
    gradients.weights[l] = dz * outputs[l];      // dL/dw_l = dL/dz_l a_(l-1)
    upstream = dz * weights[l];                  // dL/da_(l-1) = dL/dz_l w_l, for the layer below
  }
  return gradients;
  // TODO(student) END
}

}  // namespace exercises
