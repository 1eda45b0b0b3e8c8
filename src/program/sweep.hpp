#pragma once
/// \file
/// Chapter 3's sweep: a grid of configurations, N networks each, trained by the Thrust trainer, and the
/// statistics that turn the forum anecdote into a measured fact.

#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "thrust_trainer/batched_job.hpp"
#include "nn/network.hpp"
#include "program/settings.hpp"

namespace nn {

/// The grid: every combination of these is one configuration.
struct SweepGrid {
  std::vector<std::string> activations{"none", "tanh"};  ///< --activations.
  std::vector<std::string> output_activations;           ///< --output-activations; empty: --output-activation's.
  std::vector<std::string> gates{"and"};                 ///< --gates.
  std::vector<float> lrs;                                ///< --lrs; empty: --lr.
  std::vector<std::string> layer_sets;                   ///< --grid-layers; empty: --layers.
};

/// One configuration's summary.
struct SweepRow {
  BatchedJob job;        ///< What was trained.
  BatchedResult result;  ///< What came back.
};

/// Adds --activations, --output-activations, --gates, --lrs and --grid-layers, each an error without `sweep` (the --sweep flag)
/// rather than silently ignored; a list with an empty item ("0.1,,0.2") is an error too.
/// Given --sweep, the grid chooses the activations: settings.grid_chooses_activations.
void add_sweep_flags(CLI::App& app, SweepGrid& grid, CLI::Option* sweep, Settings& settings);

/// One job per grid point, each with `networks` networks seeded from settings.train.seed upwards and the
/// settings' other values; throws InputError for an empty or malformed grid.
std::vector<BatchedJob> sweep_jobs(const Settings& settings, const SweepGrid& grid, std::int64_t networks);

/// The job that trains the network `settings` describe (its layers, activations, initialisation, inputs,
/// training and data), one network from settings.train.seed: chapter 2's run, for the Thrust trainer.
BatchedJob batched_job(const Settings& settings);

/// A grid's output activations, --output-activations' names parsed ("same" as none chosen), or, for none
/// given, the one entry "none chosen": each configuration then takes the settings' --output-activation.
std::vector<std::optional<Activation>> output_activation_axis(const std::vector<std::string>& names);

/// One configuration of a grid: the settings' job (batched_job) with these layers, this hidden activation
/// and, where chosen, this output activation; throws InputError for bce without a sigmoid output.
BatchedJob grid_job(const Settings& settings, const std::vector<int>& layers, const std::string& activation,
                    const std::optional<Activation>& output);

/// A job's activations as the tables print them: "tanh", or with `with_output` "tanh>sigmoid", the hidden
/// layers' activation, then the output's.
std::string activations_text(const BatchedJob& job, bool with_output);

/// A network's parameters in the Thrust trainer's order (layer by layer, weight rows, then bias).
std::vector<float> flatten_parameters(const Network& network);

/// The inverse of flatten_parameters.
Network network_from_parameters(const std::vector<int>& sizes, const Architecture& architecture,
                                const float* parameters);

/// A rate and its 95% interval, in percent: "41.9 [38.8, 45.0]". The interval is rounded outwards, so the
/// printed one always contains the computed one (0 of 65,536 prints [0.0, 0.1], not [0.0, 0.0]).
std::string rate_with_interval(std::int64_t count, std::int64_t networks);

/// [low, high] of the 95% Wilson interval of count / networks, as fractions.
nlohmann::json interval_json(std::int64_t count, std::int64_t networks);

/// Network-steps of one job: networks x epochs x batches per epoch.
double network_steps(const BatchedJob& job);

/// The results table (deterministic for given flags; no timings).
void print_sweep_results(std::ostream& out, const std::vector<SweepRow>& rows);

/// The timings table: seconds and network-steps per second per configuration (varies run to run).
void print_sweep_timings(std::ostream& out, const std::vector<SweepRow>& rows);

/// The sweep as JSON: settings, per configuration the summary, per-network results when there are at most
/// `per_network_limit` networks, and a "timing" object, the only part that varies between runs.
nlohmann::json sweep_json(const Settings& settings, const std::vector<SweepRow>& rows, std::int64_t per_network_limit);

}  // namespace nn
