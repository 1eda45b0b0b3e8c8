#include "nn/weights_file.hpp"

#include <cmath>
#include <fstream>
#include <limits>

#include <xtensor/xbuilder.hpp>

#include "nn/error.hpp"
#include "nn/output_file.hpp"

namespace nn {

namespace {

float finite_number(const nlohmann::json& value, const std::string& where) {
  if (!value.is_number()) throw InputError(where + " is not a number");
  const double number = value.get<double>();
  if (!std::isfinite(number) || std::fabs(number) > std::numeric_limits<float>::max()) {
    throw InputError(where + " is not a finite float");
  }
  return static_cast<float>(number);
}

Linear layer_from_json(const nlohmann::json& layer, const std::string& where) {
  if (!layer.is_object() || !layer.contains("weight") || !layer.contains("bias")) {
    throw InputError(where + " needs \"weight\" and \"bias\"");
  }
  const nlohmann::json& weight = layer["weight"];
  const nlohmann::json& bias = layer["bias"];
  if (!weight.is_array() || weight.empty() || !weight[0].is_array() || weight[0].empty()) {
    throw InputError(where + ".weight must be a non-empty array of rows");
  }
  const std::size_t out = weight.size();
  const std::size_t in = weight[0].size();
  if (!bias.is_array() || bias.size() != out) {
    throw InputError(where + ".bias must hold " + std::to_string(out) + " numbers, one per weight row");
  }
  Linear result = zero_linear(in, out);
  for (std::size_t o = 0; o < out; ++o) {
    const std::string row = where + ".weight[" + std::to_string(o) + "]";
    if (!weight[o].is_array() || weight[o].size() != in) {
      throw InputError(row + " must hold " + std::to_string(in) + " numbers like the first row");
    }
    for (std::size_t i = 0; i < in; ++i) {
      result.weight(o, i) = finite_number(weight[o][i], row + "[" + std::to_string(i) + "]");
    }
    result.bias(o) = finite_number(bias[o], where + ".bias[" + std::to_string(o) + "]");
  }
  return result;
}

}  // namespace

nlohmann::json weights_to_json(const Network& network) {
  nlohmann::json layers = nlohmann::json::array();
  for (const Linear& layer : network.layers()) {
    nlohmann::json weight = nlohmann::json::array();
    for (std::size_t o = 0; o < layer.out(); ++o) {
      nlohmann::json row = nlohmann::json::array();
      for (std::size_t i = 0; i < layer.in(); ++i) row.push_back(layer.weight(o, i));
      weight.push_back(std::move(row));
    }
    layers.push_back({{"weight", std::move(weight)}, {"bias", std::vector<float>(layer.bias.begin(), layer.bias.end())}});
  }
  return {{"layers", std::move(layers)}};
}

std::vector<Linear> weights_from_json(const nlohmann::json& document) {
  if (!document.is_object() || !document.contains("layers") || !document["layers"].is_array() ||
      document["layers"].empty()) {
    throw InputError("expected an object {\"layers\": [...]} with at least one layer");
  }
  std::vector<Linear> layers;
  for (std::size_t l = 0; l < document["layers"].size(); ++l) {
    layers.push_back(layer_from_json(document["layers"][l], "layers[" + std::to_string(l) + "]"));
    if (l > 0 && layers[l].in() != layers[l - 1].out()) {
      throw InputError("layers[" + std::to_string(l) + "] takes " + std::to_string(layers[l].in()) +
                       " inputs but the layer before gives " + std::to_string(layers[l - 1].out()));
    }
  }
  return layers;
}

void save_weights(const std::string& path, const Network& network) {
  write_file_atomically("--save-weights", path, json_text(weights_to_json(network)));
}

Network load_weights(const std::string& path, const std::vector<int>& sizes, Activation activation) {
  std::ifstream file(path);
  if (!file) throw InputError("cannot read --load-weights file '" + path + "'");
  const nlohmann::json document = nlohmann::json::parse(file, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) throw InputError("--load-weights file '" + path + "' is not valid JSON");
  try {
    Network network(weights_from_json(document), activation);
    if (network.sizes() != sizes) {
      throw InputError("has layers " + sizes_text(network.sizes()) + " but --layers is " + sizes_text(sizes));
    }
    return network;
  } catch (const InputError& error) {
    throw InputError("--load-weights file '" + path + "': " + error.what());
  }
}

}  // namespace nn
