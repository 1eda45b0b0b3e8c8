// Exercise 4.2: the student's dead-unit flags against the library's count on networks drawn for every point
// set, and against the rule's edges on networks built by hand, one test for each edge.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "exercises/dead_units.hpp"
#include "nn/activation.hpp"
#include "nn/dead_units.hpp"
#include "nn/linear.hpp"
#include "nn/network.hpp"
#include "nn/data.hpp"
#include "nn/point_sets.hpp"

namespace {

using Flags = std::vector<std::vector<bool>>;

/// A layer from its units, one a row, each written {w1, ..., w_in, b}: z = w1 x1 + ... + w_in x_in + b.
nn::Linear layer_of(const std::vector<std::vector<float>>& units) {
  const std::size_t in = units.front().size() - 1;
  nn::Linear layer = nn::zero_linear(in, units.size());
  for (std::size_t unit = 0; unit < units.size(); ++unit) {
    for (std::size_t i = 0; i < in; ++i) layer.weight(unit, i) = units[unit][i];
    layer.bias(unit) = units[unit][in];
  }
  return layer;
}

/// Five inputs of the unit square, one a row: (0, 0), (0, 1), (1, 0), (0.5, 0.5), (1, 1).
nn::Matrix five_points() { return {{0.0f, 0.0f}, {0.0f, 1.0f}, {1.0f, 0.0f}, {0.5f, 0.5f}, {1.0f, 1.0f}}; }

/// The flags of the first `layers` hidden layers: the tests below are about which units are dead, so a list
/// for the output layer too costs only the test of the flags' shape.
Flags first_layers(const Flags& flags, std::size_t layers) {
  return Flags(flags.begin(), flags.begin() + static_cast<std::ptrdiff_t>(std::min(layers, flags.size())));
}

/// The output layer every hand-built network ends with: one unit summing the hidden units it is given.
nn::Linear output_of(std::size_t hidden) { return layer_of({std::vector<float>(hidden + 1, 1.0f)}); }

TEST(DeadHiddenUnits, HasOneFlagPerUnitOfEachHiddenLayerAndNoneForTheOutput) {
  const nn::Matrix inputs = nn::make_dataset({nn::PointSet::ring, 50, 10}, 1).train.inputs;
  for (const std::vector<int>& sizes : {std::vector<int>{2, 4, 1}, std::vector<int>{2, 5, 3, 1}}) {
    const Flags flags =
        exercises::dead_hidden_units(nn::Network::initialised(sizes, nn::Activation::relu, 1), inputs);
    ASSERT_EQ(flags.size(), sizes.size() - 2)
        << "one list of flags per hidden layer, none for the output layer";
    for (std::size_t l = 0; l < flags.size(); ++l) {
      EXPECT_EQ(flags[l].size(), static_cast<std::size_t>(sizes[l + 1])) << "hidden layer " << l;
    }
  }
}

TEST(DeadHiddenUnits, AgreesWithTheLibraryOnEveryPointSet) {
  // Drawn 2,16,16,1 networks on each set's 200 training points, with the two activations whose units die
  // (a ReLU or step unit whose z is below 0 on every row is dead): about a third of the ReLU units start
  // dead.
  int dead_relu_units = 0;
  for (nn::PointSet set : nn::all_point_sets) {
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
      const nn::Matrix inputs = nn::make_dataset({set, 200, 10}, seed).train.inputs;
      for (nn::Activation activation : {nn::Activation::relu, nn::Activation::step}) {
        const nn::Network network = nn::Network::initialised({2, 16, 16, 1}, activation, seed);
        const nn::DeadUnits expected = nn::count_dead_units(network, inputs);
        const Flags flags = exercises::dead_hidden_units(network, inputs);
        ASSERT_GE(flags.size(), expected.per_layer.size()) << "one list of flags per hidden layer";
        for (std::size_t l = 0; l < expected.per_layer.size(); ++l) {
          const int dead = static_cast<int>(std::count(flags[l].begin(), flags[l].end(), true));
          EXPECT_EQ(dead, expected.per_layer[l])
              << nn::point_set_name(set) << ", seed " << seed << ", " << nn::activation_name(activation)
              << ": dead units of hidden layer " << l << " (nn::count_dead_units counts "
              << expected.per_layer[l] << ")";
          if (activation == nn::Activation::relu) dead_relu_units += expected.per_layer[l];
        }
      }
    }
  }
  EXPECT_GT(dead_relu_units, 0) << "the drawn networks must have dead units for this test to mean anything";
}

