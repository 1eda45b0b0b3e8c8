// Exercise 3.2: the sweep's summary line, against a plain computation.

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

#include <thrust/device_vector.h>

#include "exercises/sweep_summary.hpp"

namespace {

exercises::SweepSummary summarise(const std::vector<float>& losses, const std::vector<int>& learned) {
  return exercises::summarise_sweep(thrust::device_vector<float>(losses.begin(), losses.end()),
                                    thrust::device_vector<int>(learned.begin(), learned.end()));
}

TEST(SummariseSweep, MedianOfAnEvenCountIsTheMeanOfTheTwoMiddleLosses) {
  EXPECT_FLOAT_EQ(summarise({0.4f, 0.1f, 0.3f, 0.2f}, {0, 1, 0, 1}).median_final_loss, 0.25f);
  EXPECT_FLOAT_EQ(summarise({0.4f, 0.1f, 0.3f}, {0, 1, 0}).median_final_loss, 0.3f);
  EXPECT_FLOAT_EQ(summarise({0.7f}, {0}).median_final_loss, 0.7f);
}

TEST(SummariseSweep, CountsTheNetworksThatLearned) {
  EXPECT_EQ(summarise({0.1f, 0.2f, 0.3f}, {1, 1, 1}).learned, 3);
  EXPECT_EQ(summarise({0.1f, 0.2f, 0.3f}, {0, 0, 0}).learned, 0);
  EXPECT_EQ(summarise({0.1f, 0.2f, 0.3f, 0.4f}, {0, 1, 0, 1}).learned, 2);
}

TEST(SummariseSweep, MatchesAPlainComputationOnRandomSweeps) {
  std::mt19937 engine(2024);
  std::uniform_real_distribution<float> loss(0.0f, 0.5f);
  std::bernoulli_distribution learns(0.8);
  for (std::size_t n : {1u, 2u, 5u, 10u, 999u, 1000u}) {
    std::vector<float> losses(n);
    std::vector<int> learned(n);
    for (std::size_t i = 0; i < n; ++i) {
      losses[i] = loss(engine);
      learned[i] = learns(engine) ? 1 : 0;
    }
    std::vector<float> sorted = losses;
    std::sort(sorted.begin(), sorted.end());
    const float median = n % 2 == 1 ? sorted[n / 2] : 0.5f * (sorted[n / 2 - 1] + sorted[n / 2]);
    const exercises::SweepSummary summary = summarise(losses, learned);
    EXPECT_EQ(summary.learned, std::count(learned.begin(), learned.end(), 1)) << n << " networks";
    EXPECT_FLOAT_EQ(summary.median_final_loss, median) << n << " networks";
    EXPECT_FLOAT_EQ(summary.worst_final_loss, sorted.back()) << n << " networks";
  }
}

}  // namespace
