// Chapter 1: a network with no activation tries to learn AND, and cannot.
//
// Stacked linear layers multiply out into one linear map, and no linear map can produce AND's
// outputs: its mean L1 loss is stuck at 0.25 or above. This program trains such a network,
// multiplies its layers out, and prints the floor it is stuck on. With --dataset it learns a point
// set instead: its output, rounded at 0.5, splits the square along one straight line, enough for
// two blobs and not for the rest.

#include <iostream>

#include "nn/data.hpp"
#include "nn/network.hpp"
#include "nn/outcome.hpp"
#include "nn/train.hpp"
#include "program/linear_report.hpp"
#include "program/program.hpp"
#include "program/report.hpp"

namespace {

void run(const program::Settings& settings) {
  const nn::TrainConfig& config = settings.train;
  if (!settings.quiet) program::print_settings(std::cout, settings);

  // ANCHOR: train
  // The demo's network with the activation switched off (Linear layers and nothing in between),
  // trained on AND's truth table or on whatever --gate or --dataset names.
  const nn::Dataset data = nn::make_dataset(settings.data, config.seed);
  nn::Network network = program::starting_network(settings);
  const nn::TrainHistory history =
      nn::train(network, data, config, program::progress_printer(std::cerr, settings));
  const nn::Outcome outcome = nn::evaluate(network, data, config.loss);
  // ANCHOR_END: train

  // ANCHOR: collapse
  // W3 (W2 (W1 x + b1) + b2) + b3 is one linear map: multiply it out and compare.
  const nn::Linear single = nn::collapse_to_single_layer(network);
  // ANCHOR_END: collapse

  if (!settings.quiet) {
    if (data.source.gate()) {  // what the forum's demo printed: the network on ten random rows
      std::cout << "\nTen inputs drawn as the demo draws them:\n";
      program::print_demo_table(std::cout, network, nn::BatchStream(data, 10, config.seed).next());
    }
    std::cout << "\n";
    program::print_collapse(std::cout, settings.data, outcome, single);
    std::cout << "\n";
    program::print_outcome(std::cout, settings, outcome);
    // ANCHOR: floor
    // A gate's four rows put a floor under every linear map's loss (a point set's limit: one line).
    if (const nn::Gate* gate = settings.data.gate()) {
      std::cout << "\n";
      program::print_floor(std::cout, *gate, config.loss, outcome);
    }
    // ANCHOR_END: floor
  }

  nlohmann::json result = program::result_json(settings, history, outcome);
  result["linear"] = program::linear_story_json(settings.data, single);
  program::write_outputs(settings, result, network);
}

}  // namespace

int main(int argc, char** argv) {
  program::Settings settings;
  // This chapter's network has no activation, and no flag for one.
  settings.activation = nn::Activation::identity;
  CLI::App app{"Chapter 1: a network with no activation cannot produce AND.", "ch01-linear"};
  program::add_training_flags(app, settings);
  program::add_dataset_flags(app, settings);
  return program::run_program(app, argc, argv, settings, [&] { run(settings); });
}
