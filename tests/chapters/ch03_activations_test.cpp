// Chapter 3's trainer agrees with chapter 2's for every activation --activation accepts, not only the book's
// none and tanh: those two are compiled into the Thrust trainer one by one, the others share one trainer
// that reads the activation at run time. The activations come from the library's own list, so a new one is
// tested here without a change to this file. CUDA variants skip with a message where no GPU is present.
//
// NN_CH02 and NN_CH03 override the programs' paths, as in ch03_test.cpp.

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <gtest/gtest.h>

#include "chapters/chapter3_programs.hpp"
#include "chapters/run_program.hpp"
#include "nn/activation.hpp"
#include "nn/network.hpp"
#include "program/weights_file.hpp"
#include "thrust_trainer/batched_job.hpp"

namespace {

using chapters::ProgramRun;
using chapters::run_for_json;
using chapters::run_program;

using chapters::expect_close;
const std::string& ch02 = chapters::chapter2;
const std::string& ch03 = chapters::chapter3;

std::string test_name(const ::testing::TestParamInfo<nn::Activation>& info) {
  std::string name = nn::activation_name(info.param);
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

class Chapter3Activation : public ::testing::TestWithParam<nn::Activation> {
 protected:
  const std::string name = nn::activation_name(GetParam());
};

INSTANTIATE_TEST_SUITE_P(Chapter3, Chapter3Activation, ::testing::ValuesIn(nn::all_activations()), test_name);

#define SKIP_WITHOUT_GPU()                                                                      \
  if (!nn::cuda_available()) GTEST_SKIP() << "no CUDA GPU present (or no CUDA backend built): " \
                                             "the CUDA variant is skipped"

// On the CPU backend the two trainers make the same draws and the same arithmetic in the same order, so their
// --json results are byte-identical: one network on random batches, a deeper one, a full-batch MSE run, a
// shape the Thrust trainer is not compiled for (its general path), and a point set.
TEST_P(Chapter3Activation, OnTheCpuItIsChapter2BitForBit) {
  TempDir dir;
  for (const std::vector<std::string>& flags : std::vector<std::vector<std::string>>{
           {"--seed", "5"},
           {"--seed", "6", "--layers", "2,5,5,1"},
           {"--seed", "7", "--loss", "mse", "--full-batch"},
           {"--seed", "8", "--layers", "2,7,3,1"},
           {"--seed", "9", "--layers", "2,8,1", "--dataset", "ring", "--epochs", "3"}}) {
    std::vector<std::string> with_ch02 = flags, with_ch03 = flags;
    with_ch02.insert(with_ch02.end(), {"--activation", name, "--quiet", "--json", dir.file("ch02.json")});
    with_ch03.insert(with_ch03.end(), {"--activation", name, "--quiet", "--device", "cpu", "--json", dir.file("ch03.json")});
    const ProgramRun reference = run_program(ch02, with_ch02);
    ASSERT_EQ(reference.exit_code, 0) << reference.err;
    const ProgramRun thrust = run_program(ch03, with_ch03);
    ASSERT_EQ(thrust.exit_code, 0) << thrust.err;
    const std::string json = chapters::read_text(dir.file("ch02.json"));
    EXPECT_NE(json.find("\"activation\": \"" + name + "\""), std::string::npos) << json;
    EXPECT_EQ(json, chapters::read_text(dir.file("ch03.json"))) << "seed " << flags[1];
  }
}

// From one weights file, chapter 2 and chapter 3 take the same full-batch MSE steps (one step an epoch).
void expect_same_steps(const std::string& device, const std::string& activation, int steps) {
  TempDir dir;
  const std::string weights = dir.file("start.json");
  nn::save_weights(weights, nn::Network::initialised({2, 5, 5, 1}, nn::parse_activation(activation), 8128));
  const std::vector<std::string> flags{"--layers", "2,5,5,1", "--activation", activation, "--loss", "mse",
                                       "--load-weights", weights, "--full-batch", "--epochs", std::to_string(steps),
                                       "--batches-per-epoch", "1"};
  const nlohmann::json reference = run_for_json(ch02, dir, flags);
  std::vector<std::string> gpu_flags = flags;
  gpu_flags.insert(gpu_flags.end(), {"--device", device});
  const nlohmann::json thrust = run_for_json(ch03, dir, gpu_flags);
  expect_close(reference["loss_history"], thrust["loss_history"], 1e-4, activation + " loss per step");
  expect_close(reference["truth_table_loss_history"], thrust["truth_table_loss_history"], 1e-4,
               activation + " after each step");
}

TEST_P(Chapter3Activation, MatchesChapter2StepByStepOnTheGpu) {
  SKIP_WITHOUT_GPU();
  expect_same_steps("cuda", name, 100);
}

// Network n of a sweep is chapter 2's network with seed --seed + n, on the demo's random batches. 17
// networks: on the CPU a full group of 16 lanes and a partial one.
void expect_sweep_matches_chapter2(const std::string& device, const std::string& activation) {
  TempDir dir;
  const int first_seed = 5300, networks = 17;
  const nlohmann::json sweep =
      run_for_json(ch03, dir, {"--sweep", "--networks", std::to_string(networks), "--seed", std::to_string(first_seed),
                               "--device", device, "--loss", "mse", "--activations", activation, "--grid-layers",
                               "2,5,5,1"});
  ASSERT_EQ(sweep["configurations"].size(), 1u);
  const nlohmann::json& configuration = sweep["configurations"][0];
  ASSERT_EQ(configuration["activation"], activation);
  for (int n = 0; n < networks; ++n) {
    const nlohmann::json single = run_for_json(ch02, dir, {"--seed", std::to_string(first_seed + n), "--loss", "mse",
                                                           "--layers", "2,5,5,1", "--activation", activation});
    const std::string what = activation + " network " + std::to_string(n);
    EXPECT_NEAR(configuration["final_loss"][n].get<double>(), single["final_loss"].get<double>(), 1e-4) << what;
    for (int row = 0; row < 4; ++row) {
      EXPECT_NEAR(configuration["predictions"][4 * n + row].get<double>(), single["predictions"][row].get<double>(), 1e-4)
          << what << " row " << row;
    }
    EXPECT_EQ(configuration["learned_per_network"][n].get<int>() == 1, single["learned"].get<bool>()) << what;
  }
}

TEST_P(Chapter3Activation, SweepNetworksMatchChapter2RunsOfTheSameSeedsOnTheCpu) {
  expect_sweep_matches_chapter2("cpu", name);
}

TEST_P(Chapter3Activation, SweepNetworksMatchChapter2RunsOfTheSameSeedsOnTheGpu) {
  SKIP_WITHOUT_GPU();
  expect_sweep_matches_chapter2("cuda", name);
}

// An unknown name, in --activation or in the sweep's --activations, is one line on stderr that lists every
// known activation, and exit code 2.
TEST(Chapter3BadInput, UnknownActivationListsTheKnownOnes) {
  for (const std::vector<std::string>& flags :
       std::vector<std::vector<std::string>>{{"--activation", "nope"}, {"--sweep", "--activations", "tanh,nope"}}) {
    const ProgramRun run = run_program(ch03, flags);
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    EXPECT_NE(run.err.find("'nope'"), std::string::npos) << run.err;
    for (nn::Activation activation : nn::all_activations()) {
      EXPECT_NE(run.err.find(nn::activation_name(activation)), std::string::npos) << run.err;
    }
    EXPECT_EQ(run.out, "");
  }
}

// step's derivative is 0 wherever it exists, so gradient descent leaves the network where it started:
// every epoch's truth-table loss is the first one's, in both trainers.
TEST(Chapter3, StepNetworksNeverMove) {
  TempDir dir;
  for (const std::string& trainer : {ch02, ch03}) {
    const nlohmann::json result = run_for_json(trainer, dir, {"--activation", "step", "--seed", "11", "--layers", "2,5,5,1"});
    const std::vector<double> losses = result["truth_table_loss_history"].get<std::vector<double>>();
    ASSERT_FALSE(losses.empty());
    for (double loss : losses) EXPECT_EQ(loss, losses.front()) << trainer;
  }
}

}  // namespace
