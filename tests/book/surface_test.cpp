// book-surface (tools/book/surface.cpp), run as the book's generator runs it: with --dataset it adds the
// point set's training points, exactly the ones the chapter trained on, and the hidden units dead on them;
// without it, the surface has neither; --no-trace keeps the output and drops the layers.

#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "chapters/run_program.hpp"
#include "nn/point_sets.hpp"

namespace {

const std::string book_surface = BOOK_SURFACE_PATH;

// A 2,2,1 ReLU network whose first hidden unit, z = x1 + x2 - 5, is below 0 on the whole unit square (dead)
// and whose second, z = x1 + x2 + 0.5, is above 0 there.
const char* one_dead_unit = R"({"layers": [{"weight": [[1, 1], [1, 1]], "bias": [-5, 0.5]},
                                           {"weight": [[1, 1]], "bias": [0.1]}]})";

std::string write_weights(const TempDir& dir) {
  const std::string path = dir.file("weights.json");
  std::ofstream(path) << one_dead_unit;
  return path;
}

// book-surface on the hand-built network with `flags` added; its JSON, or a failure with its stderr.
nlohmann::json surface(const TempDir& dir, const std::vector<std::string>& flags) {
  std::vector<std::string> args{
      "--load-weights", write_weights(dir), "--layers", "2,2,1",  "--activation",
      "relu",           "--resolution",     "3",        "--json", dir.file("surface.json")};
  args.insert(args.end(), flags.begin(), flags.end());
  const chapters::ProgramRun run = chapters::run_program(book_surface, args);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return chapters::read_json(dir.file("surface.json"));
}

}  // namespace

TEST(BookSurface, ThePointsAreTheLibrarysTrainingPointsForTheSeed) {
  TempDir dir;
  const nlohmann::json result =
      surface(dir, {"--dataset", "spirals", "--seed", "17", "--train-points", "31", "--test-points", "5"});
  const nn::Dataset expected = nn::make_dataset({nn::PointSet::spirals, 31, 5}, 17);
  const nlohmann::json& points = result.at("points");
  ASSERT_EQ(points.at("inputs").size(), 31u);
  ASSERT_EQ(points.at("targets").size(), 31u);
  for (std::size_t r = 0; r < 31; ++r) {
    // Bit for bit: the JSON's double holds the float exactly.
    EXPECT_EQ(points["inputs"][r][0].get<float>(), expected.train.inputs(r, 0)) << "row " << r;
    EXPECT_EQ(points["inputs"][r][1].get<float>(), expected.train.inputs(r, 1)) << "row " << r;
    EXPECT_EQ(points["targets"][r].get<float>(), expected.train.targets(r, 0)) << "row " << r;
  }
  EXPECT_EQ(result.at("dataset"), "spirals");
  EXPECT_EQ(result.at("seed"), 17);
}

TEST(BookSurface, AnotherSeedDrawsOtherPoints) {
  TempDir first, second;
  const nlohmann::json a = surface(first, {"--dataset", "ring", "--seed", "1"});
  const nlohmann::json b = surface(second, {"--dataset", "ring", "--seed", "2"});
  EXPECT_EQ(a.at("points").at("inputs").size(), 200u);  // chapter 2's default --train-points
  EXPECT_NE(a.at("points"), b.at("points"));
}

TEST(BookSurface, CountsTheHiddenUnitsDeadOnThePoints) {
  TempDir dir;
  const nlohmann::json dead = surface(dir, {"--dataset", "blobs", "--seed", "0"}).at("dead_units");
  EXPECT_EQ(dead.at("per_layer"), nlohmann::json::array({1}));
  EXPECT_EQ(dead.at("total"), 1);
  EXPECT_EQ(dead.at("hidden_units"), 2);
  EXPECT_EQ(dead.at("output_dead"), false);
}

TEST(BookSurface, WithoutADatasetTheSurfaceHasNoPoints) {
  TempDir dir;
  const nlohmann::json result = surface(dir, {});
  EXPECT_FALSE(result.contains("points"));
  EXPECT_FALSE(result.contains("dead_units"));
  EXPECT_EQ(result.at("outputs").size(), 3u);
}

TEST(BookSurface, NoTraceLeavesOutTheLayersButNotTheOutputs) {
  TempDir with_trace, without;
  const nlohmann::json full = surface(with_trace, {});
  const nlohmann::json outputs_only = surface(without, {"--no-trace"});
  EXPECT_EQ(full.at("trace").size(), 2u);
  EXPECT_FALSE(outputs_only.contains("trace"));
  EXPECT_EQ(outputs_only.at("outputs"), full.at("outputs"));
}

TEST(BookSurface, PointCountsWithoutADatasetAreRefused) {
  TempDir dir;
  const chapters::ProgramRun run =
      chapters::run_program(book_surface, {"--load-weights", write_weights(dir), "--layers", "2,2,1",
                                           "--json", dir.file("surface.json"), "--train-points", "10"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("--train-points and --test-points size a point set"), std::string::npos) << run.err;
  EXPECT_TRUE(dir.entries() == std::vector<std::string>{"weights.json"}) << "no surface written";
}
