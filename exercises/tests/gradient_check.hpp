#pragma once
// The two checks the activation exercises' derivatives pass, each reported as one failure that shows the
// first point where it fails, the expected and the actual value, and what kind of mistake the misses look
// like:
// - the analytic check: the derivative against its formula, evaluated in double, to a relative tolerance
//   that a correct float implementation meets with room to spare and a scaled slope, a sign error or a
//   finite difference in float in place of the formula does not (one taken in double with a small step
//   rounds to the formula's float, and passes: no check of values can tell it apart);
// - the gradient check: the derivative against central differences of the student's own function, with the
//   library's own step and tolerance (tests/unit/nn/gradient_check.hpp, the check every activation of the
//   library, tanh included, passes in tests/unit/nn/activation_test.cpp).

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "../../tests/unit/nn/gradient_check.hpp"

namespace exercises::testing {

/// One point where a derivative was checked.
struct Checked {
  double z;
  double actual;
  double expected;
  double allowed;
};

/// What the points that missed have in common: a sign error, a constant factor, or neither.
inline std::string diagnosis(const std::vector<Checked>& points, double spread) {
  std::vector<double> ratios;
  for (const Checked& p : points) {
    if (std::fabs(p.expected) > 1e-6) ratios.push_back(p.actual / p.expected);
  }
  if (ratios.empty()) return "";
  double low = ratios.front(), high = ratios.front();
  for (double r : ratios) low = std::min(low, r), high = std::max(high, r);
  std::ostringstream text;
  text.precision(4);
  if (high - low <= spread * std::fabs(low)) {
    if (std::fabs(low + 1.0) < 2e-3)
      return "every value has the expected size and the wrong sign: a sign error";
    text << "every value is " << 0.5 * (low + high)
         << " times the expected one: a slope scaled by a constant factor";
    return text.str();
  }
  text << "the ratio to the expected value varies from " << low << " to " << high
       << ", as a finite difference's error does, or a term of the formula left out";
  return text.str();
}

/// One assertion for a whole grid: passes when every point is within its allowance, and otherwise shows the
/// first point that is not, how many are not, and the diagnosis; spread is how much the ratio of a correct
/// slope to the expected value may vary from point to point (the expected values' own error).
inline ::testing::AssertionResult all_within(const std::vector<Checked>& points, const std::string& name,
                                             const std::string& against, double spread) {
  std::vector<Checked> missed;
  for (const Checked& p : points) {
    if (!(std::fabs(p.actual - p.expected) <= p.allowed)) missed.push_back(p);
  }
  if (missed.empty()) return ::testing::AssertionSuccess();
  const Checked& first = missed.front();
  std::ostringstream text;
  text.precision(6);
  text << name << "'(" << first.z << ") = " << first.actual << ", expected " << first.expected << " ("
       << against << "): off by " << std::fabs(first.actual - first.expected) << ", more than the "
       << first.allowed << " allowed\n"
       << missed.size() << " of " << points.size() << " points miss; " << diagnosis(missed, spread);
  return ::testing::AssertionFailure() << text.str();
}

/// The analytic check: derivative(z) against exact(z), the formula in double, at z = from, from + 0.25, ...,
/// to, within relative |exact| + absolute.
template <typename Derivative, typename Exact>
::testing::AssertionResult matches_the_formula(Derivative derivative, Exact exact, double from, double to,
                                               double relative, double absolute, const std::string& name,
                                               const std::string& formula) {
  std::vector<Checked> points;
  for (double z = from; z <= to + 1e-9; z += 0.25) {
    const double expected = exact(z);
    points.push_back(
        {z, derivative(static_cast<float>(z)), expected, relative * std::fabs(expected) + absolute});
  }
  // The formula is exact, so a constant factor stays constant to the float rounding of the slope.
  return all_within(points, name, formula + ", in double", 1e-4);
}

/// The library's gradient check: derivative(z) against (f(z + h) - f(z - h)) / 2h of the student's own f,
/// taken in double with h = 0.01, within 1e-3 |numeric| + 5e-5, at z = from, from + 0.25, ..., to.
template <typename Function, typename Derivative>
::testing::AssertionResult passes_the_gradient_check(Function f, Derivative derivative, float from, float to,
                                                     const std::string& name) {
  std::vector<Checked> points;
  for (float z = from; z <= to; z += 0.25f) {
    float at = z;
    const double numeric = central_difference(at, [&] { return static_cast<double>(f(at)); });
    points.push_back({z, derivative(z), numeric, gradient_tolerance(numeric, 5e-5, 1e-3)});
  }
  // 2e-3: what a central difference of a float function adds to the ratio, within the tolerance.
  return all_within(points, name, "central differences of your " + name, 2e-3);
}

}  // namespace exercises::testing
