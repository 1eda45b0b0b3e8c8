#include "program/grid.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <sstream>

#include "nn/data.hpp"
#include "nn/dead_units.hpp"
#include "nn/error.hpp"
#include "nn/initialisation.hpp"
#include "nn/layer_trace.hpp"
#include "nn/loss.hpp"
#include "nn/point_sets.hpp"
#include "nn/sizes_text.hpp"
#include "program/report.hpp"
#include "program/wilson_interval.hpp"
#include "thrust_trainer/network_shape.hpp"

namespace program {

// The core's names, which the plumbing reads and prints throughout.
using namespace nn;
using namespace nn::batched;

namespace {

using Texts = std::vector<std::string>;

// Whether `item`, whole, is a number, as std::from_chars reads one. Emscripten's libc++ (the book's in-page
// build) has no floating-point from_chars; there, strtof in the C locale, refused first where it would accept
// more than from_chars does: leading spaces, a "+", hexadecimal.
bool parse_number(const std::string& item, float& value) {
#if defined(__cpp_lib_to_chars)
  const char* end = item.data() + item.size();
  const auto [stop, error] = std::from_chars(item.data(), end, value);
  return error == std::errc() && stop == end;
#else
  if (item.empty() || item.find_first_of(" \t\n\v\f\r+xXpP") != std::string::npos) return false;
  char* stop = nullptr;
  errno = 0;
  value = std::strtof(item.c_str(), &stop);
  return errno == 0 && stop == item.c_str() + item.size();
#endif
}

// --lrs's items as numbers: the whole item, no spaces or "+" (finite and > 0 is checked with the grid).
std::vector<float> parse_lrs(const Texts& texts) {
  std::vector<float> lrs;
  for (const std::string& item : list_items("--lrs", texts)) {
    float lr = 0.0f;
    if (!parse_number(item, lr)) {
      throw InputError("--lrs must be comma-separated numbers such as 0.1,0.01, got '" + item + "'");
    }
    lrs.push_back(lr);
  }
  return lrs;
}

std::vector<Activation> parse_activations(const Texts& texts) {
  std::vector<Activation> activations;
  for (const std::string& name : list_items("--activations", texts))
    activations.push_back(parse_activation(name));
  return activations;
}

std::vector<std::optional<Activation>> parse_output_activations(const Texts& texts) {
  std::vector<std::optional<Activation>> outputs;
  for (const std::string& name : list_items("--output-activations", texts)) {
    outputs.push_back(parse_output_activation(name));
  }
  return outputs;
}

// --grid-layers, --output-activations and --activations, as both chapters take them (`prefix` begins their
// help).
void add_common_grid_flags(CLI::App& app, Grid& grid, const std::string& prefix,
                           const std::string& activations_default, const std::string& layers_example,
                           CLI::Option* needs) {
  const auto needing = [needs](CLI::Option* option) { return needs ? option->needs(needs) : option; };
  needing(app.add_option_function<Texts>(
                 "--activations",
                 [&grid](const Texts& texts) { grid.activations = parse_activations(texts); },
                 prefix + "activations after the hidden layers to compare, any of " + activation_names_text())
              ->default_str(activations_default));
  needing(app.add_option_function<Texts>(
      "--output-activations",
      [&grid](const Texts& texts) { grid.output_activations = parse_output_activations(texts); },
      prefix +
          "activations after the output layer, each with every --activations (default: --output-activation, "
          "or each configuration's --activations)"));
  needing(app.add_option(
      "--grid-layers", grid.layer_sets,
      prefix + "layer sizes, repeat the flag for each (e.g. " + layers_example + "; default: --layers)"));
}

// The median of `values` (the mean of the middle two for an even count); none when there are none.
std::optional<double> median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const std::size_t middle = values.size() / 2;
  return values.size() % 2 == 1 ? values[middle] : 0.5 * (values[middle - 1] + values[middle]);
}

std::string optional_text(const std::optional<double>& value, const char* format) {
  if (!value) return "-";
  char text[32];
  std::snprintf(text, sizeof text, format, *value);
  return text;
}

nlohmann::json optional_json(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// Whether any row names its output activation: then the tables and JSON say it, row by row; otherwise (the
// demo's design, the activation after every layer) they stay as they were.
bool names_output_activations(const std::vector<GridRow>& rows) {
  return std::any_of(rows.begin(), rows.end(),
                     [](const GridRow& row) { return row.job.output_activation.has_value(); });
}

// The activation column: ten wide, or 21 where it holds "hidden>output"; the header's titles widen with it.
constexpr int narrow_activation_width = 10;
constexpr int wide_activation_width = 21;

std::string printed(const char* format, auto... values) {
  char text[256];
  std::snprintf(text, sizeof text, format, values...);
  return text;
}

// The row's medians after `epochs` epochs, if it traced then.
const LayerTraceMedians* traced_after(const GridRow& row, int epochs) {
  for (const LayerTraceMedians& medians : row.layer_trace) {
    if (medians.epoch == epochs) return &medians;
  }
  return nullptr;
}

std::optional<double> gradient_ratio_at_start(const GridRow& row) {
  const LayerTraceMedians* start = traced_after(row, 0);
  return start ? std::optional<double>(start->first_to_last_hidden_gradient_ratio) : std::nullopt;
}

std::optional<double> stalled_share_at_end(const GridRow& row) {
  const LayerTraceMedians* end = traced_after(row, row.job.train.epochs);
  return end ? std::optional<double>(end->hidden_stalled_share) : std::nullopt;
}

// "8x16": the hidden layers and their width, or the sizes where the widths differ; "0" without hidden layers.
std::string depth_text(const std::vector<int>& layers) {
  const std::vector<int> hidden(layers.begin() + 1, layers.end() - 1);
  if (hidden.empty()) return "0";
  if (std::adjacent_find(hidden.begin(), hidden.end(), std::not_equal_to<>()) != hidden.end())
    return sizes_text(layers);
  return std::to_string(hidden.size()) + "x" + std::to_string(hidden.front());
}

std::string cell(GridColumn column, const GridRow& row, int activation_width, bool with_output) {
  const BatchedJob& job = row.job;
  const BatchedResult& result = row.result;
  const auto count = [](std::int64_t value) { return static_cast<long long>(value); };
  switch (column) {
    case GridColumn::layers:
      return printed("%-9s ", sizes_text(job.layers).c_str());
    case GridColumn::activation:
      return printed("%-*s ", activation_width, activations_text(job, with_output).c_str());
    case GridColumn::gate:
      return printed("%-4s ", data_name(job.data).c_str());
    case GridColumn::dataset:
      return printed("%-10s ", data_name(job.data).c_str());
    case GridColumn::lr:
      return printed("%-6g  ", static_cast<double>(job.train.lr));
    case GridColumn::learned:
      return printed("%7lld %s  ", count(result.learned_count),
                     rate_with_interval(result.learned_count, job.networks).c_str());
    case GridColumn::rounds_correctly:
      return printed("%7lld %s  ", count(result.rounds_correctly_count),
                     rate_with_interval(result.rounds_correctly_count, job.networks).c_str());
    case GridColumn::final_loss:
      return printed("%8s %7s", fixed4(result.median_final_loss).c_str(),
                     fixed4(result.worst_final_loss).c_str());
    case GridColumn::median_loss:
      return printed("%7s ", fixed4(result.median_final_loss).c_str());
    case GridColumn::learned_epoch:
      return printed("%7s ", optional_text(row.median_learned_epoch, "%.1f").c_str());
    case GridColumn::dead_units:
      return printed("%5s ", optional_text(row.dead_share * 100.0, "%.0f%%").c_str());
    case GridColumn::dead_output:
      return printed("%4lld/%-4lld", count(row.dead_output), count(row.dead_output_not_learned));
    case GridColumn::depth:
      return printed("%-6s ", depth_text(job.layers).c_str());
    case GridColumn::init:
      return printed("%-8s", init_name(job.init).c_str());
    case GridColumn::gradient_ratio:
      return printed("%8s  ", optional_text(gradient_ratio_at_start(row), "%.1e").c_str());
    case GridColumn::stalled_share: {
      const std::optional<double> share = stalled_share_at_end(row);
      return printed(
          "%8s",
          optional_text(share ? std::optional<double>(*share * 100.0) : std::nullopt, "%.0f%%").c_str());
    }
  }
  return "";
}

void add_json(GridColumn column, const GridRow& row, nlohmann::json& configuration) {
  const BatchedJob& job = row.job;
  const BatchedResult& result = row.result;
  switch (column) {
    case GridColumn::layers:
      configuration["layers"] = job.layers;
      break;
    case GridColumn::activation:
      configuration["activation"] = activation_name(job.activation);
      if (job.output_activation) configuration["output_activation"] = activation_name(*job.output_activation);
      break;
    case GridColumn::gate:
      configuration["gate"] = data_name(job.data);
      break;
    case GridColumn::dataset:
      configuration["dataset"] = data_name(job.data);
      break;
    case GridColumn::lr:
      configuration["lr"] = job.train.lr;
      break;
    case GridColumn::learned:
      configuration["learned"] = result.learned_count;
      configuration["learned_rate_interval"] = interval_json(result.learned_count, job.networks);
      break;
    case GridColumn::rounds_correctly:
      configuration["rounds_correctly"] = result.rounds_correctly_count;
      configuration["rounds_correctly_rate_interval"] =
          interval_json(result.rounds_correctly_count, job.networks);
      break;
    case GridColumn::final_loss:
      configuration["median_final_loss"] = result.median_final_loss;
      configuration["worst_final_loss"] = result.worst_final_loss;
      break;
    case GridColumn::median_loss:
      configuration["median_final_loss"] = result.median_final_loss;
      break;
    case GridColumn::learned_epoch:
      configuration["median_learned_epoch"] = optional_json(row.median_learned_epoch);
      break;
    case GridColumn::dead_units:
      configuration["dead_unit_share"] = row.dead_share;
      break;
    case GridColumn::dead_output:
      configuration["dead_output"] = row.dead_output;
      configuration["dead_output_not_learned"] = row.dead_output_not_learned;
      break;
    case GridColumn::depth:
      configuration["layers"] = job.layers;
      configuration["hidden_layers"] = job.layers.size() - 2;
      break;
    case GridColumn::init:
      configuration["init"] = init_name(job.init);
      break;
    case GridColumn::gradient_ratio:
      configuration["median_first_to_last_hidden_gradient_ratio_at_start"] =
          optional_json(gradient_ratio_at_start(row));
      break;
    case GridColumn::stalled_share:
      configuration["median_hidden_stalled_share_at_end"] = optional_json(stalled_share_at_end(row));
      break;
  }
}

nlohmann::json layer_trace_json(const std::vector<LayerTraceMedians>& medians) {
  nlohmann::json json = nlohmann::json::array();
  for (const LayerTraceMedians& epoch : medians) {
    json.push_back({{"epoch", epoch.epoch},
                    {"median_layer_gradient_norms", epoch.gradient_norms},
                    {"median_mean_abs_activations", epoch.mean_abs_activations},
                    {"median_stalled_shares", epoch.stalled_shares},
                    {"median_first_to_last_hidden_gradient_ratio", epoch.first_to_last_hidden_gradient_ratio},
                    {"median_hidden_stalled_share", epoch.hidden_stalled_share}});
  }
  return json;
}

std::string activation_line() {
  return "activation: hidden>output, the activation after the hidden layers, then after the output.\n";
}

}  // namespace

void add_sweep_flags(CLI::App& app, Grid& grid, CLI::Option* sweep, Settings& settings) {
  sweep->each([&settings](const std::string&) { settings.grid_chooses_activations = true; });
  add_common_grid_flags(app, grid, "Sweep: ", "none,tanh", "--grid-layers 2,1,1 --grid-layers 2,5,5,1",
                        sweep);
  app.add_option_function<Texts>(
         "--gates",
         [&grid](const Texts& texts) {
           grid.data.clear();
           for (const std::string& name : list_items("--gates", texts)) grid.data.push_back(parse_gate(name));
         },
         "Sweep: gates (" + names_text(gate_names, ",", ",") + ")")
      ->default_str("and")
      ->needs(sweep);
  app.add_option_function<Texts>(
         "--lrs", [&grid](const Texts& texts) { grid.lrs = parse_lrs(texts); },
         "Sweep: learning rates (default: --lr)")
      ->type_name("FLOAT")
      ->needs(sweep);
}

void add_zoo_flags(CLI::App& app, Grid& grid, Settings& settings) {
  add_common_grid_flags(app, grid, "Zoo: ", "all", "--grid-layers 2,8,1 --grid-layers 2,8,8,1", nullptr);
  add_output_activation_flag(app, settings);
  app.add_option_function<Texts>(
         "--datasets",
         [&grid](const Texts& texts) {
           grid.data.clear();
           for (const std::string& name : list_items("--datasets", texts)) {
             grid.data.push_back(parse_data_kind("--datasets", name));
           }
         },
         "Data sets: any of " + data_names_text())
      ->default_str(names_text(point_set_names, ",", ","));
  add_whole_number_flag(app, "--train-points", grid.train_points, "A point set's training points, > 0");
  add_whole_number_flag(app, "--test-points", grid.test_points, "A point set's held-out test points, > 0");
}

void add_depth_flags(CLI::App& app, Grid& grid, Settings& settings) {
  add_zoo_flags(app, grid, settings);
  app.remove_option(app.get_option("--grid-layers"));
  app.add_option_function<Texts>(
         "--depths",
         [&grid](const Texts& texts) {
           grid.depths.clear();
           for (const std::string& item : list_items("--depths", texts)) {
             const std::vector<int> depth = parse_layers("--depths", item);  // one whole number
             grid.depths.push_back(depth.front());
           }
         },
         "Hidden layers to compare, each 0 to " + std::to_string(AnyShape::max_hidden_layers) +
             ", comma-separated")
      ->type_name("LIST");
  add_whole_number_flag(app, "--width", grid.width,
                        "Units in every hidden layer, 1 to " + std::to_string(AnyShape::max_width));
  app.add_option_function<Texts>(
         "--inits",
         [&grid](const Texts& texts) {
           grid.inits.clear();
           for (const std::string& name : list_items("--inits", texts)) {
             grid.inits.push_back(name == "matched" ? std::nullopt : std::optional<Init>(parse_init(name)));
           }
         },
         "Starting weights to compare: matched (he for relu, leaky-relu, elu, gelu and softplus, xavier for "
         "the "
         "rest), " +
             names_text(init_names, ", ", " or "))
      ->type_name("LIST");
}

BatchedJob batched_job(const Settings& settings) {
  BatchedJob job;
  job.layers = settings.layers;
  job.activation = settings.activation;
  job.output_activation = settings.output_activation;
  job.init = settings.init;
  job.inputs = settings.inputs;
  job.data = settings.data;
  job.train = settings.train;
  return job;
}

std::vector<BatchedJob> grid_jobs(const Settings& settings, const Grid& grid) {
  if (!settings.save_weights.empty() || !settings.load_weights.empty()) {
    throw InputError("--save-weights and --load-weights train one network; " + grid.name +
                     " draws each from its seed");
  }
  if (settings.gate_flag || settings.dataset_flag) {
    throw InputError(std::string(settings.gate_flag ? "--gate" : "--dataset") + ": " + grid.name +
                     " takes its data from " + grid.data_flag +
                     " (ch04-zoo's --datasets takes the gates and the "
                     "point sets)");
  }
  for (const auto& [flag, points] :
       {std::pair{"--train-points", grid.train_points}, std::pair{"--test-points", grid.test_points}}) {
    if (points < 1) throw InputError(std::string(flag) + " must be > 0, got " + std::to_string(points));
  }
  if (grid.networks < 1) throw InputError("--networks must be >= 1, got " + std::to_string(grid.networks));
  const std::vector<float> lrs = grid.lrs.empty() ? std::vector<float>{settings.train.lr} : grid.lrs;
  std::vector<std::vector<int>> layer_sets;
  for (const std::string& text : grid.layer_sets) layer_sets.push_back(parse_layers("--grid-layers", text));
  if (!grid.depths.empty() && (grid.width < 1 || grid.width > AnyShape::max_width)) {
    throw InputError("--width must be from 1 to " + std::to_string(AnyShape::max_width) + ", got " +
                     std::to_string(grid.width));
  }
  for (const int depth : grid.depths) {
    if (depth < 0 || depth > AnyShape::max_hidden_layers) {
      throw InputError("--depths must be from 0 to " + std::to_string(AnyShape::max_hidden_layers) +
                       " hidden layers, got " + std::to_string(depth));
    }
    std::vector<int> layers(static_cast<std::size_t>(depth) + 2, grid.width);
    layers.front() = 2;
    layers.back() = 1;
    layer_sets.push_back(layers);
  }
  if (layer_sets.empty()) layer_sets.push_back(settings.layers);
  const std::vector<std::optional<Init>> inits =
      grid.inits.empty() ? std::vector<std::optional<Init>>{settings.init} : grid.inits;
  const std::vector<std::optional<Activation>> outputs =
      grid.output_activations.empty() ? std::vector<std::optional<Activation>>{settings.output_activation}
                                      : grid.output_activations;  // "same" (none): the hidden activation

  std::vector<BatchedJob> jobs;
  for (const std::vector<int>& layers : layer_sets) {
    try {
      validate_layers(layers);  // the rest of the settings were validated before the grid began
      dispatch_shape(layers, false, [](const auto&) { return 0; });  // a shape the Thrust trainer takes
    } catch (const InputError& error) {
      if (grid.layer_sets.empty()) throw;
      throw InputError("--grid-layers " + sizes_text(layers) + ": " + error.what());
    }
    for (const std::variant<Gate, PointSet>& kind : grid.data) {
      for (float lr : lrs) {
        if (!std::isfinite(lr) || !(lr > 0.0f)) throw InputError("--lrs values must be finite and > 0");
        for (Activation activation : grid.activations) {
          for (const std::optional<Init>& init : inits) {
            for (const std::optional<Activation>& output : outputs) {
              BatchedJob job = batched_job(settings);
              job.layers = layers;
              job.init = init.value_or(matched_init(activation));
              job.data = {kind, grid.train_points, grid.test_points};
              job.train.lr = lr;
              job.activation = activation;
              job.output_activation = output;
              validate_loss_and_output(job.train.loss, job.output_activation_or_hidden());
              job.networks = grid.networks;
              job.keep_learned_epoch = grid.measures_learned_epochs;
              job.keep_parameters = grid.counts_dead_units;
              jobs.push_back(job);
            }
          }
        }
      }
    }
  }
  return jobs;
}

Network trained_network(const BatchedJob& job, const BatchedResult& result, std::int64_t n) {
  const auto params = static_cast<std::size_t>(AnyShape::of(job.layers)->param_count);
  return network_from_parameters(job.layers, job.architecture(),
                                 result.parameters.data() + static_cast<std::size_t>(n) * params);
}

Outcome trained_outcome(const BatchedJob& job, const BatchedResult& result, std::int64_t n) {
  const auto i = static_cast<std::size_t>(n);
  Outcome outcome{.outputs = {},
                  .train = {},
                  .test = {},
                  .train_loss = result.final_loss[i],
                  .test_loss = result.final_loss[i],  // a gate's test rows are its training rows
                  .train_l1_loss = result.final_l1_loss[i],
                  .learned = result.learned[i] == 1};
  if (const Gate* gate = job.data.gate()) {
    const std::array<float, 4> targets = truth_table_targets(*gate);
    outcome.outputs.assign(result.predictions.begin() + 4 * n, result.predictions.begin() + 4 * n + 4);
    outcome.train = {0, 4};
    for (std::size_t row = 0; row < 4; ++row)
      outcome.train.right += rounds_to_target(outcome.outputs[row], targets[row]);
    outcome.test = outcome.train;
  } else {
    outcome.train = {result.train_right[i], job.data.train_points};
    outcome.test = {result.test_right[i], job.data.test_points};
    outcome.test_loss = result.test_loss[i];
  }
  return outcome;
}

TrainHistory trained_history(const BatchedJob& job, const BatchedResult& result, std::int64_t n) {
  const auto epochs = static_cast<std::ptrdiff_t>(job.train.epochs);
  const auto from = [&](const std::vector<float>& history) {
    return history.empty()
               ? std::vector<float>{}
               : std::vector<float>(history.begin() + n * epochs, history.begin() + (n + 1) * epochs);
  };
  return {.train_loss = from(result.train_loss_history),
          .training_set_loss = from(result.training_set_loss_history),
          .layer_traces = result.layer_traces.empty() ? std::vector<LayerTrace>{}
                                                      : result.layer_traces[static_cast<std::size_t>(n)]};
}

namespace {

// The medians over the networks of each layer's statistics, traced epoch by traced epoch.
std::vector<LayerTraceMedians> layer_trace_medians(const BatchedJob& job, const BatchedResult& result) {
  std::vector<LayerTraceMedians> medians;
  if (result.layer_traces.empty()) return medians;
  const std::size_t layer_count = job.layers.size() - 1;
  for (std::size_t t = 0; t < job.train.trace_epochs.size(); ++t) {
    LayerTraceMedians row{.epoch = job.train.trace_epochs[t]};
    const auto median_of = [&](auto statistic) {
      std::vector<double> values;
      for (const std::vector<LayerTrace>& network : result.layer_traces)
        values.push_back(statistic(network[t]));
      return median(values).value_or(0.0);
    };
    for (std::size_t l = 0; l < layer_count; ++l) {
      row.gradient_norms.push_back(
          median_of([l](const LayerTrace& trace) { return trace.layers[l].gradient_norm; }));
      row.mean_abs_activations.push_back(
          median_of([l](const LayerTrace& trace) { return trace.layers[l].mean_abs_activation; }));
      row.stalled_shares.push_back(
          median_of([l](const LayerTrace& trace) { return trace.layers[l].stalled_share; }));
    }
    row.first_to_last_hidden_gradient_ratio =
        median_of([](const LayerTrace& trace) { return first_to_last_hidden_gradient_ratio(trace.layers); });
    row.hidden_stalled_share = median_of([&](const LayerTrace& trace) {
      // Every hidden layer's units, each counted once: weighted by the layer's width.
      double stalled = 0.0, units = 0.0;
      for (std::size_t l = 0; l + 1 < layer_count; ++l) {
        stalled += trace.layers[l].stalled_share * job.layers[l + 1];
        units += job.layers[l + 1];
      }
      return units > 0.0 ? stalled / units : 0.0;
    });
    medians.push_back(std::move(row));
  }
  return medians;
}

}  // namespace

GridRow grid_row(const BatchedJob& job, BatchedResult result) {
  GridRow row{job, std::move(result), std::nullopt};
  row.layer_trace = layer_trace_medians(job, row.result);
  if (job.keep_learned_epoch) {
    std::vector<double> epochs;
    for (std::int64_t n = 0; n < job.networks; ++n) {
      if (row.result.learned[n]) epochs.push_back(row.result.learned_epoch[n]);
    }
    row.median_learned_epoch = median(epochs);
  }
  if (!job.keep_parameters) return row;
  // Dead on the rows each network trained on: its own training points, or the truth table's four rows.
  std::int64_t dead = 0, hidden = 0;
  for (std::int64_t n = 0; n < job.networks; ++n) {
    const Dataset data = make_dataset(job.data, job.train.seed + static_cast<std::uint64_t>(n));
    const DeadUnits units = count_dead_units(trained_network(job, row.result, n), data.train.inputs);
    dead += units.total;
    hidden += units.hidden_units;
    if (units.output_dead) {
      ++row.dead_output;
      if (!row.result.learned[static_cast<std::size_t>(n)]) ++row.dead_output_not_learned;
    }
  }
  if (hidden > 0) row.dead_share = static_cast<double>(dead) / static_cast<double>(hidden);
  return row;
}

GridTable sweep_table() {
  std::ostringstream legend;
  legend << "learned: all four outputs round to the gate's targets and the mean L1 loss is < "
         << learned_l1_threshold
         << ";\nrounds correctly: all four outputs round to the targets, whatever the loss;\n"
            "%: the share of the networks, with its 95% interval (Wilson score, rounded outwards).\n\n";
  return {legend.str(),
          {{GridColumn::layers, "          ", "layers    "},
           {GridColumn::activation, "           ", "activation "},
           {GridColumn::gate, "     ", "gate "},
           {GridColumn::lr, "        ", "lr      "},
           {GridColumn::learned, "--------- learned ----------  ", "  count     % [95% interval]  "},
           {GridColumn::rounds_correctly, "----- rounds correctly -----  ", "  count     % [95% interval]  "},
           {GridColumn::final_loss, "-- final loss --", "  median   worst"}},
          4096};
}

GridTable zoo_table() {
  std::ostringstream legend;
  legend << "learned: on a point set, at least 95% of its held-out test points right; on a gate, every\n"
            "  output rounds right and the mean L1 loss is < "
         << learned_l1_threshold
         << ";\n"
            "%: the share of the networks, with its 95% interval (Wilson score, rounded outwards);\n"
            "epochs: median epoch by which the networks that learned had first met the rule;\n"
            "dead: share of hidden units dead on the training inputs at the end (output 0 and slope 0 on "
            "every one);\n"
            "dead out: networks whose output unit ended dead so, and how many of them did not learn.\n";
  return {legend.str(),
          {{GridColumn::layers, "          ", "layers    "},
           {GridColumn::activation, "           ", "activation "},
           {GridColumn::dataset, "            ", "dataset    "},
           {GridColumn::learned, "---------- learned -----------  ", "   count     % [95% interval]  "},
           {GridColumn::median_loss, "median  ", " loss    "},
           {GridColumn::learned_epoch, "median", "epochs  "},
           {GridColumn::dead_units, "", "dead  "},
           {GridColumn::dead_output, "", "dead out"}},
          0};
}

GridTable depth_table() {
  std::ostringstream legend;
  legend << "learned: on a point set, at least 95% of its held-out test points right; on a gate, every\n"
            "  output rounds right and the mean L1 loss is < "
         << learned_l1_threshold
         << ";\n"
            "%: the share of the networks, with its 95% interval (Wilson score, rounded outwards);\n"
            "first/last: at initialisation, the norm of the loss's gradient for the first hidden layer's\n"
            "  weights over that for the last hidden layer's (median over the networks);\n"
            "stalled: after training, the share of hidden (point, unit) pairs with slope under "
         << stalled_slope
         << ";\n"
            "dead: share of hidden units dead on the training inputs at the end (output 0 and slope 0 on "
            "every one).\n";
  return {legend.str(),
          {{GridColumn::depth, "       ", "depth  "},
           {GridColumn::activation, "           ", "activation "},
           {GridColumn::init, "        ", "init    "},
           {GridColumn::dataset, "           ", "dataset    "},
           {GridColumn::learned, "---------- learned -----------  ", "   count     % [95% interval]  "},
           {GridColumn::median_loss, "median  ", " loss    "},
           {GridColumn::gradient_ratio, "          ", "first/last"},
           {GridColumn::stalled_share, "        ", " stalled"},
           {GridColumn::dead_units, "", "  dead"}},
          0};
}

void print_grid(std::ostream& out, const GridTable& table, const std::vector<GridRow>& rows) {
  const bool with_output = names_output_activations(rows);
  // With outputs named, the activation column holds "hidden>output" and is wider, and so are its titles.
  const int width = with_output ? wide_activation_width : narrow_activation_width;
  const std::string widening(static_cast<std::size_t>(width - narrow_activation_width), ' ');
  // The legend's last line is blank where it ends in one: the line on "hidden>output" goes before it.
  const bool blank_last = table.legend.size() >= 2 && table.legend.ends_with("\n\n");
  out << table.legend;
  if (with_output) out << activation_line() << (blank_last ? "\n" : "");
  if (!blank_last) out << "\n";
  std::string groups, titles;
  for (const TableColumn& column : table.columns) {
    groups += column.group;
    titles += column.title;
    if (column.column == GridColumn::activation) {
      groups += widening;
      titles += widening;
    }
  }
  out << groups << "\n" << titles << "\n";
  for (const GridRow& row : rows) {
    for (const TableColumn& column : table.columns) out << cell(column.column, row, width, with_output);
    out << "\n";
  }
}

void print_grid_timings(std::ostream& out, const std::vector<GridRow>& rows) {
  const bool with_output = names_output_activations(rows);
  for (const GridRow& row : rows) {
    out << printed("%s %s %s lr %g: %.3f s, %.3g network-steps/s on %s\n", sizes_text(row.job.layers).c_str(),
                   activations_text(row.job, with_output).c_str(), data_name(row.job.data).c_str(),
                   static_cast<double>(row.job.train.lr), row.result.seconds,
                   network_steps(row.job) / row.result.seconds, row.result.device.c_str());
  }
}

nlohmann::json grid_json(const nlohmann::json& settings, const GridTable& table,
                         const std::vector<GridRow>& rows) {
  nlohmann::json configurations = nlohmann::json::array();
  nlohmann::json timing = nlohmann::json::array();
  for (const GridRow& row : rows) {
    nlohmann::json configuration = {{"networks", row.job.networks}, {"first_seed", row.job.train.seed}};
    for (const TableColumn& column : table.columns) add_json(column.column, row, configuration);
    if (!row.layer_trace.empty()) configuration["layer_trace"] = layer_trace_json(row.layer_trace);
    if (row.job.networks <= table.per_network_limit) {
      configuration["final_loss"] = row.result.final_loss;
      configuration["predictions"] = row.result.predictions;
      configuration["learned_per_network"] = row.result.learned;
      configuration["rounds_correctly_per_network"] = row.result.rounds_correctly;
    }
    configurations.push_back(std::move(configuration));
    timing.push_back({{"device", row.result.device},
                      {"seconds", row.result.seconds},
                      {"network_steps_per_second", network_steps(row.job) / row.result.seconds}});
  }
  return {{"settings", settings}, {"configurations", configurations}, {"timing", timing}};
}

std::string activations_text(const BatchedJob& job, bool with_output) {
  const std::string hidden = activation_name(job.activation);
  return with_output ? hidden + ">" + activation_name(job.output_activation_or_hidden()) : hidden;
}

std::string rate_with_interval(std::int64_t count, std::int64_t networks) {
  const RateInterval interval = wilson_interval(count, networks);
  char bounds[32];
  std::snprintf(bounds, sizeof bounds, "[%.1f, %.1f]", std::floor(interval.low * 1000.0) / 10.0,
                std::ceil(interval.high * 1000.0) / 10.0);
  return printed("%5.1f %-14s", 100.0 * static_cast<double>(count) / static_cast<double>(networks), bounds);
}

nlohmann::json interval_json(std::int64_t count, std::int64_t networks) {
  const RateInterval interval = wilson_interval(count, networks);
  return {interval.low, interval.high};
}

double network_steps(const BatchedJob& job) {
  return static_cast<double>(job.networks) * job.train.epochs * job.train.batches_per_epoch;
}

}  // namespace program