TEST(DeadHiddenUnits, NeedsEveryRowNotJustOne) {
  // ReLU units alive on no row, on every row, on the first row only, on the last row only, on two rows.
  const nn::Network network({layer_of({{-1.0f, -1.0f, -0.1f},
                                       {1.0f, 1.0f, 0.1f},
                                       {-1.0f, -1.0f, 0.5f},
                                       {1.0f, 1.0f, -1.5f},
                                       {1.0f, 0.0f, -0.75f}}),
                             output_of(5)},
                            nn::Activation::relu);
  EXPECT_EQ(first_layers(exercises::dead_hidden_units(network, five_points()), 1),
            (Flags{{true, false, false, false, false}}))
      << "a unit is dead only when it is dead on every row: one row where it is alive keeps it alive";
}

TEST(DeadHiddenUnits, CountsAReluUnitWhoseSumIsExactlyZeroAsDead) {
  // relu(0) = 0 and relu'(0) = 0: a unit whose sum is 0 on every row, or 0 on some and negative on the rest,
  // passes nothing forward and nothing back.
  const nn::Network network(
      {layer_of({{0.0f, 0.0f, 0.0f}, {-1.0f, 0.0f, 0.0f}, {0.0f, 0.0f, 1.0f}}), output_of(3)},
      nn::Activation::relu);
  EXPECT_EQ(first_layers(exercises::dead_hidden_units(network, five_points()), 1),
            (Flags{{true, true, false}}))
      << "z <= 0 on every row, not only z < 0, makes a ReLU unit dead";
}

TEST(DeadHiddenUnits, KeepsASilentUnitThatStillHasASlope) {
  // tanh(0) = 0 and sin(0) = 0, but their slopes there are 1: the unit is silent now and can still learn.
  for (nn::Activation activation : {nn::Activation::tanh, nn::Activation::sin}) {
    const nn::Network network({layer_of({{0.0f, 0.0f, 0.0f}, {1.0f, 1.0f, 0.1f}}), output_of(2)}, activation);
    EXPECT_EQ(first_layers(exercises::dead_hidden_units(network, five_points()), 1), (Flags{{false, false}}))
        << nn::activation_name(activation) << ": an output of 0 with a slope is not dead; both must be 0";
  }
}

TEST(DeadHiddenUnits, JudgesByTheNetworksActivationNotReluAlone) {
  // A unit below 0 on every row and one above 0 on every row, under each activation.
  const struct {
    nn::Activation activation;
    Flags expected;
  } cases[] = {{nn::Activation::relu, {{true, false}}},        {nn::Activation::step, {{true, false}}},
               {nn::Activation::leaky_relu, {{false, false}}}, {nn::Activation::elu, {{false, false}}},
               {nn::Activation::softplus, {{false, false}}},   {nn::Activation::identity, {{false, false}}}};
  for (const auto& c : cases) {
    const nn::Network network({layer_of({{-1.0f, -1.0f, -0.1f}, {1.0f, 1.0f, 0.1f}}), output_of(2)},
                              c.activation);
    EXPECT_EQ(first_layers(exercises::dead_hidden_units(network, five_points()), 1), c.expected)
        << nn::activation_name(c.activation) << ": use the network's own g and g'";
  }
}

TEST(DeadHiddenUnits, FeedsEachLayerTheOutputsOfTheLayerBefore) {
  // Hidden layer 0: unit 0 is dead (z from -3 to -1, so it outputs 0), unit 1 outputs x1 + x2 + 1.
  // Hidden layer 1: unit 0's z is minus unit 0's output minus 0.5, which is -0.5, so it is dead too (fed
  // unit 0's z instead, from 0.5 to 2.5, it would be alive); unit 1's z is unit 1's output minus 0.5, alive.
  const nn::Network network({layer_of({{-1.0f, -1.0f, -1.0f}, {1.0f, 1.0f, 1.0f}}),
                             layer_of({{-1.0f, 0.0f, -0.5f}, {0.0f, 1.0f, -0.5f}}), output_of(2)},
                            nn::Activation::relu);
  EXPECT_EQ(first_layers(exercises::dead_hidden_units(network, five_points()), 2),
            (Flags{{true, false}, {true, false}}))
      << "each layer's sums come from the activated outputs of the layer before it";
}

TEST(DeadHiddenUnits, SeesNoDeadUnitWithoutRows) {
  // "Dead on every row" holds for every unit when there are no rows; the rule counts none, as the library.
  const nn::Network network({layer_of({{-1.0f, -1.0f, -0.1f}, {1.0f, 1.0f, 0.1f}}), output_of(2)},
                            nn::Activation::relu);
  EXPECT_EQ(first_layers(exercises::dead_hidden_units(network, nn::Matrix({0, 2})), 1),
            (Flags{{false, false}}))
      << "with no rows nothing is seen, so no unit is dead";
}

}  // namespace
