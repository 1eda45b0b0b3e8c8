// Exercise 5.1: the student's gradients of a chain of sigmoid units against the library's backward pass on
// chains of 1, 3 and 8 layers, and chapter 5's lesson on a chain whose weights are all 1 and biases all 0.

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "exercises/chain_gradients.hpp"
#include "nn/activation.hpp"
#include "nn/batch_loss.hpp"
#include "nn/linear.hpp"
#include "nn/loss.hpp"
#include "nn/network.hpp"
#include "nn/random.hpp"

namespace {

/// A chain of one-unit layers, its input and its target.
struct Chain {
  std::vector<float> weights;  ///< w_1 ... w_n
  std::vector<float> biases;   ///< b_1 ... b_n
  float x;
  float t;
};

/// The library's gradients for the chain: a network of 1 x 1 layers with the sigmoid after every one, its
/// mean mse on the one row (x, t), back-propagated by nn::Network::backward.
exercises::ChainGradients library_gradients(const Chain& chain) {
  std::vector<nn::Linear> layers;
  for (std::size_t l = 0; l < chain.weights.size(); ++l) {
    nn::Linear layer = nn::zero_linear(1, 1);
    layer.weight(0, 0) = chain.weights[l];
    layer.bias(0) = chain.biases[l];
    layers.push_back(std::move(layer));
  }
  const nn::Network network(std::move(layers), nn::Activation::sigmoid);
  const nn::ForwardTrace trace = network.forward_trace(nn::Matrix{{chain.x}});
  const std::vector<nn::LinearGradients> gradients =
      network.backward(trace, nn::mean_loss_gradient(nn::Loss::mse, trace.output, nn::Matrix{{chain.t}}));
  exercises::ChainGradients expected;
  for (const nn::LinearGradients& layer : gradients) {
    expected.weights.push_back(layer.weight(0, 0));
    expected.biases.push_back(layer.bias(0));
  }
  return expected;
}

/// "x = 1, t = 0, w = {0.5, 2}, b = {0, -1}": the chain, for a failure message.
std::string describe(const Chain& chain) {
  std::ostringstream text;
  text.precision(9);
  text << "x = " << chain.x << ", t = " << chain.t;
  for (const auto& [name, values] : {std::pair{" w", &chain.weights}, std::pair{" b", &chain.biases}}) {
    text << "," << name << " = {";
    for (std::size_t l = 0; l < values->size(); ++l) text << (l ? ", " : "") << (*values)[l];
    text << "}";
  }
  return text.str();
}

/// Relative 1e-4: float code that follows the chain rule is within 3e-6 of the library on every chain here,
/// whichever way it writes the sigmoid (1 / (1 + e^-z), or (1 + tanh(z / 2)) / 2) and its slope (a (1 - a),
/// or e^-z / (1 + e^-z)^2), and in double too. A finite difference of the loss in float is not: the loss is
/// stored to about 6e-8 of itself, while the change a deep layer's parameter makes to it is far smaller (a
/// step of 1e-3 in w_1 of the 8-layer chain with every weight 1 moves the loss by 7e-9), so the difference
/// is mostly rounding. Central differences in float with steps from 1e-4 to 0.1, and a one-sided one with
/// 1e-3, each fail all four tests. (A central difference taken in double, with a step near 1e-4, passes
/// them: only reading the region shows that one.)
constexpr double relative = 1e-4;
/// An absolute term far below every non-zero gradient of these chains (the smallest is about 1e-9), so that
/// a gradient that is exactly 0 (dL/dw_1 when x = 0) has a tolerance too.
constexpr double absolute = 1e-15;

/// The student's gradients for one chain against the library's: the sizes, then every gradient within
/// relative |expected| + absolute. Shows the first layer that misses, first layer first.
::testing::AssertionResult matches_the_library(const Chain& chain) {
  const exercises::ChainGradients got =
      exercises::sigmoid_chain_gradients(chain.weights, chain.biases, chain.x, chain.t);
  const exercises::ChainGradients expected = library_gradients(chain);
  const std::size_t depth = chain.weights.size();
  if (got.weights.size() != depth || got.biases.size() != depth) {
    return ::testing::AssertionFailure()
           << "a chain of " << depth << " layers has " << depth << " weight gradients and " << depth
           << " bias gradients; got " << got.weights.size() << " and " << got.biases.size() << " ("
           << describe(chain) << ")";
  }
  for (std::size_t l = 0; l < depth; ++l) {
    for (const auto& [name, mine, theirs] : {std::tuple{"w", got.weights[l], expected.weights[l]},
                                             std::tuple{"b", got.biases[l], expected.biases[l]}}) {
      const double error = std::fabs(static_cast<double>(mine) - static_cast<double>(theirs));
      if (error <= relative * std::fabs(static_cast<double>(theirs)) + absolute) continue;
      std::ostringstream text;
      text.precision(9);
      text << "dL/d" << name << "_" << l + 1 << " (layer " << l + 1 << " of " << depth << ") = " << mine
           << ", expected " << theirs << " (nn::Network::backward)";
      if (theirs != 0.0f) {
        text.precision(3);
        text << ": a relative error of " << error / std::fabs(static_cast<double>(theirs)) << " where "
             << relative << " is allowed";
        if (std::fabs(mine / theirs - 0.5f) < 1e-3f)
          text << " (half: the loss is (y - t)^2, not (y - t)^2 / 2)";
      }
      text << "\n  for " << describe(chain);
      return ::testing::AssertionFailure() << text.str();
    }
  }
  return ::testing::AssertionSuccess();
}

/// Chains of `depth` layers drawn from one seed: weights from U(-2, 2), biases from U(-1, 1), x from
/// U(-2, 2), t a random bit. Every sum z stays within +-5, where the sigmoid is not yet flat in float.
std::vector<Chain> drawn_chains(std::size_t depth, int count) {
  std::vector<Chain> chains;
  for (int seed = 1; seed <= count; ++seed) {
    nn::Engine engine = nn::make_engine(static_cast<std::uint64_t>(seed), nn::Stream::initial_weights);
    Chain chain{{}, {}, 0.0f, 0.0f};
    for (std::size_t l = 0; l < depth; ++l) {
      chain.weights.push_back(nn::uniform(engine, -2.0f, 2.0f));
      chain.biases.push_back(nn::uniform(engine, -1.0f, 1.0f));
    }
    chain.x = nn::uniform(engine, -2.0f, 2.0f);
    chain.t = static_cast<float>(nn::random_bit(engine));
    chains.push_back(std::move(chain));
  }
  return chains;
}

TEST(SigmoidChainGradients, MatchTheLibrarysForOneLayer) {
  // dL/dw = 2 (y - t) sigmoid'(z) x and dL/db = 2 (y - t) sigmoid'(z). The inputs of 1e-3 make dL/dw a
  // thousandth of dL/db, and the units near z = +-4 that are far from their targets make the loss large
  // beside its slope: where a finite difference in float loses the most digits.
  std::vector<Chain> chains = {{{0.5f}, {0.0f}, 1.0f, 0.0f},   {{-1.5f}, {0.5f}, 2.0f, 1.0f},
                               {{2.0f}, {1.0f}, 1.5f, 0.0f},   {{3.0f}, {-1.0f}, -1.0f, 1.0f},
                               {{1.0f}, {0.0f}, 0.0f, 1.0f},   {{1.0f}, {0.25f}, 1e-3f, 0.0f},
                               {{-2.0f}, {-0.5f}, 1e-3f, 1.0f}};
  for (const Chain& chain : drawn_chains(1, 10)) chains.push_back(chain);
  for (const Chain& chain : chains) EXPECT_TRUE(matches_the_library(chain));
}

TEST(SigmoidChainGradients, MatchTheLibrarysForThreeLayers) {
  std::vector<Chain> chains = {{{1.0f, 1.0f, 1.0f}, {0.0f, 0.0f, 0.0f}, 1.0f, 0.0f},
                               {{2.0f, -1.0f, 0.5f}, {0.5f, -0.5f, 1.0f}, -1.0f, 1.0f},
                               {{-1.5f, 2.0f, -2.0f}, {1.0f, 0.0f, -1.0f}, 1e-3f, 0.0f}};
  for (const Chain& chain : drawn_chains(3, 10)) chains.push_back(chain);
  for (const Chain& chain : chains) EXPECT_TRUE(matches_the_library(chain));
}

TEST(SigmoidChainGradients, MatchTheLibrarysForEightLayers) {
  std::vector<Chain> chains = {{std::vector<float>(8, 1.0f), std::vector<float>(8, 0.0f), 1.0f, 0.0f},
                               {std::vector<float>(8, -1.0f), std::vector<float>(8, 0.5f), 2.0f, 1.0f},
                               {{2.0f, -2.0f, 1.5f, -1.0f, 0.5f, 2.0f, -1.5f, 1.0f},
                                {0.0f, 0.5f, -0.5f, 1.0f, -1.0f, 0.0f, 0.25f, -0.25f},
                                -1.0f,
                                0.0f}};
  for (const Chain& chain : drawn_chains(8, 10)) chains.push_back(chain);
  for (const Chain& chain : chains) EXPECT_TRUE(matches_the_library(chain));
}

/// Whether every dL/db_l of the chain is finite and not 0, and at most a quarter of dL/db_(l+1) (within
/// float's rounding, a millionth); shows the first layer where not.
::testing::AssertionResult shrinks_fourfold_or_more(const Chain& chain) {
  const exercises::ChainGradients got =
      exercises::sigmoid_chain_gradients(chain.weights, chain.biases, chain.x, chain.t);
  const std::size_t depth = chain.weights.size();
  if (got.biases.size() != depth) {
    return ::testing::AssertionFailure() << "a chain of " << depth << " layers has " << depth
                                         << " bias gradients; got " << got.biases.size();
  }
  for (std::size_t l = 0; l < depth; ++l) {
    if (!std::isfinite(got.biases[l]) || got.biases[l] == 0.0f) {
      return ::testing::AssertionFailure() << "dL/db_" << l + 1 << " = " << got.biases[l]
                                           << ", expected a finite value other than 0: the loss's gradient "
                                              "reaches every layer, however small ("
                                           << describe(chain) << ")";
    }
  }
  for (std::size_t l = 0; l + 1 < depth; ++l) {
    const double ratio = std::fabs(static_cast<double>(got.biases[l]) / got.biases[l + 1]);
    if (ratio > 0.25 * (1.0 + 1e-6)) {
      std::ostringstream text;
      text.precision(6);
      text << "|dL/db_" << l + 1 << "| / |dL/db_" << l + 2 << "| = " << ratio
           << ", more than 1/4: the backward pass multiplies dL/dz by w sigmoid'(z), and sigmoid'(z) <= 1/4 ("
           << describe(chain) << ")";
      return ::testing::AssertionFailure() << text.str();
    }
  }
  return ::testing::AssertionSuccess();
}

TEST(SigmoidChainGradients, ShrinkFourfoldOrMorePerLayerWithWeightsAtOneAndBiasesAtZero) {
  // dL/dz_l = dL/dz_(l+1) w_(l+1) sigmoid'(z_l), and sigmoid'(z) = a (1 - a) is at most 1/4 (at z = 0 only).
  // With every weight 1, each layer's dL/db_l = dL/dz_l is at most a quarter of the one above it, so the
  // first of 8 layers gets at most 4^-7 of the last layer's. (dL/dw_l = dL/dz_l a_(l-1) has no such bound:
  // a_(l-1) / a_l can be above 1, and at x = 1 the first layer's dL/dw is 0.27 of the second's.) Every
  // target is 0 or 1 and every output is strictly between, so no gradient is 0. The answer must also be
  // right: the same chains against the library.
  for (int step = -8; step <= 8; ++step) {
    for (float t : {0.0f, 1.0f}) {
      const Chain chain{std::vector<float>(8, 1.0f), std::vector<float>(8, 0.0f), 0.5f * step, t};
      EXPECT_TRUE(shrinks_fourfold_or_more(chain));
      EXPECT_TRUE(matches_the_library(chain));
    }
  }
}

}  // namespace
