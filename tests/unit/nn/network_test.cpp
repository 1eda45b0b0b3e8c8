#include <algorithm>
#include <cmath>
#include <random>

#include <gtest/gtest.h>
#include <xtensor/xbuilder.hpp>

#include "gradient_check.hpp"
#include "nn/network.hpp"

namespace {

const std::vector<int> deep{2, 5, 5, 1};

// S = sum_r c_r y_r over the network's outputs, so that dS/dy = c.
double weighted_output(const nn::Network& network, const nn::Matrix& x, const nn::Matrix& c) {
  const nn::Matrix y = network.forward(x);
  double sum = 0.0;
  for (std::size_t r = 0; r < y.shape(0); ++r) sum += static_cast<double>(c(r, 0)) * y(r, 0);
  return sum;
}

void expect_backward_matches_finite_differences(nn::Activation activation) {
  nn::Network network = nn::Network::initialised(deep, activation, 7);
  std::mt19937 engine(3);
  nn::Matrix x = xt::zeros<float>({6, 2});
  nn::Matrix c = xt::zeros<float>({6, 1});
  fill_uniform(x, engine, -1.0f, 1.0f);
  fill_uniform(c, engine, -1.0f, 1.0f);

  const std::vector<nn::LinearGradients> gradients = network.backward(network.forward_trace(x), c);
  ASSERT_EQ(gradients.size(), network.layers().size());
  auto S = [&] { return weighted_output(network, x, c); };
  for (std::size_t l = 0; l < network.layers().size(); ++l) {
    nn::Linear& layer = network.layers()[l];
    for (std::size_t i = 0; i < layer.weight.size(); ++i) {
      const double numeric = central_difference(layer.weight.flat(i), S);
      EXPECT_NEAR(gradients[l].weight.flat(i), numeric, gradient_tolerance(numeric)) << "layer " << l << " weight " << i;
    }
    for (std::size_t o = 0; o < layer.bias.size(); ++o) {
      const double numeric = central_difference(layer.bias(o), S);
      EXPECT_NEAR(gradients[l].bias(o), numeric, gradient_tolerance(numeric)) << "layer " << l << " bias " << o;
    }
  }
}

}  // namespace

TEST(Network, BackwardMatchesFiniteDifferencesWithoutActivation) {
  expect_backward_matches_finite_differences(nn::Activation::identity);
}

TEST(Network, BackwardMatchesFiniteDifferencesWithTanh) {
  expect_backward_matches_finite_differences(nn::Activation::tanh);
}

TEST(Network, ForwardAppliesTheActivationAfterEveryLayerIncludingTheLast) {
  const nn::Network network({{{{1.0f, 2.0f}}, {0.5f}}, {{{3.0f}}, {-1.0f}}}, nn::Activation::tanh);
  const nn::Matrix y = network.forward({{1.0f, 0.0f}, {0.0f, 1.0f}});
  EXPECT_NEAR(y(0, 0), std::tanh(3.0 * std::tanh(1.5) - 1.0), 1e-6);
  EXPECT_NEAR(y(1, 0), std::tanh(3.0 * std::tanh(2.5) - 1.0), 1e-6);
}

TEST(Network, InitialisedIsDeterministicPerSeed) {
  const nn::Network a = nn::Network::initialised(deep, nn::Activation::tanh, 11);
  const nn::Network b = nn::Network::initialised(deep, nn::Activation::tanh, 11);
  const nn::Network other = nn::Network::initialised(deep, nn::Activation::tanh, 12);
  bool differs = false;
  for (std::size_t l = 0; l < a.layers().size(); ++l) {
    EXPECT_EQ(a.layers()[l].weight, b.layers()[l].weight);
    EXPECT_EQ(a.layers()[l].bias, b.layers()[l].bias);
    differs = differs || a.layers()[l].weight != other.layers()[l].weight;
  }
  EXPECT_TRUE(differs) << "seeds 11 and 12 gave the same weights";
}

TEST(Network, InitialisedDrawsFromPlusMinusOneOverSqrtFanIn) {
  const nn::Network first = nn::Network::initialised(deep, nn::Activation::identity, 1);
  EXPECT_EQ(first.sizes(), deep);
  EXPECT_EQ(nn::sizes_text(first.sizes()), "2,5,5,1");
  for (std::size_t l = 0; l + 1 < deep.size(); ++l) {
    const float bound = 1.0f / std::sqrt(static_cast<float>(deep[l]));
    float largest = 0.0f;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
      const nn::Network network = nn::Network::initialised(deep, nn::Activation::identity, seed);
      const nn::Linear& layer = network.layers()[l];
      for (float w : layer.weight) EXPECT_LE(std::fabs(w), bound) << "layer " << l << " seed " << seed;
      for (float b : layer.bias) EXPECT_LE(std::fabs(b), bound) << "layer " << l << " seed " << seed;
      for (float w : layer.weight) largest = std::max(largest, std::fabs(w));
    }
    // The draws fill the range rather than a small part of it.
    EXPECT_GT(largest, 0.9f * bound) << "layer " << l;
  }
}

TEST(Network, CollapseMultipliesOutAHandBuiltNetwork) {
  // y = 4 (2 x1 + 3 x2 + 1) - 1 = 8 x1 + 12 x2 + 3
  const nn::Network network({{{{2.0f, 3.0f}}, {1.0f}}, {{{4.0f}}, {-1.0f}}}, nn::Activation::identity);
  const nn::Linear single = nn::collapse_to_single_layer(network);
  EXPECT_FLOAT_EQ(single.weight(0, 0), 8.0f);
  EXPECT_FLOAT_EQ(single.weight(0, 1), 12.0f);
  EXPECT_FLOAT_EQ(single.bias(0), 3.0f);
}

TEST(Network, CollapseEqualsForwardOnRandomInputs) {
  std::mt19937 engine(5);
  for (const std::vector<int>& sizes : {std::vector<int>{2, 1, 1}, deep}) {
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
      const nn::Network network = nn::Network::initialised(sizes, nn::Activation::identity, seed);
      const nn::Linear single = nn::collapse_to_single_layer(network);
      ASSERT_EQ(single.in(), 2u);
      ASSERT_EQ(single.out(), 1u);
      nn::Matrix x = xt::zeros<float>({8, 2});
      fill_uniform(x, engine, -2.0f, 2.0f);
      const nn::Matrix expected = network.forward(x);
      const nn::Matrix actual = single.forward(x);
      for (std::size_t r = 0; r < 8; ++r) {
        EXPECT_NEAR(actual(r, 0), expected(r, 0), 1e-5) << nn::sizes_text(sizes) << " seed " << seed << " row " << r;
      }
    }
  }
}
