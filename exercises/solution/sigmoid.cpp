// Exercise 2.1 (chapter 2): the logistic sigmoid and its derivative.
//
// Write sigmoid and sigmoid_derivative. The test checks the derivative against finite differences of your
// sigmoid (the same gradient check the library's tanh passes), its symmetry, and that both stay finite for
// large inputs.

#include <cmath>

#include "exercises/sigmoid.hpp"
#include "exercises/todo.hpp"

namespace exercises {

float sigmoid(float z) {
  // TODO(student) BEGIN: 1 / (1 + e^(-z)); for very negative z, e^(-z) overflows to infinity: is that fine?
  // 1 / (1 + inf) is 0, the right limit, so the plain formula is safe in IEEE arithmetic.
  return 1.0f / (1.0f + std::exp(-z));
  // TODO(student) END
}

float sigmoid_derivative(float z) {
  // TODO(student) BEGIN: sigmoid(z) (1 - sigmoid(z)).
  const float s = sigmoid(z);
  return s * (1.0f - s);
  // TODO(student) END
}

}  // namespace exercises
