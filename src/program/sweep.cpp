#include "program/sweep.hpp"

#include <algorithm>
#include <charconv>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstdio>

#include "nn/error.hpp"
#include "nn/loss.hpp"
#include "thrust_trainer/network_shape.hpp"
#include "program/report.hpp"
#include "program/wilson_interval.hpp"

namespace nn {

namespace {

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
std::vector<float> parse_lrs(const std::vector<std::string>& texts) {
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

}  // namespace

std::string rate_with_interval(std::int64_t count, std::int64_t networks) {
  const RateInterval interval = wilson_interval(count, networks);
  char bounds[32], text[48];
  std::snprintf(bounds, sizeof bounds, "[%.1f, %.1f]", std::floor(interval.low * 1000.0) / 10.0,
                std::ceil(interval.high * 1000.0) / 10.0);
  std::snprintf(text, sizeof text, "%5.1f %-14s",
                100.0 * static_cast<double>(count) / static_cast<double>(networks), bounds);
  return text;
}

nlohmann::json interval_json(std::int64_t count, std::int64_t networks) {
  const RateInterval interval = wilson_interval(count, networks);
  return {interval.low, interval.high};
}

void add_sweep_flags(CLI::App& app, SweepGrid& grid, CLI::Option* sweep, Settings& settings) {
  using Texts = std::vector<std::string>;
  sweep->each([&settings](const std::string&) { settings.grid_chooses_activations = true; });
  app.add_option_function<Texts>(
         "--activations", [&grid](const Texts& texts) { grid.activations = list_items("--activations", texts); },
         "Sweep: activations to compare, any of " + activation_names_text())
      ->default_str("none,tanh")
      ->needs(sweep);
  app.add_option_function<Texts>(
         "--output-activations",
         [&grid](const Texts& texts) { grid.output_activations = list_items("--output-activations", texts); },
         "Sweep: activations after the output layer, each with every --activations (default: "
         "--output-activation, or each configuration's --activations)")
      ->needs(sweep);
  app.add_option_function<Texts>(
         "--gates", [&grid](const Texts& texts) { grid.gates = list_items("--gates", texts); },
         "Sweep: gates (" + names_text(gate_names, ",", ",") + ")")
      ->default_str("and")
      ->needs(sweep);
  app.add_option_function<Texts>(
         "--lrs", [&grid](const Texts& texts) { grid.lrs = parse_lrs(texts); },
         "Sweep: learning rates (default: --lr)")
      ->type_name("FLOAT")
      ->needs(sweep);
  app.add_option("--grid-layers", grid.layer_sets,
                 "Sweep: layer sizes, repeat the flag for each (e.g. --grid-layers 2,1,1 --grid-layers 2,5,5,1; "
                 "default: --layers)")
      ->needs(sweep);
}

std::vector<BatchedJob> sweep_jobs(const Settings& settings, const SweepGrid& grid, std::int64_t networks) {
  const std::vector<float> lrs = grid.lrs.empty() ? std::vector<float>{settings.train.lr} : grid.lrs;
  std::vector<std::vector<int>> layer_sets;
  for (const std::string& text : grid.layer_sets) layer_sets.push_back(parse_layers("--grid-layers", text));
  if (layer_sets.empty()) layer_sets.push_back(settings.layers);
  if (grid.activations.empty()) throw InputError("--activations is empty: the sweep grid needs at least one");
  if (grid.gates.empty()) throw InputError("--gates is empty: the sweep grid needs at least one");
  const std::vector<std::optional<Activation>> outputs = output_activation_axis(grid.output_activations);
  std::vector<BatchedJob> jobs;
  for (const std::vector<int>& layers : layer_sets) {
    try {
      validate_layers(layers);  // the rest of the settings were validated before the sweep began
      dispatch_shape(layers, false, [](const auto&) { return 0; });  // a shape the trainer takes
    } catch (const InputError& error) {
      if (grid.layer_sets.empty()) throw;
      throw InputError("--grid-layers " + sizes_text(layers) + ": " + error.what());
    }
    for (const std::string& gate : grid.gates) {
      for (float lr : lrs) {
        if (!std::isfinite(lr) || !(lr > 0.0f)) throw InputError("--lrs values must be finite and > 0");
        for (const std::string& activation : grid.activations) {
          for (const std::optional<Activation>& output : outputs) {
            BatchedJob job = grid_job(settings, layers, activation, output);
            job.train.gate = parse_gate(gate);
            job.train.lr = lr;
            job.networks = networks;
            jobs.push_back(job);
          }
        }
      }
    }
  }
  return jobs;
}

BatchedJob batched_job(const Settings& settings) {
  BatchedJob job;
  job.layers = settings.layers;
  job.activation = settings.activation;
  job.output_activation = settings.output_activation;
  job.init = settings.init;
  job.inputs = settings.inputs;
  job.train = settings.train;
  job.point_set = settings.point_set;
  job.train_points = settings.train_points;
  job.test_points = settings.test_points;
  return job;
}

std::vector<std::optional<Activation>> output_activation_axis(const std::vector<std::string>& names) {
  std::vector<std::optional<Activation>> outputs;
  for (const std::string& name : names) outputs.push_back(parse_output_activation(name));
  if (outputs.empty()) outputs.push_back(std::nullopt);
  return outputs;
}

BatchedJob grid_job(const Settings& settings, const std::vector<int>& layers, const std::string& activation,
                    const std::optional<Activation>& output) {
  BatchedJob job = batched_job(settings);
  job.layers = layers;
  job.activation = parse_activation(activation);
  if (output) job.output_activation = output;
  validate_loss_and_output(job.train.loss, job.output_activation_or_hidden());
  return job;
}

std::vector<float> flatten_parameters(const Network& network) {
  std::vector<float> parameters;
  for (const Linear& layer : network.layers()) {
    parameters.insert(parameters.end(), layer.weight.begin(), layer.weight.end());
    parameters.insert(parameters.end(), layer.bias.begin(), layer.bias.end());
  }
  return parameters;
}

Network network_from_parameters(const std::vector<int>& sizes, const Architecture& architecture,
                                const float* parameters) {
  std::vector<Linear> layers;
  for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
    Linear layer = zero_linear(static_cast<std::size_t>(sizes[l]), static_cast<std::size_t>(sizes[l + 1]));
    for (float& w : layer.weight) w = *parameters++;
    for (float& b : layer.bias) b = *parameters++;
    layers.push_back(std::move(layer));
  }
  return Network(std::move(layers), architecture);
}

double network_steps(const BatchedJob& job) {
  return static_cast<double>(job.networks) * job.train.epochs * job.train.batches_per_epoch;
}

namespace {

// Whether any row names its output activation: then the tables and JSON say it, row by row; otherwise (the
// demo's design, the activation after every layer) they stay as they were.
bool names_output_activations(const std::vector<SweepRow>& rows) {
  return std::any_of(rows.begin(), rows.end(), [](const SweepRow& row) { return row.job.output_activation.has_value(); });
}

}  // namespace

std::string activations_text(const BatchedJob& job, bool with_output) {
  const std::string hidden = activation_name(job.activation);
  return with_output ? hidden + ">" + activation_name(job.output_activation_or_hidden()) : hidden;
}

void print_sweep_results(std::ostream& out, const std::vector<SweepRow>& rows) {
  const bool with_output = names_output_activations(rows);
  out << "learned: all four outputs round to the gate's targets and the mean L1 loss is < " << learned_l1_threshold
      << ";\nrounds correctly: all four outputs round to the targets, whatever the loss;\n"
         "%: the share of the networks, with its 95% interval (Wilson score, rounded outwards).\n\n";
  // With outputs named, the activation column holds "hidden>output" and is wider by the extra columns.
  const int width = with_output ? 21 : 10;
  const std::string extra(static_cast<std::size_t>(width - 10), ' ');
  if (with_output) out << "activation: hidden>output, the activation after the hidden layers, then after the output.\n\n";
  out << "                                  " << extra << "--------- learned ----------  ----- rounds correctly -----  "
         "-- final loss --\n"
      << "layers    activation " << extra << "gate lr        count     % [95% interval]    count     % [95% interval]    "
         "median   worst\n";
  for (const SweepRow& row : rows) {
    const std::int64_t networks = row.job.networks;
    char line[256];
    std::snprintf(line, sizeof line, "%-9s %-*s %-4s %-6g  %7lld %s  %7lld %s  %8s %7s\n",
                  sizes_text(row.job.layers).c_str(), width, activations_text(row.job, with_output).c_str(),
                  gate_name(row.job.train.gate).c_str(), static_cast<double>(row.job.train.lr),
                  static_cast<long long>(row.result.learned_count),
                  rate_with_interval(row.result.learned_count, networks).c_str(),
                  static_cast<long long>(row.result.rounds_correctly_count),
                  rate_with_interval(row.result.rounds_correctly_count, networks).c_str(),
                  fixed4(row.result.median_final_loss).c_str(), fixed4(row.result.worst_final_loss).c_str());
    out << line;
  }
}

void print_sweep_timings(std::ostream& out, const std::vector<SweepRow>& rows) {
  const bool with_output = names_output_activations(rows);
  for (const SweepRow& row : rows) {
    char line[200];
    std::snprintf(line, sizeof line, "%s %s %s lr %g: %.3f s, %.3g network-steps/s on %s\n",
                  sizes_text(row.job.layers).c_str(), activations_text(row.job, with_output).c_str(),
                  gate_name(row.job.train.gate).c_str(), static_cast<double>(row.job.train.lr), row.result.seconds,
                  network_steps(row.job) / row.result.seconds, row.result.device.c_str());
    out << line;
  }
}

nlohmann::json sweep_json(const Settings& settings, const std::vector<SweepRow>& rows, std::int64_t per_network_limit) {
  nlohmann::json configurations = nlohmann::json::array();
  nlohmann::json timing = nlohmann::json::array();
  for (const SweepRow& row : rows) {
    nlohmann::json configuration = {{"layers", row.job.layers},
                                    {"activation", activation_name(row.job.activation)},
                                    {"gate", gate_name(row.job.train.gate)},
                                    {"lr", row.job.train.lr},
                                    {"networks", row.job.networks},
                                    {"first_seed", row.job.train.seed},
                                    {"learned", row.result.learned_count},
                                    {"learned_rate_interval", interval_json(row.result.learned_count, row.job.networks)},
                                    {"rounds_correctly", row.result.rounds_correctly_count},
                                    {"rounds_correctly_rate_interval",
                                     interval_json(row.result.rounds_correctly_count, row.job.networks)},
                                    {"median_final_loss", row.result.median_final_loss},
                                    {"worst_final_loss", row.result.worst_final_loss}};
    if (row.job.output_activation) {
      configuration["output_activation"] = activation_name(*row.job.output_activation);
    }
    if (row.job.networks <= per_network_limit) {
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
  return {{"settings", settings_json(settings)}, {"configurations", configurations}, {"timing", timing}};
}

}  // namespace nn
