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
  (void)z;
  todo("2.1", "return sigmoid(z) = 1 / (1 + e^(-z))");
  // TODO(student) END
}

float sigmoid_derivative(float z) {
  // TODO(student) BEGIN: sigmoid(z) (1 - sigmoid(z)).
  (void)z;
  todo("2.1", "return sigmoid'(z) = sigmoid(z) (1 - sigmoid(z))");
  // TODO(student) END
}

}  // namespace exercises
