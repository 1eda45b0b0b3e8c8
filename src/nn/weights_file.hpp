#pragma once
/// \file
/// Weights as JSON: {"layers": [{"weight": [[...], ...], "bias": [...]}, ...]}, weights out x in, first
/// layer first.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "nn/network.hpp"

namespace nn {

/// The network's layers in the weights-file format.
nlohmann::json weights_to_json(const Network& network);

/// Layers read from the weights-file format; throws InputError if the document is not in that format,
/// holds a non-finite number, or its shapes do not chain.
std::vector<Linear> weights_from_json(const nlohmann::json& document);

/// Writes the network's weights to `path` (whole or not at all).
void save_weights(const std::string& path, const Network& network);

/// Reads a weights file and checks that its layer sizes are `sizes`; throws InputError naming the file and
/// the problem if it is missing, malformed or mismatched.
Network load_weights(const std::string& path, const std::vector<int>& sizes, Activation activation);

}  // namespace nn
