#pragma once
/// \file
/// Many networks for every configuration of a grid (layer sets x data sets x learning rates x activations x
/// output activations), trained by the Thrust trainer, and the statistics that turn an anecdote into a
/// measured fact. Chapter 3's sweep is the grid over the gates; chapter 4's zoo the grid over the activations
/// and the point sets. Both make their jobs, rows, tables and JSON here; they differ in their flags, their
/// defaults and the columns their tables show.

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "nn/network.hpp"
#include "nn/outcome.hpp"
#include "program/settings.hpp"
#include "thrust_trainer/batched_job.hpp"

namespace program {

/// The grid: every combination of its lists is one configuration, trained `networks` times.
struct Grid {
  std::string name{};                     ///< "a sweep", "the zoo": what its refusals call it.
  std::string data_flag{};                ///< "--gates", "--datasets": the flag that lists its data.
  std::vector<std::string> layer_sets{};  ///< --grid-layers, each as given; empty: --layers (or --depths).
  std::vector<int> depths{};              ///< --depths: hidden layers of `width` units, 2,width,...,width,1;
                                          ///< empty: layer_sets.
  int width = 8;                          ///< --width: units in each of the --depths' hidden layers.
  std::vector<std::variant<nn::Gate, nn::PointSet>> data{};  ///< --gates or --datasets.
  int train_points = 200;                                    ///< Each point set's training points.
  int test_points = 200;                                     ///< Each point set's held-out test points.
  std::vector<float> lrs{};                                  ///< --lrs; empty: --lr.
  std::vector<nn::Activation> activations{};                 ///< --activations.
  std::vector<std::optional<nn::Activation>>
      output_activations{};                      ///< --output-activations; empty: the settings'.
  std::vector<std::optional<nn::Init>> inits{};  ///< --inits; empty: the settings'. None: each activation's
                                                 ///< own rule (nn::matched_init), "matched".
  std::int64_t networks = 1000;                  ///< --networks: networks per configuration.
  bool measures_learned_epochs = false;          ///< Keep the epoch each network first met the rule.
  bool counts_dead_units = false;                ///< Keep the trained parameters, to count dead units.
};

/// Adds chapter 3's grid flags, each an error without `sweep` (the --sweep flag) rather than silently
/// ignored:
/// --activations, --output-activations, --gates, --lrs and --grid-layers. Given --sweep, the grid chooses
/// the activations (settings.grid_chooses_activations).
void add_sweep_flags(CLI::App& app, Grid& grid, CLI::Option* sweep, Settings& settings);

/// Adds chapter 4's grid flags: --activations, --output-activation (bound to settings), --output-activations,
/// --datasets, --grid-layers, --train-points and --test-points.
void add_zoo_flags(CLI::App& app, Grid& grid, Settings& settings);

/// Adds chapter 5's grid flags: the zoo's, with --depths and --width in place of --grid-layers, and --inits.
void add_depth_flags(CLI::App& app, Grid& grid, Settings& settings);

/// The job that trains the network `settings` describe (its layers, activations, initialisation, inputs,
/// data and training), one network from settings.train.seed: chapter 2's run, for the Thrust trainer.
nn::batched::BatchedJob batched_job(const Settings& settings);

/// One job per configuration, grid.networks networks each, seeds settings.train.seed upwards and the
/// settings' other values; throws InputError for a grid it cannot train (weights files, --gate or --dataset
/// beside the grid's own data, no networks, a shape the Thrust trainer does not take, a learning rate not >
/// 0, bce without a sigmoid output).
std::vector<nn::batched::BatchedJob> grid_jobs(const Settings& settings, const Grid& grid);

/// Network n of a trained job that kept its parameters, as chapter 2's network.
nn::Network trained_network(const nn::batched::BatchedJob& job, const nn::batched::BatchedResult& result,
                            std::int64_t n);

/// Network n of a trained job judged as chapter 2 judges its network (evaluate), from what the Thrust trainer
/// returned: its outputs on the truth table (a gate) or its accuracies (a point set), its losses and whether
/// it learned.
nn::Outcome trained_outcome(const nn::batched::BatchedJob& job, const nn::batched::BatchedResult& result,
                            std::int64_t n);

/// Network n of a trained job's loss curves (where it kept its history) and layer traces (where it traced),
/// as chapter 2's nn::train returns them.
nn::TrainHistory trained_history(const nn::batched::BatchedJob& job, const nn::batched::BatchedResult& result,
                                 std::int64_t n);

/// The medians over a row's networks of each layer's statistics after one traced epoch (nn::LayerTrace).
struct LayerTraceMedians {
  int epoch = 0;                                     ///< Epochs trained (0: at initialisation).
  std::vector<double> gradient_norms{};              ///< Per layer, first layer first, the output layer last.
  std::vector<double> mean_abs_activations{};        ///< Likewise.
  std::vector<double> stalled_shares{};              ///< Likewise.
  double first_to_last_hidden_gradient_ratio = 0.0;  ///< The median of each network's ratio.
  double hidden_stalled_share = 0.0;  ///< The median of each network's share of stalled (row, unit) pairs
                                      ///< over its hidden layers.
};

/// One configuration's networks, trained and summarised.
struct GridRow {
  nn::batched::BatchedJob job;        ///< What was trained.
  nn::batched::BatchedResult result;  ///< What came back.
  std::optional<double>
      median_learned_epoch;      ///< If measured: over the networks that learned; none if none did.
  double dead_share = 0.0;       ///< If counted: dead hidden units / all hidden units.
  std::int64_t dead_output = 0;  ///< If counted: networks whose output unit is dead on their
                                 ///< training inputs.
  std::int64_t dead_output_not_learned = 0;      ///< Of those, the ones that did not learn.
  std::vector<LayerTraceMedians> layer_trace{};  ///< If traced: one entry per traced epoch.
};

/// The row for a trained job: the median learned epoch where the job kept learned epochs, and where it kept
/// its parameters the dead units, hidden and output, counted on each network's own training rows
/// (count_dead_units), and where it traced its layers the medians of their statistics.
GridRow grid_row(const nn::batched::BatchedJob& job, nn::batched::BatchedResult result);

/// What one column of a grid's table and JSON says about a row.
enum class GridColumn {
  layers,            ///< The layer sizes.
  depth,             ///< The hidden layers and their width: "8x16".
  init,              ///< The rule that drew the starting weights.
  activation,        ///< The hidden layers' activation, or "hidden>output" where a row names its output's.
  gate,              ///< The data set, in a column four wide ("gate").
  dataset,           ///< The data set, in a column ten wide ("dataset").
  lr,                ///< The learning rate.
  learned,           ///< How many learned, with the rate's 95% interval.
  rounds_correctly,  ///< How many got every training row right when rounded, whatever their loss.
  final_loss,        ///< The median and the worst final loss.
  median_loss,       ///< The median final loss.
  learned_epoch,     ///< The median epoch by which the networks that learned had met the rule.
  dead_units,        ///< The share of hidden units that ended dead.
  dead_output,       ///< The networks whose output unit ended dead, and how many of them did not learn.
  gradient_ratio,    ///< At initialisation, the median first-to-last hidden gradient ratio (needs a trace at
                     ///< 0).
  stalled_share,     ///< After training, the median share of hidden (row, unit) pairs with a stalled slope.
};

/// A column with its part of the table's two header lines.
struct TableColumn {
  GridColumn column;  ///< What it shows.
  const char* group;  ///< Its part of the first header line (a group's title above its columns).
  const char* title;  ///< Its part of the second.
};

/// A table of grid rows: what it says above the header, and its columns.
struct GridTable {
  std::string legend;                ///< The lines that define the columns' terms.
  std::vector<TableColumn> columns;  ///< Left to right.
  std::int64_t per_network_limit;    ///< JSON: per-network results for configurations of at most this many.
};

/// Chapter 3's table: layers, activation, gate, lr, learned, rounds correctly, final loss.
GridTable sweep_table();

/// Chapter 4's table: layers, activation, dataset, learned, median loss, learned epoch, dead units and
/// outputs.
GridTable zoo_table();

/// Chapter 5's table: depth, activation, init, dataset, learned, median loss, the gradient ratio at
/// initialisation, and the stalled and dead shares after training.
GridTable depth_table();

/// The rows as `table` lays them out (deterministic for given flags; no timings).
void print_grid(std::ostream& out, const GridTable& table, const std::vector<GridRow>& rows);

/// The timings: seconds and network-steps per second per configuration (varies run to run).
void print_grid_timings(std::ostream& out, const std::vector<GridRow>& rows);

/// The grid as JSON: `settings` (as the chapter describes them), one object a configuration with the table's
/// columns, per-network results up to the table's limit, and a "timing" array, the only part that varies.
nlohmann::json grid_json(const nlohmann::json& settings, const GridTable& table,
                         const std::vector<GridRow>& rows);

/// A job's activations as the tables print them: "tanh", or with `with_output` "tanh>sigmoid", the hidden
/// layers' activation, then the output's.
std::string activations_text(const nn::batched::BatchedJob& job, bool with_output);

/// A rate and its 95% interval, in percent: "41.9 [38.8, 45.0]". The interval is rounded outwards, so the
/// printed one always contains the computed one (0 of 65,536 prints [0.0, 0.1], not [0.0, 0.0]).
std::string rate_with_interval(std::int64_t count, std::int64_t networks);

/// [low, high] of the 95% Wilson interval of count / networks, as fractions.
nlohmann::json interval_json(std::int64_t count, std::int64_t networks);

/// Network-steps of one job: networks x epochs x batches per epoch.
double network_steps(const nn::batched::BatchedJob& job);

}  // namespace program
