// Exercise 3.2: the sweep's summary line, each part against a plain computation on small sweeps written
// out and on random sweeps of odd and even sizes.

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

struct Sweep {
  std::vector<float> losses;
  std::vector<int> learned;
  std::vector<float> sorted;  // the losses in increasing order
};

Sweep random_sweep(std::size_t n, unsigned seed) {
  std::mt19937 engine(seed);
  std::uniform_real_distribution<float> loss(0.0f, 0.5f);
  std::bernoulli_distribution learns(0.8);
  Sweep sweep;
  for (std::size_t i = 0; i < n; ++i) {
    sweep.losses.push_back(loss(engine));
    sweep.learned.push_back(learns(engine) ? 1 : 0);
  }
  sweep.sorted = sweep.losses;
  std::sort(sweep.sorted.begin(), sweep.sorted.end());
  return sweep;
}

TEST(SummariseSweep, CountsTheNetworksThatLearned) {
  EXPECT_EQ(summarise({0.1f, 0.2f, 0.3f}, {1, 1, 1}).learned, 3);
  EXPECT_EQ(summarise({0.1f, 0.2f, 0.3f}, {0, 0, 0}).learned, 0);
  EXPECT_EQ(summarise({0.1f, 0.2f, 0.3f, 0.4f}, {0, 1, 0, 1}).learned, 2);
  for (std::size_t n : {1u, 2u, 5u, 10u, 999u, 1000u}) {
    const Sweep sweep = random_sweep(n, 2024 + n);
    EXPECT_EQ(summarise(sweep.losses, sweep.learned).learned,
              std::count(sweep.learned.begin(), sweep.learned.end(), 1))
        << n << " networks";
  }
}

TEST(SummariseSweep, MedianOfAnOddCountIsTheMiddleLoss) {
  EXPECT_FLOAT_EQ(summarise({0.4f, 0.1f, 0.3f}, {0, 1, 0}).median_final_loss, 0.3f)
      << "losses 0.4, 0.1, 0.3 sort to 0.1, 0.3, 0.4: the median of an odd count is the middle one";
  EXPECT_FLOAT_EQ(summarise({0.7f}, {0}).median_final_loss, 0.7f) << "one network: its loss is the median";
  for (std::size_t n : {1u, 5u, 999u}) {
    const Sweep sweep = random_sweep(n, 2024 + n);
    EXPECT_FLOAT_EQ(summarise(sweep.losses, sweep.learned).median_final_loss, sweep.sorted[n / 2])
        << n << " networks: the median is the middle loss once sorted";
  }
}

TEST(SummariseSweep, MedianOfAnEvenCountIsTheMeanOfTheTwoMiddleLosses) {
  EXPECT_FLOAT_EQ(summarise({0.4f, 0.1f, 0.3f, 0.2f}, {0, 1, 0, 1}).median_final_loss, 0.25f)
      << "losses 0.4, 0.1, 0.3, 0.2 sort to 0.1, 0.2, 0.3, 0.4: the median is (0.2 + 0.3) / 2, not the upper "
         "middle 0.3 nor the lower middle 0.2";
  for (std::size_t n : {2u, 10u, 1000u}) {
    const Sweep sweep = random_sweep(n, 2024 + n);
    const float lower = sweep.sorted[n / 2 - 1], upper = sweep.sorted[n / 2];
    EXPECT_FLOAT_EQ(summarise(sweep.losses, sweep.learned).median_final_loss, 0.5f * (lower + upper))
        << n << " networks: the mean of the two middle losses " << lower << " and " << upper;
  }
}

TEST(SummariseSweep, WorstIsTheLargestLoss) {
  EXPECT_FLOAT_EQ(summarise({0.4f, 0.1f, 0.3f, 0.2f}, {0, 1, 0, 1}).worst_final_loss, 0.4f);
  for (std::size_t n : {1u, 2u, 5u, 10u, 999u, 1000u}) {
    const Sweep sweep = random_sweep(n, 2024 + n);
    EXPECT_FLOAT_EQ(summarise(sweep.losses, sweep.learned).worst_final_loss, sweep.sorted.back())
        << n << " networks";
  }
}

}  // namespace
