#include "program/weights_file.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xtensor/xbuilder.hpp>

#include "nn/error.hpp"
#include "program/output_file.hpp"

namespace program {

// The core's names, which the plumbing reads and prints throughout.
using namespace nn;

namespace {

float finite_number(const nlohmann::json& value, const std::string& where) {
  if (!value.is_number()) throw InputError(where + " is not a number");
  const double number = value.get<double>();
  if (!std::isfinite(number) || std::fabs(number) > std::numeric_limits<float>::max()) {
    throw InputError(where + " is not a finite float");
  }
  return static_cast<float>(number);
}

// A layer's {in, out}, from the lengths of its weight rows and bias, every row checked, so that a file with
// one wide row and many short ones is rejected before zero_linear allocates in x out of them.
std::pair<std::size_t, std::size_t> layer_shape(const nlohmann::json& layer, const std::string& where) {
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
  for (std::size_t o = 1; o < out; ++o) {
    if (!weight[o].is_array() || weight[o].size() != in) {
      throw InputError(where + ".weight[" + std::to_string(o) + "] must hold " + std::to_string(in) +
                       " numbers like the first row");
    }
  }
  return {in, out};
}

// A layer whose shape layer_shape has checked.
Linear layer_from_json(const nlohmann::json& layer, const std::string& where) {
  const auto [in, out] = layer_shape(layer, where);
  Linear result = zero_linear(in, out);
  for (std::size_t o = 0; o < out; ++o) {
    const std::string row = where + ".weight[" + std::to_string(o) + "]";
    for (std::size_t i = 0; i < in; ++i) {
      result.weight(o, i) = finite_number(layer["weight"][o][i], row + "[" + std::to_string(i) + "]");
    }
    result.bias(o) = finite_number(layer["bias"][o], where + ".bias[" + std::to_string(o) + "]");
  }
  return result;
}

// The weights file's JSON, parsed as it is read. A weights file for `sizes` holds about one JSON value per
// parameter; one with many times more is the wrong file, and is rejected as soon as it passes that count
// rather than after its parse tree has filled the memory.
nlohmann::json read_weights_document(const std::string& path, const std::vector<int>& sizes) {
  const std::string name = "--load-weights file '" + path + "'";
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError("cannot read " + name + ": " + std::strerror(errno));
  struct stat info {};
  if (::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {
    ::close(fd);
    throw InputError("cannot read " + name + ": it is a directory");
  }
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(::fdopen(fd, "r"), &std::fclose);
  if (!file) {
    ::close(fd);
    throw InputError("cannot read " + name + ": " + std::strerror(errno));
  }
  // Each number, row, bracket and key is one parse event; four times a parameter leaves room for keys and
  // values the format does not use.
  const double event_limit = 4 * (parameter_count(sizes) + 16.0 * static_cast<double>(sizes.size())) + 1024;
  double events = 0;
  const auto count = [&](int, nlohmann::json::parse_event_t, nlohmann::json&) {
    if (++events > event_limit) {
      throw InputError(name + " holds far more values than weights for --layers " + sizes_text(sizes));
    }
    return true;
  };
  errno = 0;
  nlohmann::json document = nlohmann::json::parse(file.get(), count, /*allow_exceptions=*/false);
  if (std::ferror(file.get()))
    throw InputError("cannot read " + name + ": " + std::strerror(errno ? errno : EIO));
  if (document.is_discarded()) throw InputError(name + " is not valid JSON");
  return document;
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
    layers.push_back(
        {{"weight", std::move(weight)}, {"bias", std::vector<float>(layer.bias.begin(), layer.bias.end())}});
  }
  return {{"layers", std::move(layers)}};
}

std::vector<int> weights_sizes(const nlohmann::json& document) {
  if (!document.is_object() || !document.contains("layers") || !document["layers"].is_array() ||
      document["layers"].empty()) {
    throw InputError("expected an object {\"layers\": [...]} with at least one layer");
  }
  const nlohmann::json& layers = document["layers"];
  std::vector<int> sizes;
  for (std::size_t l = 0; l < layers.size(); ++l) {
    const auto [in, out] = layer_shape(layers[l], "layers[" + std::to_string(l) + "]");
    if (l > 0 && in != static_cast<std::size_t>(sizes.back())) {
      throw InputError("layers[" + std::to_string(l) + "] takes " + std::to_string(in) +
                       " inputs but the layer before gives " + std::to_string(sizes.back()));
    }
    if (l == 0) sizes.push_back(static_cast<int>(in));
    sizes.push_back(static_cast<int>(out));
  }
  return sizes;
}

std::vector<Linear> weights_from_json(const nlohmann::json& document) {
  weights_sizes(document);  // every shape checked before any layer is allocated
  std::vector<Linear> layers;
  for (std::size_t l = 0; l < document["layers"].size(); ++l) {
    layers.push_back(layer_from_json(document["layers"][l], "layers[" + std::to_string(l) + "]"));
  }
  return layers;
}

void save_weights(const std::string& path, const Network& network) {
  write_file_atomically("--save-weights", path, json_text(weights_to_json(network)));
}

Network load_weights(const std::string& path, const std::vector<int>& sizes, Activation activation) {
  return load_weights(path, sizes, Architecture::same_everywhere(activation));
}

Network load_weights(const std::string& path, const std::vector<int>& sizes,
                     const Architecture& architecture) {
  const nlohmann::json document = read_weights_document(path, sizes);
  try {
    const std::vector<int> file_sizes = weights_sizes(document);
    if (file_sizes != sizes) {
      throw InputError("has layers " + sizes_text(file_sizes) + " but --layers is " + sizes_text(sizes));
    }
    return Network(weights_from_json(document), architecture);
  } catch (const InputError& error) {
    throw InputError("--load-weights file '" + path + "': " + error.what());
  }
}

}  // namespace program
