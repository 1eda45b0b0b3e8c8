#pragma once
// The generic gradient check the activation exercises pass: an activation's derivative must agree with
// central finite differences of the activation itself, (f(z + h) - f(z - h)) / 2h, at every point of a grid.

#include <gtest/gtest.h>

#include <string>

namespace exercises::testing {

/// Checks derivative(z) against finite differences of f at z = from, from + 0.25, ..., to.
template <typename Function, typename Derivative>
void expect_derivative_matches_finite_differences(Function f, Derivative derivative, float from, float to,
                                                  const std::string& name) {
  // h balances the formula's error (h^2 f''') against float rounding (eps / h): about 1e-4 each.
  const float h = 1e-2f;
  for (float z = from; z <= to; z += 0.25f) {
    const float numeric = (f(z + h) - f(z - h)) / (2.0f * h);
    EXPECT_NEAR(derivative(z), numeric, 2e-3f) << name << "'(" << z << ") against finite differences";
  }
}

}  // namespace exercises::testing
