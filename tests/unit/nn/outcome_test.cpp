#include <cmath>

#include <xtensor/xbuilder.hpp>

#include <gtest/gtest.h>

#include "nn/outcome.hpp"
#include "nn/point_sets.hpp"

namespace {

nn::Linear layer(nn::Matrix weight, nn::Vector bias) { return {std::move(weight), std::move(bias)}; }

// A tanh network whose outputs are `low` on rows 00, 01, 10 and `high` on row 11: the first layer gives
// tanh(20 x1 + 20 x2 - 30) = -1, -1, -1, +1 (to float precision), the second maps -1 to low and +1 to high.
nn::Network and_like(float low, float high) {
  const float w = (std::atanh(high) - std::atanh(low)) / 2, b = (std::atanh(high) + std::atanh(low)) / 2;
  return nn::Network({layer({{20.0f, 20.0f}}, {-30.0f}), layer({{w}}, {b})}, nn::Activation::tanh);
}

// The network judged on `gate`'s truth table.
nn::Outcome on_gate(const nn::Network& network, nn::Gate gate, nn::Loss loss) {
  return nn::evaluate(network, nn::make_dataset({gate}, 0), loss);
}

}  // namespace

TEST(Outcome, TheBestLinearMapDoesNotCountAsLearningAnd) {
  // y = 0.5 x1 + 0.5 x2 - 0.25 gives -0.25, 0.25, 0.25, 0.75: every row rounds right, but L1 is 0.25.
  const nn::Network network({layer({{0.5f, 0.5f}}, {-0.25f})}, nn::Activation::identity);
  const nn::Outcome l1 = on_gate(network, nn::Gate::and_gate, nn::Loss::l1);
  EXPECT_EQ(l1.outputs, (std::vector<float>{-0.25f, 0.25f, 0.25f, 0.75f}));
  EXPECT_EQ(l1.train.right, 4);  // every row rounds right: 0, 0, 0, 1
  EXPECT_EQ(l1.test.right, 4);   // a gate is judged on its truth table again
  EXPECT_FLOAT_EQ(l1.train_loss, 0.25f);
  EXPECT_FLOAT_EQ(l1.train_l1_loss, 0.25f);
  EXPECT_FALSE(l1.learned);
  const nn::Outcome mse = on_gate(network, nn::Gate::and_gate, nn::Loss::mse);
  EXPECT_FLOAT_EQ(mse.train_loss, 1.0f / 16);
  EXPECT_FLOAT_EQ(mse.train_l1_loss, 0.25f);
  EXPECT_FALSE(mse.learned);
}

TEST(Outcome, ASteepTanhNetworkLearnsAnd) {
  // Layer 1: tanh(10 x1 + 10 x2 - 15) is about -1, -1, -1, +1; layer 2: tanh(2 a + 2) is about 0, 0, 0, 1.
  const nn::Network network({layer({{10.0f, 10.0f}}, {-15.0f}), layer({{2.0f}}, {2.0f})},
                            nn::Activation::tanh);
  const nn::Outcome outcome = on_gate(network, nn::Gate::and_gate, nn::Loss::l1);
  EXPECT_NEAR(outcome.outputs[1], std::tanh(2 * std::tanh(-5.0) + 2), 1e-6);
  EXPECT_NEAR(outcome.outputs[3], std::tanh(2 * std::tanh(5.0) + 2), 1e-6);
  EXPECT_LT(outcome.train_l1_loss, 0.01f);
  EXPECT_TRUE(outcome.learned);
  // The same network on OR gets rows 01 and 10 wrong.
  EXPECT_FALSE(on_gate(network, nn::Gate::or_gate, nn::Loss::l1).learned);
}

