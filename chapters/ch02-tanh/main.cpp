// Chapter 2: the same network with tanh after every layer learns AND.
//
// One change from chapter 1: an activation between the layers, so they no longer multiply out into
// one linear map. --activation none brings chapter 1's network back for comparison. --dataset
// trades the gate for a point set in the unit square (a disc in a ring, the XOR quadrants, two
// blobs, two spirals, comfortable rooms), learned when at least 95% of its held-out test points
// come out right.

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
  // The demo's network: Linear layers, each followed by the activation (tanh unless told so),
  // trained on AND's truth table or on whatever --gate or --dataset names.
  const nn::Dataset data = nn::make_dataset(settings.data, config.seed);
  nn::Network network = program::starting_network(settings);
  const nn::TrainHistory history =
      nn::train(network, data, config, program::progress_printer(std::cerr, settings));
  const nn::Outcome outcome = nn::evaluate(network, data, config.loss);
  // ANCHOR_END: train

  if (!settings.quiet) {
    std::cout << "\n";
    program::print_outcome(std::cout, settings, outcome);
    program::print_if_output_dead(std::cout, network, data.train.inputs);
    // ANCHOR: floor
    // Without an activation the network is linear again, and chapter 1's floor applies to a gate.
    const nn::Gate* gate = settings.data.gate();
    if (network.is_linear() && gate) {
      std::cout << "\n";
      program::print_floor(std::cout, *gate, config.loss, outcome);
    }
    // ANCHOR_END: floor
  }

  program::write_outputs(settings, program::result_json(settings, history, outcome), network);
}

}  // namespace

int main(int argc, char** argv) {
  program::Settings settings;
  CLI::App app{"Chapter 2: the same network with tanh after every layer learns AND.", "ch02-tanh"};
  program::add_training_flags(app, settings);
  program::add_activation_flag(app, settings);
  program::add_dataset_flags(app, settings);
  return program::run_program(app, argc, argv, settings, [&] { run(settings); });
}
