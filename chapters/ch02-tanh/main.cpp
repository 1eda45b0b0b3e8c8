// Chapter 2: the same network with tanh after every layer learns AND.
//
// One change from chapter 1: an activation between the layers, so they no longer multiply out into one
// linear map. --activation none brings chapter 1's network back for comparison. --dataset trades the
// gate for a point set in the unit square (a disc in a ring, the XOR quadrants, two blobs, two spirals,
// comfortable rooms), learned when at least 95% of its held-out test points come out right.

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
  // The demo's network: Linear layers, each followed by the activation (tanh unless told otherwise).
  nn::Network network = nn::starting_network(settings);
  const nn::TrainHistory history = nn::train(network, config, nn::progress_printer(std::cerr, settings));
  const nn::Outcome outcome = nn::evaluate(network, config.gate, config.loss);
  // ANCHOR_END: train

  if (!settings.quiet) {
    std::cout << "\n";
    nn::print_outcome(std::cout, settings, outcome);
    nn::print_if_output_dead(std::cout, network, nn::truth_table(config.gate).inputs);
    // ANCHOR: floor
    // Without an activation the network is linear again, and chapter 1's floor applies.
    if (network.is_linear()) {
      std::cout << "\n";
      nn::print_floor(std::cout, config.gate, config.loss, outcome);
    }
    // ANCHOR_END: floor
  }

  nn::write_outputs(settings, nn::result_json(settings, history, outcome), network);
}

// The same network on a point set: trained on its training points, judged on its held-out test points.
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
  // ANCHOR_END: points

  if (!settings.quiet) {
    std::cout << "\n";
    nn::print_point_set_outcome(std::cout, settings, outcome);
    nn::print_if_output_dead(std::cout, network, data.train.inputs);
  }
  nn::write_outputs(settings, nn::point_set_result_json(settings, history, outcome), network);
}

}  // namespace

int main(int argc, char** argv) {
  nn::Settings settings;
  CLI::App app{"Chapter 2: the same network with tanh after every layer learns AND.", "ch02-tanh"};
  nn::add_training_flags(app, settings);
  nn::add_activation_flag(app, settings);
  nn::add_dataset_flags(app, settings);
  return nn::run_program(app, argc, argv, settings, [&] {
    if (settings.point_set) return run_on_points(settings, *settings.point_set);
    run(settings);
  });
}
