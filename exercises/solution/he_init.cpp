// Exercise 5.2 (chapter 5): the bound of He's initialisation, from the variance it must give the weights.
//
// Write uniform_variance, the variance of U(-a, a), and he_bound, the a for which that variance is 2 / n for
// a layer of n inputs. The tests compare your bound with the library's (nn::initial_weight_bound) for every
// fan-in from 1 to 4096, your variance with its exact value, and both with many draws from U(-a, a): the
// draws' variance must be within 4 standard errors of yours and, drawn with your bound, of 2 / n. The
// headline test draws a thousand ReLU networks of 8 layers of width 16 with your bound and checks what this
// chapter is about: the mean square of each layer's output is that of its input, within 4 standard errors;
// a second test halves your bound and checks that the mean square then shrinks fourfold at every layer.

#include <cmath>

#include "exercises/he_init.hpp"
#include "exercises/debug.hpp"  // exercises::debug(...) prints while you debug
#include "exercises/todo.hpp"

namespace exercises {

float he_bound(int fan_in) {
  // TODO(student) BEGIN: the variance of U(-a, a) is uniform_variance(a), below; set it to 2 / fan_in, solve.
  // a^2 / 3 = 2 / n, so a = sqrt(6 / n).
  return std::sqrt(6.0f / static_cast<float>(fan_in));
  // TODO(student) END
}

float uniform_variance(float bound) {
  // TODO(student) BEGIN: the mean of w^2 under the density 1 / (2a) on [-a, a] (the mean of w is 0).
  // The integral of w^2 / (2a) from -a to a is (a^3 / 3 - (-a)^3 / 3) / (2a) = a^2 / 3.
  return bound * bound / 3.0f;
  // TODO(student) END
}

}  // namespace exercises
