// Exercise 2.2: ReLU and softplus, their derivatives, and softplus where e^z overflows.

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

TEST(Relu, DerivativeIsAStepThatIsZeroAtTheKink) {
  EXPECT_EQ(exercises::relu_derivative(-1.0f), 0.0f);
  EXPECT_EQ(exercises::relu_derivative(0.0f), 0.0f);
  EXPECT_EQ(exercises::relu_derivative(2.0f), 1.0f);
  exercises::testing::expect_derivative_matches_finite_differences(
      exercises::relu, exercises::relu_derivative, -3.0f, -0.25f, "relu");
  exercises::testing::expect_derivative_matches_finite_differences(
      exercises::relu, exercises::relu_derivative, 0.25f, 3.0f, "relu");
}

TEST(Softplus, HasItsKnownValues) {
  EXPECT_NEAR(exercises::softplus(0.0f), std::log(2.0f), 1e-6f);
  EXPECT_NEAR(exercises::softplus(1.0f), 1.3132616f, 1e-6f);
  EXPECT_NEAR(exercises::softplus(-1.0f), 0.3132617f, 1e-6f);
}

TEST(Softplus, DerivativePassesTheGradientCheck) {
  exercises::testing::expect_derivative_matches_finite_differences(
      exercises::softplus, exercises::softplus_derivative, -6.0f, 6.0f, "softplus");
}

TEST(Softplus, StaysFiniteWhereTheExponentialOverflows) {
  EXPECT_NEAR(exercises::softplus(100.0f), 100.0f, 1e-4f);
  EXPECT_NEAR(exercises::softplus(1000.0f), 1000.0f, 1e-3f);
  const float tiny = exercises::softplus(-100.0f);
  EXPECT_TRUE(tiny >= 0.0f && tiny < 1e-30f) << "softplus(-100) = " << tiny;
  EXPECT_EQ(exercises::softplus_derivative(100.0f), 1.0f);
  EXPECT_TRUE(std::isfinite(exercises::softplus_derivative(-100.0f)));
}

}  // namespace
