#include "program/validate.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "nn/error.hpp"
#include "program/output_file.hpp"
#include "program/training_memory.hpp"
#include "program/weights_file.hpp"

namespace program {

// The core's names, which the plumbing reads and prints throughout.
using namespace nn;

namespace {

// Widths above this would make a toy network that no longer fits the book's story or the memory.
constexpr int max_layer_width = 4096;
// A batch is a matrix of this many rows; more would exhaust memory before it taught anything.
constexpr int max_batch_size = 1 << 20;

void require_positive(const char* flag, int value) {
  if (value <= 0) throw InputError(std::string(flag) + " must be > 0, got " + std::to_string(value));
}

// The data's choices: --gate and --dataset not naming two data sets, and point counts only for a point set.
void validate_data(const Settings& settings) {
  const DataSource& data = settings.data;
  if (settings.gate_flag && settings.dataset_flag && data.kind != decltype(data.kind){*settings.gate_flag}) {
    throw InputError("--gate " + gate_name(*settings.gate_flag) + " and --dataset " + data_name(data) +
                     " both choose the data; give one of them");
  }
  const DataSource defaults;
  if (data.gate()) {
    if (data.train_points != defaults.train_points || data.test_points != defaults.test_points) {
      throw InputError(
          "--train-points and --test-points size a point set; --dataset gate has the four "
          "truth-table rows");
    }
    return;
  }
  for (const auto& [flag, points] :
       {std::pair{"--train-points", data.train_points}, std::pair{"--test-points", data.test_points}}) {
    require_positive(flag, points);
    if (points > max_batch_size) {
      throw InputError(std::string(flag) + " must be at most " + std::to_string(max_batch_size) + ", got " +
                       std::to_string(points));
    }
  }
}

// The most rows one forward pass takes: a training batch, or a whole point set when it is judged.
int widest_batch(const Settings& settings) {
  const TrainConfig& train = settings.train;
  if (settings.data.gate()) return train.full_batch ? 4 : train.batch_size;
  const int whole_sets = std::max(settings.data.train_points, settings.data.test_points);
  return train.full_batch ? whole_sets : std::max(train.batch_size, whole_sets);
}

}  // namespace

void validate_loss_and_output(Loss loss, Activation output_activation) {
  if (loss == Loss::bce && output_activation != Activation::sigmoid) {
    throw InputError(
        "--loss bce is the cross-entropy of a sigmoid output and needs --output-activation sigmoid, "
        "got " +
        activation_name(output_activation));
  }
}

void validate_layers(const std::vector<int>& layers) {
  if (layers.size() < 2 || layers.front() != 2 || layers.back() != 1) {
    throw InputError("--layers must start with 2 (two input bits) and end with 1 (one output), got " +
                     sizes_text(layers));
  }
  for (int width : layers) {
    if (width <= 0 || width > max_layer_width) {
      throw InputError("--layers sizes must be between 1 and " + std::to_string(max_layer_width) + ", got " +
                       sizes_text(layers));
    }
  }
}

void validate(const Settings& settings) {
  const TrainConfig& train = settings.train;
  if (!std::isfinite(train.lr)) throw InputError("--lr must be a finite number");
  if (!(train.lr > 0.0f)) throw InputError("--lr must be > 0, got " + std::to_string(train.lr));
  require_positive("--epochs", train.epochs);
  require_positive("--batch-size", train.batch_size);
  if (train.batch_size > max_batch_size) {
    throw InputError("--batch-size must be at most " + std::to_string(max_batch_size) + ", got " +
                     std::to_string(train.batch_size));
  }
  require_positive("--batches-per-epoch", train.batches_per_epoch);
  for (const int epoch : train.trace_epochs) {
    if (epoch < 0 || epoch > train.epochs) {
      throw InputError("--trace-epochs must be from 0 (before the first step) to --epochs (" +
                       std::to_string(train.epochs) + "), got " + std::to_string(epoch));
    }
  }
  if (!settings.grid_chooses_activations)
    validate_loss_and_output(train.loss, settings.output_activation_or_hidden());
  validate_data(settings);
  const std::vector<int>& layers = settings.layers;
  validate_layers(layers);
  // Before anything is allocated, a weights file included. (Chapter 3's shapes are far below the limit.)
  check_training_memory(layers, widest_batch(settings));
  // Read a weights file now, so that a bad one is reported before anything is printed or trained.
  if (!settings.load_weights.empty()) load_weights(settings.load_weights, layers, settings.architecture());
  if (!settings.json.empty() && !settings.save_weights.empty()) {
    // --json - takes standard output, which /dev/stdout (or a file it is redirected to) would share.
    if (is_standard_output(settings.json) && same_file("/dev/stdout", settings.save_weights)) {
      throw InputError("--json - and --save-weights '" + settings.save_weights +
                       "' both write to standard output");
    }
    if (!is_standard_output(settings.json) && same_file(settings.json, settings.save_weights)) {
      throw InputError("--json and --save-weights name the same file '" + settings.json + "'");
    }
  }
  if (!settings.save_weights.empty()) check_writable("--save-weights", settings.save_weights);
  if (!settings.json.empty()) check_writable("--json", settings.json);
}

}  // namespace program