TEST(Outcome, LearnedNeedsAnL1LossBelowTheThreshold) {
  EXPECT_FLOAT_EQ(nn::learned_l1_threshold, 0.05f);
  // Every row rounds right in both; the mean L1 loss is 0.06 in the first and 0.04 in the second.
  const nn::Outcome near = on_gate(and_like(0.06f, 0.94f), nn::Gate::and_gate, nn::Loss::mse);
  EXPECT_NEAR(near.train_l1_loss, 0.06f, 1e-5);
  EXPECT_FALSE(near.learned);
  const nn::Outcome nearer = on_gate(and_like(0.04f, 0.96f), nn::Gate::and_gate, nn::Loss::mse);
  EXPECT_NEAR(nearer.train_l1_loss, 0.04f, 1e-5);
  EXPECT_TRUE(nearer.learned);
}

TEST(Outcome, AccuracyCountsTheRowsThatRoundToTheirClassAtHalf) {
  // y = x1: rows with x1 >= 0.5 round to 1.
  const nn::Network network({layer({{1.0f, 0.0f}}, {0.0f})}, nn::Activation::identity);
  const nn::Batch rows{{{0.7f, 0.0f}, {0.5f, 0.9f}, {0.2f, 0.3f}, {0.49f, 0.1f}},
                       {{1.0f}, {1.0f}, {0.0f}, {1.0f}}};
  const nn::Accuracy counted = nn::evaluate(network, {{nn::PointSet::blobs}, rows, rows}, nn::Loss::l1).train;
  EXPECT_EQ(counted.right, 3);
  EXPECT_EQ(counted.rows, 4);
  EXPECT_DOUBLE_EQ(counted.share(), 0.75);
}

TEST(Outcome, APointSetIsLearnedFromNinetyFivePercentOfItsTestPoints) {
  // y = x1 against targets "x1 >= 0.5" on the training set, and with k of 20 test targets flipped.
  const nn::Network network({layer({{1.0f, 0.0f}}, {0.0f})}, nn::Activation::identity);
  const auto split_with_flips = [](int flipped) {
    nn::Dataset data{{nn::PointSet::blobs},
                     {xt::zeros<float>({20, 2}), xt::zeros<float>({20, 1})},
                     {xt::zeros<float>({20, 2}), xt::zeros<float>({20, 1})}};
    for (std::size_t r = 0; r < 20; ++r) {
      const float x1 = static_cast<float>(r) / 19;
      for (nn::Batch* rows : {&data.train, &data.test}) {
        rows->inputs(r, 0) = x1;
        rows->targets(r, 0) = x1 >= 0.5f ? 1.0f : 0.0f;
      }
      if (static_cast<int>(r) < flipped) data.test.targets(r, 0) = 1 - data.test.targets(r, 0);
    }
    return data;
  };
  const nn::Outcome one_wrong = nn::evaluate(network, split_with_flips(1), nn::Loss::l1);
  EXPECT_EQ(one_wrong.train.right, 20);
  EXPECT_EQ(one_wrong.test.right, 19);
  EXPECT_TRUE(one_wrong.learned);  // 19 of 20 is 95%
  const nn::Outcome two_wrong = nn::evaluate(network, split_with_flips(2), nn::Loss::l1);
  EXPECT_EQ(two_wrong.test.right, 18);
  EXPECT_FALSE(two_wrong.learned);
}

TEST(Outcome, EachKindOfDataSetIsJudgedByItsOwnRule) {
  // The same four rows: as AND's truth table, the best linear map has not learned (its L1 loss is 0.25); as a
  // point set of four points, every one of them rounds to its class, 100% of the test points.
  const nn::Network network({layer({{0.5f, 0.5f}}, {-0.25f})}, nn::Activation::identity);
  const nn::Batch rows = nn::truth_table(nn::Gate::and_gate);
  const nn::Outcome as_gate = nn::evaluate(network, {{nn::Gate::and_gate}, rows, rows}, nn::Loss::l1);
  const nn::Outcome as_points = nn::evaluate(network, {{nn::PointSet::blobs}, rows, rows}, nn::Loss::l1);
  EXPECT_EQ(as_gate.test.right, 4);
  EXPECT_FALSE(as_gate.learned);
  EXPECT_EQ(as_points.test.right, 4);
  EXPECT_TRUE(as_points.learned);
  EXPECT_EQ(as_gate.train_loss, as_points.train_loss);
}
