// nn::rational_tanh against the true tanh over every float the trainers can meet, not a sample of them.
// It is odd by construction (x * p(x^2) / q(x^2), and negating a float is exact), and from the clamp on it
// returns a constant, so [0, 10] exhaustively and the constant against 1 cover every float.

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include <gtest/gtest.h>

#include "nn/rational_tanh.hpp"

namespace {

// The bound the book states (chapter 2, README): |rational_tanh(x) - tanh(x)| < 4.11e-7 for every float x.
constexpr double bound = 4.11e-7;

float float_from_bits(std::uint32_t bits) {
  float x;
  std::memcpy(&x, &bits, sizeof x);
  return x;
}

std::uint32_t bits_of(float x) {
  std::uint32_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return bits;
}

struct WorstError {
  double error = 0.0;
  std::uint32_t at = 0;  // the float's bits
};

}  // namespace

TEST(RationalTanh, StaysWithinTheStatedBoundOfTanhForEveryFloatUpToTen) {
  // Non-negative floats are ordered as their bits, so 0 .. bits_of(10) is every float in [0, 10]:
  // about 1.09e9 of them, shared out over the cores.
  const std::int64_t last = bits_of(10.0f);
  WorstError worst;
#pragma omp parallel
  {
    WorstError mine;
#pragma omp for schedule(static)
    for (std::int64_t bits = 0; bits <= last; ++bits) {
      const float x = float_from_bits(static_cast<std::uint32_t>(bits));
      const double error =
          std::fabs(static_cast<double>(nn::rational_tanh(x)) - std::tanh(static_cast<double>(x)));
      if (error > mine.error) mine = {error, static_cast<std::uint32_t>(bits)};
    }
#pragma omp critical
    if (mine.error > worst.error) worst = mine;
  }
  std::printf("[ worst    ] %.4g at x = %.9g over %lld floats in [0, 10]\n", worst.error,
              static_cast<double>(float_from_bits(worst.at)), static_cast<long long>(last + 1));
  EXPECT_LT(worst.error, bound) << "at x = " << float_from_bits(worst.at);
}

TEST(RationalTanh, IsAConstantWithinTheBoundOfOneFromTheClampOn) {
  // tanh is increasing and below 1, so for x >= 10 the error is at most max(|c - tanh(10)|, |c - 1|).
  const float c = nn::rational_tanh(10.0f);
  for (float x : {7.90531110763549805f, 12.0f, 1e3f, 1e30f, INFINITY})
    EXPECT_EQ(nn::rational_tanh(x), c) << x;
  EXPECT_LT(std::fabs(c - std::tanh(10.0)), bound);
  EXPECT_LT(std::fabs(c - 1.0), bound);
}

TEST(RationalTanh, IsOddAndKeepsNaN) {
  for (float x = 0.0f; x <= 12.0f; x += 1.0f / 4096.0f)
    ASSERT_EQ(nn::rational_tanh(-x), -nn::rational_tanh(x)) << x;
  EXPECT_EQ(nn::rational_tanh(0.0f), 0.0f);
  EXPECT_TRUE(std::isnan(nn::rational_tanh(std::nanf(""))));
}
