// The book's picture of what a ReLU network computes: a surface made of flat pieces. For each depth and
// width, networks from seeds 0 to --seeds - 1, each started by --init and trained as chapter 5's grid trains
// its networks by default (with a linear output, on the --dataset points of its seed: full-batch MSE with
// Adam at a learning rate of 0.05, --epochs epochs of 10 steps; 0 epochs: untrained), by chapter 2's trainer;
// then the number of pieces (nn::linear_regions) a --resolution x --resolution grid of the unit square
// meets; for the network of seed 0 at each --map-width, which piece each grid point lies on and the output.
//
// usage: book-regions [--activation relu] [--init he] [--dataset ring] [--epochs 40] [--depths 1,2,4,8]
//                     [--widths 4,8,16] [--seeds 8] [--map-width 8] [--resolution 160] --json OUT
//
// JSON: {"activation", "init", "dataset", "epochs", "resolution", "counts": [{"hidden_layers", "width",
// "per_seed", "median"}],
//        "maps": [{"hidden_layers", "width", "count", "regions": [row][col], "outputs": [row][col]}]}; row j,
// column i is the point (i, j) / (resolution - 1).

#include <algorithm>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "nn/data.hpp"
#include "nn/linear_regions.hpp"
#include "nn/point_sets.hpp"
#include "nn/train.hpp"
#include "program/output_file.hpp"
#include "program/program.hpp"
#include "program/settings.hpp"

namespace {

std::vector<int> layers_of(int hidden_layers, int width) {
  std::vector<int> layers(static_cast<std::size_t>(hidden_layers) + 2, width);
  layers.front() = 2;
  layers.back() = 1;
  return layers;
}

template <class T>
nlohmann::json over_square(const std::vector<T>& values, int resolution) {
  nlohmann::json rows = nlohmann::json::array();
  for (int j = 0; j < resolution; ++j) {
    rows.push_back(std::vector<T>(values.begin() + j * resolution, values.begin() + (j + 1) * resolution));
  }
  return rows;
}

}  // namespace

int main(int argc, char** argv) {
  program::Settings
      settings;  // --activation, --init, --dataset and --json, checked as the chapters check them
  settings.activation = nn::Activation::relu;
  settings.init = nn::Init::he;
  settings.data.kind = nn::PointSet::ring;
  nn::TrainConfig training;  // chapter 5's defaults
  training.loss = nn::Loss::mse;
  training.lr = 0.05f;
  training.full_batch = true;
  training.epochs = 40;
  training.batches_per_epoch = 10;
  std::vector<int> depths{1, 2, 4, 8}, widths{4, 8, 16};
  int seeds = 8, map_width = 8, resolution = 160;
  CLI::App app{"The flat pieces of ReLU networks over the unit square, as JSON, for the book's figure.",
               "book-regions"};
  app.add_option_function<std::string>(
         "--activation",
         [&settings](const std::string& name) { settings.activation = nn::parse_activation(name); },
         "the hidden layers' activation: none, relu or leaky-relu")
      ->default_str("relu");
  app.add_option_function<std::string>(
         "--init", [&settings](const std::string& name) { settings.init = nn::parse_init(name); },
         "the starting weights' rule")
      ->default_str("he");
  app.add_option_function<std::string>(
         "--dataset",
         [&settings](const std::string& name) {
           settings.data.kind = nn::parse_data_kind("--dataset", name);
         },
         "the points each network trains on (its seed's)")
      ->default_str("ring");
  app.add_option("--epochs", training.epochs, "epochs of training, 0 for none")->check(CLI::Range(0, 1000));
  app.add_option("--depths", depths, "hidden layers")->delimiter(',')->check(CLI::Range(0, 8));
  app.add_option("--widths", widths, "units a hidden layer")->delimiter(',')->check(CLI::Range(1, 16));
  app.add_option("--seeds", seeds, "networks per depth and width")->check(CLI::Range(1, 1000));
  app.add_option("--map-width", map_width, "the width whose pieces are drawn")->check(CLI::Range(1, 16));
  app.add_option("--resolution", resolution, "grid points along each side")->check(CLI::Range(2, 1001));
  program::add_file_flag(app, "--json", settings.json, "where to write the pieces (- for standard output)",
                         true)
      ->required();
  return program::run_program(app, argc, argv, settings, [&] {
    const nn::Matrix square = nn::unit_square_grid(resolution);
    const nn::Architecture architecture{settings.activation, nn::Activation::identity, nn::Inputs::unit};
    nlohmann::json counts = nlohmann::json::array(), maps = nlohmann::json::array();
    for (const int depth : depths) {
      for (const int width : widths) {
        std::vector<int> per_seed;
        for (int seed = 0; seed < seeds; ++seed) {
          const auto network_seed = static_cast<std::uint64_t>(seed);
          nn::Network network =
              nn::Network::initialised(layers_of(depth, width), architecture, settings.init, network_seed);
          training.seed = network_seed;
          if (training.epochs > 0)
            nn::train(network, nn::make_dataset(settings.data, network_seed), training, {});
          const nn::LinearRegions regions = nn::linear_regions(network, square);
          per_seed.push_back(regions.count);
          if (seed == 0 && width == map_width) {
            const nn::Matrix outputs = network.forward(square);
            maps.push_back(
                {{"hidden_layers", depth},
                 {"width", width},
                 {"count", regions.count},
                 {"regions", over_square(regions.region_of, resolution)},
                 {"outputs", over_square(std::vector<float>(outputs.begin(), outputs.end()), resolution)}});
          }
        }
        std::vector<int> sorted = per_seed;
        std::sort(sorted.begin(), sorted.end());
        const std::size_t middle = sorted.size() / 2;
        const double median =
            sorted.size() % 2 == 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
        counts.push_back(
            {{"hidden_layers", depth}, {"width", width}, {"per_seed", per_seed}, {"median", median}});
      }
    }
    const nlohmann::json document = {{"activation", nn::activation_name(settings.activation)},
                                     {"init", nn::init_name(settings.init)},
                                     {"dataset", nn::data_name(settings.data)},
                                     {"epochs", training.epochs},
                                     {"resolution", resolution},
                                     {"counts", counts},
                                     {"maps", maps}};
    program::write_file_atomically("--json", settings.json, program::json_text(document));
  });
}
