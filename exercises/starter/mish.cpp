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
  (void)z;
  todo("4.1", "return mish(z) = z tanh(softplus(z)), softplus(z) = log(1 + e^z)");
  // TODO(student) END
}

float mish_derivative(float z) {
  // TODO(student) BEGIN: the product rule on z times tanh(s), then the chain rule through s = softplus(z).
  (void)z;
  todo("4.1", "return mish'(z), derived by the product and chain rules, with s = softplus(z)");
  // TODO(student) END
}

}  // namespace exercises
