// Exercise 1.2: the least-squares plane, and chapter 1's floor of 1/16 for AND.

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <random>

#include "exercises/least_squares.hpp"
#include "nn/gates.hpp"
#include "nn/linear_floor.hpp"

namespace {

// Rows 00, 01, 10, 11 as (x1, x2).
constexpr std::array<std::array<float, 2>, 4> rows{{{0, 0}, {0, 1}, {1, 0}, {1, 1}}};

std::array<float, 4> residuals(const exercises::Plane& plane, const std::array<float, 4>& targets) {
  std::array<float, 4> r{};
  for (int k = 0; k < 4; ++k) r[k] = plane.w1 * rows[k][0] + plane.w2 * rows[k][1] + plane.b - targets[k];
  return r;
}

float mean_squared_error(const exercises::Plane& plane, const std::array<float, 4>& targets) {
  float total = 0.0f;
  for (float r : residuals(plane, targets)) total += r * r;
  return total / 4.0f;
}

TEST(LeastSquaresFit, ReachesChapter1sFloorOfOneSixteenthOnAnd) {
  const exercises::Plane plane = exercises::least_squares_fit({0, 0, 0, 1});
  EXPECT_NEAR(plane.w1, 0.5f, 1e-6f);
  EXPECT_NEAR(plane.w2, 0.5f, 1e-6f);
  EXPECT_NEAR(plane.b, -0.25f, 1e-6f);
  EXPECT_NEAR(mean_squared_error(plane, {0, 0, 0, 1}), 1.0f / 16.0f, 1e-6f);
}

TEST(LeastSquaresFit, IsFlatAtOneHalfOnXor) {
  const exercises::Plane plane = exercises::least_squares_fit({0, 1, 1, 0});
  EXPECT_NEAR(plane.w1, 0.0f, 1e-6f);
  EXPECT_NEAR(plane.w2, 0.0f, 1e-6f);
  EXPECT_NEAR(plane.b, 0.5f, 1e-6f);
  EXPECT_NEAR(mean_squared_error(plane, {0, 1, 1, 0}), 0.25f, 1e-6f);
}

TEST(LeastSquaresFit, GivesW1ToTheFirstInputAndW2ToTheSecond) {
  // Targets that follow x1 alone (rows 00, 01, 10, 11: t = 0, 0, 1, 1), then x2 alone (0, 1, 0, 1).
  const exercises::Plane first = exercises::least_squares_fit({0, 0, 1, 1});
  const exercises::Plane second = exercises::least_squares_fit({0, 1, 0, 1});
  const bool swapped = std::fabs(first.w2 - 1.0f) < 1e-3f && std::fabs(second.w1 - 1.0f) < 1e-3f;
  EXPECT_TRUE(std::fabs(first.w1 - 1.0f) <= 1e-6f && std::fabs(first.w2) <= 1e-6f)
      << "targets 0, 0, 1, 1 follow x1, the first digit of rows 00, 01, 10, 11: expected w1 = 1, w2 = 0, got "
         "w1 = "
      << first.w1 << ", w2 = " << first.w2 << (swapped ? ": w1 and w2 are swapped" : "");
  EXPECT_TRUE(std::fabs(second.w1) <= 1e-6f && std::fabs(second.w2 - 1.0f) <= 1e-6f)
      << "targets 0, 1, 0, 1 follow x2, the second digit: expected w1 = 0, w2 = 1, got w1 = " << second.w1
      << ", w2 = " << second.w2 << (swapped ? ": w1 and w2 are swapped" : "");
}

TEST(LeastSquaresFit, AgreesWithTheLibrarysBestLinearFitForEveryGate) {
  for (nn::Gate gate : {nn::Gate::and_gate, nn::Gate::or_gate, nn::Gate::nand_gate, nn::Gate::xor_gate}) {
    const nn::Linear expected = nn::best_linear_fit(gate);
    const exercises::Plane plane = exercises::least_squares_fit(nn::truth_table_targets(gate));
    EXPECT_NEAR(plane.w1, expected.weight(0, 0), 1e-6f) << nn::gate_name(gate);
    EXPECT_NEAR(plane.w2, expected.weight(0, 1), 1e-6f) << nn::gate_name(gate);
    EXPECT_NEAR(plane.b, expected.bias(0), 1e-6f) << nn::gate_name(gate);
  }
}

// The fit is the least-squares plane exactly when the error's gradient vanishes there:
// d(MSE)/dw1 = mean(2 r x1), d(MSE)/dw2 = mean(2 r x2), d(MSE)/db = mean(2 r).
TEST(LeastSquaresFit, TheErrorsGradientVanishesAtTheFitForAnyTargets) {
  std::mt19937 engine(12345);
  std::uniform_real_distribution<float> target(-2.0f, 2.0f);
  for (int trial = 0; trial < 100; ++trial) {
    const std::array<float, 4> targets{target(engine), target(engine), target(engine), target(engine)};
    const std::array<float, 4> r = residuals(exercises::least_squares_fit(targets), targets);
    float d_w1 = 0, d_w2 = 0, d_b = 0;
    for (int k = 0; k < 4; ++k) {
      d_w1 += 2 * r[k] * rows[k][0] / 4;
      d_w2 += 2 * r[k] * rows[k][1] / 4;
      d_b += 2 * r[k] / 4;
    }
    EXPECT_NEAR(d_w1, 0.0f, 1e-5f) << "trial " << trial
                                   << ": d(MSE)/dw1 must vanish at the least-squares plane";
    EXPECT_NEAR(d_w2, 0.0f, 1e-5f) << "trial " << trial
                                   << ": d(MSE)/dw2 must vanish at the least-squares plane";
    EXPECT_NEAR(d_b, 0.0f, 1e-5f) << "trial " << trial
                                  << ": d(MSE)/db must vanish at the least-squares plane";
  }
}

}  // namespace
