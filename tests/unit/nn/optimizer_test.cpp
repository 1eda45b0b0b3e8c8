#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "nn/optimizer.hpp"

namespace {

const std::vector<int> demo_layers{2, 5, 5, 1};  // the demo's 2,5,5,1

// Gradients shaped like the network's parameters, of both signs and none near zero.
std::vector<nn::LinearGradients> random_gradients(const nn::Network& network, unsigned seed) {
  std::mt19937 engine(seed);
  std::uniform_real_distribution<float> magnitude(0.1f, 1.0f);
  std::bernoulli_distribution negative(0.5);
  std::vector<nn::LinearGradients> gradients;
  for (const nn::Linear& layer : network.layers()) {
    nn::Linear g = nn::zero_linear(layer.in(), layer.out());
    for (float& w : g.weight) w = (negative(engine) ? -1.0f : 1.0f) * magnitude(engine);
    for (float& b : g.bias) b = (negative(engine) ? -1.0f : 1.0f) * magnitude(engine);
    gradients.push_back({g.weight, g.bias});
  }
  return gradients;
}

// Every weight, then every bias, of every layer in turn.
std::vector<float> flatten(const std::vector<nn::LinearGradients>& layers) {
  std::vector<float> values;
  for (const nn::LinearGradients& layer : layers) {
    values.insert(values.end(), layer.weight.begin(), layer.weight.end());
    values.insert(values.end(), layer.bias.begin(), layer.bias.end());
  }
  return values;
}

std::vector<float> flatten(const nn::Network& network) {
  std::vector<nn::LinearGradients> layers;
  for (const nn::Linear& layer : network.layers()) layers.push_back({layer.weight, layer.bias});
  return flatten(layers);
}

}  // namespace

TEST(ParameterUpdater, SgdStepsEveryWeightAndBiasAgainstItsGradient) {
  nn::Network network = nn::Network::initialised(demo_layers, nn::Activation::tanh, 1);
  const std::vector<float> before = flatten(network);
  const auto gradients = random_gradients(network, 2);
  nn::ParameterUpdater updater(nn::Optimizer::sgd, 0.1f, network);
  updater.step(network, gradients);
  EXPECT_EQ(updater.steps_taken(), 1);
  const std::vector<float> after = flatten(network), g = flatten(gradients);
  ASSERT_EQ(after.size(), 2 * 5 + 5 + 5 * 5 + 5 + 5 + 1u);
  for (std::size_t i = 0; i < after.size(); ++i) EXPECT_NEAR(after[i], before[i] - 0.1 * g[i], 1e-6) << i;
}

TEST(ParameterUpdater, AdamFirstStepMovesEveryParameterByAboutLr) {
  nn::Network network = nn::Network::initialised(demo_layers, nn::Activation::tanh, 1);
  const std::vector<float> before = flatten(network);
  const auto gradients = random_gradients(network, 2);
  nn::ParameterUpdater updater(nn::Optimizer::adam, 0.01f, network);
  updater.step(network, gradients);
  const std::vector<float> after = flatten(network), g = flatten(gradients);
  for (std::size_t i = 0; i < after.size(); ++i) {
    EXPECT_NEAR(after[i], before[i] - 0.01 * (g[i] > 0 ? 1 : -1), 1e-6) << i;
  }
}

TEST(ParameterUpdater, AdamSecondStepUsesEachParametersOwnMoments) {
  nn::Network network = nn::Network::initialised(demo_layers, nn::Activation::tanh, 1);
  const std::vector<float> p0 = flatten(network);
  const auto first = random_gradients(network, 2);
  const auto second = random_gradients(network, 3);
  nn::ParameterUpdater updater(nn::Optimizer::adam, 0.01f, network);
  updater.step(network, first);
  updater.step(network, second);
  EXPECT_EQ(updater.steps_taken(), 2);
  const std::vector<float> after = flatten(network), g1 = flatten(first), g2 = flatten(second);
  for (std::size_t i = 0; i < after.size(); ++i) {
    // Adam with betas (0.9, 0.999), eps 1e-8: p -= lr m_hat / (sqrt(v_hat) + eps), m_hat = m / (1 - 0.9^t)
    // ...
    const double m1 = 0.1 * g1[i], v1 = 0.001 * g1[i] * g1[i];
    const double p1 = p0[i] - 0.01 * (m1 / 0.1) / (std::sqrt(v1 / 0.001) + 1e-8);
    const double m2 = 0.9 * m1 + 0.1 * g2[i], v2 = 0.999 * v1 + 0.001 * g2[i] * g2[i];
    const double p2 = p1 - 0.01 * (m2 / (1 - 0.9 * 0.9)) / (std::sqrt(v2 / (1 - 0.999 * 0.999)) + 1e-8);
    EXPECT_NEAR(after[i], p2, 1e-6) << i;
  }
}
