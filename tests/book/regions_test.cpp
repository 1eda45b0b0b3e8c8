// book-regions (tools/book/regions.cpp), run as the book's generator runs it: each count is the library's
// nn::linear_regions on the network chapter 2 trains with the same seed, layers and training; the map is the
// seed-0 network's; bad input is one line and exit 2.

#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "chapters/expect_bad_input.hpp"
#include "chapters/run_program.hpp"
#include "nn/data.hpp"
#include "nn/linear_regions.hpp"
#include "nn/point_sets.hpp"
#include "nn/train.hpp"

namespace {

const std::string book_regions = BOOK_REGIONS_PATH;

TEST(BookRegions, EachCountIsTheLibrarysOnTheTrainedNetworkOfItsSeed) {
  TempDir dir;
  const chapters::ProgramRun run = chapters::run_program(
      book_regions, {"--depths", "1,2", "--widths", "3,5", "--seeds", "3", "--epochs", "2", "--map-width",
                     "5", "--resolution", "21", "--json", dir.file("r.json")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const nlohmann::json result = chapters::read_json(dir.file("r.json"));
  nn::TrainConfig training;
  training.loss = nn::Loss::mse;
  training.lr = 0.05f;
  training.full_batch = true;
  training.epochs = 2;
  training.batches_per_epoch = 10;
  ASSERT_EQ(result["counts"].size(), 4u);
  for (const nlohmann::json& row : result["counts"]) {
    const int depth = row["hidden_layers"], width = row["width"];
    std::vector<int> layers(static_cast<std::size_t>(depth) + 2, width);
    layers.front() = 2;
    layers.back() = 1;
    for (std::uint64_t seed = 0; seed < 3; ++seed) {
      nn::Network network = nn::Network::initialised(
          layers, {nn::Activation::relu, nn::Activation::identity, nn::Inputs::unit}, nn::Init::he, seed);
      training.seed = seed;
      nn::train(network, nn::make_dataset({nn::PointSet::ring}, seed), training, {});
      EXPECT_EQ(row["per_seed"][seed], nn::linear_regions(network, nn::unit_square_grid(21)).count)
          << depth << "x" << width << " seed " << seed;
    }
  }
  ASSERT_EQ(result["maps"].size(), 2u);  // one a depth, at --map-width
  EXPECT_EQ(result["maps"][0]["width"], 5);
  EXPECT_EQ(result["maps"][0]["regions"].size(), 21u);
}

TEST(BookRegions, BadInputIsOneLineAndExitCode2) {
  chapters::expect_bad_input(book_regions, {"--depths", "9"}, "--depths", true);
  chapters::expect_bad_input(book_regions, {"--activation", "tanh", "--json", "{dir}/r.json"}, "tanh", true);
  chapters::expect_bad_input(book_regions, {"--dataset", "moons", "--json", "{dir}/r.json"}, "moons", true);
}

}  // namespace
