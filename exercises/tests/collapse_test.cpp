// Exercise 1.1: the single layer must compute what the two layers compute, and agree with the library.

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "exercises/collapse.hpp"
#include "nn/network.hpp"

namespace {

nn::Network linear_network(const std::vector<int>& sizes, std::uint64_t seed) {
  return nn::Network::initialised(sizes, nn::Activation::identity, seed);
}

TEST(CollapseTwoLayers, HasOneWeightPerOutputOfTheSecondAndInputOfTheFirst) {
  const nn::Network network = linear_network({2, 5, 3}, 1);
  const nn::Linear single = exercises::collapse_two_layers(network.layers()[0], network.layers()[1]);
  ASSERT_EQ(single.weight.dimension(), 2u);
  EXPECT_EQ(single.weight.shape(0), 3u);
  EXPECT_EQ(single.weight.shape(1), 2u);
  EXPECT_EQ(single.bias.shape(0), 3u);
}

TEST(CollapseTwoLayers, AgreesWithTheLibrarysCollapse) {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const nn::Network network = linear_network({2, 3, 1}, seed);
    const nn::Linear expected = nn::collapse_to_single_layer(network);
    const nn::Linear single = exercises::collapse_two_layers(network.layers()[0], network.layers()[1]);
    ASSERT_EQ(single.weight.shape(), expected.weight.shape());
    ASSERT_EQ(single.bias.shape(), expected.bias.shape());
    for (std::size_t i = 0; i < 2; ++i)
      EXPECT_NEAR(single.weight(0, i), expected.weight(0, i), 1e-5f) << "seed " << seed;
    EXPECT_NEAR(single.bias(0), expected.bias(0), 1e-5f) << "seed " << seed;
  }
}

TEST(CollapseTwoLayers, ComputesWhatTheTwoLayersComputeOnEveryInput) {
  const nn::Network network = linear_network({2, 4, 2}, 9);
  const nn::Linear& first = network.layers()[0];
  const nn::Linear& second = network.layers()[1];
  const nn::Linear single = exercises::collapse_two_layers(first, second);
  nn::Matrix inputs({25, 2});
  for (std::size_t row = 0; row < 25; ++row) {
    inputs(row, 0) = -1.0f + 0.5f * static_cast<float>(row % 5);
    inputs(row, 1) = -1.0f + 0.5f * static_cast<float>(row / 5);
  }
  const nn::Matrix stacked = second.forward(first.forward(inputs));
  const nn::Matrix collapsed = single.forward(inputs);
  ASSERT_EQ(collapsed.shape(), stacked.shape());
  for (std::size_t row = 0; row < 25; ++row) {
    for (std::size_t out = 0; out < 2; ++out) EXPECT_NEAR(collapsed(row, out), stacked(row, out), 1e-5f);
  }
}

}  // namespace
