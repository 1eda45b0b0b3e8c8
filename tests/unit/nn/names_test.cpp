// The core's name tables (nn/names.hpp): every enum a flag takes, through the functions the programs call.

#include <string>

#include <gtest/gtest.h>

#include "name_table_checks.hpp"
#include "nn/activation.hpp"
#include "nn/gates.hpp"
#include "nn/initialisation.hpp"
#include "nn/inputs.hpp"
#include "nn/loss.hpp"
#include "nn/point_sets.hpp"
#include "nn/update_rule.hpp"

namespace {

using names_checks::expect_a_sound_table;

TEST(Names, ActivationsParseBackAndAnUnknownOneListsThemAll) {
  expect_a_sound_table(nn::activation_names, "activation", nn::parse_activation, nn::activation_name);
  EXPECT_EQ(nn::all_activations().size(), nn::activation_names.size());
  EXPECT_EQ(nn::activation_names_text(), nn::names_text(nn::activation_names));
}

TEST(Names, GatesParseBackAndAnUnknownOneListsThemAll) {
  expect_a_sound_table(nn::gate_names, "gate", nn::parse_gate, nn::gate_name);
}

TEST(Names, LossesParseBackAndAnUnknownOneListsThemAll) {
  expect_a_sound_table(nn::loss_names, "loss", nn::parse_loss, nn::loss_name);
}

TEST(Names, OptimizersParseBackAndAnUnknownOneListsThemAll) {
  expect_a_sound_table(nn::optimizer_names, "optimizer", nn::parse_optimizer, nn::optimizer_name);
}

TEST(Names, InitialisationsParseBackAndAnUnknownOneListsThemAll) {
  expect_a_sound_table(nn::init_names, "initialisation", nn::parse_init, nn::init_name);
}

TEST(Names, InputScalesParseBackAndAnUnknownOneListsThemAll) {
  expect_a_sound_table(nn::inputs_names, "inputs", nn::parse_inputs, nn::inputs_name);
}

// Point sets have no parser of their own (--dataset and --datasets also take gates), so the table's generic
// one.
TEST(Names, PointSetsParseBackAndAnUnknownOneListsThemAll) {
  const auto parse = [](const std::string& name) {
    return nn::parse_name(nn::point_set_names, "point set", name);
  };
  expect_a_sound_table(nn::point_set_names, "point set", parse, nn::point_set_name);
  ASSERT_EQ(nn::all_point_sets.size(), nn::point_set_names.size());
  for (std::size_t i = 0; i < nn::all_point_sets.size(); ++i) {
    EXPECT_EQ(nn::all_point_sets[i], nn::point_set_names[i].value)
        << "the help lists them in all_point_sets' order";
  }
}

// The messages read as they did before the tables, byte for byte: a list ends in "or".
TEST(Names, ListsReadAsASentenceOrAsAFlagsValue) {
  EXPECT_EQ(nn::names_text(nn::gate_names), "and, or, nand or xor");
  EXPECT_EQ(nn::names_text(nn::gate_names, ",", ","), "and,or,nand,xor");
  EXPECT_EQ(nn::names_text(nn::optimizer_names), "adam or sgd");
  EXPECT_EQ(nn::names_text(nn::NameTable<nn::Loss, 1>{{{nn::Loss::mse, "mse"}}}), "mse");
  try {
    nn::parse_init("kaiming");
    FAIL() << "kaiming was accepted";
  } catch (const nn::InputError& error) {
    EXPECT_STREQ(error.what(), "unknown initialisation 'kaiming' (expected pytorch, xavier or he)");
  }
}

TEST(Names, AValueOutsideTheEnumHasNoName) {
  EXPECT_STREQ(nn::name_in(nn::gate_names, static_cast<nn::Gate>(4)), "");
}

}  // namespace
