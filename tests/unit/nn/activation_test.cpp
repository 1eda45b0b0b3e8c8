#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "gradient_check.hpp"
#include "nn/activation.hpp"
#include "nn/error.hpp"

namespace {

// Both sides of zero, near it and out where tanh saturates; none within the finite difference's step of 0,
// where relu, leaky-relu, elu and step have their kinks.
const float sample_points[] = {-3.0f, -1.5f, -0.5f, -0.1f, 0.2f, 0.7f, 1.3f, 2.5f};

std::string name_of(const ::testing::TestParamInfo<nn::Activation>& info) {
  std::string name = nn::activation_name(info.param);
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

class EveryActivation : public ::testing::TestWithParam<nn::Activation> {};

INSTANTIATE_TEST_SUITE_P(Activation, EveryActivation, ::testing::ValuesIn(nn::all_activations()), name_of);

// g' against (g(z + h) - g(z - h)) / 2h in double, h = 0.01. Truncation is h^2 |g'''| / 6, below 4e-5 for
// these functions; float rounding of g adds about 6e-8 |g| / 0.02 = 3e-6 |g|.
TEST_P(EveryActivation, DerivativeMatchesFiniteDifferences) {
  const nn::Activation activation = GetParam();
  for (float z : sample_points) {
    float at = z;
    const double numeric = central_difference(at, [&] { return nn::activate(activation, at); });
    EXPECT_NEAR(nn::activation_derivative(activation, z), numeric, gradient_tolerance(numeric, 5e-5, 1e-3))
        << "at z = " << z;
  }
}

// The Thrust trainer takes g' from g(z) where it can; chapter 2 from z alone. Both must be the same float, or
// the two trainers would drift apart.
TEST_P(EveryActivation, SlopeFromTheOutputIsTheDerivative) {
  const nn::Activation activation = GetParam();
  for (float z = -12.0f; z <= 12.0f; z += 0.0625f) {
    EXPECT_EQ(nn::activation_slope(activation, z, nn::activate(activation, z)),
              nn::activation_derivative(activation, z))
        << "at z = " << z;
  }
}

TEST_P(EveryActivation, FiniteFarFromZero) {
  const nn::Activation activation = GetParam();
  for (float z : {-100.0f, 100.0f}) {
    EXPECT_TRUE(std::isfinite(nn::activate(activation, z))) << "at z = " << z;
    EXPECT_TRUE(std::isfinite(nn::activation_derivative(activation, z))) << "at z = " << z;
  }
}

TEST_P(EveryActivation, NameRoundTrips) {
  EXPECT_EQ(nn::parse_activation(nn::activation_name(GetParam())), GetParam());
}

TEST(Activation, IdentityPassesValuesThroughAndTanhIsTanh) {
  for (float z : sample_points) {
    EXPECT_EQ(nn::activate(nn::Activation::identity, z), z);
    EXPECT_NEAR(nn::activate(nn::Activation::tanh, z), std::tanh(static_cast<double>(z)), 1e-6);
  }
}

// The values of the formulas, computed in double, at points either side of zero.
TEST(Activation, ValuesAreTheirFormulas) {
  const double pi = std::acos(-1.0);
  for (float f : {-4.0f, -2.5f, -1.0f, -0.3f, 0.0f, 0.4f, 1.0f, 2.0f, 3.5f}) {
    const double z = f;
    const auto expect = [&](nn::Activation a, double expected) {
      EXPECT_NEAR(nn::activate(a, f), expected, 2e-6 + 1e-6 * std::fabs(expected))
          << nn::activation_name(a) << " at z = " << z;
    };
    expect(nn::Activation::sigmoid, 1.0 / (1.0 + std::exp(-z)));
    expect(nn::Activation::relu, std::max(z, 0.0));
    expect(nn::Activation::leaky_relu, z > 0 ? z : 0.01 * z);
    expect(nn::Activation::elu, z > 0 ? z : std::exp(z) - 1.0);
    // PyTorch's GELU(approximate='tanh'); the float version's tanh is rational_tanh, within 4.1e-7 of tanh.
    expect(nn::Activation::gelu,
           0.5 * z * (1.0 + std::tanh(std::sqrt(2.0 / pi) * (z + 0.044715 * z * z * z))));
    expect(nn::Activation::softplus, std::log(1.0 + std::exp(z)));
    expect(nn::Activation::sin, std::sin(z));
    expect(nn::Activation::step, z >= 0 ? 1.0 : 0.0);
  }
}

// At the kinks g' takes PyTorch's values: relu'(0) = 0, leaky_relu'(0) = the slope below 0, elu'(0) = 1.
// step' is 0 on both sides of its jump, so a network of steps gets no gradient at all.
TEST(Activation, KinksFollowPyTorch) {
  EXPECT_EQ(nn::activation_derivative(nn::Activation::relu, 0.0f), 0.0f);
  EXPECT_EQ(nn::activation_derivative(nn::Activation::relu, 1e-30f), 1.0f);
  EXPECT_EQ(nn::activation_derivative(nn::Activation::leaky_relu, 0.0f), 0.01f);
  EXPECT_EQ(nn::activation_derivative(nn::Activation::leaky_relu, 1e-30f), 1.0f);
  EXPECT_EQ(nn::activation_derivative(nn::Activation::elu, 0.0f), 1.0f);
  EXPECT_EQ(nn::activate(nn::Activation::step, 0.0f), 1.0f);
  EXPECT_EQ(nn::activate(nn::Activation::step, -1e-30f), 0.0f);
  for (float z : {-1.0f, 0.0f, 1.0f}) EXPECT_EQ(nn::activation_derivative(nn::Activation::step, z), 0.0f);
}

// softplus(z) = log(1 + e^z) would overflow e^z past z = 88; the stable form gives z and 0 there.
TEST(Activation, SoftplusStaysFiniteWhereTheExponentialOverflows) {
  EXPECT_FLOAT_EQ(nn::activate(nn::Activation::softplus, 100.0f), 100.0f);
  EXPECT_GE(nn::activate(nn::Activation::softplus, -100.0f), 0.0f);  // e^-100, below float's smallest normal
  EXPECT_LT(nn::activate(nn::Activation::softplus, -100.0f), 1e-38f);
  EXPECT_FLOAT_EQ(nn::activation_derivative(nn::Activation::softplus, 100.0f), 1.0f);
  EXPECT_GE(nn::activation_derivative(nn::Activation::softplus, -100.0f), 0.0f);
}

TEST(Activation, NamesAreTheFlagSpellings) {
  EXPECT_EQ(nn::activation_name(nn::Activation::identity), "none");
  EXPECT_EQ(nn::activation_name(nn::Activation::tanh), "tanh");
  EXPECT_EQ(nn::activation_name(nn::Activation::leaky_relu), "leaky-relu");
  // In the enum's order: the CUDA kernels are named by their enumerators' numbers.
  const std::vector<nn::Activation> all = nn::all_activations();
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(static_cast<std::size_t>(all[i]), i);
  EXPECT_EQ(all.back(), nn::Activation::step);  // the last enumerator: no name missing stopped the list early
}

TEST(Activation, UnknownNamesAreRejectedWithEveryKnownName) {
  EXPECT_THROW(nn::parse_activation("identity"), nn::InputError);
  EXPECT_THROW(nn::parse_activation("ReLU"), nn::InputError);
  try {
    nn::parse_activation("nope");
    FAIL() << "parsed 'nope'";
  } catch (const nn::InputError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("'nope'"), std::string::npos) << message;
    for (nn::Activation a : nn::all_activations()) {
      EXPECT_NE(message.find(nn::activation_name(a)), std::string::npos) << message;
    }
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
}

}  // namespace

namespace {

// Chapter 5's slope argument, on a fine grid of z from -20 to 20 and at z = 0: the sigmoid's slope is at most
// 1/4, reached at 0; tanh's at most 1, reached at 0; ReLU's is 0 or 1 and leaky ReLU's 0.01 or 1.
TEST(Activation, SlopesAreBoundedAsChapter5States) {
  float sigmoid_most = 0.0f, tanh_most = 0.0f;
  for (int k = -200000; k <= 200000; ++k) {
    const float z = static_cast<float>(k) * 1e-4f;
    sigmoid_most = std::max(sigmoid_most, nn::activation_derivative(nn::Activation::sigmoid, z));
    tanh_most = std::max(tanh_most, nn::activation_derivative(nn::Activation::tanh, z));
    const float relu = nn::activation_derivative(nn::Activation::relu, z);
    EXPECT_TRUE(relu == 0.0f || relu == 1.0f) << z;
    const float leaky = nn::activation_derivative(nn::Activation::leaky_relu, z);
    EXPECT_TRUE(leaky == nn::leaky_relu_slope || leaky == 1.0f) << z;
  }
  EXPECT_FLOAT_EQ(sigmoid_most, 0.25f);
  EXPECT_FLOAT_EQ(nn::activation_derivative(nn::Activation::sigmoid, 0.0f), 0.25f);
  EXPECT_FLOAT_EQ(tanh_most, 1.0f);
  EXPECT_FLOAT_EQ(nn::activation_derivative(nn::Activation::tanh, 0.0f), 1.0f);
}

}  // namespace
