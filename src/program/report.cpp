#include "program/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "nn/dead_units.hpp"
#include "nn/error.hpp"
#include "program/output_file.hpp"
#include "program/weights_file.hpp"

namespace program {

// The core's names, which the plumbing reads and prints throughout.
using namespace nn;

namespace {

// Whether every weight and bias is a finite number; training that diverged leaves infinities or NaNs.
bool all_finite(const Network& network) {
  const auto finite = [](float value) { return std::isfinite(value); };
  for (const Linear& layer : network.layers()) {
    if (!std::all_of(layer.weight.begin(), layer.weight.end(), finite) ||
        !std::all_of(layer.bias.begin(), layer.bias.end(), finite)) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string fixed4(float value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4f", static_cast<double>(value));
  return std::string(text) == "-0.0000" ? "0.0000" : text;
}

std::string column(float value) {
  char text[32];
  std::snprintf(text, sizeof text, "%9s", fixed4(value).c_str());
  return text;
}

void print_settings(std::ostream& out, const Settings& settings) {
  const TrainConfig& t = settings.train;
  const DataSource& d = settings.data;
  const std::string data = d.gate() ? "gate " + data_name(d)
                                    : "dataset " + data_name(d) + " (" + std::to_string(d.train_points) +
                                          " training and " + std::to_string(d.test_points) + " test points)";
  const std::string design = settings.departs_from_demo_design()
                                 ? ", output activation " +
                                       activation_name(settings.output_activation_or_hidden()) + ", init " +
                                       init_name(settings.init) + ", inputs " + inputs_name(settings.inputs)
                                 : std::string();
  out << "settings: layers " << sizes_text(settings.layers) << ", activation "
      << activation_name(settings.activation) << design << ", " << data << ", loss " << loss_name(t.loss)
      << ", optimizer " << optimizer_name(t.optimizer) << ", lr " << t.lr << ", epochs " << t.epochs << ", "
      << (t.full_batch ? std::string("full batch") : "batch size " + std::to_string(t.batch_size)) << ", "
      << t.batches_per_epoch << " batches an epoch, seed " << t.seed << "\n";
}

void print_demo_table(std::ostream& out, const Network& network, const Batch& batch) {
  const Matrix outputs = network.forward(batch.inputs);
  out << "input     output   perfect output\n";
  for (std::size_t row = 0; row < batch.inputs.shape(0); ++row) {
    out << static_cast<int>(batch.inputs(row, 0)) << " " << static_cast<int>(batch.inputs(row, 1)) << "  "
        << column(outputs(row, 0)) << "   " << static_cast<int>(batch.targets(row, 0)) << "\n";
  }
}

namespace {

// A gate's outcome: its truth table with the network's outputs, and its rule.
void print_gate_outcome(std::ostream& out, const Settings& settings, Gate gate, const Outcome& outcome) {
  const std::array<float, 4> targets = truth_table_targets(gate);
  out << "x1 x2  target    network  rounded\n";
  for (std::size_t row = 0; row < 4; ++row) {
    const auto& x = truth_table_inputs[row];
    out << " " << x[0] << "  " << x[1] << "     " << targets[row] << "   " << column(outcome.outputs[row])
        << "     " << rounded_at_half(outcome.outputs[row]) << "\n";
  }
  out << "final " << loss_name(settings.train.loss)
      << " loss on the truth table: " << fixed4(outcome.train_loss) << "\n"
      << (outcome.learned ? "learned " : "did not learn ") << gate_name(gate)
      << " (learned means: every output rounds to its target and the mean L1 loss is below "
      << learned_l1_threshold << ")\n";
}

// A point set's outcome: its accuracies and losses on both halves, and its rule.
void print_point_set_outcome(std::ostream& out, const Settings& settings, const Outcome& outcome) {
  const auto line = [&out](const char* name, const Accuracy& accuracy) {
    char percent[32];
    std::snprintf(percent, sizeof percent, "%.1f%%", 100.0 * accuracy.share());
    out << name << " accuracy " << percent << " (" << accuracy.right << " of " << accuracy.rows
        << " points round to their class at 0.5)\n";
  };
  line("training", outcome.train);
  line("test", outcome.test);
  const std::string loss = loss_name(settings.train.loss);
  out << "final " << loss << " loss: " << fixed4(outcome.train_loss) << " on the training set, "
      << fixed4(outcome.test_loss) << " on the test set\n"
      << (outcome.learned ? "learned " : "did not learn ") << data_name(settings.data)
      << " (learned means: at least " << 100 * learned_test_accuracy
      << "% of the held-out test points round to their class)\n";
}

}  // namespace

void print_outcome(std::ostream& out, const Settings& settings, const Outcome& outcome) {
  if (const Gate* gate = settings.data.gate()) return print_gate_outcome(out, settings, *gate, outcome);
  print_point_set_outcome(out, settings, outcome);
}

nlohmann::json result_json(const Settings& settings, const TrainHistory& history, const Outcome& outcome) {
  nlohmann::json result = {{"settings", settings_json(settings)},
                           {"learned", outcome.learned},
                           {"loss_history", history.train_loss}};
  if (const Gate* gate = settings.data.gate()) {
    result["final_loss"] = outcome.train_loss;
    result["final_l1_loss"] = outcome.train_l1_loss;
    result["predictions"] = outcome.outputs;
    result["targets"] = truth_table_targets(*gate);
    result["truth_table_loss_history"] = history.training_set_loss;
  } else {
    result["train_accuracy"] = outcome.train.share();
    result["test_accuracy"] = outcome.test.share();
    result["train_loss"] = outcome.train_loss;
    result["test_loss"] = outcome.test_loss;
    result["training_set_loss_history"] = history.training_set_loss;
  }
  if (settings.trace_layers) result["layer_trace"] = layer_trace_json(history.layer_traces);
  return result;
}

nlohmann::json layer_trace_json(const std::vector<LayerTrace>& traces) {
  nlohmann::json json = nlohmann::json::array();
  for (const LayerTrace& trace : traces) {
    nlohmann::json norms = nlohmann::json::array(), activations = nlohmann::json::array(),
                   stalled = nlohmann::json::array();
    for (const LayerStatistics& layer : trace.layers) {
      norms.push_back(layer.gradient_norm);
      activations.push_back(layer.mean_abs_activation);
      stalled.push_back(layer.stalled_share);
    }
    json.push_back(
        {{"epoch", trace.epoch},
         {"layer_gradient_norms", norms},
         {"mean_abs_activations", activations},
         {"stalled_shares", stalled},
         {"first_to_last_hidden_gradient_ratio", first_to_last_hidden_gradient_ratio(trace.layers)}});
  }
  return json;
}

void write_outputs(const Settings& settings, const nlohmann::json& result, const Network& network) {
  // Weights that are not finite numbers could only be written as null, which --load-weights rejects; the
  // loss history says what happened, so --json alone is still written (its NaNs as null, valid JSON).
  if (!settings.save_weights.empty() && !all_finite(network)) {
    throw InputError(
        "training diverged: the trained weights are not finite numbers, so --save-weights was not "
        "written; try a smaller --lr");
  }
  if (!settings.json.empty()) write_file_atomically("--json", settings.json, json_text(result));
  if (!settings.save_weights.empty()) save_weights(settings.save_weights, network);
}

void print_if_output_dead(std::ostream& out, const Network& network, const Matrix& inputs) {
  if (!count_dead_units(network, inputs).output_dead) return;
  out << "\nthe output unit is dead: on every training input its "
      << activation_name(network.output_activation())
      << " outputs 0 with slope 0, so the network outputs 0 there and no gradient reaches any weight\n";
}

}  // namespace program
