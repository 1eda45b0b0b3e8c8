// Exercise 2.2 (chapter 2): ReLU and softplus, with their derivatives.
//
// Write the four functions. The tests check ReLU's derivative against the library's gradient check away
// from the kink and its convention at the kink, softplus's derivative against its formula in double and the
// gradient check, and, worth the most, that softplus stays finite where e^z overflows.

#include <cmath>

#include "exercises/relu_softplus.hpp"
#include "exercises/debug.hpp"  // exercises::debug(...) prints while you debug
#include "exercises/todo.hpp"

namespace exercises {

float relu(float z) {
  // TODO(student) BEGIN
  (void)z;
  todo("2.2", "return relu(z) = max(0, z)");
  // TODO(student) END
}

float relu_derivative(float z) {
  // TODO(student) BEGIN
  (void)z;
  todo("2.2", "return 1 for z > 0 and 0 otherwise");
  // TODO(student) END
}

float softplus(float z) {
  // TODO(student) BEGIN: log(1 + e^z) overflows for large z; what is softplus(z) - z there?
  (void)z;
  todo("2.2", "return softplus(z) = log(1 + e^z), finite for large z");
  // TODO(student) END
}

float softplus_derivative(float z) {
  // TODO(student) BEGIN
  (void)z;
  todo("2.2", "return softplus'(z) = 1 / (1 + e^(-z))");
  // TODO(student) END
}

}  // namespace exercises
