// Chapter 1: a network with no activation tries to learn AND, and cannot.
//
// Stacked linear layers multiply out into one linear map, and no linear map can produce AND's outputs:
// its mean L1 loss is stuck at 0.25 or above. This program trains such a network, multiplies its layers
// out, and prints the floor it is stuck on. With --dataset it learns a point set instead: its output,
// rounded at 0.5, splits the square along one straight line, enough for two blobs and not for the rest.

#include <iostream>

#include "nn/data.hpp"
#include "nn/network.hpp"
#include "nn/outcome.hpp"
#include "nn/point_sets.hpp"
#include "nn/train.hpp"
#include "program/linear_report.hpp"
#include "program/program.hpp"
#include "program/report.hpp"

namespace {

void run(const nn::Settings& settings) {
  const nn::TrainConfig& config = settings.train;
  if (!settings.quiet) nn::print_settings(std::cout, settings);

  // ANCHOR: train
  // The demo's network with the activation switched off: Linear layers and nothing in between.
  nn::Network network = nn::starting_network(settings);
  const nn::TrainHistory history = nn::train(network, config, nn::progress_printer(std::cerr, settings));
  const nn::Outcome outcome = nn::evaluate(network, config.gate, config.loss);
  // ANCHOR_END: train

  // ANCHOR: collapse
  // W3 (W2 (W1 x + b1) + b2) + b3 is one linear map: multiply it out and compare.
  const nn::Linear single = nn::collapse_to_single_layer(network);
  // ANCHOR_END: collapse

  if (!settings.quiet) {
    std::cout << "\nTen inputs drawn as the demo draws them:\n";
    nn::print_demo_table(std::cout, network, nn::BitBatchStream(config.gate, 10, config.seed).next());
    std::cout << "\n";
    nn::print_collapse(std::cout, outcome, single);
    std::cout << "\n";
    nn::print_outcome(std::cout, settings, outcome);
    std::cout << "\n";
    // ANCHOR: floor
    nn::print_floor(std::cout, config.gate, config.loss, outcome);
    // ANCHOR_END: floor
  }

  nlohmann::json result = nn::result_json(settings, history, outcome);
  result["linear"] = nn::linear_story_json(config.gate, single);
  nn::write_outputs(settings, result, network);
}

// The same network on a point set: its layers still multiply out into one map, whose threshold is a line.
void run_on_points(const nn::Settings& settings, nn::PointSet set) {
  const nn::TrainConfig& config = settings.train;
  if (!settings.quiet) nn::print_settings(std::cout, settings);

  // ANCHOR: points
  const nn::PointSplit data =
      nn::make_point_split(set, settings.train_points, settings.test_points, config.seed);
  nn::Network network = nn::starting_network(settings);
  const nn::TrainHistory history =
      nn::train_on_points(network, data.train, config, nn::progress_printer(std::cerr, settings));
  const nn::PointSetOutcome outcome = nn::evaluate(network, data, config.loss);
  const nn::Linear single = nn::collapse_to_single_layer(network);
  // ANCHOR_END: points

  if (!settings.quiet) {
    std::cout << "\n";
    nn::print_point_set_collapse(std::cout, single);
    std::cout << "\n";
    nn::print_point_set_outcome(std::cout, settings, outcome);
  }
  nlohmann::json result = nn::point_set_result_json(settings, history, outcome);
  result["linear"] = {{"collapsed_map", nn::linear_map_json(single)}};
  nn::write_outputs(settings, result, network);
}

}  // namespace

int main(int argc, char** argv) {
  nn::Settings settings;
  // This chapter's network has no activation, and no flag for one.
  settings.activation = nn::Activation::identity;
  CLI::App app{"Chapter 1: a network with no activation cannot produce AND.", "ch01-linear"};
  nn::add_training_flags(app, settings);
  nn::add_dataset_flags(app, settings);
  return nn::run_program(app, argc, argv, settings, [&] {
    if (settings.point_set) return run_on_points(settings, *settings.point_set);
    run(settings);
  });
}
