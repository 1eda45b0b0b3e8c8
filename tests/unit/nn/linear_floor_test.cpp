#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "nn/linear_floor.hpp"

namespace {

const nn::Gate all_gates[] = {nn::Gate::and_gate, nn::Gate::or_gate, nn::Gate::nand_gate, nn::Gate::xor_gate};

nn::Linear map(float w1, float w2, float b) {
  nn::Linear single = nn::zero_linear(2, 1);
  single.weight(0, 0) = w1;
  single.weight(0, 1) = w2;
  single.bias(0) = b;
  return single;
}

double mean_loss_on_truth_table(const nn::Linear& single, nn::Gate gate, nn::Loss loss) {
  const auto y = nn::outputs_on_truth_table(single);
  const auto t = nn::truth_table_targets(gate);
  double sum = 0.0;
  for (std::size_t row = 0; row < 4; ++row) {
    const double r = static_cast<double>(y[row]) - t[row];
    sum += loss == nn::Loss::l1 ? std::fabs(r) : r * r;
  }
  return sum / 4;
}

// How many of `samples` random (w1, w2, b, threshold) classify all four rows of the gate right, reading
// w1 x1 + w2 x2 + b > threshold as 1.
int separators_found(nn::Gate gate, int samples) {
  std::mt19937 engine(2024);
  std::uniform_real_distribution<float> draw(-2.0f, 2.0f);
  const auto targets = nn::truth_table_targets(gate);
  int found = 0;
  for (int s = 0; s < samples; ++s) {
    const nn::Linear single = map(draw(engine), draw(engine), draw(engine));
    const float threshold = draw(engine);
    const auto y = nn::outputs_on_truth_table(single);
    bool all_right = true;
    for (std::size_t row = 0; row < 4; ++row)
      all_right = all_right && ((y[row] > threshold) == (targets[row] == 1.0f));
    found += all_right;
  }
  return found;
}

}  // namespace

TEST(LinearFloor, FloorsAreAQuarterAndASixteenthForAndOrNand) {
  for (nn::Gate gate : {nn::Gate::and_gate, nn::Gate::or_gate, nn::Gate::nand_gate}) {
    EXPECT_FLOAT_EQ(nn::linear_loss_floor(gate, nn::Loss::l1), 0.25f) << nn::gate_name(gate);
    EXPECT_FLOAT_EQ(nn::linear_loss_floor(gate, nn::Loss::mse), 1.0f / 16) << nn::gate_name(gate);
  }
}

TEST(LinearFloor, FloorsAreAHalfAndAQuarterForXor) {
  EXPECT_FLOAT_EQ(nn::linear_loss_floor(nn::Gate::xor_gate, nn::Loss::l1), 0.5f);
  EXPECT_FLOAT_EQ(nn::linear_loss_floor(nn::Gate::xor_gate, nn::Loss::mse), 0.25f);
}

TEST(LinearFloor, InteractionOfTheTargetsIsOneForAndAndMinusTwoForXor) {
  EXPECT_FLOAT_EQ(nn::interaction(nn::truth_table_targets(nn::Gate::and_gate)), 1.0f);
  EXPECT_FLOAT_EQ(nn::interaction(nn::truth_table_targets(nn::Gate::xor_gate)), -2.0f);
}

TEST(LinearFloor, InteractionOfAnyLinearMapIsZero) {
  std::mt19937 engine(1);
  std::uniform_real_distribution<float> draw(-3.0f, 3.0f);
  for (int s = 0; s < 1000; ++s) {
    const auto y = nn::outputs_on_truth_table(map(draw(engine), draw(engine), draw(engine)));
    EXPECT_NEAR(nn::interaction(y), 0.0f, 1e-5);
  }
}

TEST(LinearFloor, BestLinearFitReachesBothFloors) {
  for (nn::Gate gate : all_gates) {
    const nn::Linear best = nn::best_linear_fit(gate);
    EXPECT_NEAR(mean_loss_on_truth_table(best, gate, nn::Loss::l1), nn::linear_loss_floor(gate, nn::Loss::l1),
                1e-6)
        << nn::gate_name(gate);
    EXPECT_NEAR(mean_loss_on_truth_table(best, gate, nn::Loss::mse),
                nn::linear_loss_floor(gate, nn::Loss::mse), 1e-6)
        << nn::gate_name(gate);
  }
}

TEST(LinearFloor, NoRandomLinearMapBeatsTheFloor) {
  std::mt19937 engine(7);
  std::uniform_real_distribution<float> draw(-2.0f, 2.0f);
  for (nn::Gate gate : all_gates) {
    for (nn::Loss loss : {nn::Loss::l1, nn::Loss::mse}) {
      const double floor = nn::linear_loss_floor(gate, loss);
      double least = 1e9;
      for (int s = 0; s < 10000; ++s) {
        least = std::min(least,
                         mean_loss_on_truth_table(map(draw(engine), draw(engine), draw(engine)), gate, loss));
      }
      EXPECT_GE(least, floor - 1e-6) << nn::gate_name(gate) << " " << nn::loss_name(loss);
      // The sampler gets close, so a floor set too low would show.
      EXPECT_LT(least, floor + 0.05) << nn::gate_name(gate) << " " << nn::loss_name(loss);
    }
  }
}

TEST(LinearFloor, HalfX1PlusHalfX2MinusAQuarterIsL1OptimalOnAndAndRoundsToAnd) {
  const nn::Linear book_map = map(0.5f, 0.5f, -0.25f);
  const auto targets = nn::truth_table_targets(nn::Gate::and_gate);
  EXPECT_DOUBLE_EQ(mean_loss_on_truth_table(book_map, nn::Gate::and_gate, nn::Loss::l1), 0.25);
  EXPECT_TRUE(nn::rounds_to(nn::outputs_on_truth_table(book_map), targets));
  const nn::Linear best = nn::best_linear_fit(nn::Gate::and_gate);
  EXPECT_FLOAT_EQ(best.weight(0, 0), 0.5f);
  EXPECT_FLOAT_EQ(best.weight(0, 1), 0.5f);
  EXPECT_FLOAT_EQ(best.bias(0), -0.25f);
}

TEST(LinearFloor, NoThresholdedLinearMapSeparatesXor) {
  EXPECT_EQ(separators_found(nn::Gate::xor_gate, 50000), 0);
}

TEST(LinearFloor, TheSameSamplerFindsThresholdedSeparatorsForAnd) {
  EXPECT_GT(separators_found(nn::Gate::and_gate, 50000), 250);
  EXPECT_GT(separators_found(nn::Gate::or_gate, 50000), 250);
}

TEST(LinearFloor, RoundsToComparesEveryRoundedOutputWithItsTarget) {
  const std::array<float, 4> and_targets{0, 0, 0, 1};
  EXPECT_TRUE(nn::rounds_to({0.49f, -0.3f, 0.2f, 0.51f}, and_targets));
  EXPECT_FALSE(nn::rounds_to({0.49f, -0.3f, 0.2f, 0.49f}, and_targets));
  EXPECT_FALSE(nn::rounds_to({0.51f, 0.0f, 0.0f, 1.0f}, and_targets));
}
