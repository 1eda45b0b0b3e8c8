// Chapter 2's claims, checked on its program: with tanh the demo's network learns AND on most seeds,
// without it never; with the demo's layers it never learns XOR; and one training step is exactly the
// gradient step the book derives.

#include <cmath>
#include <fstream>
#include <iostream>
#include <random>

#include <gtest/gtest.h>

#include "chapters/reference_step.hpp"
#include "chapters/run_program.hpp"
#include "nn/network.hpp"
#include "program/settings.hpp"
#include "program/weights_file.hpp"

namespace {

// The chapter's criterion, rechecked from the predictions: every output rounds to AND's target and the
// mean L1 loss is below 0.05.
bool learned_by_predictions(const nlohmann::json& result) {
  const double targets[4] = {0, 0, 0, 1};
  double l1 = 0.0;
  bool all_round_right = true;
  for (std::size_t row = 0; row < 4; ++row) {
    const double y = result["predictions"][row];
    l1 += std::fabs(y - targets[row]) / 4;
    all_round_right = all_round_right && std::round(y) == targets[row];
  }
  return all_round_right && l1 < 0.05;
}

// How many of seeds 1..20 learn the gate with the demo's default settings and the given activation.
int seeds_that_learn(const std::string& gate, const std::string& activation) {
  int learned = 0;
  for (int seed = 1; seed <= 20; ++seed) {
    TempDir dir;
    const nlohmann::json result = chapters::run_for_json(
        chapters::ch02, dir, {"--gate", gate, "--activation", activation, "--seed", std::to_string(seed)});
    EXPECT_EQ(result["learned"].get<bool>(), learned_by_predictions(result))
        << activation << " seed " << seed;
    learned += learned_by_predictions(result);
  }
  std::cout << "[ rate     ] --gate " << gate << " --activation " << activation << " learned on " << learned
            << " of 20 seeds\n";
  ::testing::Test::RecordProperty("seeds_learned_of_20", learned);
  return learned;
}

}  // namespace

TEST(Chapter2, LearnsAndWithTanhOnMostSeeds) { EXPECT_GE(seeds_that_learn("and", "tanh"), 14); }

TEST(Chapter2, NeverLearnsAndWithoutAnActivation) { EXPECT_EQ(seeds_that_learn("and", "none"), 0); }

// The book's exercise 2.3 starts from this: a 2,1,1 network never learns XOR. Its output is a monotone
// function of one affine score of the inputs, so the inputs it rounds to 1 lie on one side of a straight
// line, and no line puts 0 1 and 1 0 on one side and 0 0 and 1 1 on the other. So none of the seeds even
// rounds correctly, let alone learns.
TEST(Chapter2, NeverLearnsXorWithTheDemosLayers) {
  EXPECT_EQ(seeds_that_learn("xor", "tanh"), 0);
  const double targets[4] = {0, 1, 1, 0};
  for (int seed = 1; seed <= 20; ++seed) {
    TempDir dir;
    const nlohmann::json result =
        chapters::run_for_json(chapters::ch02, dir, {"--gate", "xor", "--seed", std::to_string(seed)});
    bool all_round_right = true;
    for (std::size_t row = 0; row < 4; ++row) {
      // rounded at 0.5, as the book rounds
      all_round_right =
          all_round_right && (result["predictions"][row].get<double>() >= 0.5) == (targets[row] == 1);
    }
    EXPECT_FALSE(all_round_right) << "seed " << seed << " rounds to XOR with one hidden unit";
  }
}

namespace {

// Random weights for the given layer sizes, each a float (so the program reads exactly these numbers).
std::vector<chapters::ReferenceLayer> hand_written_weights(const std::vector<int>& sizes) {
  std::mt19937 engine(99);
  auto draw = [&engine] { return static_cast<double>(static_cast<float>(engine() / 4294967296.0 * 2 - 1)); };
  std::vector<chapters::ReferenceLayer> layers;
  for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
    chapters::ReferenceLayer layer;
    layer.weight.assign(sizes[l + 1], std::vector<double>(sizes[l]));
    layer.bias.resize(sizes[l + 1]);
    for (auto& row : layer.weight) {
      for (double& w : row) w = draw();
    }
    for (double& b : layer.bias) b = draw();
    layers.push_back(layer);
  }
  return layers;
}

