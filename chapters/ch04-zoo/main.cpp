// Chapter 4: which activations work, measured. Every activation on every data set, many networks
// each (network n from seed --seed + n, as chapter 2 trains it), with the Thrust trainer.
//
// Per configuration: how many networks learned, the median final loss, the median epoch by which
// they had learned, and the share of hidden units, and the output units, that ended dead.

#include <iostream>

#include "nn/point_sets.hpp"
#include "program/grid.hpp"
#include "program/output_file.hpp"
#include "program/program.hpp"

namespace {

struct ZooFlags {
  std::string device = "auto";
  program::Grid grid{.name = "the zoo",
                     .data_flag = "--datasets",
                     .data = {nn::all_point_sets.begin(), nn::all_point_sets.end()},
                     .activations = nn::all_activations(),
                     .networks = 64,
                     .measures_learned_epochs = true,
                     .counts_dead_units = true};
};

// The chapter's standard training, the one its page uses for one network per activation: full-batch
// MSE with Adam on a 2,8,1 network, shorter than the page's so that the defaults finish within a
// minute on two CPU cores.
program::Settings chapter4_defaults() {
  program::Settings settings;
  settings.layers = {2, 8, 1};
  settings.train.loss = nn::Loss::mse;
  settings.train.lr = 0.05f;
  settings.train.full_batch = true;
  settings.train.epochs = 40;
  settings.train.batches_per_epoch = 10;
  settings.grid_chooses_activations = true;  // --activations and --output-activations
  return settings;
}

// The settings as the zoo's JSON states them: the grid chooses the activations and the data, per
// row, and the zoo refuses weights files.
nlohmann::json described_settings(const program::Settings& settings, const program::Grid& grid) {
  nlohmann::json described = program::settings_json(settings);
  for (const char* chosen_per_row : {"activation", "gate", "load_weights", "save_weights"}) {
    described.erase(chosen_per_row);
  }
  described["train_points"] = grid.train_points;
  described["test_points"] = grid.test_points;
  return described;
}

void run(const program::Settings& settings, const ZooFlags& flags) {
  const nn::batched::Device device = nn::batched::parse_device(flags.device);
  // ANCHOR: zoo
  std::vector<program::GridRow> rows;
  for (const nn::batched::BatchedJob& job : program::grid_jobs(settings, flags.grid)) {
    rows.push_back(program::grid_row(job, nn::batched::train_batched(job, device)));
  }
  // ANCHOR_END: zoo
  const program::GridTable table = program::zoo_table();
  if (!settings.quiet) {
    std::cout << "Zoo: " << flags.grid.networks << " networks per configuration, seeds "
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
  program::Settings settings = chapter4_defaults();
  ZooFlags flags;
  CLI::App app{
      "Chapter 4: every activation on every data set, many networks each, with the Thrust trainer.",
      "ch04-zoo"};
  program::add_training_flags(app, settings);
  app.add_option("--device", flags.device, "Where to train: auto (the GPU if present), cuda or cpu")
      ->capture_default_str();
  program::add_whole_number_flag(app, "--networks", flags.grid.networks,
                                 "Networks per configuration, seeds --seed upwards");
  program::add_zoo_flags(app, flags.grid, settings);
  return program::run_program(app, argc, argv, settings, [&] { run(settings, flags); });
}
