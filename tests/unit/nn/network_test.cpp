#include <algorithm>
#include <cmath>
#include <random>

#include <gtest/gtest.h>
#include <xtensor/xbuilder.hpp>

#include "gradient_check.hpp"
#include "nn/error.hpp"
#include "nn/network.hpp"

namespace {

const std::vector<int> deep{2, 5, 5, 1};

// S = sum_r c_r y_r over the network's outputs, so that dS/dy = c.
double weighted_output(const nn::Network& network, const nn::Matrix& x, const nn::Matrix& c) {
  const nn::Matrix y = network.forward(x);
  double sum = 0.0;
  for (std::size_t r = 0; r < y.shape(0); ++r) sum += static_cast<double>(c(r, 0)) * y(r, 0);
  return sum;
}

void expect_backward_matches_finite_differences(const nn::Architecture& architecture) {
  nn::Network network = nn::Network::initialised(deep, architecture, nn::Init::pytorch, 7);
  std::mt19937 engine(3);
  nn::Matrix x = xt::zeros<float>({6, 2});
  nn::Matrix c = xt::zeros<float>({6, 1});
  fill_uniform(x, engine, -1.0f, 1.0f);
  fill_uniform(c, engine, -1.0f, 1.0f);

  const std::vector<nn::LinearGradients> gradients = network.backward(network.forward_trace(x), c);
  ASSERT_EQ(gradients.size(), network.layers().size());
  auto S = [&] { return weighted_output(network, x, c); };
  for (std::size_t l = 0; l < network.layers().size(); ++l) {
    nn::Linear& layer = network.layers()[l];
    for (std::size_t i = 0; i < layer.weight.size(); ++i) {
      const double numeric = central_difference(layer.weight.flat(i), S);
      EXPECT_NEAR(gradients[l].weight.flat(i), numeric, gradient_tolerance(numeric))
          << "layer " << l << " weight " << i;
    }
    for (std::size_t o = 0; o < layer.bias.size(); ++o) {
      const double numeric = central_difference(layer.bias(o), S);
      EXPECT_NEAR(gradients[l].bias(o), numeric, gradient_tolerance(numeric))
          << "layer " << l << " bias " << o;
    }
  }
}

void expect_backward_matches_finite_differences(nn::Activation activation) {
  expect_backward_matches_finite_differences(nn::Architecture::same_everywhere(activation));
}

}  // namespace

TEST(Network, BackwardMatchesFiniteDifferencesWithoutActivation) {
  expect_backward_matches_finite_differences(nn::Activation::identity);
}

TEST(Network, BackwardMatchesFiniteDifferencesWithTanh) {
  expect_backward_matches_finite_differences(nn::Activation::tanh);
}

// Every smooth hidden activation under every output activation the book uses, with the inputs centred or not.
TEST(Network, BackwardMatchesFiniteDifferencesWithAnOutputActivationOfItsOwn) {
  for (nn::Activation hidden :
       {nn::Activation::tanh, nn::Activation::sigmoid, nn::Activation::gelu, nn::Activation::sin}) {
    for (nn::Activation output : {nn::Activation::identity, nn::Activation::sigmoid, nn::Activation::tanh}) {
      for (nn::Inputs inputs : {nn::Inputs::unit, nn::Inputs::centred}) {
        SCOPED_TRACE(nn::activation_name(hidden) + ">" + nn::activation_name(output) + " " +
                     nn::inputs_name(inputs));
        expect_backward_matches_finite_differences({hidden, output, inputs});
      }
    }
  }
}

TEST(Network, TheOutputActivationFollowsTheLastLayerAndTheHiddenOneTheOthers) {
  const nn::Network network(
      {{{{1.0f, 2.0f}}, {0.5f}}, {{{3.0f}}, {-1.0f}}},
      nn::Architecture{nn::Activation::tanh, nn::Activation::sigmoid, nn::Inputs::unit});
  const nn::Matrix y = network.forward({{1.0f, 0.0f}});
  EXPECT_NEAR(y(0, 0), 1.0 / (1.0 + std::exp(-(3.0 * std::tanh(1.5) - 1.0))), 1e-6);
  EXPECT_FALSE(network.is_linear());
  const nn::Network linear_output(
      {{{{1.0f, 2.0f}}, {0.5f}}, {{{3.0f}}, {-1.0f}}},
      nn::Architecture{nn::Activation::relu, nn::Activation::identity, nn::Inputs::unit});
  EXPECT_NEAR(linear_output.forward({{-1.0f, 0.0f}})(0, 0), -1.0, 1e-6);  // relu(-0.5) = 0, then 3 * 0 - 1
}

