// Exercise 5.2: He's bound against the library's, the variance of U(-a, a) against its exact value and
// against many draws, and chapter 5's lesson: ReLU layers drawn with He's variance keep the mean square of
// what flows through them, and with half the bound it shrinks fourfold a layer.
//
// The tests that draw allow 4 standard errors, each computed from the number of draws (or networks) it
// averages: by the normal approximation a correct answer lands outside that about once in 16,000 seeds
// (once in 1,000 for the 16 means of the two network tests together), and the seeds are fixed; a bound that
// gives the weights a variance of 1 / n or 4 / n, or sqrt(2 / n) taken for the bound, is 30 standard errors
// off or more in each test that draws with he_bound.

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "exercises/he_init.hpp"
#include "nn/activation.hpp"
#include "nn/architecture.hpp"
#include "nn/initialisation.hpp"
#include "nn/network.hpp"
#include "nn/random.hpp"
#include "nn/tensor.hpp"

namespace {

constexpr double standard_errors = 4.0;

/// Its arguments as `std::ostringstream << ...` writes them, to 6 digits (GoogleTest's own stream writes
/// every double to 17, "0.12544100000000001" for 0.125441).
template <typename... Values>
std::string text(const Values&... values) {
  std::ostringstream line;
  line.precision(6);
  (line << ... << values);
  return line.str();
}

/// What a bound for fan-in n that is `ratio` times sqrt(6 / n) most likely is.
std::string diagnosis(int n, double got, double ratio) {
  if (std::fabs(got - std::sqrt(static_cast<double>(6 / n))) < 1e-6)
    return ": 6 / n divided in integers, which rounds down";
  if (std::fabs(ratio - 1.0 / std::sqrt(3.0)) < 1e-3)
    return ": sqrt(2 / n) is the weights' standard deviation, not the bound of their uniform draw";
  if (std::fabs(ratio - 1.0 / std::sqrt(2.0)) < 1e-3)
    return ": that bound gives the weights a variance of 1 / n, not 2 / n";
  if (std::fabs(ratio - std::sqrt(2.0)) < 1e-3)
    return ": that bound gives the weights a variance of 4 / n, not 2 / n";
  return "";
}

/// The mean and the standard error of the mean of `values`, the error from their own spread.
struct Mean {
  double value;
  double standard_error;
};

Mean mean_of(const std::vector<double>& values) {
  const double n = static_cast<double>(values.size());
  double sum = 0.0, squares = 0.0;
  for (double v : values) sum += v, squares += v * v;
  const double mean = sum / n;
  const double variance = (squares - n * mean * mean) / (n - 1.0);
  return {mean, std::sqrt(std::fmax(variance, 0.0) / n)};
}

/// The sample variance of `count` draws from U(-bound, bound) by nn::uniform, as the library draws weights,
/// from one stream of one seed.
double variance_of_draws(float bound, int count, std::uint64_t seed, nn::Stream stream) {
  nn::Engine engine = nn::make_engine(seed, stream);
  std::vector<double> draws;
  for (int i = 0; i < count; ++i) draws.push_back(nn::uniform(engine, -bound, bound));
  double mean = 0.0;
  for (double w : draws) mean += w;
  mean /= count;
  double squares = 0.0;
  for (double w : draws) squares += (w - mean) * (w - mean);
  return squares / (count - 1);
}

/// The standard error of the sample variance of `count` draws from U(-a, a): sqrt((mu_4 - sigma^4) / count),
/// with mu_4 = a^4 / 5 and sigma^4 = a^4 / 9 for the uniform, so sqrt(4 / 45) a^2 / sqrt(count).
double variance_standard_error(double bound, int count) {
  return std::sqrt(4.0 / 45.0) * bound * bound / std::sqrt(static_cast<double>(count));
}

TEST(HeBound, IsTheLibrarysBoundForEveryFanIn) {
  // Relative 1e-6: the square root of 6 / n in float, or in double and then rounded, or sqrt(3) sqrt(2 / n),
  // is within 2e-7 of the library's; each mistake the diagnosis names is 18% or more away at some fan-in.
  for (int n = 1; n <= 4096; ++n) {
    const double expected = nn::initial_weight_bound(nn::Init::he, n, 16);
    const double got = exercises::he_bound(n);
    ASSERT_TRUE(std::fabs(got - expected) <= 1e-6 * expected)
        << text("he_bound(", n, ") = ", got, ", expected ", expected,
                " (nn::initial_weight_bound(nn::Init::he, ...)), ", got / expected, " times it",
                diagnosis(n, got, got / expected));
  }
}

TEST(UniformVariance, IsTheBoundSquaredOverThree) {
  // Relative 1e-6: a^2 / 3 in float is within 2e-7 of its exact value.
  for (double bound : {1e-3, 0.1, 0.5, 0.6123724356957945, 1.0, 2.0, 10.0}) {
    const double expected = bound * bound / 3.0;
    const double got = exercises::uniform_variance(static_cast<float>(bound));
    EXPECT_TRUE(std::fabs(got - expected) <= 1e-6 * expected)
        << text("uniform_variance(", bound, ") = ", got, ", expected a^2 / 3 = ", expected, ", ",
                got / expected, " times it");
  }
}

TEST(UniformVariance, MatchesTheVarianceOfManyDraws) {
  // 100,000 draws: the sample variance is within 0.28% of a^2 / 3 at one standard error.
  const int count = 100000;
  std::uint64_t seed = 0;
  for (float bound : {0.25f, 1.0f, 3.0f}) {
    const double measured = variance_of_draws(bound, count, ++seed, nn::Stream::test_points);
    const double error = standard_errors * variance_standard_error(bound, count);
    const double got = exercises::uniform_variance(bound);
    EXPECT_TRUE(std::fabs(got - measured) <= error) << text(
        "uniform_variance(", bound, ") = ", got, ", but ", count, " draws from U(-", bound, ", ", bound,
        ") have a variance of ", measured, " +- ", error, " (", standard_errors, " standard errors)");
  }
}

TEST(HeBound, DrawsWeightsWhoseVarianceIsTwoOverTheFanIn) {
  const int count = 100000;
  for (int n : {1, 2, 3, 16, 100, 1000}) {
    const float bound = exercises::he_bound(n);
    const double measured =
        variance_of_draws(bound, count, static_cast<std::uint64_t>(n), nn::Stream::initial_weights);
    const double error = standard_errors * variance_standard_error(bound, count);
    EXPECT_TRUE(std::fabs(measured - 2.0 / n) <= error)
        << text(count, " weights drawn from U(-a, a) with a = he_bound(", n, ") = ", bound,
                " have a variance of ", measured, " +- ", error, " (", standard_errors,
                " standard errors); He's rule asks for 2 / n = ", 2.0 / n);
  }
}

constexpr int width = 16;
constexpr std::size_t depth = 8;
constexpr int networks = 1000;
constexpr int rows = 16;

/// For each of 8 ReLU layers of width 16 (a ReLU after the last one too, no biases), the mean over `networks`
/// networks of the ratio of the mean square of the layer's output to that of its input, on 16 inputs drawn
/// from U(-1, 1)^16; with the standard error of that mean, from the networks' spread. Each network is
/// nn::Network::initialised with He's rule, its weights then scaled by `bound` / the library's bound, so that
/// they are drawn from U(-bound, bound).
std::vector<Mean> mean_square_ratios(float bound) {
  const std::vector<int> sizes(depth + 1, width);
  const float scale = bound / nn::initial_weight_bound(nn::Init::he, width, width);
  std::vector<std::vector<double>> ratios(depth);
  for (int seed = 1; seed <= networks; ++seed) {
    nn::Network network =
        nn::Network::initialised(sizes, nn::Architecture::same_everywhere(nn::Activation::relu), nn::Init::he,
                                 static_cast<std::uint64_t>(seed));
    for (nn::Linear& layer : network.layers()) {
      for (float& w : layer.weight) w *= scale;
    }
    nn::Engine engine = nn::make_engine(static_cast<std::uint64_t>(seed), nn::Stream::test_points);
    nn::Matrix inputs({static_cast<std::size_t>(rows), static_cast<std::size_t>(width)});
    for (float& x : inputs) x = nn::uniform(engine, -1.0f, 1.0f);
    const nn::ForwardTrace trace = network.forward_trace(inputs);
    auto sum_of_squares = [](const nn::Matrix& m) {
      double sum = 0.0;
      for (float v : m) sum += static_cast<double>(v) * v;
      return sum;
    };
    double below = sum_of_squares(inputs);
    for (std::size_t l = 0; l < depth; ++l) {
      // trace.inputs[l + 1] is layer l's output after its ReLU; the last layer's is the network's output.
      const double squares = sum_of_squares(l + 1 < depth ? trace.inputs[l + 1] : trace.output);
      ratios[l].push_back(squares / below);
      below = squares;
    }
  }
  std::vector<Mean> means;
  for (const std::vector<double>& values : ratios) means.push_back(mean_of(values));
  return means;
}

TEST(HeBound, KeepsTheMeanSquareThroughEightReluLayersOfWidth16) {
  // Var(w) = 2 / n: each unit's sum z = w_1 a_1 + ... + w_n a_n has the variance n Var(w) E[a^2] = 2 E[a^2],
  // with E[a^2] the mean square of the layer's input, and the ReLU keeps half of E[z^2], as z is symmetric
  // about 0. So each layer's output has its input's mean square, in expectation over the draws, and the
  // eighth layer's output the network's input's. A bound that gives 1 / n halves it at every layer, one that
  // gives 4 / n doubles it.
  const float bound = exercises::he_bound(width);
  const std::vector<Mean> means = mean_square_ratios(bound);
  for (std::size_t l = 0; l < depth; ++l) {
    EXPECT_TRUE(std::fabs(means[l].value - 1.0) <= standard_errors * means[l].standard_error) << text(
        "with he_bound(", width, ") = ", bound, ", the mean square of layer ", l + 1, "'s output is ",
        means[l].value, " +- ", standard_errors * means[l].standard_error, " (", standard_errors,
        " standard errors, over ", networks, " networks) times its input's; with He's variance it is 1");
  }
}

TEST(HeBound, HalvedShrinksTheMeanSquareFourfoldPerLayer) {
  // Half the bound, a quarter of the variance, 1 / (2n): each layer's output has a quarter of its input's
  // mean square, in expectation, so after 8 layers 4^-8 of it, about 1.5e-5.
  const float bound = exercises::he_bound(width) / 2.0f;
  const std::vector<Mean> means = mean_square_ratios(bound);
  for (std::size_t l = 0; l < depth; ++l) {
    EXPECT_TRUE(std::fabs(means[l].value - 0.25) <= standard_errors * means[l].standard_error)
        << text("with half of he_bound(", width, "), ", bound, ", the mean square of layer ", l + 1,
                "'s output is ", means[l].value, " +- ", standard_errors * means[l].standard_error,
                " times its input's (", standard_errors, " standard errors, over ", networks,
                " networks); with a quarter of He's variance it is 1/4");
  }
}

}  // namespace
