#include <cmath>

#include <gtest/gtest.h>

#include "nn/outcome.hpp"

namespace {

nn::Linear layer(nn::Matrix weight, nn::Vector bias) { return {std::move(weight), std::move(bias)}; }

// A tanh network whose outputs are `low` on rows 00, 01, 10 and `high` on row 11: the first layer gives
// tanh(20 x1 + 20 x2 - 30) = -1, -1, -1, +1 (to float precision), the second maps -1 to low and +1 to high.
nn::Network and_like(float low, float high) {
  const float w = (std::atanh(high) - std::atanh(low)) / 2, b = (std::atanh(high) + std::atanh(low)) / 2;
  return nn::Network({layer({{20.0f, 20.0f}}, {-30.0f}), layer({{w}}, {b})}, nn::Activation::tanh);
}

}  // namespace

TEST(Outcome, TheBestLinearMapDoesNotCountAsLearningAnd) {
  // y = 0.5 x1 + 0.5 x2 - 0.25 gives -0.25, 0.25, 0.25, 0.75: every row rounds right, but L1 is 0.25.
  const nn::Network network({layer({{0.5f, 0.5f}}, {-0.25f})}, nn::Activation::identity);
  const nn::Outcome l1 = nn::evaluate(network, nn::Gate::and_gate, nn::Loss::l1);
  EXPECT_EQ(l1.predictions, (std::array<float, 4>{-0.25f, 0.25f, 0.25f, 0.75f}));
  EXPECT_EQ(l1.targets, (std::array<float, 4>{0, 0, 0, 1}));
  EXPECT_FLOAT_EQ(l1.final_loss, 0.25f);
  EXPECT_FLOAT_EQ(l1.final_l1_loss, 0.25f);
  EXPECT_FALSE(l1.learned);
  const nn::Outcome mse = nn::evaluate(network, nn::Gate::and_gate, nn::Loss::mse);
  EXPECT_FLOAT_EQ(mse.final_loss, 1.0f / 16);
  EXPECT_FLOAT_EQ(mse.final_l1_loss, 0.25f);
  EXPECT_FALSE(mse.learned);
}

TEST(Outcome, ASteepTanhNetworkLearnsAnd) {
  // Layer 1: tanh(10 x1 + 10 x2 - 15) is about -1, -1, -1, +1; layer 2: tanh(2 a + 2) is about 0, 0, 0, 1.
  const nn::Network network({layer({{10.0f, 10.0f}}, {-15.0f}), layer({{2.0f}}, {2.0f})}, nn::Activation::tanh);
  const nn::Outcome outcome = nn::evaluate(network, nn::Gate::and_gate, nn::Loss::l1);
  EXPECT_NEAR(outcome.predictions[1], std::tanh(2 * std::tanh(-5.0) + 2), 1e-6);
  EXPECT_NEAR(outcome.predictions[3], std::tanh(2 * std::tanh(5.0) + 2), 1e-6);
  EXPECT_LT(outcome.final_l1_loss, 0.01f);
  EXPECT_TRUE(outcome.learned);
  // The same network on OR gets rows 01 and 10 wrong.
  EXPECT_FALSE(nn::evaluate(network, nn::Gate::or_gate, nn::Loss::l1).learned);
}

TEST(Outcome, LearnedNeedsAnL1LossBelowTheThreshold) {
  EXPECT_FLOAT_EQ(nn::learned_l1_threshold, 0.05f);
  // Every row rounds right in both; the mean L1 loss is 0.06 in the first and 0.04 in the second.
  const nn::Outcome near = nn::evaluate(and_like(0.06f, 0.94f), nn::Gate::and_gate, nn::Loss::mse);
  EXPECT_NEAR(near.final_l1_loss, 0.06f, 1e-5);
  EXPECT_FALSE(near.learned);
  const nn::Outcome nearer = nn::evaluate(and_like(0.04f, 0.96f), nn::Gate::and_gate, nn::Loss::mse);
  EXPECT_NEAR(nearer.final_l1_loss, 0.04f, 1e-5);
  EXPECT_TRUE(nearer.learned);
}
