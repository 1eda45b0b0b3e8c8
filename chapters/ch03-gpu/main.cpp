// Chapter 3: the same training with Thrust, on the GPU when there is one, and then many networks at once.
//
// One network: chapter 2's flags plus --device, and the same table (or, with --dataset, the same point set
// and accuracies). A sweep (--sweep --networks N): N networks per configuration in one launch, network n
// from seed --seed + n, to count how often each configuration learns the gate.

#include <iostream>

#include "nn/data.hpp"
#include "nn/error.hpp"
#include "thrust_trainer/batched_job.hpp"
#include "program/output_file.hpp"
#include "program/program.hpp"
#include "program/report.hpp"
#include "program/sweep.hpp"

namespace {

struct Chapter3Flags {
  std::string device = "auto";
  bool sweep = false;
  std::int64_t networks = 1000;
  nn::SweepGrid grid;
};

// Per-network results go into the sweep's JSON up to this many networks per configuration.
constexpr std::int64_t per_network_json_limit = 4096;

// One network on a point set, reported as chapter 2 reports it: network 0 of a job trains on the split of
// seed --seed, chapter 2's.
void report_point_set(const nn::Settings& settings, const nn::BatchedResult& result,
                      const nn::TrainHistory& history, const nn::Network& network) {
  const nn::PointSetOutcome outcome{{result.train_right[0], settings.train_points},
                                    {result.test_right[0], settings.test_points},
                                    result.final_loss[0],
                                    result.test_loss[0],
                                    result.learned[0] == 1};
  if (!settings.quiet) {
    nn::print_settings(std::cout, settings);
    std::cerr << "trained on " << result.device << " in " << result.seconds << " s\n";
    std::cout << "\n";
    nn::print_point_set_outcome(std::cout, settings, outcome);
  }
  nn::write_outputs(settings, nn::point_set_result_json(settings, history, outcome), network);
}

void train_one(const nn::Settings& settings, nn::Device device) {
  // ANCHOR: one
  nn::BatchedJob job = nn::batched_job(settings);  // chapter 2's network, data and training
  if (!settings.load_weights.empty()) {
    job.initial_parameters = nn::flatten_parameters(nn::starting_network(settings));
  }
  job.keep_history = job.keep_parameters = true;
  const nn::BatchedResult result = nn::train_batched(job, device);
  const nn::Network network =
      nn::network_from_parameters(settings.layers, settings.architecture(), result.parameters.data());
  // ANCHOR_END: one
  const nn::TrainHistory history{result.train_loss_history, result.table_loss_history};
  if (settings.point_set) return report_point_set(settings, result, history, network);

  const nn::Outcome outcome{{result.predictions[0], result.predictions[1], result.predictions[2],
                             result.predictions[3]},
                            nn::truth_table_targets(settings.train.gate), result.final_loss[0],
                            result.final_l1_loss[0], result.learned[0] == 1};
  if (!settings.quiet) {
    nn::print_settings(std::cout, settings);
    std::cerr << "trained on " << result.device << " in " << result.seconds << " s\n";
    std::cout << "\n";
    nn::print_outcome(std::cout, settings, outcome);
  }
  nn::write_outputs(settings, nn::result_json(settings, history, outcome), network);
}

void sweep(const nn::Settings& settings, const Chapter3Flags& flags, nn::Device device) {
  if (!settings.save_weights.empty() || !settings.load_weights.empty()) {
    throw nn::InputError(
        "--save-weights and --load-weights train one network; a sweep draws each from its seed");
  }
  if (settings.point_set) {
    throw nn::InputError("--sweep counts the gates (--gates); ch04-zoo sweeps the point sets (--datasets)");
  }
  // ANCHOR: sweep
  std::vector<nn::SweepRow> rows;
  for (const nn::BatchedJob& job : nn::sweep_jobs(settings, flags.grid, flags.networks)) {
    rows.push_back({job, nn::train_batched(job, device)});
  }
  // ANCHOR_END: sweep
  if (!settings.quiet) {
    std::cout << "Sweep: " << flags.networks << " networks per configuration, seeds " << settings.train.seed
              << " upwards, " << settings.train.epochs << " epochs of " << settings.train.batches_per_epoch
              << (settings.train.full_batch ? " full-batch steps" : " batches") << "\n";
    nn::print_sweep_results(std::cout, rows);
    nn::print_sweep_timings(std::cerr, rows);
  }
  if (!settings.json.empty()) {
    const nlohmann::json document = nn::sweep_json(settings, rows, per_network_json_limit);
    nn::write_file_atomically("--json", settings.json, nn::json_text(document));
  }
}

}  // namespace

int main(int argc, char** argv) {
  nn::Settings settings;
  Chapter3Flags flags;
  CLI::App app{"Chapter 3: train with Thrust on the GPU (or the CPU), one network or many at once.",
               "ch03-gpu"};
  nn::add_training_flags(app, settings);
  nn::add_activation_flag(app, settings);
  nn::add_dataset_flags(app, settings);
  app.add_option("--device", flags.device, "Where to train: auto (the GPU if present), cuda or cpu")
      ->capture_default_str();
  CLI::Option* sweep_flag =
      nn::add_switch(app, "--sweep", flags.sweep,
                     "Train --networks networks for every configuration of the grid");
  nn::add_whole_number_flag(app, "--networks", flags.networks,
                            "Sweep: networks per configuration, seeds --seed upwards")
      ->needs(sweep_flag);
  nn::add_sweep_flags(app, flags.grid, sweep_flag, settings);
  return nn::run_program(app, argc, argv, settings, [&] {
    const nn::Device device = nn::parse_device(flags.device);
    if (flags.sweep) {
      sweep(settings, flags, device);
    } else {
      train_one(settings, device);
    }
  });
}
