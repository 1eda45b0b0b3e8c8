// Chapter 3: the same training with Thrust, on the GPU when there is one, then many networks at
// once.
//
// One network: chapter 2's flags plus --device, and the same table (or, with --dataset, the same
// point set and accuracies). A sweep (--sweep --networks N): N networks per configuration in one
// launch, network n from seed --seed + n, to count how often each configuration learns the gate.

#include <iostream>

#include "nn/network.hpp"
#include "program/grid.hpp"
#include "program/output_file.hpp"
#include "program/program.hpp"
#include "program/report.hpp"
#include "thrust_trainer/batched_job.hpp"

namespace {

struct Chapter3Flags {
  std::string device = "auto";
  bool sweep = false;
  program::Grid grid{.name = "a sweep",
                     .data_flag = "--gates",
                     .data = {nn::Gate::and_gate},
                     .activations = {nn::Activation::identity, nn::Activation::tanh}};
};

void train_one(const program::Settings& settings, nn::batched::Device device) {
  // ANCHOR: one
  // Chapter 2's network, data and training, as a job of one network for the Thrust trainer.
  nn::batched::BatchedJob job = program::batched_job(settings);
  if (!settings.load_weights.empty()) {
    job.initial_parameters = nn::flatten_parameters(program::starting_network(settings));
  }
  job.keep_history = job.keep_parameters = true;
  const nn::batched::BatchedResult result = nn::batched::train_batched(job, device);
  // Read back as chapter 2's network, judged as chapter 2's evaluate judges it.
  const nn::Network network = program::trained_network(job, result, 0);
  const nn::Outcome outcome = program::trained_outcome(job, result, 0);
  // ANCHOR_END: one
  if (!settings.quiet) {
    program::print_settings(std::cout, settings);
    std::cerr << "trained on " << result.device << " in " << result.seconds << " s\n";
    std::cout << "\n";
    program::print_outcome(std::cout, settings, outcome);
  }
  const nn::TrainHistory history = program::trained_history(job, result, 0);
  program::write_outputs(settings, program::result_json(settings, history, outcome), network);
}

void sweep(const program::Settings& settings, const program::Grid& grid,
           nn::batched::Device device) {
  // ANCHOR: sweep
  std::vector<program::GridRow> rows;
  for (const nn::batched::BatchedJob& job : program::grid_jobs(settings, grid)) {
    rows.push_back(program::grid_row(job, nn::batched::train_batched(job, device)));
  }
  // ANCHOR_END: sweep
  const program::GridTable table = program::sweep_table();
  if (!settings.quiet) {
    std::cout << "Sweep: " << grid.networks << " networks per configuration, seeds "
              << settings.train.seed << " upwards, " << settings.train.epochs << " epochs of "
              << settings.train.batches_per_epoch
              << (settings.train.full_batch ? " full-batch steps" : " batches") << "\n";
    program::print_grid(std::cout, table, rows);
    program::print_grid_timings(std::cerr, rows);
  }
  if (!settings.json.empty()) {
    const nlohmann::json document =
        program::grid_json(program::settings_json(settings), table, rows);
    program::write_file_atomically("--json", settings.json, program::json_text(document));
  }
}

}  // namespace

int main(int argc, char** argv) {
  program::Settings settings;
  Chapter3Flags flags;
  CLI::App app{"Chapter 3: train with Thrust on the GPU (or the CPU), one network or many at once.",
               "ch03-gpu"};
  program::add_training_flags(app, settings);
  program::add_activation_flag(app, settings);
  program::add_dataset_flags(app, settings);
  app.add_option("--device", flags.device, "Where to train: auto (the GPU if present), cuda or cpu")
      ->capture_default_str();
  CLI::Option* sweep_flag = program::add_switch(
      app, "--sweep", flags.sweep, "Train --networks networks for every configuration of the grid");
  program::add_whole_number_flag(app, "--networks", flags.grid.networks,
                                 "Sweep: networks per configuration, seeds --seed upwards")
      ->needs(sweep_flag);
  program::add_sweep_flags(app, flags.grid, sweep_flag, settings);
  return program::run_program(app, argc, argv, settings, [&] {
    const nn::batched::Device device = nn::batched::parse_device(flags.device);
    if (flags.sweep) {
      sweep(settings, flags.grid, device);
    } else {
      train_one(settings, device);
    }
  });
}
