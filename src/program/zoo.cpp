#include "program/zoo.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <utility>

#include "nn/dead_units.hpp"
#include "nn/error.hpp"
#include "nn/point_sets.hpp"
#include "nn/sizes_text.hpp"
#include "program/report.hpp"
#include "program/sweep.hpp"
#include "thrust_trainer/network_shape.hpp"

namespace nn {

namespace {

// The point set a --datasets name names, or none for a gate's name; InputError for anything else.
std::optional<PointSet> dataset_of(const std::string& name) {
  for (PointSet set : all_point_sets) {
    if (point_set_name(set) == name) return set;
  }
  for (const char* gate : {"and", "or", "nand", "xor"}) {
    if (name == gate) return std::nullopt;
  }
  throw InputError("--datasets: unknown data set '" + name +
                   "' (expected ring, quadrants, blobs, spirals, comfort, and, or, nand or xor)");
}

std::string dataset_name(const BatchedJob& job) {
  return job.point_set ? point_set_name(*job.point_set) : gate_name(job.train.gate);
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

}  // namespace

void add_zoo_flags(CLI::App& app, ZooGrid& grid, Settings& settings) {
  using Texts = std::vector<std::string>;
  app.add_option_function<Texts>(
         "--activations", [&grid](const Texts& texts) { grid.activations = list_items("--activations", texts); },
         "Activations after the hidden layers to compare (default: all)")
      ->default_str(activation_names_text());
  add_output_activation_flag(app, settings);
  app.add_option_function<Texts>(
         "--output-activations",
         [&grid](const Texts& texts) { grid.output_activations = list_items("--output-activations", texts); },
         "Activations after the output layer, each with every --activations (default: --output-activation, or "
         "each configuration's --activations)");
  app.add_option_function<Texts>(
         "--datasets", [&grid](const Texts& texts) { grid.datasets = list_items("--datasets", texts); },
         "Data sets: " + names_text(point_set_names, ", ", ", ") + ", " + names_text(gate_names, ", ", ", "))
      ->default_str(names_text(point_set_names, ",", ","));
  app.add_option("--grid-layers", grid.layer_sets,
                 "Layer sizes, repeat the flag for each (e.g. --grid-layers 2,8,1 --grid-layers 2,8,8,1; "
                 "default: --layers)");
}

std::vector<BatchedJob> zoo_jobs(const Settings& settings, const ZooGrid& grid, std::int64_t networks) {
  if (!settings.save_weights.empty() || !settings.load_weights.empty()) {
    throw InputError("--save-weights and --load-weights train one network; the zoo draws each from its seed");
  }
  if (settings.train.gate != TrainConfig{}.gate) {
    throw InputError("--gate: the zoo takes its data sets from --datasets (and, or, nand, xor among them)");
  }
  for (const auto& [flag, points] : {std::pair{"--train-points", grid.train_points},
                                     std::pair{"--test-points", grid.test_points}}) {
    if (points < 1) throw InputError(std::string(flag) + " must be > 0, got " + std::to_string(points));
  }
  if (networks < 1) throw InputError("--networks must be >= 1, got " + std::to_string(networks));
  std::vector<std::string> activations = grid.activations, datasets = grid.datasets;
  if (activations.empty()) {
    for (Activation activation : all_activations()) activations.push_back(activation_name(activation));
  }
  if (datasets.empty()) {
    for (PointSet set : all_point_sets) datasets.push_back(point_set_name(set));
  }
  std::vector<std::vector<int>> layer_sets;
  for (const std::string& text : grid.layer_sets) layer_sets.push_back(parse_layers("--grid-layers", text));
  if (layer_sets.empty()) layer_sets.push_back(settings.layers);
  const std::vector<std::optional<Activation>> outputs = output_activation_axis(grid.output_activations);

  std::vector<BatchedJob> jobs;
  for (const std::vector<int>& layers : layer_sets) {
    try {
      validate_layers(layers);
      dispatch_shape(layers, false, [](const auto&) { return 0; });  // a shape the Thrust trainer takes
    } catch (const InputError& error) {
      if (grid.layer_sets.empty()) throw;
      throw InputError("--grid-layers " + sizes_text(layers) + ": " + error.what());
    }
    for (const std::string& dataset : datasets) {
      const std::optional<PointSet> set = dataset_of(dataset);
      for (const std::string& activation : activations) {
        for (const std::optional<Activation>& output : outputs) {
          BatchedJob job = grid_job(settings, layers, activation, output);
          if (!set) job.train.gate = parse_gate(dataset);
          job.point_set = set;
          job.train_points = grid.train_points;
          job.test_points = grid.test_points;
          job.networks = networks;
          job.keep_learned_epoch = true;
          job.keep_parameters = true;  // for the dead units
          jobs.push_back(job);
        }
      }
    }
  }
  return jobs;
}

ZooRow zoo_row(const BatchedJob& job, BatchedResult result) {
  ZooRow row{job, std::move(result), std::nullopt};
  std::vector<double> epochs;
  for (std::int64_t n = 0; n < job.networks; ++n) {
    if (row.result.learned[n]) epochs.push_back(row.result.learned_epoch[n]);
  }
  row.median_learned_epoch = median(epochs);
  // Dead on the inputs the network trained on: its own training points, or the truth table's four rows.
  const std::size_t params = static_cast<std::size_t>(AnyShape::of(job.layers)->param_count);
  std::int64_t dead = 0, hidden = 0;
  for (std::int64_t n = 0; n < job.networks; ++n) {
    const Network network =
        network_from_parameters(job.layers, job.architecture(), row.result.parameters.data() + n * params);
    const Matrix inputs =
        job.point_set ? make_point_split(*job.point_set, job.train_points, job.test_points,
                                         job.train.seed + static_cast<std::uint64_t>(n)).train.inputs
                      : truth_table(job.train.gate).inputs;
    const DeadUnits units = count_dead_units(network, inputs);
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

void print_zoo(std::ostream& out, const std::vector<ZooRow>& rows) {
  const bool with_output = std::any_of(rows.begin(), rows.end(),
                                       [](const ZooRow& row) { return row.job.output_activation.has_value(); });
  out << "learned: on a point set, at least 95% of its held-out test points right; on a gate, every\n"
         "  output rounds right and the mean L1 loss is < "
      << learned_l1_threshold << ";\n"
         "%: the share of the networks, with its 95% interval (Wilson score, rounded outwards);\n"
         "epochs: median epoch by which the networks that learned had first met the rule;\n"
         "dead: share of hidden units dead on the training inputs at the end (output 0 and slope 0 on every one);\n"
         "dead out: networks whose output unit ended dead so, and how many of them did not learn.\n";
  if (with_output) out << "activation: hidden>output, the activation after the hidden layers, then after the output.\n";
  const int width = with_output ? 21 : 10;
  const std::string extra(static_cast<std::size_t>(width - 10), ' ');
  out << "\n                                 " << extra << "---------- learned -----------  median  median\n"
      << "layers    activation " << extra << "dataset       count     % [95% interval]   loss    epochs  dead  dead out\n";
  for (const ZooRow& row : rows) {
    char line[256];
    std::snprintf(line, sizeof line, "%-9s %-*s %-10s %7lld %s  %7s %7s %5s %4lld/%-4lld\n",
                  sizes_text(row.job.layers).c_str(), width, activations_text(row.job, with_output).c_str(),
                  dataset_name(row.job).c_str(), static_cast<long long>(row.result.learned_count),
                  rate_with_interval(row.result.learned_count, row.job.networks).c_str(),
                  fixed4(row.result.median_final_loss).c_str(), optional_text(row.median_learned_epoch, "%.1f").c_str(),
                  optional_text(row.dead_share * 100.0, "%.0f%%").c_str(), static_cast<long long>(row.dead_output),
                  static_cast<long long>(row.dead_output_not_learned));
    out << line;
  }
}

nlohmann::json zoo_json(const Settings& settings, const ZooGrid& grid, const std::vector<ZooRow>& rows) {
  nlohmann::json configurations = nlohmann::json::array();
  nlohmann::json timing = nlohmann::json::array();
  for (const ZooRow& row : rows) {
    configurations.push_back({{"layers", row.job.layers},
                              {"activation", activation_name(row.job.activation)},
                              {"dataset", dataset_name(row.job)},
                              {"networks", row.job.networks},
                              {"first_seed", row.job.train.seed},
                              {"learned", row.result.learned_count},
                              {"learned_rate_interval", interval_json(row.result.learned_count, row.job.networks)},
                              {"median_final_loss", row.result.median_final_loss},
                              {"median_learned_epoch", optional_json(row.median_learned_epoch)},
                              {"dead_unit_share", row.dead_share},
                              {"dead_output", row.dead_output},
                              {"dead_output_not_learned", row.dead_output_not_learned}});
    if (row.job.output_activation) {
      configurations.back()["output_activation"] = activation_name(*row.job.output_activation);
    }
    timing.push_back({{"device", row.result.device}, {"seconds", row.result.seconds}});
  }
  nlohmann::json described = settings_json(settings);
  for (const char* chosen_per_row : {"activation", "gate", "load_weights", "save_weights"}) {
    described.erase(chosen_per_row);  // the grid chooses the first two; the zoo refuses the others
  }
  described["train_points"] = grid.train_points;
  described["test_points"] = grid.test_points;
  nlohmann::json document = {{"settings", described}, {"configurations", configurations}};
  document["timing"] = timing;
  return document;
}

}  // namespace nn
