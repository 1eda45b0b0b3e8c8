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

#define SKIP_WITHOUT_GPU()                                           \
  if (!nn::batched::cuda_available())                                \
  GTEST_SKIP() << "no CUDA GPU present (or no CUDA backend built): " \
                  "the CUDA variant is skipped"

// Chapter 2 and chapter 3 on the CPU, given `flags` and --activation `activation`, write byte-identical
// --json results, which hold `names` (the setting the case is about, so that a flag ignored by both cannot
// pass).
void expect_bit_for_bit(const TempDir& dir, const std::vector<std::string>& flags,
                        const std::string& activation, const std::string& names) {
  std::vector<std::string> with_ch02 = flags, with_ch03 = flags;
  with_ch02.insert(with_ch02.end(), {"--activation", activation, "--quiet", "--json", dir.file("ch02.json")});
  with_ch03.insert(with_ch03.end(), {"--activation", activation, "--quiet", "--device", "cpu", "--json",
                                     dir.file("ch03.json")});
  const ProgramRun reference = run_program(ch02, with_ch02);
  ASSERT_EQ(reference.exit_code, 0) << reference.err;
  const ProgramRun thrust = run_program(ch03, with_ch03);
  ASSERT_EQ(thrust.exit_code, 0) << thrust.err;
  const std::string json = chapters::read_text(dir.file("ch02.json"));
  EXPECT_NE(json.find(names), std::string::npos) << json;
  EXPECT_EQ(json, chapters::read_text(dir.file("ch03.json"))) << "seed " << flags[1];
}

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
    expect_bit_for_bit(dir, flags, name, "\"activation\": \"" + name + "\"");
  }
}

// The choices beyond the demo's design, with this activation after the hidden layers: an output activation
// of its own (linear, sigmoid with bce, the activation itself named), each initialisation, centred inputs, on
// a gate and a point set. They train on the Thrust trainer's general path, and still agree bit for bit.
TEST_P(Chapter3Activation, WithItsOwnOutputInitAndInputsOnTheCpuItIsChapter2BitForBit) {
  TempDir dir;
  for (const std::vector<std::string>& flags : std::vector<std::vector<std::string>>{
           {"--seed", "21", "--output-activation", "none", "--init", "he", "--inputs", "centred"},
           {"--seed", "22", "--layers", "2,5,5,1", "--output-activation", "sigmoid", "--loss", "bce",
            "--init", "xavier", "--full-batch"},
           {"--seed", "23", "--layers", "2,2,1", "--output-activation", name, "--gate", "xor", "--inputs",
            "centred"},
           {"--seed", "24", "--layers", "2,8,1", "--dataset", "ring", "--epochs", "3", "--output-activation",
            "none", "--inputs", "centred", "--init", "he", "--loss", "mse"}}) {
    expect_bit_for_bit(dir, flags, name, "\"output_activation\"");
  }
}

