#pragma once
/// \file
/// Training many networks at once with Thrust: what to train, where, and what comes back. Network n of a
/// job starts from seed first_seed + n, so it is exactly the network chapter 2 trains with --seed
/// first_seed + n.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "nn/activation.hpp"
#include "nn/architecture.hpp"
#include "nn/data_source.hpp"
#include "nn/layer_trace.hpp"
#include "nn/names.hpp"
#include "nn/train_config.hpp"

namespace nn::batched {

/// Where the Thrust trainer runs.
enum class Device {
  automatic,  ///< The GPU when one is present, otherwise the CPU.
  cuda,       ///< Thrust's CUDA backend on the GPU.
  cpu,        ///< Thrust's OpenMP backend on the CPU cores.
};

/// The flag spelling of each device.
inline constexpr NameTable<Device, 3> device_names{{
    {Device::automatic, "auto"},
    {Device::cuda, "cuda"},
    {Device::cpu, "cpu"},
}};
static_assert(in_enum_order(device_names), "one name per device, in the enum's order");

/// Parses "auto", "cuda" or "cpu"; throws InputError, listing the names, on anything else.
Device parse_device(const std::string& name);

/// N networks of one configuration, on one data set: network n on make_dataset(data, train.seed + n).
struct BatchedJob {
  std::vector<int> layers{2, 1, 1};             ///< Layer sizes (trainable_shapes_text()).
  Activation activation = Activation::tanh;     ///< Activation after every hidden layer.
  std::optional<Activation> output_activation;  ///< After the output layer; none given: `activation`.
  Init init = Init::pytorch;                    ///< The rule for the starting weights.
  Inputs inputs = Inputs::unit;                 ///< How the inputs are scaled before the first layer.
  DataSource data;                              ///< A gate, or a point set drawn for each network's seed.
  TrainConfig train;                            ///< As chapter 2; train.seed is the first network's seed.
  std::int64_t networks = 1;                    ///< How many networks, seeds train.seed, train.seed + 1, ...
  std::vector<float> initial_parameters;  ///< If not empty, every network starts from these (Shape order).
  bool keep_history = false;              ///< Return every network's loss per epoch.
  bool keep_parameters = false;           ///< Return every network's trained parameters.
  bool keep_learned_epoch = false;        ///< Return the first epoch after which each network met the
                                          ///< learned rule (costs a test-set pass an epoch on point sets).
  bool general_path = false;              ///< Train even a compiled shape on the general path (AnyShape),
                                          ///< to compare the two. Point sets always train there.

  /// The activation after the output layer.
  Activation output_activation_or_hidden() const { return output_activation.value_or(activation); }
  /// The activations and inputs the job's networks compute with.
  Architecture architecture() const { return {activation, output_activation_or_hidden(), inputs}; }
  /// Whether the job trains on the general path: asked to, on a point set, outside the demo's design
  /// (is_demo_design), with bce, or tracing its layers, which the compiled shapes leave out to keep their
  /// registers for the demo's networks.
  bool needs_general_path() const {
    return general_path || data.point_set() || !is_demo_design(architecture(), init) ||
           train.loss == Loss::bce || !train.trace_epochs.empty();
  }
};

/// What a job produced. Per-network arrays are network-major: entry [n * k + j]. The losses, rounds_correctly
/// and the loss histories are on each network's training rows (a gate's: its truth table), `learned` by its
/// data set's rule (meets_learned_rule: a point set's on its test rows).
struct BatchedResult {
  std::string device;                 ///< "cuda (<GPU name>)" or "cpu (OpenMP, <threads> threads)".
  double seconds = 0.0;               ///< Wall time of the training launch alone.
  std::vector<float> final_loss;      ///< Chosen loss on the training rows, per network.
  std::vector<float> final_l1_loss;   ///< Mean L1 on the training rows, per network.
  std::vector<float> predictions;     ///< Gates: outputs on rows 00, 01, 10, 11: [n * 4 + row].
  std::vector<std::uint8_t> learned;  ///< 1 if network n learned its data set (meets_learned_rule).
  std::vector<std::uint8_t>
      rounds_correctly;                     ///< 1 if all of network n's training rows round to their targets.
  std::int64_t learned_count = 0;           ///< Networks that learned.
  std::int64_t rounds_correctly_count = 0;  ///< Networks whose outputs all round to the targets, any loss.
  float median_final_loss = 0.0f;           ///< Median of final_loss.
  float worst_final_loss = 0.0f;            ///< Largest final_loss.
  std::vector<float> train_loss_history;    ///< [n * epochs + epoch], if keep_history.
  std::vector<float> training_set_loss_history;  ///< [n * epochs + epoch], if keep_history: the loss on every
                                                 ///< training row after each epoch.
  std::vector<float> parameters;                 ///< [n * param_count + k], if keep_parameters.
  std::vector<std::int32_t> train_right;  ///< Point sets: training rows right (rounded at 0.5), per network.
  std::vector<std::int32_t> test_right;   ///< Point sets: test rows right, per network.
  std::vector<float> test_loss;           ///< Point sets: chosen loss on the test rows, per network.
  std::vector<std::int32_t> learned_epoch;  ///< If keep_learned_epoch: first epoch (1-based) after which
                                            ///< network n met the learned rule, 0 if none.
  std::vector<std::vector<float>> parameter_snapshots;  ///< [t][n * param_count + k]: every network's
                                                        ///< parameters after train.trace_epochs[t] epochs.
  std::vector<std::vector<LayerTrace>> layer_traces;    ///< [n][t]: network n's layers at
                                                        ///< train.trace_epochs[t], on its training rows.
};

/// Whether this build has the CUDA backend and a GPU is present.
bool cuda_available();

/// Trains the job's networks where `device` says. Throws InputError for a shape the trainer does not take,
/// --device cuda without a GPU, or a job too large for the memory.
BatchedResult train_batched(const BatchedJob& job, Device device);

}  // namespace nn::batched
