#pragma once
/// \file
/// The training loop: epochs of batches, as the demo trains, with a report after every epoch.

#include <functional>
#include <vector>

#include "nn/data.hpp"
#include "nn/layer_trace.hpp"
#include "nn/network.hpp"
#include "nn/optimizer.hpp"
#include "nn/train_config.hpp"

namespace nn {

/// One progress line's worth: what an epoch did.
struct EpochReport {
  int epoch;                ///< 1-based.
  float train_loss;         ///< Mean of the epoch's batch losses, each taken before its step.
  float training_set_loss;  ///< Loss on every training row after the epoch (a gate's: its truth table).
  double elapsed_seconds;   ///< Wall time since training started.
  const Network* network;   ///< The network as the epoch left it, valid during the call: what the book's
                            ///< in-page trainer draws as a heat map after every epoch.
};

/// The loss curves, one entry an epoch.
struct TrainHistory {
  std::vector<float> train_loss;         ///< EpochReport::train_loss of every epoch.
  std::vector<float> training_set_loss;  ///< EpochReport::training_set_loss of every epoch.
  std::vector<LayerTrace> layer_traces;  ///< At each of TrainConfig::trace_epochs, on the training rows.
};

/// One optimisation step on one batch; returns the batch's loss before the step.
float train_step(Network& network, ParameterUpdater& updater, const Batch& batch, Loss loss);

/// Trains `network` in place on `data`'s training rows, calling `on_epoch` after every epoch (pass {} for
/// silence): config.epochs epochs of config.batches_per_epoch steps, each on config.batch_size rows drawn
/// with replacement (BatchStream, the seed's batches stream) or, with config.full_batch, on every training
/// row in order; after each epoch, the loss on every training row, and at each of config.trace_epochs the
/// layer statistics on every training row. A point set's test rows play no part.
TrainHistory train(Network& network, const Dataset& data, const TrainConfig& config,
                   const std::function<void(const EpochReport&)>& on_epoch);

}  // namespace nn