// Centred inputs: the network sees 2x - 1, so a centred network on x is the unit network on 2x - 1.
TEST(Network, CentredInputsAreTheUnitSquareMappedTo2xMinus1) {
  const nn::Network unit = nn::Network::initialised(deep, nn::Activation::tanh, 5);
  const nn::Network centred(
      unit.layers(), nn::Architecture{nn::Activation::tanh, nn::Activation::tanh, nn::Inputs::centred});
  const nn::Matrix x{{0.0f, 0.0f}, {0.0f, 1.0f}, {1.0f, 0.0f}, {1.0f, 1.0f}, {0.25f, 0.75f}};
  const nn::Matrix mapped = 2.0f * x - 1.0f;
  const nn::Matrix a = centred.forward(x), b = unit.forward(mapped);
  for (std::size_t r = 0; r < x.shape(0); ++r) EXPECT_EQ(a(r, 0), b(r, 0)) << "row " << r;
}

// Xavier and He start every bias at 0 and keep their weights within their bounds; PyTorch's rule draws both.
TEST(Network, EachInitialisationKeepsItsBoundsAndItsBiases) {
  for (nn::Init init : {nn::Init::pytorch, nn::Init::xavier, nn::Init::he}) {
    const nn::Network network = nn::Network::initialised(
        {2, 16, 16, 1}, nn::Architecture::same_everywhere(nn::Activation::relu), init, 3);
    for (const nn::Linear& layer : network.layers()) {
      const float bound =
          nn::initial_weight_bound(init, static_cast<int>(layer.in()), static_cast<int>(layer.out()));
      for (float w : layer.weight) EXPECT_LE(std::fabs(w), bound) << nn::init_name(init);
      const bool all_zero =
          std::all_of(layer.bias.begin(), layer.bias.end(), [](float b) { return b == 0.0f; });
      EXPECT_EQ(all_zero, init != nn::Init::pytorch) << nn::init_name(init);
    }
  }
  // The demo's rule is unchanged: the same draws as before there was a choice.
  const nn::Network before = nn::Network::initialised(deep, nn::Activation::tanh, 11);
  const nn::Network now = nn::Network::initialised(
      deep, nn::Architecture::same_everywhere(nn::Activation::tanh), nn::Init::pytorch, 11);
  for (std::size_t l = 0; l < deep.size() - 1; ++l) {
    EXPECT_EQ(before.layers()[l].weight, now.layers()[l].weight);
    EXPECT_EQ(before.layers()[l].bias, now.layers()[l].bias);
  }
}

TEST(Network, ForwardAppliesTheActivationAfterEveryLayerIncludingTheLast) {
  const nn::Network network({{{{1.0f, 2.0f}}, {0.5f}}, {{{3.0f}}, {-1.0f}}}, nn::Activation::tanh);
  const nn::Matrix y = network.forward({{1.0f, 0.0f}, {0.0f, 1.0f}});
  EXPECT_NEAR(y(0, 0), std::tanh(3.0 * std::tanh(1.5) - 1.0), 1e-6);
  EXPECT_NEAR(y(1, 0), std::tanh(3.0 * std::tanh(2.5) - 1.0), 1e-6);
}

TEST(Network, InitialisedIsDeterministicPerSeed) {
  const nn::Network a = nn::Network::initialised(deep, nn::Activation::tanh, 11);
  const nn::Network b = nn::Network::initialised(deep, nn::Activation::tanh, 11);
  const nn::Network other = nn::Network::initialised(deep, nn::Activation::tanh, 12);
  bool differs = false;
  for (std::size_t l = 0; l < a.layers().size(); ++l) {
    EXPECT_EQ(a.layers()[l].weight, b.layers()[l].weight);
    EXPECT_EQ(a.layers()[l].bias, b.layers()[l].bias);
    differs = differs || a.layers()[l].weight != other.layers()[l].weight;
  }
  EXPECT_TRUE(differs) << "seeds 11 and 12 gave the same weights";
}

