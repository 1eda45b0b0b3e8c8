#pragma once
/// \file
/// Chapter 4's zoo: every activation on every data set, many networks each, summarised one row a
/// configuration: how many learned, the median final loss, the median epoch by which they had learned, the
/// share of hidden units that ended dead and the networks whose output unit ended dead.

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "program/settings.hpp"
#include "thrust_trainer/batched_job.hpp"

namespace nn {

/// The zoo's grid, from its flags.
struct ZooGrid {
  std::vector<std::string> activations;  ///< --activations; empty: all of them.
  std::vector<std::string> output_activations;  ///< --output-activations; empty: --output-activation's.
  std::vector<std::string> datasets;     ///< --datasets: point sets or gates; empty: the five point sets.
  std::vector<std::string> layer_sets;   ///< --grid-layers; empty: --layers.
  int train_points = 200;                ///< --train-points: each point set's training points.
  int test_points = 200;                 ///< --test-points: each point set's held-out test points.
};

/// One configuration's summary.
struct ZooRow {
  BatchedJob job;                               ///< What was trained.
  BatchedResult result;                         ///< What came back.
  std::optional<double> median_learned_epoch;   ///< Over the networks that learned; none if none did.
  double dead_share = 0.0;                      ///< Dead hidden units / all hidden units, over the networks.
  std::int64_t dead_output = 0;                 ///< Networks whose output unit is dead on their training inputs.
  std::int64_t dead_output_not_learned = 0;     ///< Of those, the ones that did not learn.
};

/// Adds --activations, --output-activation, --output-activations, --datasets and --grid-layers (each a
/// comma-separated list; --grid-layers repeats), --output-activation bound to settings.
void add_zoo_flags(CLI::App& app, ZooGrid& grid, Settings& settings);

/// One job per grid point, `networks` networks each, seeds settings.train.seed upwards; throws InputError for
/// an empty or unknown item, point counts below 1, or a shape the Thrust trainer does not take.
std::vector<BatchedJob> zoo_jobs(const Settings& settings, const ZooGrid& grid, std::int64_t networks);

/// The row for a trained job (which kept its parameters and learned epochs): medians, and the dead units,
/// hidden and output, counted on each network's own training inputs (count_dead_units).
ZooRow zoo_row(const BatchedJob& job, BatchedResult result);

/// The results table (deterministic for given flags; no timings).
void print_zoo(std::ostream& out, const std::vector<ZooRow>& rows);

/// The zoo as JSON: settings and one object a configuration; "timing" is the only part that varies.
nlohmann::json zoo_json(const Settings& settings, const ZooGrid& grid, const std::vector<ZooRow>& rows);

}  // namespace nn
