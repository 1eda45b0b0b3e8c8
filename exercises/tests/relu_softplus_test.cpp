// Exercise 2.2: ReLU and softplus, their derivatives (against the formula and the library's gradient
// check), and softplus where e^z overflows, the exercise's headline.

#include <gtest/gtest.h>

#include <cmath>

#include "exercises/relu_softplus.hpp"
#include "gradient_check.hpp"

namespace {

TEST(Relu, IsZeroBelowTheKinkAndTheIdentityAbove) {
  EXPECT_EQ(exercises::relu(-2.0f), 0.0f);
  EXPECT_EQ(exercises::relu(0.0f), 0.0f);
  EXPECT_EQ(exercises::relu(3.5f), 3.5f);
}

TEST(ReluDerivative, IsAStepThatIsZeroAtTheKink) {
  EXPECT_EQ(exercises::relu_derivative(-1.0f), 0.0f);
  EXPECT_EQ(exercises::relu_derivative(0.0f), 0.0f) << "at the kink, the convention is 0";
  EXPECT_EQ(exercises::relu_derivative(2.0f), 1.0f);
  EXPECT_TRUE(exercises::testing::passes_the_gradient_check(exercises::relu, exercises::relu_derivative,
                                                            -3.0f, -0.25f, "relu"));
  EXPECT_TRUE(exercises::testing::passes_the_gradient_check(exercises::relu, exercises::relu_derivative,
                                                            0.25f, 3.0f, "relu"));
}

TEST(Softplus, HasItsKnownValues) {
  EXPECT_NEAR(exercises::softplus(0.0f), std::log(2.0f), 1e-6f);
  EXPECT_NEAR(exercises::softplus(1.0f), 1.3132616f, 1e-6f);
  EXPECT_NEAR(exercises::softplus(-1.0f), 0.3132617f, 1e-6f);
}

TEST(Softplus, StaysFiniteWhereTheExponentialOverflows) {
  // e^z overflows a float above z = 88.7, so log(1 + e^z) as it reads is infinite there.
  EXPECT_NEAR(exercises::softplus(100.0f), 100.0f, 1e-4f)
      << "softplus(z) - z = log(1 + e^(-z)) is tiny for large z";
  EXPECT_NEAR(exercises::softplus(1000.0f), 1000.0f, 1e-3f);
  const float tiny = exercises::softplus(-100.0f);
  EXPECT_TRUE(tiny >= 0.0f && tiny < 1e-30f)
      << "softplus(-100) = " << tiny << ", expected log(1 + e^-100), about 3.7e-44 (at least 0, under 1e-30)";
}

TEST(SoftplusDerivative, IsOneOverOnePlusEToTheMinusZ) {
  // 1e-5 relative: the formula in float is within 1e-7 of the exact slope; a scaled slope, a sign error or a
  // finite difference in float in its place is off by far more (one in double, with a small step, is not).
  EXPECT_TRUE(exercises::testing::matches_the_formula(
      exercises::softplus_derivative, [](double z) { return 1.0 / (1.0 + std::exp(-z)); }, -6.0, 6.0, 1e-5,
      1e-9, "softplus", "1 / (1 + e^(-z))"));
  EXPECT_EQ(exercises::softplus_derivative(100.0f), 1.0f);
  const float far_left = exercises::softplus_derivative(-100.0f);
  EXPECT_TRUE(std::isfinite(far_left) && far_left >= 0.0f && far_left < 1e-30f)
      << "softplus'(-100) = " << far_left
      << ", expected 1 / (1 + e^100), about 3.7e-44 (at least 0, under 1e-30)";
}

TEST(SoftplusDerivative, PassesTheLibrarysGradientCheckAgainstYourSoftplus) {
  EXPECT_TRUE(exercises::testing::passes_the_gradient_check(
      exercises::softplus, exercises::softplus_derivative, -6.0f, 6.0f, "softplus"));
}

}  // namespace
