// Dead units, counted on hand-built networks whose sums can be read off their weights: a ReLU unit whose sum
// is negative on every input is dead, one whose sum is positive somewhere is not, and tanh units never are.

#include <cmath>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

#include "nn/dead_units.hpp"
#include "nn/error.hpp"
#include "nn/network.hpp"

namespace {

// Inputs in the unit square, where the point sets live: every coordinate >= 0.
const nn::Matrix square_inputs{{0.0f, 0.0f}, {0.0f, 1.0f}, {1.0f, 0.0f}, {1.0f, 1.0f}, {0.3f, 0.7f}};

// A 2,2,1 network. Hidden unit 0: z = x1 + x2 - 5, below 0 on the whole unit square, so dead there. Hidden
// unit 1: z = x1 + x2 + 0.5, above 0 everywhere there, so alive. Output: z = h1 + h2 + 0.1 > 0, alive.
nn::Network one_dead_one_alive(nn::Activation activation) {
  return nn::Network({{{{1.0f, 1.0f}, {1.0f, 1.0f}}, {-5.0f, 0.5f}}, {{{1.0f, 1.0f}}, {0.1f}}}, activation);
}

}  // namespace

TEST(DeadUnits, CountsAReluUnitWhoseSumIsNegativeOnEveryInput) {
  const nn::DeadUnits dead = nn::count_dead_units(one_dead_one_alive(nn::Activation::relu), square_inputs);
  EXPECT_EQ(dead.per_layer, std::vector<int>{1});
  EXPECT_EQ(dead.total, 1);
  EXPECT_EQ(dead.hidden_units, 2);
  EXPECT_FALSE(dead.output_dead);
}

TEST(DeadUnits, AUnitThatFiresOnOneInputIsAlive) {
  // Unit 0's sum x1 + x2 - 1.5 is above 0 only at (1, 1): one row is enough for a gradient to flow.
  nn::Network network = one_dead_one_alive(nn::Activation::relu);
  network.layers()[0].bias(0) = -1.5f;
  EXPECT_EQ(nn::count_dead_units(network, square_inputs).total, 0);
  // Without that row it is dead again: deadness is a property of a network *and* its inputs.
  const nn::Matrix without_corner{{0.0f, 0.0f}, {0.0f, 1.0f}, {1.0f, 0.0f}};
  EXPECT_EQ(nn::count_dead_units(network, without_corner).total, 1);
}

TEST(DeadUnits, ASumOfExactlyZeroIsDeadForReluAsItsSlopeThereIsZero) {
  // PyTorch's relu'(0) = 0, so a unit whose sum is exactly 0 everywhere passes no gradient either.
  nn::Network network = one_dead_one_alive(nn::Activation::relu);
  network.layers()[0].weight(0, 0) = network.layers()[0].weight(0, 1) = network.layers()[0].bias(0) = 0.0f;
  EXPECT_EQ(nn::count_dead_units(network, square_inputs).per_layer, std::vector<int>{1});
}

TEST(DeadUnits, CountsEveryHiddenLayerAndTheOutput) {
  // 2,2,2,1: the first layer as above (one dead), the second with both sums negative (two dead), and the
  // output's sum negative, as every unit feeding it is 0.
  const nn::Network network({{{{1.0f, 1.0f}, {1.0f, 1.0f}}, {-5.0f, 0.5f}},
                             {{{1.0f, 1.0f}, {-1.0f, 0.0f}}, {-9.0f, -0.1f}},
                             {{{1.0f, 1.0f}}, {-0.2f}}},
                            nn::Activation::relu);
  const nn::DeadUnits dead = nn::count_dead_units(network, square_inputs);
  EXPECT_EQ(dead.per_layer, (std::vector<int>{1, 2}));
  EXPECT_EQ(dead.total, 3);
  EXPECT_EQ(dead.hidden_units, 4);
  EXPECT_TRUE(dead.output_dead);
}

TEST(DeadUnits, LeakyReluUnitsNeverDieBelowZero) {
  // Leaky ReLU's output below 0 is 0.01 z, not 0, and its slope there is 0.01: the fix for dead units.
  EXPECT_EQ(nn::count_dead_units(one_dead_one_alive(nn::Activation::leaky_relu), square_inputs).total, 0);
}

