// Bad input never runs: each mistake below makes both programs exit with code 2 and one line on stderr
// that names the problem, and nothing is written.

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "chapters/run_program.hpp"

namespace {

struct BadInput {
  std::string name;                 // the test's name
  std::vector<std::string> flags;   // "{dir}" stands for the test's temporary directory
  std::string names_the_problem;    // a word the error line must contain
  bool writes_own_outputs = false;  // the case is about --json or --save-weights itself
  const std::string* program = &chapters::ch02;
};

// Test names and failure messages show the case's name rather than its bytes.
void PrintTo(const BadInput& bad, std::ostream* out) { *out << bad.name; }

// Files every case finds in its directory; after a rejected run the directory holds exactly these.
const std::vector<std::string> fixtures{"a-directory", "malformed.json", "ragged.json", "weights-2-1-1.json"};

void write_fixtures(const TempDir& dir) {
  std::filesystem::create_directory(dir.path() / "a-directory");
  std::ofstream(dir.file("malformed.json")) << R"({"layers": [{"weight": [[0.1, 0.2]], "bias": [0.3]})";
  std::ofstream(dir.file("ragged.json"))
      << R"({"layers": [{"weight": [[0.1, 0.2], [0.3]], "bias": [0.4, 0.5]}, {"weight": [[0.6, 0.7]], "bias": [0.8]}]})";
  std::ofstream(dir.file("weights-2-1-1.json"))
      << R"({"layers": [{"weight": [[0.1, 0.2]], "bias": [0.3]}, {"weight": [[0.4]], "bias": [0.5]}]})";
}

std::vector<std::string> with_dir(const std::vector<std::string>& flags, const TempDir& dir) {
  std::vector<std::string> result;
  for (std::string flag : flags) {
    if (const auto at = flag.find("{dir}"); at != std::string::npos) flag.replace(at, 5, dir.path().string());
    result.push_back(flag);
  }
  return result;
}

class BadInputTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(BadInputTest, ExitsWithCodeTwoAndOneLineNamingTheProblem) {
  const BadInput& bad = GetParam();
  TempDir dir;
  write_fixtures(dir);
  std::vector<std::string> flags = with_dir(bad.flags, dir);
  if (!bad.writes_own_outputs) {
    flags.insert(flags.end(), {"--json", dir.file("result.json"), "--save-weights", dir.file("weights.json")});
  }
  const chapters::ProgramRun run = chapters::run_program(*bad.program, flags);
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  EXPECT_TRUE(!run.err.empty() && run.err.back() == '\n') << run.err;
  EXPECT_NE(run.err.find(bad.names_the_problem), std::string::npos) << run.err;
  EXPECT_EQ(dir.entries(), fixtures);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path() / "a-directory"));
}

class BadInputStdoutTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(BadInputStdoutTest, PrintsNothingOnStdout) {
  TempDir dir;
  write_fixtures(dir);
  const chapters::ProgramRun run = chapters::run_program(*GetParam().program, with_dir(GetParam().flags, dir));
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_EQ(run.out, "");
}

// Mistakes in the flags themselves, caught before anything runs.
const std::vector<BadInput> flag_mistakes{
    {"UnknownFlag", {"--bogus"}, "--bogus"},
    {"StrayArgument", {"stray"}, "stray"},
    {"MissingValue", {"--lr"}, "--lr"},
    {"MalformedLr", {"--lr", "abc"}, "--lr"},
    {"MalformedEpochs", {"--epochs", "1.5x"}, "--epochs"},
    {"NanLr", {"--lr", "nan"}, "--lr"},
    {"InfiniteLr", {"--lr", "inf"}, "--lr"},
    {"ZeroLr", {"--lr", "0"}, "--lr"},
    {"NegativeLr", {"--lr", "-1"}, "--lr"},
    {"ZeroEpochs", {"--epochs", "0"}, "--epochs"},
    {"NegativeBatchSize", {"--batch-size", "-3"}, "--batch-size"},
    {"ZeroBatchesPerEpoch", {"--batches-per-epoch", "0"}, "--batches-per-epoch"},
    {"ZeroWidthLayer", {"--layers", "2,0,1"}, "--layers"},
    {"LayersNotStartingWithTwo", {"--layers", "3,1"}, "--layers"},
    {"LayersNotEndingWithOne", {"--layers", "2,2"}, "--layers"},
    {"OneLayerSize", {"--layers", "2"}, "--layers"},
    {"UnknownGate", {"--gate", "xnor"}, "gate"},
    {"UnknownLoss", {"--loss", "huber"}, "loss"},
    {"UnknownOptimizer", {"--optimizer", "rmsprop"}, "optimizer"},
    {"UnknownActivation", {"--activation", "relu"}, "activation"},
};