TEST(Network, InitialisedDrawsFromPlusMinusOneOverSqrtFanIn) {
  const nn::Network first = nn::Network::initialised(deep, nn::Activation::identity, 1);
  EXPECT_EQ(first.sizes(), deep);
  EXPECT_EQ(nn::sizes_text(first.sizes()), "2,5,5,1");
  for (std::size_t l = 0; l + 1 < deep.size(); ++l) {
    const float bound = 1.0f / std::sqrt(static_cast<float>(deep[l]));
    float largest = 0.0f;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
      const nn::Network network = nn::Network::initialised(deep, nn::Activation::identity, seed);
      const nn::Linear& layer = network.layers()[l];
      for (float w : layer.weight) EXPECT_LE(std::fabs(w), bound) << "layer " << l << " seed " << seed;
      for (float b : layer.bias) EXPECT_LE(std::fabs(b), bound) << "layer " << l << " seed " << seed;
      for (float w : layer.weight) largest = std::max(largest, std::fabs(w));
    }
    // The draws fill the range rather than a small part of it.
    EXPECT_GT(largest, 0.9f * bound) << "layer " << l;
  }
}

TEST(Network, CollapseMultipliesOutAHandBuiltNetwork) {
  // y = 4 (2 x1 + 3 x2 + 1) - 1 = 8 x1 + 12 x2 + 3
  const nn::Network network({{{{2.0f, 3.0f}}, {1.0f}}, {{{4.0f}}, {-1.0f}}}, nn::Activation::identity);
  const nn::Linear single = nn::collapse_to_single_layer(network);
  EXPECT_FLOAT_EQ(single.weight(0, 0), 8.0f);
  EXPECT_FLOAT_EQ(single.weight(0, 1), 12.0f);
  EXPECT_FLOAT_EQ(single.bias(0), 3.0f);
}

TEST(Network, CollapseEqualsForwardOnRandomInputs) {
  std::mt19937 engine(5);
  for (const std::vector<int>& sizes : {std::vector<int>{2, 1, 1}, deep}) {
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
      const nn::Network network = nn::Network::initialised(sizes, nn::Activation::identity, seed);
      const nn::Linear single = nn::collapse_to_single_layer(network);
      ASSERT_EQ(single.in(), 2u);
      ASSERT_EQ(single.out(), 1u);
      nn::Matrix x = xt::zeros<float>({8, 2});
      fill_uniform(x, engine, -2.0f, 2.0f);
      const nn::Matrix expected = network.forward(x);
      const nn::Matrix actual = single.forward(x);
      for (std::size_t r = 0; r < 8; ++r) {
        EXPECT_NEAR(actual(r, 0), expected(r, 0), 1e-5)
            << nn::sizes_text(sizes) << " seed " << seed << " row " << r;
      }
    }
  }
}

TEST(Network, InitialisationAndInputsNamesRoundTripAndUnknownNamesAreRejected) {
  for (nn::Init init : {nn::Init::pytorch, nn::Init::xavier, nn::Init::he}) {
    EXPECT_EQ(nn::parse_init(nn::init_name(init)), init);
  }
  for (nn::Inputs inputs : {nn::Inputs::unit, nn::Inputs::centred}) {
    EXPECT_EQ(nn::parse_inputs(nn::inputs_name(inputs)), inputs);
  }
  EXPECT_THROW(nn::parse_init("kaiming"), nn::InputError);
  EXPECT_THROW(nn::parse_inputs("scaled"), nn::InputError);
}

TEST(Network, ParametersFlattenLayerByLayerWeightsRowByRowThenBiases) {
  // A 2,3,1 network whose parameters are numbered in the order of nn/parameter_layout.hpp.
  const nn::Network network(
      {nn::Linear{{{0, 1}, {2, 3}, {4, 5}}, {6, 7, 8}}, nn::Linear{{{9, 10, 11}}, {12}}},
      nn::Activation::tanh);
  const std::vector<float> flat = nn::flatten_parameters(network);
  ASSERT_EQ(flat.size(), 13u);
  for (std::size_t k = 0; k < flat.size(); ++k)
    EXPECT_EQ(flat[k], static_cast<float>(k)) << "parameter " << k;
  const nn::Network back = nn::network_from_parameters({2, 3, 1}, network.architecture(), flat.data());
  EXPECT_EQ(nn::flatten_parameters(back), flat);
  EXPECT_EQ(back.sizes(), (std::vector<int>{2, 3, 1}));
}
