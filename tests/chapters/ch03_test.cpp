// Chapter 3's claims: the Thrust trainer agrees with chapter 2's xtensor trainer, step by step from the
// same weights and network by network from the same seeds; the sweep's statistics are what its networks
// did; bad input gets exit code 2. CUDA variants skip with a message where no GPU is present.
//
// NN_CH02 and NN_CH03 override the programs' paths, so the GPU check script can run this binary on a
// machine where the build tree lives elsewhere.

#include <array>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include <gtest/gtest.h>

#include "chapters/chapter3_programs.hpp"
#include "chapters/expect_bad_input.hpp"
#include "chapters/run_program.hpp"
#include "nn/gates.hpp"
#include "nn/network.hpp"
#include "thrust_trainer/batched_job.hpp"
#include "program/weights_file.hpp"
#include "program/wilson_interval.hpp"

namespace {

using chapters::ProgramRun;
using chapters::run_for_json;
using chapters::run_program;

using chapters::expect_close;
const std::string& ch02 = chapters::chapter2;
const std::string& ch03 = chapters::chapter3;

// From one weights file, ch02 and ch03 take the same full-batch steps; one step an epoch, so loss_history
// is the loss at every step.
void expect_same_steps(const std::string& device, const std::string& loss, const std::string& activation,
                       int steps) {
  TempDir dir;
  const std::string weights = dir.file("start.json");
  program::save_weights(weights,
                        nn::Network::initialised({2, 5, 5, 1}, nn::parse_activation(activation), 8128));
  const std::vector<std::string> flags{"--layers",
                                       "2,5,5,1",
                                       "--activation",
                                       activation,
                                       "--loss",
                                       loss,
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
  expect_close(reference["loss_history"], thrust["loss_history"], 1e-4, loss + " loss per step");
  expect_close(reference["truth_table_loss_history"], thrust["truth_table_loss_history"], 1e-4,
               loss + " after each step");
}

// GTEST_SKIP returns from the function it is in, so this must expand inside the test body.
#define SKIP_WITHOUT_GPU()                                           \
  if (!nn::batched::cuda_available())                                \
  GTEST_SKIP() << "no CUDA GPU present (or no CUDA backend built): " \
                  "the CUDA variant is skipped"

TEST(Chapter3, MatchesChapter2StepByStepWithMseOnTheCpu) { expect_same_steps("cpu", "mse", "tanh", 100); }
TEST(Chapter3, MatchesChapter2StepByStepWithL1OnTheCpu) { expect_same_steps("cpu", "l1", "tanh", 20); }
TEST(Chapter3, MatchesChapter2StepByStepWithoutActivationOnTheCpu) {
  expect_same_steps("cpu", "mse", "none", 100);
}

TEST(Chapter3, MatchesChapter2StepByStepWithMseOnTheGpu) {
  SKIP_WITHOUT_GPU();
  expect_same_steps("cuda", "mse", "tanh", 100);
}
TEST(Chapter3, MatchesChapter2StepByStepWithL1OnTheGpu) {
  SKIP_WITHOUT_GPU();
  expect_same_steps("cuda", "l1", "tanh", 20);
}

// Network n of a sweep is chapter 2's network with seed --seed + n, on the demo's random batches (800
// steps). The CPU backend agrees with L1 too; on CUDA, 800 sign-gradient steps amplify the GPU's different
// rounding (fused multiply-adds, its powf) past 1e-4, so the GPU variant compares the smooth MSE runs.
void expect_sweep_matches_chapter2(const std::string& device, const std::string& loss) {
  TempDir dir;
  // 19 networks: on the CPU a full group of 16 lanes and a partial one, so lane and group indexing both
  // count.
  const int first_seed = 7100, networks = 19;
  const nlohmann::json sweep = run_for_json(ch03, dir,
                                            {"--sweep", "--networks", std::to_string(networks), "--seed",
                                             std::to_string(first_seed), "--device", device, "--loss", loss});
  ASSERT_EQ(sweep["configurations"].size(), 2u);  // none and tanh on AND
  for (const nlohmann::json& configuration : sweep["configurations"]) {
    for (int n = 0; n < networks; ++n) {
      const nlohmann::json single =
          run_for_json(ch02, dir,
                       {"--seed", std::to_string(first_seed + n), "--loss", loss, "--activation",
                        configuration["activation"].get<std::string>()});
      const std::string what =
          configuration["activation"].get<std::string>() + " network " + std::to_string(n);
      EXPECT_NEAR(configuration["final_loss"][n].get<double>(), single["final_loss"].get<double>(), 1e-4)
          << what;
      for (int row = 0; row < 4; ++row) {
        EXPECT_NEAR(configuration["predictions"][4 * n + row].get<double>(),
                    single["predictions"][row].get<double>(), 1e-4)
            << what << " row " << row;
      }
      EXPECT_EQ(configuration["learned_per_network"][n].get<int>() == 1, single["learned"].get<bool>())
          << what;
    }
  }
}

TEST(Chapter3, SweepNetworksMatchChapter2RunsOfTheSameSeedsOnTheCpu) {
  expect_sweep_matches_chapter2("cpu", "l1");
  expect_sweep_matches_chapter2("cpu", "mse");
}
TEST(Chapter3, SweepNetworksMatchChapter2RunsOfTheSameSeedsOnTheGpu) {
  SKIP_WITHOUT_GPU();
  expect_sweep_matches_chapter2("cuda", "mse");
}

// The README's claim: on the CPU backend chapter 3 is chapter 2 bit for bit (same draws, same arithmetic in
// the same order, the same rational tanh), so their --json results are byte-identical.
TEST(Chapter3, OnTheCpuItIsChapter2BitForBit) {
  TempDir dir;
  for (const std::vector<std::string>& flags :
       std::vector<std::vector<std::string>>{{"--seed", "5"},
                                             {"--seed", "6", "--layers", "2,5,5,1"},
                                             {"--seed", "7", "--loss", "mse", "--full-batch"}}) {
    std::vector<std::string> with_ch02 = flags, with_ch03 = flags;
    with_ch02.insert(with_ch02.end(), {"--quiet", "--json", dir.file("ch02.json")});
    with_ch03.insert(with_ch03.end(), {"--quiet", "--device", "cpu", "--json", dir.file("ch03.json")});
    ASSERT_EQ(run_program(ch02, with_ch02).exit_code, 0);
    ASSERT_EQ(run_program(ch03, with_ch03).exit_code, 0);
    EXPECT_EQ(chapters::read_text(dir.file("ch02.json")), chapters::read_text(dir.file("ch03.json")))
        << flags[1];
  }
}

// The summary is computed from the networks it reports.
TEST(Chapter3, SweepSummaryIsWhatItsNetworksDid) {
  TempDir dir;
  const nlohmann::json sweep =
      run_for_json(ch03, dir, {"--sweep", "--networks", "101", "--seed", "900", "--device", "cpu"});
  for (const nlohmann::json& configuration : sweep["configurations"]) {
    std::vector<double> losses = configuration["final_loss"].get<std::vector<double>>();
    int learned = 0;
    for (int flag : configuration["learned_per_network"].get<std::vector<int>>()) learned += flag;
    EXPECT_EQ(configuration["learned"].get<int>(), learned);
    std::sort(losses.begin(), losses.end());
    EXPECT_NEAR(configuration["median_final_loss"].get<double>(), losses[50], 1e-7);
    EXPECT_NEAR(configuration["worst_final_loss"].get<double>(), losses.back(), 1e-7);
  }
}

// "Rounds correctly" is counted from the same outputs the JSON reports, and "learned" is the stricter test:
// every network that learned also rounds correctly. Without an activation many round correctly (the best
// linear map rounds to AND) though none learns; XOR's best linear map rounds wrong on a row.
TEST(Chapter3, SweepCountsTheNetworksWhoseOutputsRoundToTheGate) {
  TempDir dir;
  const nlohmann::json sweep =
      run_for_json(ch03, dir,
                   {"--sweep", "--networks", "101", "--seed", "4400", "--device", "cpu", "--gates", "and,xor",
                    "--grid-layers", "2,1,1", "--grid-layers", "2,5,5,1"});
  ASSERT_EQ(sweep["configurations"].size(), 8u);
  for (const nlohmann::json& configuration : sweep["configurations"]) {
    const std::string what = configuration["activation"].get<std::string>() + " " +
                             configuration["gate"].get<std::string>() + " " + configuration["layers"].dump();
    const std::array<float, 4> targets =
        nn::truth_table_targets(nn::parse_gate(configuration["gate"].get<std::string>()));
    const std::vector<float> predictions = configuration["predictions"].get<std::vector<float>>();
    const std::vector<int> per_network =
        configuration["rounds_correctly_per_network"].get<std::vector<int>>();
    ASSERT_EQ(predictions.size(), 4u * 101) << what;
    int rounds_correctly = 0;
    for (std::size_t n = 0; n < 101; ++n) {
      bool all_rows = true;
      for (std::size_t row = 0; row < 4; ++row)
        all_rows = all_rows && (predictions[4 * n + row] >= 0.5) == (targets[row] == 1);
      EXPECT_EQ(per_network[n] == 1, all_rows) << what << " network " << n;
      rounds_correctly += all_rows;
      if (configuration["learned_per_network"][n].get<int>() == 1) {
        EXPECT_TRUE(all_rows) << what << " network " << n;
      }
    }
    EXPECT_EQ(configuration["rounds_correctly"].get<int>(), rounds_correctly) << what;
    EXPECT_LE(configuration["learned"].get<int>(), configuration["rounds_correctly"].get<int>()) << what;
    if (configuration["activation"] == "none") {
      EXPECT_EQ(configuration["learned"].get<int>(), 0) << what;
      if (configuration["gate"] == "and") {
        EXPECT_GT(rounds_correctly, 0) << what;
      } else {
        EXPECT_EQ(rounds_correctly, 0) << what;  // XOR
      }
    }
  }
}

// Each rate comes with the 95% Wilson interval of its printed count, and the interval holds the rate.
TEST(Chapter3, SweepRatesComeWithTheirWilsonIntervals) {
  TempDir dir;
  const nlohmann::json sweep = run_for_json(ch03, dir,
                                            {"--sweep", "--networks", "60", "--seed", "300", "--device",
                                             "cpu", "--grid-layers", "2,1,1", "--grid-layers", "2,5,5,1"});
  for (const nlohmann::json& configuration : sweep["configurations"]) {
    const std::int64_t networks = configuration["networks"].get<std::int64_t>();
    for (const std::string& count : std::vector<std::string>{"learned", "rounds_correctly"}) {
      const std::string what =
          configuration["activation"].get<std::string>() + " " + configuration["layers"].dump() + " " + count;
      const std::int64_t successes = configuration[count].get<std::int64_t>();
      const program::RateInterval expected = program::wilson_interval(successes, networks);
      const nlohmann::json& interval = configuration[count + "_rate_interval"];
      ASSERT_EQ(interval.size(), 2u) << what;
      EXPECT_DOUBLE_EQ(interval[0].get<double>(), expected.low) << what;
      EXPECT_DOUBLE_EQ(interval[1].get<double>(), expected.high) << what;
      const double rate = static_cast<double>(successes) / static_cast<double>(networks);
      EXPECT_LE(interval[0].get<double>(), rate) << what;
      EXPECT_GE(interval[1].get<double>(), rate) << what;
    }
  }
}

// The table is printed into the book, whose text column is 110 characters wide.
TEST(Chapter3, SweepTableFitsTheBooksTextColumn) {
  const ProgramRun run =
      run_program(ch03, {"--sweep", "--networks", "20", "--device", "cpu", "--gates", "and,nand", "--lrs",
                         "0.1,0.003", "--grid-layers", "2,1,1", "--grid-layers", "2,5,5,1"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::istringstream table(run.out);
  int lines = 0;
  for (std::string line; std::getline(table, line); ++lines) EXPECT_LE(line.size(), 110u) << line;
  EXPECT_GT(lines, 16);  // the 16 configurations and a header
}

// The book's statistic: over many seeds the linear network never learns AND and the tanh network mostly
// does (1000 networks from seed 0 measured 894 with layers 2,1,1; this uses other seeds).
TEST(Chapter3, LinearNeverLearnsAndWhileTanhUsuallyDoes) {
  TempDir dir;
  const nlohmann::json sweep =
      run_for_json(ch03, dir, {"--sweep", "--networks", "400", "--seed", "31000", "--device", "cpu"});
  for (const nlohmann::json& configuration : sweep["configurations"]) {
    const int learned = configuration["learned"].get<int>();
    std::cout << configuration["activation"].get<std::string>() << ": " << learned << " of 400 learned AND\n";
    if (configuration["activation"] == "none") {
      EXPECT_EQ(learned, 0);
    } else {
      EXPECT_GE(learned, 280);  // at least 70%, the rate chapter 2's test asks of 20 seeds
    }
  }
}

TEST(Chapter3, SweepIsReproducibleApartFromItsTimings) {
  TempDir dir;
  const std::vector<std::string> flags{"--sweep", "--networks", "50",  "--seed",
                                       "12",      "--device",   "cpu", "--json"};
  auto run = [&](const std::string& name) {
    std::vector<std::string> with_file = flags;
    with_file.push_back(dir.file(name));
    const ProgramRun result = run_program(ch03, with_file);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    nlohmann::json document = chapters::read_json(dir.file(name));
    EXPECT_TRUE(document.contains("timing"));
    document.erase("timing");
    return std::make_pair(result.out, document.dump());
  };
  const auto first = run("a.json");
  const auto second = run("b.json");
  EXPECT_EQ(first.first, second.first);
  EXPECT_EQ(first.second, second.second);
}

// The lines of `text` that do not contain `wall_time` (lines with wall times, which vary run to run).
std::string without_lines_containing(const std::string& text, const std::string& wall_time) {
  std::istringstream lines(text);
  std::string kept;
  for (std::string line; std::getline(lines, line);) {
    if (line.find(wall_time) == std::string::npos) kept += line + "\n";
  }
  return kept;
}

// ch03 with `flags`, once with --json FILE and once with --json - and stdout a pipe; returns the file's text
// and stdout's. The report, on stdout with a file, is on stderr with --json -, apart from `wall_time` lines.
std::pair<std::string, std::string> json_to_file_and_to_stdout(const std::vector<std::string>& flags,
                                                               const std::string& wall_time) {
  TempDir dir;
  std::vector<std::string> to_file = flags, to_stdout = flags;
  to_file.insert(to_file.end(), {"--json", dir.file("result.json")});
  to_stdout.insert(to_stdout.end(), {"--json", "-"});
  const ProgramRun into_file = run_program(ch03, to_file);
  const ProgramRun onto_stdout = run_program(ch03, to_stdout, {.stdout_to_pipe = true});
  EXPECT_EQ(into_file.exit_code, 0) << into_file.err;
  EXPECT_EQ(onto_stdout.exit_code, 0) << onto_stdout.err;
  EXPECT_FALSE(into_file.out.empty());
  EXPECT_EQ(without_lines_containing(onto_stdout.err, wall_time),
            without_lines_containing(into_file.out + into_file.err, wall_time));
  return {chapters::read_text(dir.file("result.json")), onto_stdout.out};
}

// --json - puts on stdout exactly the document --json FILE writes, and nothing else.
TEST(Chapter3, JsonDashPutsTheSameJsonOnStdoutForOneNetwork) {
  const auto [file_text, stdout_text] =
      json_to_file_and_to_stdout({"--device", "cpu", "--epochs", "3", "--layers", "2,3,1"}, "trained on ");
  EXPECT_TRUE(nlohmann::json::accept(file_text));
  EXPECT_EQ(stdout_text, file_text);
}

// The same for a sweep, apart from the wall times under "timing".
TEST(Chapter3, JsonDashPutsTheSameJsonOnStdoutForASweep) {
  const auto [file_text, stdout_text] = json_to_file_and_to_stdout(
      {"--sweep", "--networks", "5", "--device", "cpu", "--epochs", "3", "--gates", "and,xor"},
      "network-steps/s");
  ASSERT_TRUE(nlohmann::json::accept(stdout_text)) << stdout_text;  // nothing before or after the document
  nlohmann::json from_file = nlohmann::json::parse(file_text),
                 from_stdout = nlohmann::json::parse(stdout_text);
  EXPECT_EQ(from_file["configurations"].size(), 4u);
  from_file.erase("timing");
  from_stdout.erase("timing");
  EXPECT_EQ(from_file, from_stdout);
}

// Chapter 3's refusals, checked as every chapter's are (chapters/expect_bad_input.hpp).
void expect_bad_input(const std::vector<std::string>& flags, const std::string& named,
                      bool own_outputs = false) {
  chapters::expect_bad_input(ch03, flags, named, own_outputs);
}

TEST(Chapter3BadInput, NetworksZeroNegativeOrTooLarge) {
  expect_bad_input({"--sweep", "--networks", "0"}, "--networks");
  expect_bad_input({"--sweep", "--networks", "-5"}, "--networks");
  expect_bad_input({"--sweep", "--networks", "1000000000000"}, "--networks");
  // Bytes a network times this many networks wraps around 2^64 to a few hundred bytes.
  expect_bad_input({"--sweep", "--networks", "636094623231363849"}, "--networks");
  expect_bad_input({"--sweep", "--networks", "99999999999999999999"}, "--networks");
}

TEST(Chapter3BadInput, NetworksInAnythingButDecimalDigits) {
  expect_bad_input({"--sweep", "--networks", "0x10"}, "--networks");
  expect_bad_input({"--sweep", "--networks", "+5"}, "--networks");
  expect_bad_input({"--sweep", "--networks", " 5"}, "--networks");
}

// The sweep's flags mean nothing to a single network; given without --sweep they are a mistake, not ignored.
TEST(Chapter3BadInput, SweepFlagsWithoutSweep) {
  expect_bad_input({"--networks", "-5"}, "--sweep");
  expect_bad_input({"--networks", "10"}, "--sweep");
  expect_bad_input({"--gates", "and"}, "--sweep");
  expect_bad_input({"--lrs", "0.1"}, "--sweep");
  expect_bad_input({"--grid-layers", "2,1,1"}, "--sweep");
  expect_bad_input({"--activations", "tanh"}, "--sweep");
}

TEST(Chapter3BadInput, SwitchesTakeNoValue) { expect_bad_input({"--sweep=1", "--networks", "2"}, "--sweep"); }

TEST(Chapter3BadInput, UnwritableOrMissingOutputNames) {
  const std::string too_long(256, 'a');
  expect_bad_input({"--sweep", "--networks", "2", "--json", ""}, "--json", true);
  expect_bad_input({"--sweep", "--networks", "2", "--json", too_long}, "--json", true);
  expect_bad_input({"--json", too_long}, "--json", true);
  expect_bad_input({"--save-weights", too_long}, "--save-weights", true);
  expect_bad_input({"--save-weights", ""}, "--save-weights", true);
  expect_bad_input({"--load-weights", ""}, "--load-weights", true);
  expect_bad_input({"--json", "--quiet"}, "looks like a flag", true);
  expect_bad_input({"--json", "{dir}/same.json", "--save-weights", "{dir}/same.json"}, "same file", true);
  expect_bad_input({"--json", "-", "--save-weights", "-"}, "--save-weights", true);
}

TEST(Chapter3BadInput, CudaWithoutAGpu) {
  if (nn::batched::cuda_available())
    GTEST_SKIP() << "a GPU is present, so --device cuda is not bad input here";
  expect_bad_input({"--device", "cuda"}, "--device cuda");
}

TEST(Chapter3BadInput, UnknownDevice) { expect_bad_input({"--device", "tpu"}, "device"); }

TEST(Chapter3BadInput, EmptyOrMalformedGrid) {
  expect_bad_input({"--sweep", "--activations", ""}, "activation");
  expect_bad_input({"--sweep", "--activations", "nope"}, "activation");
  expect_bad_input({"--sweep", "--gates", "xnor"}, "gate");
  expect_bad_input({"--sweep", "--grid-layers", "2,x,1"}, "--grid-layers");
  expect_bad_input({"--sweep", "--grid-layers", "3,1"}, "--grid-layers");
  expect_bad_input({"--sweep", "--lrs", "-1"}, "--lrs");
  // Shapes over the trainer's limits: a hidden layer of 17 units, nine hidden layers.
  expect_bad_input({"--layers", "2,17,1"}, "--layers");
  expect_bad_input({"--sweep", "--grid-layers", "2,1,1,1,1,1,1,1,1,1,1"}, "--grid-layers");
  // Point sets: an unknown or empty name, and a sweep of one (chapter 4's zoo sweeps them).
  expect_bad_input({"--dataset", "moons"}, "dataset");
  expect_bad_input({"--dataset", ""}, "dataset");
  expect_bad_input({"--sweep", "--dataset", "ring"}, "ch04-zoo");
  // An empty item is a typo, as in --grid-layers 2,,1; CLI11 alone would have dropped it.
  expect_bad_input({"--sweep", "--networks", "2", "--lrs", "0.1,,0.2"}, "--lrs");
  expect_bad_input({"--sweep", "--networks", "2", "--lrs", "0.1,"}, "--lrs");
  expect_bad_input({"--sweep", "--networks", "2", "--gates", ",and"}, "--gates");
  expect_bad_input({"--sweep", "--networks", "2", "--activations", "none,"}, "--activations");
  expect_bad_input({"--sweep", "--networks", "2", "--grid-layers", "2,,1"}, "--grid-layers");
}

// Lists may also be given as separate words or by repeating the flag.
TEST(Chapter3, SweepListsMayBeSplitOrRepeated) {
  TempDir dir;
  const nlohmann::json sweep =
      run_for_json(ch03, dir,
                   {"--sweep", "--networks", "2", "--device", "cpu", "--gates", "and", "xor", "--lrs",
                    "0.1,0.2", "--activations", "tanh", "--grid-layers", "2,1,1", "--grid-layers", "2,2,1"});
  EXPECT_EQ(sweep["configurations"].size(), 8u);  // 2 shapes x 2 gates x 2 learning rates x 1 activation
}

}  // namespace

namespace {

// --trace-layers on chapter 3: one network's layer trace is chapter 2's for the same flags (the Thrust
// trainer keeps the weights at the traced epochs, the host computes the statistics), and a sweep's JSON holds
// each configuration's medians, one entry a layer, at each traced epoch.
TEST(Chapter3, TracedLayersAreChapter2sAndASweepReportsTheirMedians) {
  TempDir dir;
  const std::vector<std::string> flags{
      "--layers", "2,5,5,1", "--activation",   "sigmoid",        "--gate", "xor",
      "--epochs", "6",       "--trace-layers", "--trace-epochs", "0,3,6"};
  std::vector<std::string> thrust_flags = flags;
  thrust_flags.insert(thrust_flags.end(), {"--device", "cpu"});
  const nlohmann::json ours = run_for_json(ch03, dir, thrust_flags), theirs = run_for_json(ch02, dir, flags);
  ASSERT_EQ(ours["layer_trace"].size(), 3u);
  ASSERT_EQ(ours["layer_trace"].size(), theirs["layer_trace"].size());
  for (std::size_t t = 0; t < 3; ++t) {
    const nlohmann::json &a = ours["layer_trace"][t], &b = theirs["layer_trace"][t];
    EXPECT_EQ(a["epoch"], b["epoch"]);
    ASSERT_EQ(a["layer_gradient_norms"].size(), 3u);
    for (std::size_t l = 0; l < 3; ++l) {
      const double norm = b["layer_gradient_norms"][l];
      EXPECT_NEAR(a["layer_gradient_norms"][l].get<double>(), norm, 1e-4 * norm + 1e-9) << t << " " << l;
      EXPECT_NEAR(a["stalled_shares"][l].get<double>(), b["stalled_shares"][l].get<double>(), 1e-6);
    }
  }
  const nlohmann::json sweep =
      run_for_json(ch03, dir,
                   {"--sweep", "--networks", "5", "--device", "cpu", "--grid-layers", "2,5,5,1",
                    "--activations", "tanh", "--epochs", "4", "--trace-layers"});
  const nlohmann::json& trace = sweep["configurations"][0]["layer_trace"];
  ASSERT_EQ(trace.size(), 2u);
  EXPECT_EQ(trace[0]["epoch"], 0);
  EXPECT_EQ(trace[1]["epoch"], 4);
  EXPECT_EQ(trace[0]["median_layer_gradient_norms"].size(), 3u);
  EXPECT_GT(trace[0]["median_layer_gradient_norms"][0].get<double>(), 0.0);
}

}  // namespace