nlohmann::json to_json(const std::vector<chapters::ReferenceLayer>& layers) {
  nlohmann::json document{{"layers", nlohmann::json::array()}};
  for (const auto& layer : layers)
    document["layers"].push_back({{"weight", layer.weight}, {"bias", layer.bias}});
  return document;
}

}  // namespace

TEST(Chapter2, FullBatchSgdStepMatchesAnIndependentStep) {
  for (const std::vector<int>& sizes : {std::vector<int>{2, 1, 1}, std::vector<int>{2, 5, 5, 1}}) {
    for (const std::string activation : {"none", "tanh"}) {
      for (const std::string loss : {"l1", "mse"}) {
        SCOPED_TRACE(activation + " " + loss + " " + std::to_string(sizes.size() - 1) + " layers");
        TempDir dir;
        const auto initial = hand_written_weights(sizes);
        std::ofstream(dir.file("initial.json")) << to_json(initial).dump();
        const std::string layers = sizes.size() == 3 ? "2,1,1" : "2,5,5,1";
        chapters::run_for_json(
            chapters::ch02, dir,
            {"--load-weights", dir.file("initial.json"), "--layers", layers, "--activation", activation,
             "--loss", loss, "--full-batch", "--optimizer", "sgd", "--epochs", "1", "--batches-per-epoch",
             "1", "--lr", "0.1", "--save-weights", dir.file("out.json")});
        const nlohmann::json saved = chapters::read_json(dir.file("out.json"));
        const auto expected = chapters::reference_sgd_step(initial, activation == "tanh", loss == "l1", 0.1);

        ASSERT_EQ(saved["layers"].size(), expected.size());
        double largest_step = 0.0;
        for (std::size_t l = 0; l < expected.size(); ++l) {
          for (std::size_t o = 0; o < expected[l].bias.size(); ++o) {
            EXPECT_NEAR(saved["layers"][l]["bias"][o].get<double>(), expected[l].bias[o], 1e-5)
                << l << " " << o;
            largest_step = std::max(largest_step, std::fabs(expected[l].bias[o] - initial[l].bias[o]));
            for (std::size_t i = 0; i < expected[l].weight[o].size(); ++i) {
              EXPECT_NEAR(saved["layers"][l]["weight"][o][i].get<double>(), expected[l].weight[o][i], 1e-5)
                  << l << " " << o << " " << i;
            }
          }
        }
        // The step is far larger than the tolerance, so saving the unchanged weights would fail.
        EXPECT_GT(largest_step, 1e-3);
      }
    }
  }
}

// The step has slope 0 wherever it has one, so every gradient is 0 and no optimizer step moves a weight:
// after training, on the gate or on a point set, with Adam or SGD, the network is the one the seed drew.
TEST(Chapter2, TheStepActivationLeavesTheWeightsWhereTheyStarted) {
  TempDir dir;
  const std::vector<std::vector<std::string>> runs{
      {"--layers", "2,8,1", "--seed", "4"},
      {"--layers", "2,8,1", "--seed", "5", "--optimizer", "sgd", "--loss", "mse"},
      {"--layers", "2,5,5,1", "--seed", "6", "--dataset", "ring", "--full-batch", "--epochs", "3"}};
  for (const std::vector<std::string>& run : runs) {
    std::vector<std::string> flags = run;
    flags.insert(flags.end(), {"--activation", "step", "--quiet", "--save-weights", dir.file("w.json")});
    ASSERT_EQ(chapters::run_program(chapters::ch02, flags).exit_code, 0);
    const std::vector<int> layers = program::parse_layers("--layers", run[1]);
    const nn::Network trained = program::load_weights(dir.file("w.json"), layers, nn::Activation::step);
    const nn::Network drawn = nn::Network::initialised(layers, nn::Activation::step, std::stoull(run[3]));
    for (std::size_t l = 0; l < drawn.layers().size(); ++l) {
      EXPECT_EQ(trained.layers()[l].weight, drawn.layers()[l].weight) << run[3] << " layer " << l;
      EXPECT_EQ(trained.layers()[l].bias, drawn.layers()[l].bias) << run[3] << " layer " << l;
    }
  }
}