// From one weights file, chapter 2 and chapter 3 take the same full-batch MSE steps (one step an epoch).
void expect_same_steps(const std::string& device, const std::string& activation, int steps) {
  TempDir dir;
  const std::string weights = dir.file("start.json");
  program::save_weights(weights,
                        nn::Network::initialised({2, 5, 5, 1}, nn::parse_activation(activation), 8128));
  const std::vector<std::string> flags{"--layers",
                                       "2,5,5,1",
                                       "--activation",
                                       activation,
                                       "--loss",
                                       "mse",
                                       "--load-weights",
                                       weights,
                                       "--full-batch",
                                       "--epochs",
                                       std::to_string(steps),
                                       "--batches-per-epoch",
                                       "1"};
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
  const nlohmann::json sweep = run_for_json(
      ch03, dir,
      {"--sweep", "--networks", std::to_string(networks), "--seed", std::to_string(first_seed), "--device",
       device, "--loss", "mse", "--activations", activation, "--grid-layers", "2,5,5,1"});
  ASSERT_EQ(sweep["configurations"].size(), 1u);
  const nlohmann::json& configuration = sweep["configurations"][0];
  ASSERT_EQ(configuration["activation"], activation);
  for (int n = 0; n < networks; ++n) {
    const nlohmann::json single = run_for_json(ch02, dir,
                                               {"--seed", std::to_string(first_seed + n), "--loss", "mse",
                                                "--layers", "2,5,5,1", "--activation", activation});
    const std::string what = activation + " network " + std::to_string(n);
    EXPECT_NEAR(configuration["final_loss"][n].get<double>(), single["final_loss"].get<double>(), 1e-4)
        << what;
    for (int row = 0; row < 4; ++row) {
      EXPECT_NEAR(configuration["predictions"][4 * n + row].get<double>(),
                  single["predictions"][row].get<double>(), 1e-4)
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

// Chapter 2's two general claims about one sum, for every activation (the sweep's "rounds correctly" counts:
// the networks whose four outputs, rounded at 0.5, are the gate's).
//
// A network of one unit (2,1) puts the output activation g on one sum z = w1 x1 + w2 x2 + b; its class is
// whether z lies in {z : g(z) >= 0.5}. Where that set is a half-line, the class is a straight cut of the
// square, which XOR has none of: every activation but sin (GELU's dip stays below 0.5). A network of one
// hidden unit (2,1,1) is a function of one sum too, g_out(w g(u) + b); where g and g_out are both monotone,
// so is the whole, and its class is again a half-line of u: no XOR. Each case is a fact, so each count is 0,
// whatever the seeds; the activations the argument leaves out (sin, and GELU in the hidden layer) do round
// XOR correctly in some networks.
nlohmann::json sweep_of(const TempDir& dir, const std::vector<std::string>& flags) {
#if defined(NN_SANITIZED_BUILD)
  const char* networks = "40";  // the arithmetic of every configuration, in a fifth of the time
#else
  const char* networks = "200";
#endif
  std::vector<std::string> all{"--sweep", "--device", "cpu", "--networks", networks, "--seed", "0"};
  all.insert(all.end(), flags.begin(), flags.end());
  return run_for_json(ch03, dir, all);
}

std::string all_activation_names(bool monotone_only) {
  std::string names;
  for (nn::Activation a : nn::all_activations()) {
    if (monotone_only && (a == nn::Activation::sin || a == nn::Activation::gelu)) continue;
    names += (names.empty() ? "" : ",") + nn::activation_name(a);
  }
  return names;
}

TEST(Chapter3, OneSumRoundsXorOnlyThroughANonMonotoneActivation) {
  TempDir dir;
  const nlohmann::json single =
      sweep_of(dir, {"--gates", "xor", "--grid-layers", "2,1", "--activations", all_activation_names(false)});
  ASSERT_EQ(single["configurations"].size(), nn::all_activations().size());
  for (const nlohmann::json& c : single["configurations"]) {
    if (c["activation"] == "sin") {
      EXPECT_GT(c["rounds_correctly"].get<int>(), 0) << "2,1 sin";
    } else {
      EXPECT_EQ(c["rounds_correctly"], 0) << "2,1 " << c["activation"];
    }
  }
  // One hidden unit: every monotone hidden activation with every monotone output activation.
  const nlohmann::json monotone =
      sweep_of(dir, {"--gates", "xor", "--grid-layers", "2,1,1", "--activations", all_activation_names(true),
                     "--output-activations", all_activation_names(true)});
  ASSERT_EQ(monotone["configurations"].size(), 64u);
  for (const nlohmann::json& c : monotone["configurations"]) {
    EXPECT_EQ(c["rounds_correctly"], 0) << "2,1,1 " << c["activation"] << ">" << c["output_activation"];
  }
  const nlohmann::json bumpy =
      sweep_of(dir, {"--gates", "xor", "--grid-layers", "2,1,1", "--activations", "sin,gelu"});
  for (const nlohmann::json& c : bumpy["configurations"]) {
    EXPECT_GT(c["rounds_correctly"].get<int>(), 0) << "2,1,1 " << c["activation"];
  }
}

// AND is one straight cut, so one sum can round it; to *learn* it (mean L1 below 0.05) the output must also
// come within 0.2 in all of the row errors together. tanh cannot: |tanh(z)| < 0.2 needs |z| < artanh(0.2) =
// 0.203 on rows 00, 01 and 10, and the sums of one plane have z11 = z01 + z10 - z00 < 0.61, where tanh is
// below 0.55, so row 11 alone misses by more than 0.45. The sigmoid can: its 0 and 1 lie far out on both
// sides, and a steep sum reaches both (logistic regression).
TEST(Chapter3, OneTanhUnitNeverLearnsAndWhileOneSigmoidUnitOftenDoes) {
  TempDir dir;
  const nlohmann::json sweep = sweep_of(dir, {"--grid-layers", "2,1", "--activations", "none,tanh,sigmoid"});
  ASSERT_EQ(sweep["configurations"].size(), 3u);
  EXPECT_EQ(sweep["configurations"][0]["learned"], 0) << "none";
  EXPECT_EQ(sweep["configurations"][1]["learned"], 0) << "tanh";
  EXPECT_GT(sweep["configurations"][2]["learned"].get<int>() * 4,
            sweep["configurations"][2]["networks"].get<int>())
      << "sigmoid: about half in the book's run of 1000";
}

// An unknown name, in --activation or in the sweep's --activations, is one line on stderr that lists every
// known activation, and exit code 2.
TEST(Chapter3BadInput, UnknownActivationListsTheKnownOnes) {
  for (const std::vector<std::string>& flags : std::vector<std::vector<std::string>>{
           {"--activation", "nope"}, {"--sweep", "--activations", "tanh,nope"}}) {
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
    const nlohmann::json result =
        run_for_json(trainer, dir, {"--activation", "step", "--seed", "11", "--layers", "2,5,5,1"});
    const std::vector<double> losses = result["truth_table_loss_history"].get<std::vector<double>>();
    ASSERT_FALSE(losses.empty());
    for (double loss : losses) EXPECT_EQ(loss, losses.front()) << trainer;
  }
}

}  // namespace
