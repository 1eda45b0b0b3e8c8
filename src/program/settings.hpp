#pragma once
/// \file
/// A chapter's settings, built from its command-line flags (CLI11) and checked before anything runs.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "program/settings_fields.hpp"
#include "program/validate.hpp"

namespace program {

/// Parses --seed: a whole number from 0 to 2^64 - 1, no sign; throws InputError otherwise.
std::uint64_t parse_seed(const std::string& text);

/// Parses comma-separated layer sizes such as "2,5,5,1" for `flag`; throws InputError on an empty or
/// malformed item (the sizes themselves are checked by validate).
std::vector<int> parse_layers(const std::string& flag, const std::string& text);

/// The items of the comma-separated lists given to `flag` (one text per time the flag was given), in
/// order; throws InputError on an empty item ("and,,xor", "and," or ",and"), which is a typo, not a wish.
std::vector<std::string> list_items(const std::string& flag, const std::vector<std::string>& texts);

/// Adds a whole-number flag bound to `value`, read as --seed is read: decimal digits with an optional
/// leading minus (validate names a value out of range), and no "+", spaces, "0x" or octal.
CLI::Option* add_whole_number_flag(CLI::App& app, const std::string& flag, int& value,
                                   const std::string& description);
/// The same for a 64-bit value, such as chapter 3's --networks.
CLI::Option* add_whole_number_flag(CLI::App& app, const std::string& flag, std::int64_t& value,
                                   const std::string& description);

/// Adds an on/off flag bound to `value`; it takes no value, so `--quiet=yes` is an error, not a switch.
CLI::Option* add_switch(CLI::App& app, const std::string& flag, bool& value, const std::string& description);

/// Adds a file-name flag bound to `path`. An empty name, or one starting with '-' (a flag swallowed as a
/// name, as in `--json --quiet`), is an error rather than a silent no-op or a file called "--quiet"; "-"
/// alone names standard output if `dash_is_stdout` (--json), and is an error otherwise.
CLI::Option* add_file_flag(CLI::App& app, const std::string& flag, std::string& path,
                           const std::string& description, bool dash_is_stdout = false);

/// Adds the flags every chapter shares (all but --activation) to `app`, bound to `settings`.
void add_training_flags(CLI::App& app, Settings& settings);

/// Adds --trace-layers and --trace-epochs (add_training_flags does), which set settings.train.trace_epochs
/// once every flag is read.
void add_trace_flags(CLI::App& app, Settings& settings);

/// Adds --inputs unit|centred (add_training_flags does; a tool that draws a saved network takes it alone).
void add_inputs_flag(CLI::App& app, Settings& settings);

/// Adds --activation (after the hidden layers) and --output-activation.
void add_activation_flag(CLI::App& app, Settings& settings);

/// Parses an output activation: "same" (none chosen: the hidden layers' activation) or an activation's name;
/// throws InputError, listing the names, on anything else.
std::optional<nn::Activation> parse_output_activation(const std::string& name);

/// Adds --output-activation alone (the zoo takes its hidden activations from --activations).
void add_output_activation_flag(CLI::App& app, Settings& settings);

/// Adds --dataset (gate, the default, or a point set) with --train-points and --test-points, for the
/// xtensor trainer's chapters.
void add_dataset_flags(CLI::App& app, Settings& settings);

/// The settings as JSON, so that a result file says exactly how it was made.
nlohmann::json settings_json(const Settings& settings);

}  // namespace program
