// Chapter 4: which activations work, measured. Every activation on every data set, many networks each
// (network n from seed --seed + n, as chapter 2 trains it with that seed), with the Thrust trainer.
//
// Per configuration: how many networks learned, the median final loss, the median epoch by which they had
// learned, and for ReLU-like activations the share of hidden units that ended dead.

#include <iostream>

#include "program/output_file.hpp"
#include "program/program.hpp"
#include "program/zoo.hpp"

namespace {

struct ZooFlags {
  std::string device = "auto";
  std::int64_t networks = 64;
  nn::ZooGrid grid;
};

// The chapter's standard training, the one its page uses for one network per activation: full-batch MSE
// with Adam on a 2,8,1 network, shorter than the page's so that the defaults finish within a minute on two
// CPU cores.
nn::Settings chapter4_defaults() {
  nn::Settings settings;
  settings.layers = {2, 8, 1};
  settings.train.loss = nn::Loss::mse;
  settings.train.lr = 0.05f;
  settings.train.full_batch = true;
  settings.train.epochs = 40;
  settings.train.batches_per_epoch = 10;
  settings.grid_chooses_activations = true;  // --activations and --output-activations
  return settings;
}

void run(const nn::Settings& settings, const ZooFlags& flags) {
  const nn::Device device = nn::parse_device(flags.device);
  // ANCHOR: zoo
  std::vector<nn::ZooRow> rows;
  for (const nn::BatchedJob& job : nn::zoo_jobs(settings, flags.grid, flags.networks)) {
    rows.push_back(nn::zoo_row(job, nn::train_batched(job, device)));
  }
  // ANCHOR_END: zoo
  if (!settings.quiet) {
    std::cout << "Zoo: " << flags.networks << " networks per configuration, seeds " << settings.train.seed
              << " upwards, " << settings.train.epochs << " epochs of " << settings.train.batches_per_epoch
              << (settings.train.full_batch ? " full-batch steps" : " batches") << ", "
              << nn::loss_name(settings.train.loss) << " loss, lr " << settings.train.lr << "\n";
    nn::print_zoo(std::cout, rows);
  }
  if (!settings.json.empty()) {
    nn::write_file_atomically("--json", settings.json, nn::json_text(nn::zoo_json(settings, flags.grid, rows)));
  }
}

}  // namespace

int main(int argc, char** argv) {
  nn::Settings settings = chapter4_defaults();
  ZooFlags flags;
  CLI::App app{"Chapter 4: every activation on every data set, many networks each, with the Thrust trainer.",
               "ch04-zoo"};
  nn::add_training_flags(app, settings);
  nn::add_whole_number_flag(app, "--train-points", flags.grid.train_points, "A point set's training points, > 0");
  nn::add_whole_number_flag(app, "--test-points", flags.grid.test_points, "A point set's held-out test points, > 0");
  app.add_option("--device", flags.device, "Where to train: auto (the GPU if present), cuda or cpu")
      ->capture_default_str();
  nn::add_whole_number_flag(app, "--networks", flags.networks, "Networks per configuration, seeds --seed upwards");
  nn::add_zoo_flags(app, flags.grid, settings);
  return nn::run_program(app, argc, argv, settings, [&] { run(settings, flags); });
}
