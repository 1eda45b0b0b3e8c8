// Chapter 2: the same network with tanh after every layer learns AND.
//
// One change from chapter 1: an activation between the layers, so they no longer multiply out into one
// linear map. --activation none brings chapter 1's network back for comparison.

#include <iostream>

#include "nn/network.hpp"
#include "nn/outcome.hpp"
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
    // ANCHOR: floor
    // Without an activation the network is linear again, and chapter 1's floor applies.
    if (settings.activation == nn::Activation::identity) {
      std::cout << "\n";
      nn::print_floor(std::cout, config.gate, config.loss, outcome);
    }
    // ANCHOR_END: floor
  }

  nn::write_outputs(settings, nn::result_json(settings, history, outcome), network);
}

}  // namespace

int main(int argc, char** argv) {
  nn::Settings settings;
  CLI::App app{"Chapter 2: the same network with tanh after every layer learns AND.", "ch02-tanh"};
  nn::add_training_flags(app, settings);
  nn::add_activation_flag(app, settings);
  return nn::run_program(app, argc, argv, settings, [&] { run(settings); });
}
