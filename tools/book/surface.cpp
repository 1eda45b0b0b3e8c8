// The book's heat maps: a trained network's output over the whole unit square, not only at the four
// corners the truth table asks about. A linear network's output is a tilted plane; tanh's bends.
//
// usage: book-surface --load-weights FILE [--layers 2,1,1] [--activation tanh] [--resolution 41] --json OUT
//                     [--dataset NAME --seed S [--train-points 200]] [--no-trace]
//
// It reads a file the chapters write with --save-weights and evaluates the network with the library's own
// forward pass, so the figure shows exactly the function the chapter trained. The JSON holds the output
// ("outputs", [row][col]) and, for the pictures of hidden units, every layer's weighted sums and activations
// ("trace": one entry per layer, first layer first, each {"pre_activations": [unit][row][col],
// "activations": [unit][row][col]}; --no-trace leaves it out, for figures that draw only the output and would
// otherwise carry every hidden unit's grid into the book's files). Row j, column i is the point (x1, x2) =
// (i, j) / (resolution - 1), so the grid's corners are exactly the truth table's inputs.
//
// With --dataset, --seed and --train-points as the chapter was given them, it adds the point set's training
// points ("points": {"inputs": [[x1, x2], ...], "targets": [...]}), drawn by the library's make_dataset,
// so the figure shows exactly the points the network was trained on, and the hidden units that are dead on
// them ("dead_units": {"per_layer", "total", "hidden_units", "output_dead"}, by nn::count_dead_units).

#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "nn/dead_units.hpp"
#include "nn/data.hpp"
#include "program/output_file.hpp"
#include "program/program.hpp"
#include "program/settings.hpp"

namespace {

/// Column `unit` of values computed at every grid point, as [row][col] over the square.
nlohmann::json over_square(const nn::Matrix& values, std::size_t unit, int resolution) {
  nlohmann::json rows = nlohmann::json::array();
  for (int j = 0; j < resolution; ++j) {
    nlohmann::json row = nlohmann::json::array();
    for (int i = 0; i < resolution; ++i) row.push_back(values(j * resolution + i, unit));
    rows.push_back(row);
  }
  return rows;
}

/// Every unit of a layer, as [unit][row][col].
nlohmann::json units_over_square(const nn::Matrix& values, int resolution) {
  nlohmann::json units = nlohmann::json::array();
  for (std::size_t unit = 0; unit < values.shape(1); ++unit)
    units.push_back(over_square(values, unit, resolution));
  return units;
}

/// The network's output and each layer's z = W a + b and g(z), at every grid point.
nlohmann::json surface(const nn::Network& network, int resolution) {
  const nn::ForwardTrace trace = network.forward_trace(nn::unit_square_grid(resolution));
  nlohmann::json layers = nlohmann::json::array();
  for (std::size_t l = 0; l < trace.pre_activations.size(); ++l) {
    // A layer's activations are the next layer's input; the last layer's are the output.
    const nn::Matrix& activations = l + 1 < trace.inputs.size() ? trace.inputs[l + 1] : trace.output;
    layers.push_back({{"pre_activations", units_over_square(trace.pre_activations[l], resolution)},
                      {"activations", units_over_square(activations, resolution)}});
  }
  return {{"outputs", over_square(trace.output, 0, resolution)}, {"trace", layers}};
}

/// A point set's rows as {"inputs": [[x1, x2], ...], "targets": [t, ...]}, row by row.
nlohmann::json points_json(const nn::Batch& rows) {
  nlohmann::json inputs = nlohmann::json::array();
  nlohmann::json targets = nlohmann::json::array();
  for (std::size_t r = 0; r < rows.inputs.shape(0); ++r) {
    inputs.push_back({rows.inputs(r, 0), rows.inputs(r, 1)});
    targets.push_back(rows.targets(r, 0));
  }
  return {{"inputs", inputs}, {"targets", targets}};
}

/// What nn::count_dead_units found, as JSON.
nlohmann::json dead_units_json(const nn::DeadUnits& dead) {
  return {{"per_layer", dead.per_layer},
          {"total", dead.total},
          {"hidden_units", dead.hidden_units},
          {"output_dead", dead.output_dead}};
}

}  // namespace

int main(int argc, char** argv) {
  program::Settings
      settings;  // --load-weights, --layers, --activation and --json, checked as the chapters check them
  int resolution = 41;
  bool no_trace = false;
  CLI::App app{"A trained network's output over the unit square, as JSON, for the book's heat maps.",
               "book-surface"};
  program::add_file_flag(app, "--load-weights", settings.load_weights,
                         "weights written by a chapter's --save-weights")
      ->required();
  app.add_option_function<std::string>(
         "--layers",
         [&settings](const std::string& text) { settings.layers = program::parse_layers("--layers", text); },
         "the network's layer sizes")
      ->default_str("2,1,1");
  program::add_activation_flag(app, settings);
  program::add_inputs_flag(app,
                           settings);  // the network's own: a centred network still draws the unit square
  app.add_option("--resolution", resolution, "grid points along each side")
      ->check(CLI::Range(2, 1001))
      ->default_str("41");
  program::add_file_flag(app, "--json", settings.json, "where to write the surface (- for standard output)",
                         true)
      ->required();
  program::add_switch(app, "--no-trace", no_trace,
                      "leave out the layers' sums and activations: the output alone");
  // The point set the chapter trained on, drawn again from the same flags (chapter 2's spelling).
  program::add_dataset_flags(app, settings);
  app.add_option_function<std::string>(
         "--seed", [&settings](const std::string& text) { settings.train.seed = program::parse_seed(text); },
         "the chapter's --seed, which draws the point set's points")
      ->default_str(std::to_string(settings.train.seed));
  return program::run_program(app, argc, argv, settings, [&] {
    const nn::Network network = program::starting_network(settings);
    const nlohmann::json values = surface(network, resolution);
    nlohmann::json document = {{"activation", nn::activation_name(settings.activation)},
                               {"layers", settings.layers},
                               {"resolution", resolution},
                               {"outputs", values["outputs"]}};
    if (!no_trace) document["trace"] = values["trace"];
    if (settings.data.point_set()) {
      const nn::Dataset data = nn::make_dataset(settings.data, settings.train.seed);
      document["dataset"] = nn::data_name(settings.data);
      document["seed"] = settings.train.seed;
      document["points"] = points_json(data.train);
      document["dead_units"] = dead_units_json(nn::count_dead_units(network, data.train.inputs));
    }
    program::write_file_atomically("--json", settings.json, program::json_text(document));
  });
}
