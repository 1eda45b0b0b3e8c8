// Chapter 5: deeper networks. Each activation at each depth (hidden layers of --width units), from
// PyTorch's starting weights and from the rule made for the activation, many networks each (network
// n from seed --seed + n, as chapter 2 trains it), with the Thrust trainer.
//
// Per configuration: how many networks learned, the median final loss, how much smaller the first
// hidden layer's gradient is than the last's at initialisation, and, after training, the share of
// hidden units' slopes that had stalled and of hidden units that had died.

#include <algorithm>
#include <iostream>

#include "nn/point_sets.hpp"
#include "program/grid.hpp"
#include "program/output_file.hpp"
#include "program/program.hpp"

namespace {

struct DepthFlags {
  std::string device = "auto";
  program::Grid grid{
      .name = "the depth grid",
      .data_flag = "--datasets",
      .depths = {1, 2, 4, 6, 8},
      .width = 8,
      .data = {nn::PointSet::ring},
      .activations = {nn::Activation::sigmoid, nn::Activation::tanh, nn::Activation::relu,
                      nn::Activation::leaky_relu, nn::Activation::gelu},
      .inits = {nn::Init::pytorch, std::nullopt},  // none: the matched rule
      .networks = 32,
      .counts_dead_units = true};
};

// Chapter 4's training (full-batch MSE with Adam, 40 epochs of 10 steps) with a linear output, so
// that the output unit can neither saturate nor die and what is measured is the hidden layers.
program::Settings chapter5_defaults() {
  program::Settings settings;
  settings.output_activation = nn::Activation::identity;
  settings.train.loss = nn::Loss::mse;
  settings.train.lr = 0.05f;
  settings.train.full_batch = true;
  settings.train.epochs = 40;
  settings.train.batches_per_epoch = 10;
  settings.grid_chooses_activations = true;  // --activations and --output-activations
  return settings;
}

// The settings as the JSON states them: the grid chooses the layers, the activations, the
// initialisation and the data, per row, and the grid refuses weights files.
nlohmann::json described_settings(const program::Settings& settings, const program::Grid& grid) {
  nlohmann::json described = program::settings_json(settings);
  for (const char* chosen_per_row :
       {"layers", "activation", "init", "gate", "load_weights", "save_weights"}) {
    described.erase(chosen_per_row);
  }
  described["width"] = grid.width;
  described["trace_epochs"] = settings.train.trace_epochs;
  described["train_points"] = grid.train_points;
  described["test_points"] = grid.test_points;
  return described;
}

// Every layer's statistics before the first step and after the last, on each network's training
// points, with any epochs --trace-epochs adds.
std::vector<int> traced_epochs(const nn::TrainConfig& train) {
  std::vector<int> epochs = train.trace_epochs;
  epochs.insert(epochs.end(), {0, train.epochs});
  std::sort(epochs.begin(), epochs.end());
  epochs.erase(std::unique(epochs.begin(), epochs.end()), epochs.end());
  return epochs;
}

void run(program::Settings settings, const DepthFlags& flags) {
  const nn::batched::Device device = nn::batched::parse_device(flags.device);
  settings.train.trace_epochs = traced_epochs(settings.train);
  // ANCHOR: depth
  std::vector<program::GridRow> rows;
  for (const nn::batched::BatchedJob& job : program::grid_jobs(settings, flags.grid)) {
    rows.push_back(program::grid_row(job, nn::batched::train_batched(job, device)));
  }
  // ANCHOR_END: depth
  const program::GridTable table = program::depth_table();
  if (!settings.quiet) {
    std::cout << "Depth: " << flags.grid.networks << " networks per configuration, seeds "
              << settings.train.seed << " upwards, " << settings.train.epochs << " epochs of "
              << settings.train.batches_per_epoch
              << (settings.train.full_batch ? " full-batch steps" : " batches") << ", "
              << nn::loss_name(settings.train.loss) << " loss, lr " << settings.train.lr << "\n";
    program::print_grid(std::cout, table, rows);
  }
  if (!settings.json.empty()) {
    const nlohmann::json document =
        program::grid_json(described_settings(settings, flags.grid), table, rows);
    program::write_file_atomically("--json", settings.json, program::json_text(document));
  }
}

}  // namespace

int main(int argc, char** argv) {
  program::Settings settings = chapter5_defaults();
  DepthFlags flags;
  CLI::App app{
      "Chapter 5: each activation at each depth and initialisation, many networks each, "
      "with the Thrust trainer.",
      "ch05-depth"};
  program::add_training_flags(app, settings);
  app.add_option("--device", flags.device, "Where to train: auto (the GPU if present), cuda or cpu")
      ->capture_default_str();
  program::add_whole_number_flag(app, "--networks", flags.grid.networks,
                                 "Networks per configuration, seeds --seed upwards");
  program::add_depth_flags(app, flags.grid, settings);
  // The grid chooses the layers (--depths, --width) and the starting weights (--inits).
  app.remove_option(app.get_option("--layers"));
  app.remove_option(app.get_option("--init"));
  app.get_option("--activations")->default_str("sigmoid,tanh,relu,leaky-relu,gelu");
  app.get_option("--output-activation")->default_str("none");
  app.get_option("--datasets")->default_str("ring");
  return program::run_program(app, argc, argv, settings, [&] { run(settings, flags); });
}
