// Bad input never runs: each mistake below makes both programs exit with code 2 and one line on stderr
// that names the problem, and nothing is written. So do output that cannot be written and training that
// diverged before its weights are saved; outputs that are FIFOs or symlinks are written through.

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "chapters/run_program.hpp"
#include "nn/activation.hpp"

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
const std::vector<std::string> fixtures{"a-directory", "malformed.json", "ragged.json", "weights-2-1-1.json",
                                        "wide-first-row.json"};

// 700 KB whose first weight row is 100,000 wide, with 100,000 rows: taken at its first row's word, a
// 40 GB layer.
const std::string& wide_first_row() {
  static const std::string text = [] {
    std::string zeros = "0";
    for (int i = 1; i < 100000; ++i) zeros += ",0";
    std::string rows = "[" + zeros + "]";
    for (int i = 1; i < 100000; ++i) rows += ",[0]";
    return R"({"layers": [{"weight": [)" + rows + R"(], "bias": [)" + zeros + "]}]}";
  }();
  return text;
}

void write_fixtures(const TempDir& dir) {
  std::filesystem::create_directory(dir.path() / "a-directory");
  std::ofstream(dir.file("malformed.json")) << R"({"layers": [{"weight": [[0.1, 0.2]], "bias": [0.3]})";
  std::ofstream(dir.file("ragged.json"))
      << R"({"layers": [{"weight": [[0.1, 0.2], [0.3]], "bias": [0.4, 0.5]}, {"weight": [[0.6, 0.7]], "bias": [0.8]}]})";
  std::ofstream(dir.file("weights-2-1-1.json"))
      << R"({"layers": [{"weight": [[0.1, 0.2]], "bias": [0.3]}, {"weight": [[0.4]], "bias": [0.5]}]})";
  std::ofstream(dir.file("wide-first-row.json")) << wide_first_row();
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
    flags.insert(flags.end(),
                 {"--json", dir.file("result.json"), "--save-weights", dir.file("weights.json")});
  }
  // Run in the directory, so that a file the program should not have written (one named "--quiet") is seen.
  const chapters::ProgramRun run = chapters::run_program(*bad.program, flags, {dir.path().string()});
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
  const chapters::ProgramRun run =
      chapters::run_program(*GetParam().program, with_dir(GetParam().flags, dir), {dir.path().string()});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_EQ(run.out, "");
}

// 2, two hundred layers of 4,096 units, 1: 3.3 billion parameters.
std::string two_hundred_wide_layers() {
  std::string layers = "2";
  for (int i = 0; i < 200; ++i) layers += ",4096";
  return layers + ",1";
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
    {"UnknownActivation", {"--activation", "nope"}, "activation"},
    {"UnknownOutputActivation", {"--output-activation", "nope"}, "activation"},
    {"UnknownInit", {"--init", "kaiming"}, "initialisation"},
    {"UnknownInputs", {"--inputs", "scaled"}, "inputs"},
    // bce is computed from a sigmoid output's sum: any other output is refused, not trained on silently.
    {"BceWithoutASigmoidOutput", {"--loss", "bce"}, "sigmoid"},
    {"BceWithATanhOutput", {"--loss", "bce", "--output-activation", "tanh"}, "--output-activation"},
    // Whole numbers are decimal digits, as --seed reads them: not hexadecimal, signed or padded.
    {"HexadecimalEpochs", {"--epochs", "0x10"}, "--epochs"},
    {"PlusSignedEpochs", {"--epochs", "+3"}, "--epochs"},
    {"SpacePaddedEpochs", {"--epochs", " 5"}, "--epochs"},
    {"EpochsBeyondInt", {"--epochs", "99999999999"}, "--epochs"},
    {"HexadecimalBatchSize", {"--batch-size", "0x10"}, "--batch-size"},
    {"PlusSignedBatchesPerEpoch", {"--batches-per-epoch", "+3"}, "--batches-per-epoch"},
    // A flag is on or off; a value given to it is a mistake, not a switch.
    {"FullBatchWithAValue", {"--full-batch=2"}, "--full-batch"},
    {"QuietWithAValue", {"--quiet=yes"}, "--quiet"},
    // --dataset: a name it knows, and a point set alone decides the data and has points to size.
    {"UnknownDataset", {"--dataset", "nope"}, "dataset"},
    {"PointSetAndAGate", {"--dataset", "ring", "--gate", "xor"}, "--gate xor and --dataset ring"},
    {"TrainPointsWithoutAPointSet", {"--train-points", "50"}, "--train-points"},
    {"ZeroTestPoints", {"--dataset", "ring", "--test-points", "0"}, "--test-points"},
    {"TooManyTrainPoints", {"--dataset", "ring", "--train-points", "2000000"}, "--train-points"},
    {"HexadecimalTrainPoints", {"--dataset", "ring", "--train-points", "0x10"}, "--train-points"},
    // Too large to train in the memory limit, said before anything is allocated.
    {"TooLargeABatchOfWideLayers", {"--layers", "2,4096,1", "--batch-size", "1048576"}, "MiB"},
    {"TooManyWideLayers", {"--layers", two_hundred_wide_layers()}, "MiB"},
};

