// A seed fixes everything a chapter prints and writes: the same flags give byte-identical output, and
// another seed gives another run. (Progress lines go to stderr with wall times, so stderr is not compared.)
// The JSON is the same wherever it goes: a file, or standard output with --json -.

#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>

#include "chapters/run_program.hpp"

namespace {

struct Outputs {
  std::string stdout_text, json, weights;
};

// Runs `program` with a fixed set of flags and the given seed, writing --json and --save-weights to the same
// paths each time (the JSON records the weights path); returns what it printed and wrote.
Outputs run_once(const std::string& program, const TempDir& dir, const std::string& seed) {
  const chapters::ProgramRun run =
      chapters::run_program(program, {"--layers", "2,5,5,1", "--epochs", "3", "--seed", seed, "--json",
                                      dir.file("result.json"), "--save-weights", dir.file("weights.json")});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  Outputs outputs{run.out, chapters::read_text(dir.file("result.json")),
                  chapters::read_text(dir.file("weights.json"))};
  std::filesystem::remove(dir.file("result.json"));
  std::filesystem::remove(dir.file("weights.json"));
  return outputs;
}

void expect_reproducible(const std::string& program) {
  TempDir dir;
  const Outputs first = run_once(program, dir, "7");
  const Outputs again = run_once(program, dir, "7");
  const Outputs other = run_once(program, dir, "8");
  ASSERT_FALSE(first.stdout_text.empty());
  ASSERT_FALSE(first.json.empty());
  ASSERT_FALSE(first.weights.empty());
  EXPECT_EQ(first.stdout_text, again.stdout_text);
  EXPECT_EQ(first.json, again.json);
  EXPECT_EQ(first.weights, again.weights);
  // The weights do not mention the seed, so this differs only if training did.
  EXPECT_NE(first.weights, other.weights);
}

// The lines of `text` that are not progress lines (those carry wall times).
std::string without_progress(const std::string& text) {
  std::istringstream lines(text);
  std::string kept;
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with("epoch ")) kept += line + "\n";
  }
  return kept;
}

// Wherever the JSON goes, it is the same document: --json - puts on stdout (a pipe, as in `| jq`) exactly
// what
// --json FILE writes, and nothing else, the report moving to stderr; --json /dev/stdout and /dev/fd/1 write
// into the pipe after the report.
void expect_same_json_on_stdout(const std::string& program) {
  TempDir dir;
  const std::vector<std::string> flags{"--layers", "2,5,5,1", "--epochs", "3", "--seed", "7", "--json"};
  std::vector<std::string> to_file = flags, to_stdout = flags, to_dev_stdout = flags, to_dev_fd = flags;
  to_file.push_back(dir.file("result.json"));
  to_stdout.push_back("-");
  to_dev_stdout.push_back("/dev/stdout");
  to_dev_fd.insert(to_dev_fd.end(), {"/dev/fd/1", "--quiet"});
  const chapters::RunOptions into_a_pipe{.stdout_to_pipe = true};
  const chapters::ProgramRun into_file = chapters::run_program(program, to_file);
  const chapters::ProgramRun onto_stdout = chapters::run_program(program, to_stdout, into_a_pipe);
  const chapters::ProgramRun onto_dev_stdout = chapters::run_program(program, to_dev_stdout, into_a_pipe);
  const chapters::ProgramRun onto_dev_fd = chapters::run_program(program, to_dev_fd, into_a_pipe);
  for (const chapters::ProgramRun* run : {&into_file, &onto_stdout, &onto_dev_stdout, &onto_dev_fd}) {
    EXPECT_EQ(run->exit_code, 0) << run->err;
  }
  const std::string json = chapters::read_text(dir.file("result.json"));
  ASSERT_TRUE(nlohmann::json::accept(json));
  ASSERT_FALSE(into_file.out.empty());
  EXPECT_EQ(onto_stdout.out, json);
  EXPECT_EQ(without_progress(onto_stdout.err), into_file.out);
  EXPECT_EQ(onto_dev_stdout.out, into_file.out + json);
  EXPECT_EQ(onto_dev_fd.out, json);
  EXPECT_EQ(onto_dev_fd.err, "");
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"result.json"});
}

}  // namespace

TEST(Reproducible, Chapter1PutsTheSameJsonOnStdoutWithJsonDash) {
  expect_same_json_on_stdout(chapters::ch01);
}

TEST(Reproducible, Chapter2PutsTheSameJsonOnStdoutWithJsonDash) {
  expect_same_json_on_stdout(chapters::ch02);
}

TEST(Reproducible, Chapter1GivesIdenticalOutputForTheSameSeed) { expect_reproducible(chapters::ch01); }

TEST(Reproducible, Chapter2GivesIdenticalOutputForTheSameSeed) { expect_reproducible(chapters::ch02); }
