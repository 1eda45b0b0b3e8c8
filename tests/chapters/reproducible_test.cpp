// A seed fixes everything a chapter prints and writes: the same flags give byte-identical output, and
// another seed gives another run. (Progress lines go to stderr with wall times, so stderr is not compared.)

#include <filesystem>

#include <gtest/gtest.h>

#include "chapters/run_program.hpp"

namespace {

struct Outputs {
  std::string stdout_text, json, weights;
};

// Runs `program` with a fixed set of flags and the given seed, writing --json and --save-weights to the same
// paths each time (the JSON records the weights path); returns what it printed and wrote.
Outputs run_once(const std::string& program, const TempDir& dir, const std::string& seed) {
  const chapters::ProgramRun run = chapters::run_program(
      program, {"--layers", "2,5,5,1", "--epochs", "3", "--seed", seed, "--json", dir.file("result.json"),
                "--save-weights", dir.file("weights.json")});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  Outputs outputs{run.out, chapters::read_text(dir.file("result.json")), chapters::read_text(dir.file("weights.json"))};
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

}  // namespace

TEST(Reproducible, Chapter1GivesIdenticalOutputForTheSameSeed) { expect_reproducible(chapters::ch01); }

TEST(Reproducible, Chapter2GivesIdenticalOutputForTheSameSeed) { expect_reproducible(chapters::ch02); }
