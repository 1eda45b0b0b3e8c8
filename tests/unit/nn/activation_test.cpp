#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "gradient_check.hpp"
#include "nn/activation.hpp"
#include "nn/error.hpp"

namespace {

// Both sides of zero, near it and out where tanh saturates.
const float sample_points[] = {-3.0f, -1.5f, -0.5f, -0.1f, 0.0f, 0.2f, 0.7f, 1.3f, 2.5f};

void expect_derivative_matches_finite_differences(nn::Activation activation) {
  for (float z : sample_points) {
    float at = z;
    const double numeric = central_difference(at, [&] { return nn::activate(activation, at); });
    // h = 0.01: truncation h^2 |g'''| / 6 < 4e-5, float rounding about 6e-8 / 0.02 = 3e-6.
    EXPECT_NEAR(nn::activation_derivative(activation, z), numeric, 1e-4) << "at z = " << z;
  }
}

}  // namespace

TEST(Activation, IdentityDerivativeMatchesFiniteDifferences) {
  expect_derivative_matches_finite_differences(nn::Activation::identity);
}

TEST(Activation, TanhDerivativeMatchesFiniteDifferences) {
  expect_derivative_matches_finite_differences(nn::Activation::tanh);
}

TEST(Activation, IdentityPassesValuesThroughAndTanhIsTanh) {
  for (float z : sample_points) {
    EXPECT_EQ(nn::activate(nn::Activation::identity, z), z);
    EXPECT_NEAR(nn::activate(nn::Activation::tanh, z), std::tanh(static_cast<double>(z)), 1e-6);
  }
}

TEST(Activation, NamesRoundTripAndUnknownNamesAreRejected) {
  EXPECT_EQ(nn::activation_name(nn::Activation::identity), "none");
  EXPECT_EQ(nn::activation_name(nn::Activation::tanh), "tanh");
  for (nn::Activation a : {nn::Activation::identity, nn::Activation::tanh}) {
    EXPECT_EQ(nn::parse_activation(nn::activation_name(a)), a);
  }
  EXPECT_THROW(nn::parse_activation("relu"), nn::InputError);
  EXPECT_THROW(nn::parse_activation("identity"), nn::InputError);
}
