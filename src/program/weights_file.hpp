#pragma once
/// \file
/// Weights as JSON: {"layers": [{"weight": [[...], ...], "bias": [...]}, ...]}, weights out x in, first
/// layer first.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "nn/network.hpp"

namespace program {

/// The network's layers in the weights-file format.
nlohmann::json weights_to_json(const nn::Network& network);

/// The layer sizes a weights document describes, e.g. {2, 5, 5, 1}: its structure and every row's length
/// checked, no number read and nothing allocated; throws InputError as weights_from_json does.
std::vector<int> weights_sizes(const nlohmann::json& document);

/// Layers read from the weights-file format; throws InputError if the document is not in that format,
/// holds a non-finite number, or its shapes do not chain. Every shape is checked before a layer is
/// allocated, so a malformed document cannot ask for more memory than its own size.
std::vector<nn::Linear> weights_from_json(const nlohmann::json& document);

/// Writes the network's weights to `path` (whole or not at all).
void save_weights(const std::string& path, const nn::Network& network);

/// Reads a weights file and checks that its layer sizes are `sizes` before allocating the layers; throws
/// InputError naming the file and the problem if it is missing, unreadable (a directory, an I/O error),
/// malformed, mismatched, or far larger than weights for `sizes` can be.
nn::Network load_weights(const std::string& path, const std::vector<int>& sizes, nn::Activation activation);
/// The same, for a network computing as `architecture` says.
nn::Network load_weights(const std::string& path, const std::vector<int>& sizes,
                         const nn::Architecture& architecture);

}  // namespace program
