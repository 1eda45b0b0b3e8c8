#include "nn/sweep.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "nn/error.hpp"
#include "nn/network_shape.hpp"
#include "nn/report.hpp"

namespace nn {

namespace {

// --lrs's items as numbers: the whole item, no spaces or "+" (finite and > 0 is checked with the grid).
std::vector<float> parse_lrs(const std::vector<std::string>& texts) {
  std::vector<float> lrs;
  for (const std::string& item : list_items("--lrs", texts)) {
    float lr = 0.0f;
    const char* end = item.data() + item.size();
    const auto [stop, error] = std::from_chars(item.data(), end, lr);
    if (error != std::errc() || stop != end) {
      throw InputError("--lrs must be comma-separated numbers such as 0.1,0.01, got '" + item + "'");
    }
    lrs.push_back(lr);
  }
  return lrs;
}

}  // namespace

void add_sweep_flags(CLI::App& app, SweepGrid& grid, CLI::Option* sweep) {
  using Texts = std::vector<std::string>;
  app.add_option_function<Texts>(
         "--activations", [&grid](const Texts& texts) { grid.activations = list_items("--activations", texts); },
         "Sweep: activations to compare (none,tanh)")
      ->default_str("none,tanh")
      ->needs(sweep);
  app.add_option_function<Texts>(
         "--gates", [&grid](const Texts& texts) { grid.gates = list_items("--gates", texts); },
         "Sweep: gates (and,or,nand,xor)")
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
  std::vector<BatchedJob> jobs;
  for (const std::vector<int>& layers : layer_sets) {
    try {
      validate_layers(layers);  // the rest of the settings were validated before the sweep began
      dispatch_shape(layers, [](auto) { return 0; });  // a shape the trainer is compiled for
    } catch (const InputError& error) {
      if (grid.layer_sets.empty()) throw;
      throw InputError("--grid-layers " + sizes_text(layers) + ": " + error.what());
    }
    for (const std::string& gate : grid.gates) {
      for (float lr : lrs) {
        if (!std::isfinite(lr) || !(lr > 0.0f)) throw InputError("--lrs values must be finite and > 0");
        for (const std::string& activation : grid.activations) {
          BatchedJob job;
          job.layers = layers;
          job.activation = parse_activation(activation);
          job.train = settings.train;
          job.train.gate = parse_gate(gate);
          job.train.lr = lr;
          job.networks = networks;
          jobs.push_back(job);
        }
      }
    }
  }
  return jobs;
}

std::vector<float> flatten_parameters(const Network& network) {
  std::vector<float> parameters;
  for (const Linear& layer : network.layers()) {
    parameters.insert(parameters.end(), layer.weight.begin(), layer.weight.end());
    parameters.insert(parameters.end(), layer.bias.begin(), layer.bias.end());
  }
  return parameters;
}

Network network_from_parameters(const std::vector<int>& sizes, Activation activation, const float* parameters) {
  std::vector<Linear> layers;
  for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
    Linear layer = zero_linear(static_cast<std::size_t>(sizes[l]), static_cast<std::size_t>(sizes[l + 1]));
    for (float& w : layer.weight) w = *parameters++;
    for (float& b : layer.bias) b = *parameters++;
    layers.push_back(std::move(layer));
  }
  return Network(std::move(layers), activation);
}

double network_steps(const BatchedJob& job) {
  return static_cast<double>(job.networks) * job.train.epochs * job.train.batches_per_epoch;
}

void print_sweep_results(std::ostream& out, const std::vector<SweepRow>& rows) {
  out << "layers     activation  gate   lr        learned / networks      rate   median loss   worst loss\n";
  for (const SweepRow& row : rows) {
    char line[200];
    std::snprintf(line, sizeof line, "%-10s %-11s %-6s %-9g %9lld / %-9lld %7.1f%%   %11s  %11s\n",
                  sizes_text(row.job.layers).c_str(), activation_name(row.job.activation).c_str(),
                  gate_name(row.job.train.gate).c_str(), static_cast<double>(row.job.train.lr),
                  static_cast<long long>(row.result.learned_count), static_cast<long long>(row.job.networks),
                  100.0 * static_cast<double>(row.result.learned_count) / static_cast<double>(row.job.networks),
                  fixed4(row.result.median_final_loss).c_str(), fixed4(row.result.worst_final_loss).c_str());
    out << line;
  }
}

void print_sweep_timings(std::ostream& out, const std::vector<SweepRow>& rows) {
  for (const SweepRow& row : rows) {
    char line[200];
    std::snprintf(line, sizeof line, "%s %s %s lr %g: %.3f s, %.3g network-steps/s on %s\n",
                  sizes_text(row.job.layers).c_str(), activation_name(row.job.activation).c_str(),
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
                                    {"median_final_loss", row.result.median_final_loss},
                                    {"worst_final_loss", row.result.worst_final_loss}};
    if (row.job.networks <= per_network_limit) {
      configuration["final_loss"] = row.result.final_loss;
      configuration["predictions"] = row.result.predictions;
      configuration["learned_per_network"] = row.result.learned;
    }
    configurations.push_back(std::move(configuration));
    timing.push_back({{"device", row.result.device},
                      {"seconds", row.result.seconds},
                      {"network_steps_per_second", network_steps(row.job) / row.result.seconds}});
  }
  return {{"settings", settings_json(settings)}, {"configurations", configurations}, {"timing", timing}};
}

}  // namespace nn