// Mistakes in the --load-weights file, caught when the network is built.
const std::vector<BadInput> weights_file_mistakes{
    {"MissingWeightsFile", {"--load-weights", "{dir}/missing.json"}, "--load-weights"},
    {"MalformedWeightsFile", {"--load-weights", "{dir}/malformed.json"}, "--load-weights"},
    {"WeightsOfAnotherShape", {"--load-weights", "{dir}/weights-2-1-1.json", "--layers", "2,5,5,1"}, "--load-weights"},
    {"RaggedWeights", {"--load-weights", "{dir}/ragged.json", "--layers", "2,2,1"}, "--load-weights"},
};

// Output paths that cannot be written, caught before training starts.
const std::vector<BadInput> output_path_mistakes{
    {"JsonInAMissingDirectory", {"--json", "{dir}/missing/result.json"}, "--json", true},
    {"SaveWeightsInAMissingDirectory", {"--save-weights", "{dir}/missing/weights.json"}, "--save-weights", true},
    {"JsonIsADirectory", {"--json", "{dir}/a-directory"}, "--json", true},
    {"SaveWeightsIsADirectory", {"--save-weights", "{dir}/a-directory"}, "--save-weights", true},
};

// Every mistake, for both chapters (chapter 1 has no --activation flag, so there it is an unknown flag).
std::vector<BadInput> for_both_chapters(const std::vector<std::vector<BadInput>>& lists) {
  std::vector<BadInput> both;
  for (const std::vector<BadInput>& cases : lists) {
    for (BadInput bad : cases) {
      for (const std::string* program : {&chapters::ch01, &chapters::ch02}) {
        bad.program = program;
        both.push_back(bad);
        both.back().name = (program == &chapters::ch01 ? "Chapter1_" : "Chapter2_") + bad.name;
      }
    }
  }
  return both;
}

std::string case_name(const ::testing::TestParamInfo<BadInput>& info) { return info.param.name; }

// Seeds and layer lists that CLI11 alone would have wrapped (-1 into 2^64 - 1) or silently shortened
// ("2,,1" into 2,1), and a batch too large to allocate.
const std::vector<BadInput> parsed_by_hand{
    {"NegativeSeed", {"--seed", "-1"}, "--seed"},
    {"SeedBeyond64Bits", {"--seed", "18446744073709551616"}, "--seed"},
    {"EmptyLayerSize", {"--layers", "2,,1"}, "--layers"},
    {"HugeBatch", {"--batch-size", "1000000000"}, "--batch-size"},
};

INSTANTIATE_TEST_SUITE_P(BadInput, BadInputTest,
                         ::testing::ValuesIn(for_both_chapters(
                             {flag_mistakes, parsed_by_hand, weights_file_mistakes, output_path_mistakes})),
                         case_name);
// Nothing reaches stdout either: a bad weights file is read before the settings line is printed.
INSTANTIATE_TEST_SUITE_P(BadInput, BadInputStdoutTest,
                         ::testing::ValuesIn(for_both_chapters(
                             {flag_mistakes, parsed_by_hand, weights_file_mistakes, output_path_mistakes})),
                         case_name);

// A --save-weights path that is not UTF-8 also goes into the JSON result; it must be written (with
// replacement characters in the JSON) or rejected, never abort.
TEST(OddInput, ANonUtf8PathIsWrittenOrRejectedButNeverAborts) {
  for (const std::string& program : {chapters::ch01, chapters::ch02}) {
    TempDir dir;
    const chapters::ProgramRun run = chapters::run_program(
        program, {"--quiet", "--json", dir.file("result.json"), "--save-weights", dir.file("\xff.json")});
    if (run.exit_code == 0) {
      EXPECT_EQ(dir.entries().size(), 2u);
    } else {
      EXPECT_EQ(run.exit_code, 2) << run.err;
      EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
      EXPECT_TRUE(dir.entries().empty());
    }
  }
}

TEST(GoodInput, HelpExitsWithCodeZero) {
  for (const std::string& program : {chapters::ch01, chapters::ch02}) {
    const chapters::ProgramRun run = chapters::run_program(program, {"--help"});
    EXPECT_EQ(run.exit_code, 0) << program;
    EXPECT_NE(run.out.find("--seed"), std::string::npos) << run.out;
    EXPECT_EQ(run.err, "");
  }
}

}  // namespace
