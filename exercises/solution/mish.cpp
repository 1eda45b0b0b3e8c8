// Exercise 4.1 (chapter 4): mish, an activation the library does not have, and its derivative.
//
// Write mish and mish_derivative. The tests compare both with their exact values at fixed points, the
// derivative to a relative tolerance of 1e-5, which a finite difference in float, one-sided or central,
// misses. (One in double, with a small step, meets it as the formula does: the tests cannot tell them
// apart, but the exercise asks for the formula.) They also check your derivative against central
// differences of your mish (taken in double), and that both stay finite where e^z overflows a float.

#include <cmath>

#include "exercises/mish.hpp"
#include "exercises/debug.hpp"  // exercises::debug(...) prints while you debug
#include "exercises/todo.hpp"

namespace exercises {

float mish(float z) {
  // TODO(student) BEGIN: z tanh(softplus(z)); exercise 2.2 wrote a softplus that cannot overflow.
  // softplus(z) = max(z, 0) + log(1 + e^(-|z|)): the exponential is at most 1.
  const float softplus = std::fmax(z, 0.0f) + std::log1p(std::exp(-std::fabs(z)));
  return z * std::tanh(softplus);
  // TODO(student) END
}

float mish_derivative(float z) {
  // TODO(student) BEGIN: the product rule on z times tanh(s), then the chain rule through s = softplus(z).
  // mish'(z) = tanh(s) + z tanh'(s) s'(z) = tanh(s) + z sech(s)^2 sigmoid(z). sech(s)^2 = 1 / cosh(s)^2
  // rather than 1 - tanh(s)^2, which loses its digits to cancellation where tanh(s) is close to 1.
  const float softplus = std::fmax(z, 0.0f) + std::log1p(std::exp(-std::fabs(z)));
  const float sech = 1.0f / std::cosh(softplus);
  const float sigmoid = 1.0f / (1.0f + std::exp(-z));
  return std::tanh(softplus) + z * sech * sech * sigmoid;
  // TODO(student) END
}

}  // namespace exercises
