#pragma once
/// \file
/// What a chapter prints and writes: progress lines, the demo's table, how the network did, the JSON result.

#include <functional>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "nn/data.hpp"
#include "nn/outcome.hpp"
#include "nn/tensor.hpp"
#include "program/settings.hpp"
#include "nn/train.hpp"

namespace program {

/// A number as the book prints it: fixed, four decimals, "-0.0000" printed as "0.0000".
std::string fixed4(float value);

/// fixed4 right-aligned in a column nine characters wide, for tables.
std::string column(float value);

/// The settings on one line.
void print_settings(std::ostream& out, const Settings& settings);

/// The progress callback: one line an epoch (epoch, training loss, the loss on every training row, which
/// for a gate is its truth table, elapsed time) on `out`, or nothing when quiet. Wall times vary run to run,
/// so chapters send this to stderr and keep stdout byte-identical for a given seed.
std::function<void(const nn::EpochReport&)> progress_printer(std::ostream& out, const Settings& settings);

/// The demo's table: each input row, the network's output and the perfect output.
void print_demo_table(std::ostream& out, const nn::Network& network, const nn::Batch& batch);

/// How the network did on its data set, as the chapters print it: for a gate, the truth table with the
/// network's outputs and rounded answers, the final loss and whether it learned the gate; for a point set,
/// its accuracies on the training and test sets, its losses, and whether it learned the set.
void print_outcome(std::ostream& out, const Settings& settings, const nn::Outcome& outcome);

/// Layer traces as JSON, one object an epoch traced: its epoch and, one entry a layer (the output layer
/// last), layer_gradient_norms, mean_abs_activations and stalled_shares; and the trace's
/// first_to_last_hidden_gradient_ratio.
nlohmann::json layer_trace_json(const std::vector<nn::LayerTrace>& traces);

/// The result document: the settings, the loss curves (loss_history; truth_table_loss_history for a gate,
/// training_set_loss_history for a point set) and how it did, in the data set's terms: for a gate final_loss,
/// final_l1_loss, predictions, targets and learned; for a point set train_accuracy, test_accuracy,
/// train_loss, test_loss and learned; with --trace-layers, layer_trace (layer_trace_json).
nlohmann::json result_json(const Settings& settings, const nn::TrainHistory& history,
                           const nn::Outcome& outcome);

/// Writes `result` to settings.json (if set) and the weights to settings.save_weights (if set); throws
/// InputError, writing neither, if weights are to be saved and training left them not finite.
void write_outputs(const Settings& settings, const nlohmann::json& result, const nn::Network& network);

/// Says so, in a paragraph of its own, when the network's output unit is dead on `inputs` (the ones it
/// trained on): its output and its slope are 0 on every one of them (count_dead_units), so no gradient
/// reaches any weight. Prints nothing otherwise.
void print_if_output_dead(std::ostream& out, const nn::Network& network, const nn::Matrix& inputs);

}  // namespace program