TEST(DeadUnits, TanhUnitsAreNeverDead) {
  EXPECT_EQ(nn::count_dead_units(one_dead_one_alive(nn::Activation::tanh), square_inputs).total, 0);
  // Not even a unit with all-zero weights, whose output is exactly 0 everywhere: its slope there is 1, so
  // the first gradient step moves it.
  nn::Network silent = one_dead_one_alive(nn::Activation::tanh);
  silent.layers()[0].weight.fill(0.0f);
  silent.layers()[0].bias.fill(0.0f);
  const nn::DeadUnits dead = nn::count_dead_units(silent, square_inputs);
  EXPECT_EQ(dead.total, 0);
  EXPECT_FALSE(dead.output_dead);
  // And a freshly initialised tanh network of the book's shape has none on the square either.
  const nn::Network initialised = nn::Network::initialised({2, 8, 1}, nn::Activation::tanh, 0);
  EXPECT_EQ(nn::count_dead_units(initialised, square_inputs).per_layer, std::vector<int>{0});
}

TEST(DeadUnits, TheStepIsDeadWhereItIsOffAndOnlyThere) {
  // step(z) = 0 below 0 with slope 0: unit 0 is dead. Unit 1 outputs 1 everywhere: it passes a signal on
  // (though, like every step unit, no gradient), so it is not counted.
  const nn::DeadUnits dead = nn::count_dead_units(one_dead_one_alive(nn::Activation::step), square_inputs);
  EXPECT_EQ(dead.per_layer, std::vector<int>{1});
}

TEST(DeadUnits, NoRowsShowNoDeadUnits) {
  const nn::Matrix no_rows = nn::Matrix::from_shape({0, 2});
  const nn::DeadUnits dead = nn::count_dead_units(one_dead_one_alive(nn::Activation::relu), no_rows);
  EXPECT_EQ(dead.per_layer, std::vector<int>{0});
  EXPECT_EQ(dead.total, 0);
  EXPECT_EQ(dead.hidden_units, 2);
  EXPECT_FALSE(dead.output_dead);
}

TEST(DeadUnits, OneRowIsEnoughToJudge) {
  const nn::DeadUnits dead = nn::count_dead_units(one_dead_one_alive(nn::Activation::relu), {{0.5f, 0.5f}});
  EXPECT_EQ(dead.per_layer, std::vector<int>{1});
}

TEST(DeadUnits, ANetworkWithoutHiddenLayersHasNoHiddenUnits) {
  // 2,1: the output unit alone, z = x1 + x2 - 5, dead on the square.
  const nn::Network network({{{{1.0f, 1.0f}}, {-5.0f}}}, nn::Activation::relu);
  const nn::DeadUnits dead = nn::count_dead_units(network, square_inputs);
  EXPECT_TRUE(dead.per_layer.empty());
  EXPECT_EQ(dead.total, 0);
  EXPECT_EQ(dead.hidden_units, 0);
  EXPECT_TRUE(dead.output_dead);
}

TEST(DeadUnits, ARowOfNotANumbersChangesNothingBesideOrdinaryRows) {
  // relu(NaN) is 0 (NaN > 0 is false) and so is its slope; a row of NaNs alone shows every ReLU unit as
  // dead, but beside ordinary rows it changes nothing: the alive unit is still alive.
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const nn::Matrix with_nan{{0.2f, 0.2f}, {nan, nan}};
  EXPECT_EQ(nn::count_dead_units(one_dead_one_alive(nn::Activation::relu), with_nan).per_layer,
            std::vector<int>{1});
}

TEST(DeadUnits, InputsOfTheWrongWidthAreRefusedWithTheirWidthNamed) {
  const nn::Matrix three_columns{{0.0f, 0.0f, 0.0f}};
  try {
    nn::count_dead_units(one_dead_one_alive(nn::Activation::relu), three_columns);
    FAIL() << "three columns for a network that takes two were accepted";
  } catch (const nn::InputError& error) {
    EXPECT_STREQ(error.what(), "dead units: the inputs have 3 columns, the network takes 2");
  }
}
