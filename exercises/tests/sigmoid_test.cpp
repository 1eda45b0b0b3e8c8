// Exercise 2.1: the sigmoid's values, symmetry, gradient check and behaviour at large inputs.

#include <gtest/gtest.h>

#include <cmath>

#include "exercises/sigmoid.hpp"
#include "gradient_check.hpp"

namespace {

TEST(Sigmoid, HasItsKnownValues) {
  EXPECT_NEAR(exercises::sigmoid(0.0f), 0.5f, 1e-6f);
  EXPECT_NEAR(exercises::sigmoid(1.0f), 0.7310586f, 1e-6f);
  EXPECT_NEAR(exercises::sigmoid(-2.0f), 0.1192029f, 1e-6f);
}

TEST(Sigmoid, IsSymmetricAboutOneHalf) {
  for (float z = -8.0f; z <= 8.0f; z += 0.5f) {
    EXPECT_NEAR(exercises::sigmoid(-z), 1.0f - exercises::sigmoid(z), 1e-6f) << "z = " << z;
  }
}

TEST(Sigmoid, DerivativePassesTheGradientCheck) {
  exercises::testing::expect_derivative_matches_finite_differences(
      exercises::sigmoid, exercises::sigmoid_derivative, -6.0f, 6.0f, "sigmoid");
}

TEST(Sigmoid, StaysFiniteAndBetweenZeroAndOneForLargeInputs) {
  for (float z : {-1e4f, -100.0f, -50.0f, 50.0f, 100.0f, 1e4f}) {
    const float value = exercises::sigmoid(z);
    const float slope = exercises::sigmoid_derivative(z);
    EXPECT_TRUE(std::isfinite(value) && value >= 0.0f && value <= 1.0f) << "sigmoid(" << z << ") = " << value;
    EXPECT_TRUE(std::isfinite(slope) && slope >= 0.0f) << "sigmoid'(" << z << ") = " << slope;
  }
  EXPECT_EQ(exercises::sigmoid(100.0f), 1.0f);
  EXPECT_LT(exercises::sigmoid(-100.0f), 1e-30f);
}

}  // namespace
