// Chapter 4's claims, run as a reader runs ch04-zoo: its defaults report every activation on every point set;
// each row counts chapter 2's networks (network n is chapter 2's with --seed n); linear networks learn the
// blobs and nothing else, tanh networks the other sets; dead units are the library's count on the trained
// weights; bad input is one line and exit 2.

#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "chapters/expect_bad_input.hpp"
#include "chapters/run_program.hpp"
#include "nn/activation.hpp"
#include "nn/data.hpp"
#include "nn/dead_units.hpp"
#include "nn/point_sets.hpp"
#include "program/weights_file.hpp"

namespace {

using chapters::ProgramRun;
using chapters::run_for_json;
using chapters::run_program;

const std::string zoo = CH04_PATH;
const std::string ch02 = chapters::ch02;

// The configuration for `activation` on `dataset` in a zoo's --json.
const nlohmann::json& row(const nlohmann::json& result, const std::string& activation,
                          const std::string& dataset) {
  for (const nlohmann::json& configuration : result["configurations"]) {
    if (configuration["activation"] == activation && configuration["dataset"] == dataset)
      return configuration;
  }
  throw std::runtime_error("no row for " + activation + " on " + dataset);
}

// The grid the defaults span: its rows and shapes, from 2 networks of 2 epochs each (every other default stays).
// The defaults' own run, 64 networks of 40 epochs, is the book's (docs/generated/ch04-zoo.json, made at every
// build), whose numbers the book's claims check; a second run of it here would add a minute to the suite.
TEST(Chapter4, DefaultsReportEveryActivationOnEveryPointSet) {
  TempDir dir;
  const std::vector<std::string> flags{"--device", "cpu", "--networks", "2", "--epochs", "2"};
  const nlohmann::json result = run_for_json(zoo, dir, flags);
  std::set<std::pair<std::string, std::string>> seen;
  for (const nlohmann::json& configuration : result["configurations"]) {
    seen.insert(
        {configuration["activation"].get<std::string>(), configuration["dataset"].get<std::string>()});
    EXPECT_EQ(configuration["layers"].get<std::vector<int>>(), (std::vector<int>{2, 8, 1}));
  }
  for (nn::Activation activation : nn::all_activations()) {
    for (nn::PointSet set : nn::all_point_sets) {
      EXPECT_EQ(seen.count({nn::activation_name(activation), nn::point_set_name(set)}), 1u)
          << nn::activation_name(activation) << " on " << nn::point_set_name(set);
    }
  }
  EXPECT_EQ(result["configurations"].size(), nn::all_activations().size() * nn::all_point_sets.size());
}

// The zoo's count is the number of chapter 2 runs, seeds 0 to 5, that learned; its median epoch lies within
// the training, and no network that chapter 2 calls unlearned is counted.
TEST(Chapter4, EachRowCountsChapter2sNetworks) {
  TempDir dir;
  const std::vector<std::string> training{"--layers",
                                          "2,6,1",
                                          "--loss",
                                          "mse",
                                          "--full-batch",
                                          "--lr",
                                          "0.05",
                                          "--epochs",
                                          "15",
                                          "--batches-per-epoch",
                                          "10",
                                          "--train-points",
                                          "80",
                                          "--test-points",
                                          "60"};
  std::vector<std::string> zoo_flags = training;
  zoo_flags.insert(zoo_flags.end(), {"--device", "cpu", "--networks", "6", "--activations", "tanh,relu",
                                     "--datasets", "ring,quadrants"});
  const nlohmann::json result = run_for_json(zoo, dir, zoo_flags);
  int learned_anywhere = 0;
  for (const std::string activation : {"tanh", "relu"}) {
    for (const std::string dataset : {"ring", "quadrants"}) {
      int learned = 0;
      for (int seed = 0; seed < 6; ++seed) {
        std::vector<std::string> flags = training;
        flags.insert(flags.end(),
                     {"--activation", activation, "--dataset", dataset, "--seed", std::to_string(seed)});
        learned += run_for_json(ch02, dir, flags)["learned"].get<bool>();
      }
      const nlohmann::json& configuration = row(result, activation, dataset);
      EXPECT_EQ(configuration["learned"], learned) << activation << " on " << dataset;
      learned_anywhere += learned;
      if (learned > 0) {
        const double epoch = configuration["median_learned_epoch"].get<double>();
        EXPECT_GE(epoch, 1.0);
        EXPECT_LE(epoch, 15.0);
      } else {
        EXPECT_TRUE(configuration["median_learned_epoch"].is_null());
      }
    }
  }
  EXPECT_GT(learned_anywhere, 0) << "counts that are all zero would compare little";
}

// Without an activation the network is linear: it learns the blobs (a line separates them) and no other set;
// with tanh the same networks learn the ring, the quadrants and the comfortable rooms.
TEST(Chapter4, LinearNetworksLearnOnlyTheBlobsAndTanhNetworksLearnTheRest) {
  TempDir dir;
  const nlohmann::json result = run_for_json(zoo, dir,
                                             {"--device", "cpu", "--networks", "16", "--activations",
                                              "none,tanh", "--datasets", "ring,quadrants,blobs,comfort"});
  EXPECT_EQ(row(result, "none", "blobs")["learned"], 16);
  for (const std::string dataset : {"ring", "quadrants", "comfort"}) {
    EXPECT_EQ(row(result, "none", dataset)["learned"], 0) << dataset;
    EXPECT_GT(row(result, "tanh", dataset)["learned"].get<int>(), 0) << dataset;
  }
  EXPECT_EQ(row(result, "tanh", "blobs")["learned"], 16);
}

// The zoo's dead units are the library's count on the weights chapter 2 trains with the same seeds, on each
// network's own training points: the share of dead hidden units, the networks whose output unit is dead,
// and how many of those did not learn. Leaky ReLU's units never die.
TEST(Chapter4, DeadUnitsAreTheLibrarysCountOnTheTrainedWeights) {
  TempDir dir;
  const int first_seed = 3, networks = 6;
  const std::vector<std::string> training{"--layers", "2,8,1", "--epochs", "5"};
  std::vector<std::string> zoo_flags = training;
  zoo_flags.insert(zoo_flags.end(), {"--seed", std::to_string(first_seed), "--device", "cpu", "--networks",
                                     std::to_string(networks), "--activations", "relu,leaky-relu",
                                     "--datasets", "ring", "--json", dir.file("zoo.json")});
  ASSERT_EQ(run_program(zoo, zoo_flags).exit_code, 0);
  const nlohmann::json result = chapters::read_json(dir.file("zoo.json"));
  int dead_hidden = 0, dead_outputs = 0, dead_outputs_not_learned = 0;
  for (int n = 0; n < networks; ++n) {
    const int seed = first_seed + n;
    std::vector<std::string> flags = training;
    flags.insert(flags.end(),
                 {"--seed", std::to_string(seed), "--activation", "relu", "--dataset", "ring", "--loss",
                  "mse", "--full-batch", "--lr", "0.05", "--batches-per-epoch", "10", "--quiet",
                  "--save-weights", dir.file("w.json"), "--json", dir.file("r.json")});
    ASSERT_EQ(run_program(ch02, flags).exit_code, 0);
    const nn::Network network = program::load_weights(dir.file("w.json"), {2, 8, 1}, nn::Activation::relu);
    const nn::DeadUnits dead = nn::count_dead_units(
        network, nn::make_dataset({nn::PointSet::ring}, static_cast<std::uint64_t>(seed)).train.inputs);
    dead_hidden += dead.total;
    dead_outputs += dead.output_dead;
    dead_outputs_not_learned +=
        dead.output_dead && !chapters::read_json(dir.file("r.json"))["learned"].get<bool>();
  }
  const nlohmann::json& relu = row(result, "relu", "ring");
  EXPECT_DOUBLE_EQ(relu["dead_unit_share"].get<double>(), dead_hidden / (8.0 * networks));
  EXPECT_EQ(relu["dead_output"], dead_outputs);
  EXPECT_EQ(relu["dead_output_not_learned"], dead_outputs_not_learned);
  EXPECT_GT(dead_hidden + dead_outputs, 0) << "seeds with no dead unit at all would test nothing";
  EXPECT_EQ(row(result, "leaky-relu", "ring")["dead_unit_share"], 0.0);
  EXPECT_EQ(row(result, "leaky-relu", "ring")["dead_output"], 0);
}

// With a linear output the output unit cannot die, whatever the hidden activation; a ReLU output can.
TEST(Chapter4, ALinearOutputNeverDies) {
  TempDir dir;
  const nlohmann::json result =
      run_for_json(zoo, dir,
                   {"--device", "cpu", "--networks", "32", "--activations", "relu", "--datasets", "blobs",
                    "--output-activations", "none,relu", "--epochs", "10"});
  ASSERT_EQ(result["configurations"].size(), 2u);
  EXPECT_EQ(result["configurations"][0]["output_activation"], "none");
  EXPECT_EQ(result["configurations"][0]["dead_output"], 0);
  EXPECT_EQ(result["configurations"][1]["output_activation"], "relu");
  EXPECT_GT(result["configurations"][1]["dead_output"].get<int>(), 0)
      << "about a third of ReLU outputs start dead";
}

// The grid chooses the activations, so bce is checked row by row: a sigmoid output trains with it, whatever
// the hidden activation (the settings' own --activation plays no part in the zoo).
TEST(Chapter4, BceTrainsEachRowsSigmoidOutput) {
  TempDir dir;
  const nlohmann::json result =
      run_for_json(zoo, dir,
                   {"--device", "cpu", "--networks", "8", "--activations", "relu,tanh", "--datasets", "blobs",
                    "--output-activations", "sigmoid", "--loss", "bce", "--epochs", "10"});
  ASSERT_EQ(result["configurations"].size(), 2u);
  for (const nlohmann::json& c : result["configurations"]) {
    EXPECT_EQ(c["output_activation"], "sigmoid");
    EXPECT_EQ(c["learned"], 8) << c["activation"] << ": two blobs, one straight cut";
  }
  EXPECT_EQ(result["settings"]["loss"], "bce");
}

TEST(Chapter4, SameFlagsGiveTheSameResults) {
  TempDir dir;
  const std::vector<std::string> flags{"--device",   "cpu",      "--networks", "5",
                                       "--datasets", "ring,xor", "--epochs",   "4"};
  nlohmann::json first = run_for_json(zoo, dir, flags), second = run_for_json(zoo, dir, flags);
  first.erase("timing");
  second.erase("timing");
  EXPECT_EQ(first, second);
  const ProgramRun a = run_program(zoo, flags), b = run_program(zoo, flags);
  EXPECT_EQ(a.out, b.out);
}

void expect_bad_input(const std::vector<std::string>& flags, const std::string& named) {
  chapters::expect_bad_input(zoo, flags, named);
}

TEST(Chapter4BadInput, EachIsOneLineAndExitCode2) {
  expect_bad_input({"--activations", "swish"}, "activation");
  expect_bad_input({"--activations", ""}, "--activations");
  expect_bad_input({"--datasets", "moons"}, "moons");
  expect_bad_input({"--datasets", ""}, "--datasets");
  expect_bad_input({"--datasets", "ring,,blobs"}, "--datasets");
  expect_bad_input({"--grid-layers", "2,17,1"}, "--grid-layers");
  expect_bad_input({"--layers", "2,1,1,1,1,1,1,1,1,1,1"}, "--layers");
  expect_bad_input({"--networks", "0"}, "--networks");
  expect_bad_input({"--train-points", "0"}, "--train-points");
  expect_bad_input({"--gate", "xor"}, "--datasets");
  expect_bad_input({"--device", "tpu"}, "device");
  expect_bad_input({"--output-activations", "nope"}, "activation");
  expect_bad_input({"--output-activation", "nope"}, "activation");
  expect_bad_input({"--loss", "bce"}, "sigmoid");
  expect_bad_input({"--loss", "bce", "--output-activations", "sigmoid,tanh"}, "sigmoid");
  expect_bad_input({"--init", "lecun"}, "initialisation");
  expect_bad_input({"--inputs", "scaled"}, "inputs");
}

}  // namespace
