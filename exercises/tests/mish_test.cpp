// Exercise 4.1: mish and its derivative against their exact values, the derivative against central
// differences of the student's own mish, and both where e^z overflows a float. Each tolerance is relative
// (plus a small absolute term for values near 0), and each is set so that a correct float implementation
// passes with room to spare while the near-misses the test names do not.

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "exercises/mish.hpp"

namespace {

/// z, mish(z) and mish'(z), from the formulas in 30-digit arithmetic (mpmath), rounded to 12 digits.
struct Exact {
  double z;
  double mish;
  double slope;
};

constexpr Exact exact_values[] = {
    {-6.0, -0.0148540804794, -0.0123599679318}, {-3.0, -0.145647461276, -0.0933931145323},
    {-2.0, -0.252501482696, -0.10835509242},    {-1.5, -0.298099742167, -0.0640978158923},
    {-1.0, -0.303401461374, 0.0592167558774},   {-0.5, -0.220743774652, 0.289510677914},
    {-0.25, -0.129926963679, 0.439815601722},   {0.0, 0.0, 0.6},
    {0.25, 0.169572409664, 0.754172667721},     {0.5, 0.375245211305, 0.886424375358},
    {1.0, 0.865098388267, 1.0490362201},        {2.0, 1.94395895953, 1.06931793428},
    {4.0, 3.99741280698, 1.0044328769},         {6.0, 5.99992663407, 1.00013414051},
};

/// |actual - expected| <= relative |expected| + absolute, with a message that shows both and the ratio.
::testing::AssertionResult close(double actual, double expected, double relative, double absolute) {
  const double error = std::fabs(actual - expected);
  if (error <= relative * std::fabs(expected) + absolute) return ::testing::AssertionSuccess();
  // Its own stream: GoogleTest's prints every double to 17 digits, "1.0000000000000001e-05" for 1e-5.
  std::ostringstream text;
  text.precision(9);  // enough to tell two floats apart
  text << "got " << actual << ", expected " << expected;
  text.precision(3);
  text << ": off by " << error << ", a relative error of " << error / std::fabs(expected) << " where "
       << relative << " is allowed";
  return ::testing::AssertionFailure() << text.str();
}

TEST(Mish, MatchesZTanhSoftplusAtFixedPoints) {
  // 5e-5: float's rounding, even through log(1 + e^z) written as it reads, stays under 2e-5.
  for (const Exact& point : exact_values) {
    EXPECT_TRUE(close(exercises::mish(static_cast<float>(point.z)), point.mish, 5e-5, 1e-7))
        << "mish(" << point.z << ")";
  }
}

TEST(Mish, IsFiniteAndAtItsLimitsWhereTheExponentialOverflows) {
  // e^z overflows a float above z = 88.7. Far right, tanh(softplus(z)) is 1 in float, so mish(z) is z;
  // far left, mish(z) is a tiny negative number.
  for (float z : {100.0f, 1e4f, 3e38f}) EXPECT_EQ(exercises::mish(z), z) << "mish(" << z << ")";
  for (float z : {-100.0f, -1e4f, -3e38f}) {
    const float value = exercises::mish(z);
    EXPECT_TRUE(std::isfinite(value) && value <= 0.0f && value > -1e-30f)
        << "mish(" << z << ") = " << value << ", expected about 0 (finite, in (-1e-30, 0])";
  }
}

TEST(MishDerivative, MatchesTheExactSlopeToTenPartsInAMillion) {
  // 1e-5: the formula in float is within 3e-6 of the exact slope. At these points, whatever its step h, a
  // central difference in float is off by at least 3e-5 somewhere, a one-sided one by at least 5e-4, and a
  // slope scaled by 1.007 is off by 7e-3 everywhere. A central difference taken in double, with a step from
  // 1e-8 to 1e-4, is within a fiftieth of the tolerance: no test of values tells it from the formula
  // (tools/exercises/grade_test.py holds that it scores full marks; only reading the region shows it).
  for (const Exact& point : exact_values) {
    EXPECT_TRUE(close(exercises::mish_derivative(static_cast<float>(point.z)), point.slope, 1e-5, 1e-7))
        << "mish'(" << point.z << ")";
  }
}

TEST(MishDerivative, PassesTheGradientCheckAgainstYourMish) {
  // Central differences of your mish, (mish(z + h) - mish(z - h)) / 2h, subtracted and divided in double
  // at z = -6, -5.875, ..., 6 with h = 1/64, so that z - h and z + h are exact in float. What is left is
  // float's rounding of your mish and the formula's h^2 term: under 8e-4 of |slope| + 0.01 for a correct
  // mish', a tenth of what a slope 0.7% too large or too small is off by.
  const double h = 1.0 / 64.0;
  for (int k = -48; k <= 48; ++k) {
    const double z = k / 8.0;
    const double numeric = (static_cast<double>(exercises::mish(static_cast<float>(z + h))) -
                            static_cast<double>(exercises::mish(static_cast<float>(z - h)))) /
                           (2.0 * h);
    EXPECT_TRUE(close(exercises::mish_derivative(static_cast<float>(z)), numeric, 2e-3, 2e-5))
        << "mish'(" << z << ") against central differences of your mish";
  }
}

TEST(MishDerivative, IsFiniteAndNearItsLimitsWhereTheExponentialOverflows) {
  // Far right, tanh(softplus(z)) is 1 and its slope 0, so mish'(z) is 1; far left, every term is tiny. Loose
  // bounds: this test is about overflow (an infinity or a NaN), the ones above about precision.
  for (float z : {100.0f, 1e4f}) {
    const float slope = exercises::mish_derivative(z);
    EXPECT_TRUE(std::isfinite(slope) && std::fabs(slope - 1.0f) < 0.1f)
        << "mish'(" << z << ") = " << slope << ", expected about 1 (finite, within 0.1)";
  }
  for (float z : {-100.0f, -1e4f}) {
    const float slope = exercises::mish_derivative(z);
    EXPECT_TRUE(std::isfinite(slope) && std::fabs(slope) < 1e-3f)
        << "mish'(" << z << ") = " << slope << ", expected about 0 (finite, within 1e-3)";
  }
}

}  // namespace
