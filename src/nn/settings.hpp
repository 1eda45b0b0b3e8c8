#pragma once
/// \file
/// A chapter's settings, built from its command-line flags (CLI11) and checked before anything runs.

#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "nn/activation.hpp"
#include "nn/train.hpp"

namespace nn {

/// Everything a chapter program is told. The defaults reproduce the forum demo's run.
struct Settings {
  std::vector<int> layers{2, 1, 1};           ///< Layer sizes; must start with 2 and end with 1.
  Activation activation = Activation::tanh;   ///< Chapter 1 overrides this with identity.
  TrainConfig train;                          ///< Gate, loss, optimizer, lr, sizes, seed.
  std::string load_weights;                   ///< Start from this weights file instead of a random init.
  std::string save_weights;                   ///< Save the trained weights here.
  std::string json;                           ///< Write the result as JSON here.
  bool quiet = false;                         ///< Print nothing but errors.
};

/// Parses --seed: a whole number from 0 to 2^64 - 1, no sign; throws InputError otherwise.
std::uint64_t parse_seed(const std::string& text);

/// Parses comma-separated layer sizes such as "2,5,5,1" for `flag`; throws InputError on an empty or
/// malformed item (the sizes themselves are checked by validate).
std::vector<int> parse_layers(const std::string& flag, const std::string& text);

/// Adds the flags every chapter shares (all but --activation) to `app`, bound to `settings`.
void add_training_flags(CLI::App& app, Settings& settings);

/// Adds --activation none|tanh.
void add_activation_flag(CLI::App& app, Settings& settings);

/// Throws InputError unless the layer sizes run from 2 to 1 with every width between 1 and 4096.
void validate_layers(const std::vector<int>& layers);

/// Throws InputError naming the first setting that makes no sense (non-finite or non-positive numbers,
/// layers not 2,...,1, an unwritable output path).
void validate(const Settings& settings);

/// The settings as JSON, so that a result file says exactly how it was made.
nlohmann::json settings_json(const Settings& settings);

}  // namespace nn
