#include <gtest/gtest.h>

#include "nn/error.hpp"
#include "nn/gates.hpp"

TEST(Gates, TruthTableInputsAreInTheOrder00011011) {
  const std::array<std::array<float, 2>, 4> expected{{{0, 0}, {0, 1}, {1, 0}, {1, 1}}};
  EXPECT_EQ(nn::truth_table_inputs, expected);
}

TEST(Gates, TruthTablesMatchTheGates) {
  using T = std::array<float, 4>;
  EXPECT_EQ(nn::truth_table_targets(nn::Gate::and_gate), (T{0, 0, 0, 1}));
  EXPECT_EQ(nn::truth_table_targets(nn::Gate::or_gate), (T{0, 1, 1, 1}));
  EXPECT_EQ(nn::truth_table_targets(nn::Gate::nand_gate), (T{1, 1, 1, 0}));
  EXPECT_EQ(nn::truth_table_targets(nn::Gate::xor_gate), (T{0, 1, 1, 0}));
}

TEST(Gates, NamesRoundTripAndUnknownNamesAreRejected) {
  for (nn::Gate gate : {nn::Gate::and_gate, nn::Gate::or_gate, nn::Gate::nand_gate, nn::Gate::xor_gate}) {
    EXPECT_EQ(nn::parse_gate(nn::gate_name(gate)), gate);
  }
  EXPECT_EQ(nn::gate_name(nn::Gate::nand_gate), "nand");
  try {
    nn::parse_gate("xnor");
    FAIL() << "xnor was accepted";
  } catch (const nn::InputError& error) {
    EXPECT_NE(std::string(error.what()).find("xnor"), std::string::npos) << error.what();
  }
}
