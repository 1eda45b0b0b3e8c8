// The layer statistics as the header states them, for every activation: which slopes count as stalled
// (a step's always, leaky ReLU's never), the first-to-last ratio's edge cases, and the rule matched to each
// activation. Their values against autograd are TorchReference's (tests/unit/reference).

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "nn/data.hpp"
#include "nn/initialisation.hpp"
#include "nn/layer_trace.hpp"
#include "nn/network.hpp"
#include "nn/point_sets.hpp"

namespace {

const nn::Batch& ring_rows() {
  static const nn::Batch rows = nn::make_dataset({nn::PointSet::ring, 100, 10}, 4).train;
  return rows;
}

// Every activation's stalled share in every layer, by its own slopes on the same rows: the share of
// (row, unit) pairs with |g'(z)| < stalled_slope, counted here from the forward pass's sums.
TEST(LayerStatistics, StalledShareCountsTheSlopesUnderTheThresholdForEveryActivation) {
  for (const nn::Activation activation : nn::all_activations()) {
    const nn::Network network = nn::Network::initialised(
        {2, 6, 6, 1}, {activation, nn::Activation::identity, nn::Inputs::unit}, nn::Init::pytorch, 9);
    const std::vector<nn::LayerStatistics> layers = nn::layer_statistics(network, ring_rows(), nn::Loss::mse);
    const nn::ForwardTrace trace = network.forward_trace(ring_rows().inputs);
    ASSERT_EQ(layers.size(), 3u);
    for (std::size_t l = 0; l < 2; ++l) {
      double stalled = 0.0;
      for (const float z : trace.pre_activations[l])
        stalled += std::fabs(nn::activation_derivative(activation, z)) < nn::stalled_slope;
      EXPECT_FLOAT_EQ(layers[l].stalled_share, stalled / static_cast<double>(trace.pre_activations[l].size()))
          << nn::activation_name(activation) << " layer " << l;
    }
    EXPECT_EQ(layers[2].stalled_share, 0.0f) << "a linear output's slope is 1";
    if (activation == nn::Activation::step) {
      EXPECT_EQ(layers[0].stalled_share, 1.0f);
    }
    if (activation == nn::Activation::leaky_relu) {
      EXPECT_EQ(layers[0].stalled_share, 0.0f);
    }
  }
}

TEST(LayerStatistics, ANetworkWithNoRowsHasEveryStatisticZero) {
  const nn::Network network = nn::Network::initialised({2, 3, 1}, nn::Activation::tanh, 0);
  const nn::Batch none{nn::Matrix({0, 2}), nn::Matrix({0, 1})};
  for (const nn::LayerStatistics& layer : nn::layer_statistics(network, none, nn::Loss::l1)) {
    EXPECT_EQ(layer.gradient_norm, 0.0f);
    EXPECT_EQ(layer.mean_abs_activation, 0.0f);
    EXPECT_EQ(layer.stalled_share, 0.0f);
  }
}

TEST(FirstToLastHiddenGradientRatio, IsOneForOneHiddenLayerAndZeroWhereNoGradientReachedTheLast) {
  EXPECT_EQ(nn::first_to_last_hidden_gradient_ratio({{2.0f, 0, 0}, {5.0f, 0, 0}}), 1.0f);
  EXPECT_EQ(nn::first_to_last_hidden_gradient_ratio({{1.0f, 0, 0}, {4.0f, 0, 0}, {8.0f, 0, 0}}), 0.25f);
  EXPECT_EQ(nn::first_to_last_hidden_gradient_ratio({{0.0f, 0, 0}, {0.0f, 0, 0}, {8.0f, 0, 0}}), 0.0f);
  EXPECT_EQ(nn::first_to_last_hidden_gradient_ratio({{3.0f, 0, 0}}), 1.0f);
}

TEST(MatchedInit, IsHesForTheRectifiersAndXaviersForTheRest) {
  for (const nn::Activation activation : nn::all_activations()) {
    const bool rectifier = activation == nn::Activation::relu || activation == nn::Activation::leaky_relu ||
                           activation == nn::Activation::elu || activation == nn::Activation::gelu ||
                           activation == nn::Activation::softplus;
    EXPECT_EQ(nn::matched_init(activation), rectifier ? nn::Init::he : nn::Init::xavier)
        << nn::activation_name(activation);
  }
}

}  // namespace
