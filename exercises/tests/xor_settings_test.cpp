// Exercise 2.3: chapter 2's trainer, with the student's settings, learns XOR; one point per seed.

#include <gtest/gtest.h>

#include <cstdint>

#include "exercises/xor_settings.hpp"
#include "nn/network.hpp"
#include "nn/outcome.hpp"
#include "nn/train.hpp"
#include "program/validate.hpp"  // program::validate, as chapter 2 checks its flags

namespace {

class XorFromSeed : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(XorFromSeed, LearnsXorWithinTheBudget) {
  program::Settings settings = exercises::xor_settings();
  settings.data = {nn::Gate::xor_gate};
  settings.activation = nn::Activation::tanh;
  settings.train.seed = GetParam();
  const long long steps = static_cast<long long>(settings.train.epochs) * settings.train.batches_per_epoch;
  ASSERT_LE(steps, 4000) << "the budget is 4000 steps (epochs x batches per epoch)";
  ASSERT_LE(settings.train.batch_size, 64) << "the budget is 64 rows a batch";
  ASSERT_NO_THROW(program::validate(settings)) << "the settings must be ones chapter 2 accepts";

  nn::Network network = nn::Network::initialised(settings.layers, settings.activation, settings.train.seed);
  const nn::Dataset data = nn::make_dataset(settings.data, settings.train.seed);
  nn::train(network, data, settings.train, {});
  const nn::Outcome outcome = nn::evaluate(network, data, settings.train.loss);
  EXPECT_TRUE(outcome.learned) << "seed " << GetParam() << ": outputs " << outcome.outputs[0] << " "
                               << outcome.outputs[1] << " " << outcome.outputs[2] << " " << outcome.outputs[3]
                               << " for XOR's 0 1 1 0, L1 loss " << outcome.train_l1_loss;
}

INSTANTIATE_TEST_SUITE_P(TenSeeds, XorFromSeed, ::testing::Range<std::uint64_t>(1, 11));

}  // namespace
