#include <random>

#include <gtest/gtest.h>
#include <xtensor/xbuilder.hpp>

#include "gradient_check.hpp"
#include "nn/linear.hpp"

namespace {

// A scalar function of the layer's output, S = sum_{r,o} c[r,o] z[r,o], so that dS/dz = c.
double weighted_sum(const nn::Matrix& z, const nn::Matrix& c) {
  double sum = 0.0;
  for (std::size_t i = 0; i < z.size(); ++i) sum += static_cast<double>(c.flat(i)) * z.flat(i);
  return sum;
}

struct Problem {
  nn::Linear layer = nn::zero_linear(3, 4);
  nn::Matrix x = xt::zeros<float>({5, 3});
  nn::Matrix c = xt::zeros<float>({5, 4});
};

Problem random_problem() {
  std::mt19937 engine(42);
  Problem p;
  fill_uniform(p.layer.weight, engine, -1.0f, 1.0f);
  for (float& b : p.layer.bias) b = std::uniform_real_distribution<float>(-1.0f, 1.0f)(engine);
  fill_uniform(p.x, engine, -1.0f, 1.0f);
  fill_uniform(p.c, engine, -1.0f, 1.0f);
  return p;
}

}  // namespace

TEST(Linear, ForwardComputesXTimesWTransposedPlusB) {
  nn::Linear layer{{{1, 2, 3}, {4, 5, 6}}, {0.5f, -1.0f}};
  const nn::Matrix z = layer.forward({{1, 0, -1}, {2, 1, 0}});
  ASSERT_EQ(z.shape(0), 2u);
  ASSERT_EQ(z.shape(1), 2u);
  EXPECT_FLOAT_EQ(z(0, 0), -1.5f);
  EXPECT_FLOAT_EQ(z(0, 1), -3.0f);
  EXPECT_FLOAT_EQ(z(1, 0), 4.5f);
  EXPECT_FLOAT_EQ(z(1, 1), 12.0f);
  EXPECT_EQ(layer.in(), 3u);
  EXPECT_EQ(layer.out(), 2u);
}

TEST(Linear, BackwardMatchesFiniteDifferences) {
  Problem p = random_problem();
  const nn::LinearGradients gradients = p.layer.backward(p.x, p.c);
  ASSERT_EQ(gradients.weight.shape(), p.layer.weight.shape());
  ASSERT_EQ(gradients.bias.shape(), p.layer.bias.shape());
  auto S = [&] { return weighted_sum(p.layer.forward(p.x), p.c); };
  for (std::size_t i = 0; i < p.layer.weight.size(); ++i) {
    const double numeric = central_difference(p.layer.weight.flat(i), S);
    EXPECT_NEAR(gradients.weight.flat(i), numeric, gradient_tolerance(numeric)) << "weight " << i;
  }
  for (std::size_t o = 0; o < p.layer.bias.size(); ++o) {
    const double numeric = central_difference(p.layer.bias(o), S);
    EXPECT_NEAR(gradients.bias(o), numeric, gradient_tolerance(numeric)) << "bias " << o;
  }
}

TEST(Linear, InputGradientMatchesFiniteDifferences) {
  Problem p = random_problem();
  const nn::Matrix dx = p.layer.input_gradient(p.c);
  ASSERT_EQ(dx.shape(), p.x.shape());
  for (std::size_t i = 0; i < p.x.size(); ++i) {
    const double numeric =
        central_difference(p.x.flat(i), [&] { return weighted_sum(p.layer.forward(p.x), p.c); });
    EXPECT_NEAR(dx.flat(i), numeric, gradient_tolerance(numeric)) << "input " << i;
  }
}

TEST(Linear, ZeroLinearHasTheRequestedShapeAndZeros) {
  const nn::Linear layer = nn::zero_linear(2, 5);
  EXPECT_EQ(layer.in(), 2u);
  EXPECT_EQ(layer.out(), 5u);
  EXPECT_EQ(layer.bias.size(), 5u);
  for (float w : layer.weight) EXPECT_EQ(w, 0.0f);
  for (float b : layer.bias) EXPECT_EQ(b, 0.0f);
}
