#include <gtest/gtest.h>

#include "program/wilson_interval.hpp"

namespace {

// Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in Medicine 17,
// Table I, method 3 (score interval without continuity correction), to the four decimals printed there.
constexpr double printed_precision = 0.5e-4;

}  // namespace

TEST(WilsonInterval, MatchesNewcombesPublishedIntervals) {
  struct Case {
    std::int64_t successes, trials;
    double low, high;
  };
  for (const Case& c : {Case{81, 263, 0.2553, 0.3662}, Case{15, 148, 0.0624, 0.1605},
                        Case{0, 20, 0.0, 0.1611}, Case{1, 29, 0.0061, 0.1718}}) {
    const program::RateInterval interval = program::wilson_interval(c.successes, c.trials);
    EXPECT_NEAR(interval.low, c.low, printed_precision) << c.successes << " of " << c.trials;
    EXPECT_NEAR(interval.high, c.high, printed_precision) << c.successes << " of " << c.trials;
  }
}

TEST(WilsonInterval, NoSuccessesStartsAtZeroAndAllSuccessesEndsAtOne) {
  for (std::int64_t n : {1, 7, 1000, 1 << 20}) {
    EXPECT_EQ(program::wilson_interval(0, n).low, 0.0) << n;
    EXPECT_GT(program::wilson_interval(0, n).high, 0.0) << n;  // 0 of n does not prove the rate is 0
    EXPECT_EQ(program::wilson_interval(n, n).high, 1.0) << n;
    EXPECT_LT(program::wilson_interval(n, n).low, 1.0) << n;
  }
  // 0 of n: the upper end solves p = z^2 (1 - p) / n, so p = z^2 / (n + z^2).
  const double z2 = program::z_95 * program::z_95;
  EXPECT_DOUBLE_EQ(program::wilson_interval(0, 1000).high, z2 / (1000 + z2));
}

TEST(WilsonInterval, SwappingSuccessesAndFailuresMirrorsTheInterval) {
  for (std::int64_t k : {0, 1, 279, 419, 500, 956, 1000}) {
    const program::RateInterval interval = program::wilson_interval(k, 1000),
                                mirror = program::wilson_interval(1000 - k, 1000);
    EXPECT_NEAR(interval.low, 1.0 - mirror.high, 1e-12) << k;
    EXPECT_NEAR(interval.high, 1.0 - mirror.low, 1e-12) << k;
  }
}

TEST(WilsonInterval, ContainsTheMeasuredRateAndNarrowsWithMoreTrials) {
  for (std::int64_t n : {1, 10, 1000}) {
    for (std::int64_t k = 0; k <= n; k += n > 10 ? 37 : 1) {
      const program::RateInterval interval = program::wilson_interval(k, n);
      const double rate = static_cast<double>(k) / static_cast<double>(n);
      EXPECT_LE(interval.low, rate) << k << " of " << n;
      EXPECT_GE(interval.high, rate) << k << " of " << n;
    }
  }
  const program::RateInterval hundred = program::wilson_interval(42, 100),
                              ten_thousand = program::wilson_interval(4200, 10000);
  EXPECT_LT(ten_thousand.high - ten_thousand.low, hundred.high - hundred.low);
}