// Mistakes in the --load-weights file, caught when the network is built.
const std::vector<BadInput> weights_file_mistakes{
    {"MissingWeightsFile", {"--load-weights", "{dir}/missing.json"}, "--load-weights"},
    {"MalformedWeightsFile", {"--load-weights", "{dir}/malformed.json"}, "--load-weights"},
    {"WeightsOfAnotherShape",
     {"--load-weights", "{dir}/weights-2-1-1.json", "--layers", "2,5,5,1"},
     "--load-weights"},
    {"RaggedWeights", {"--load-weights", "{dir}/ragged.json", "--layers", "2,2,1"}, "--load-weights"},
    {"WeightsWithAWideFirstRow", {"--load-weights", "{dir}/wide-first-row.json"}, "--load-weights"},
    {"WeightsFileIsADirectory", {"--load-weights", "{dir}/a-directory"}, "directory"},
    {"WeightsFileCannotBeRead", {"--load-weights", "/proc/self/mem"}, "--load-weights"},
    {"EmptyWeightsFileName", {"--load-weights", ""}, "--load-weights"},
    {"WeightsFileNameLooksLikeAFlag", {"--load-weights", "--quiet"}, "looks like a flag"},
};

// Output paths that cannot be written, caught before training starts.
const std::vector<BadInput> output_path_mistakes{
    {"JsonInAMissingDirectory", {"--json", "{dir}/missing/result.json"}, "--json", true},
    {"SaveWeightsInAMissingDirectory",
     {"--save-weights", "{dir}/missing/weights.json"},
     "--save-weights",
     true},
    {"JsonIsADirectory", {"--json", "{dir}/a-directory"}, "--json", true},
    {"SaveWeightsIsADirectory", {"--save-weights", "{dir}/a-directory"}, "--save-weights", true},
    {"JsonNameTooLong", {"--json", std::string(256, 'a')}, "--json", true},
    {"SaveWeightsNameTooLong", {"--save-weights", std::string(256, 'a')}, "--save-weights", true},
    {"EmptyJsonName", {"--json", ""}, "--json", true},
    {"EmptySaveWeightsName", {"--save-weights", ""}, "--save-weights", true},
    {"JsonNameLooksLikeAFlag", {"--json", "--quiet"}, "looks like a flag", true},
    {"SaveWeightsNameLooksLikeAFlag", {"--save-weights", "--quiet"}, "looks like a flag", true},
    {"JsonAndSaveWeightsNameTheSameFile",
     {"--json", "{dir}/same.json", "--save-weights", "{dir}/./same.json"},
     "same file",
     true},
    // Standard output holds one document: --json - alone writes there.
    {"JsonAndSaveWeightsBothToStandardOutput",
     {"--json", "-", "--save-weights", "-"},
     "--save-weights",
     true},
    {"SaveWeightsToDevStdoutBesideJsonDash",
     {"--json", "-", "--save-weights", "/dev/stdout"},
     "standard output",
     true},
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

// One line on stderr, ending in a newline, containing `named`.
void expect_one_line_naming(const chapters::ProgramRun& run, const std::string& named) {
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  EXPECT_TRUE(!run.err.empty() && run.err.back() == '\n') << run.err;
  EXPECT_NE(run.err.find(named), std::string::npos) << run.err;
}

// An unknown activation's one line lists the known ones, all of them (chapter 3's:
// ch03_activations_test.cpp).
TEST(BadInput, UnknownActivationListsTheKnownOnes) {
  const chapters::ProgramRun run = chapters::run_program(chapters::ch02, {"--activation", "nope"});
  expect_one_line_naming(run, "'nope'");
  for (nn::Activation activation : nn::all_activations()) {
    EXPECT_NE(run.err.find(nn::activation_name(activation)), std::string::npos) << run.err;
  }
}

// Training that diverged leaves weights that are not numbers; saved, they would be nulls that --load-weights
// rejects. Neither output is written then; with --json alone the diverged run is a result like any other,
// and its NaNs are written as null, so the file stays valid JSON.
TEST(OddInput, DivergedTrainingSavesNoWeights) {
  TempDir dir;
  const std::vector<std::string> diverging{"--quiet", "--optimizer", "sgd", "--lr", "10"};
  std::vector<std::string> with_weights = diverging;
  with_weights.insert(with_weights.end(),
                      {"--json", dir.file("result.json"), "--save-weights", dir.file("weights.json")});
  expect_one_line_naming(chapters::run_program(chapters::ch01, with_weights), "diverged");
  EXPECT_TRUE(dir.entries().empty());

  const nlohmann::json result = chapters::run_for_json(chapters::ch01, dir, diverging);
  EXPECT_TRUE(result["final_loss"].is_null());
}

// Output that cannot be written to stdout is a failed run, not a success: after the progress lines, one
// error line.
TEST(OddInput, AnUnwritableStdoutExitsWithCodeTwo) {
  for (const std::string& program : {chapters::ch01, chapters::ch02}) {
    const chapters::ProgramRun run = chapters::run_program(program, {"--epochs", "1"}, {"", true});
    EXPECT_EQ(run.exit_code, 2) << run.err;
    const std::string error_line = ": error: cannot write to standard output\n";
    EXPECT_TRUE(run.err.size() > error_line.size() && run.err.ends_with(error_line)) << run.err;
    EXPECT_EQ(run.err.find(": error: "), run.err.rfind(": error: ")) << run.err;
  }
}

// --json and --save-weights into things that are not regular files: a FIFO and a symlink to a device are
// written through, a symlink to a file has its file replaced; the FIFO and the links stay what they were.
TEST(OddInput, OutputsGoThroughFifosAndSymlinks) {
  TempDir dir;
  const std::string fifo = dir.file("fifo"), to_null = dir.file("to-null.json"),
                    to_file = dir.file("to-file.json");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::filesystem::create_symlink("/dev/null", to_null);
  std::filesystem::create_directory(dir.path() / "elsewhere");
  std::ofstream(dir.file("elsewhere/weights.json")) << "old";
  std::filesystem::create_symlink("elsewhere/weights.json", to_file);
  // A reader that does not wait for a writer; what is written stays in the pipe until read below.
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);

  const chapters::ProgramRun run =
      chapters::run_program(chapters::ch02, {"--quiet", "--json", fifo, "--save-weights", to_file});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::string through_fifo;
  char buffer[4096];
  for (ssize_t n; (n = ::read(reader, buffer, sizeof buffer)) > 0;) {
    through_fifo.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(reader);
  EXPECT_TRUE(nlohmann::json::accept(through_fifo)) << through_fifo;
  EXPECT_TRUE(std::filesystem::is_fifo(std::filesystem::symlink_status(fifo)));
  EXPECT_TRUE(std::filesystem::is_symlink(std::filesystem::symlink_status(to_file)));
  EXPECT_TRUE(
      nlohmann::json::parse(chapters::read_text(dir.file("elsewhere/weights.json"))).contains("layers"));

  const chapters::ProgramRun into_null =
      chapters::run_program(chapters::ch02, {"--quiet", "--json", to_null});
  EXPECT_EQ(into_null.exit_code, 0) << into_null.err;
  EXPECT_TRUE(std::filesystem::is_symlink(std::filesystem::symlink_status(to_null)));
  EXPECT_EQ(dir.entries(), (std::vector<std::string>{"elsewhere", "fifo", "to-file.json", "to-null.json"}));
  const auto beside_target = std::distance(std::filesystem::directory_iterator(dir.path() / "elsewhere"),
                                           std::filesystem::directory_iterator());
  EXPECT_EQ(beside_target, 1) << "a temporary file was left beside the symlink's target";
}

// "010" is ten epochs, in decimal as --seed reads it, not eight in octal.
TEST(GoodInput, WholeNumbersAreDecimal) {
  TempDir dir;
  const nlohmann::json result = chapters::run_for_json(chapters::ch02, dir, {"--epochs", "010"});
  EXPECT_EQ(result["loss_history"].size(), 10u);
}

TEST(GoodInput, HelpExitsWithCodeZero) {
  for (const std::string& program : {chapters::ch01, chapters::ch02}) {
    const chapters::ProgramRun run = chapters::run_program(program, {"--help"});
    EXPECT_EQ(run.exit_code, 0) << program;
    EXPECT_NE(run.out.find("--seed"), std::string::npos) << run.out;
    EXPECT_EQ(run.err, "");
  }
}

// An unknown --dataset's one line lists every name it knows.
TEST(BadInput, UnknownDatasetListsTheKnownNames) {
  for (const std::string& program : {chapters::ch01, chapters::ch02}) {
    const chapters::ProgramRun run = chapters::run_program(program, {"--dataset", "nope"});
    expect_one_line_naming(run, "'nope'");
    for (const char* name : {"gate", "ring", "quadrants", "blobs", "spirals", "comfort"}) {
      EXPECT_NE(run.err.find(name), std::string::npos) << run.err;
    }
  }
}

}  // namespace
