// Exercise 2.1 (chapter 2): the logistic sigmoid and its derivative.
//
// Write sigmoid and sigmoid_derivative. The tests check the derivative against its formula evaluated in
// double (a scaled slope, or a finite difference taken in float, in its place fails), and against central
// differences of your sigmoid with the gradient check every activation of the library, tanh included,
// passes; then the sigmoid's values, its symmetry, and that both stay finite for large inputs.

#include <cmath>

#include "exercises/sigmoid.hpp"
#include "exercises/debug.hpp"  // exercises::debug(...) prints while you debug
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
