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
