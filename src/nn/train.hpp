#pragma once
/// \file
/// The training loop: epochs of batches, as the demo trains, with a report after every epoch.

#include <functional>
#include <vector>

#include "nn/data.hpp"
#include "nn/network.hpp"
#include "nn/optimizer.hpp"
#include "nn/train_config.hpp"

namespace nn {


/// One progress line's worth: what an epoch did.
struct EpochReport {
  int epoch;                ///< 1-based.
  float train_loss;         ///< Mean of the epoch's batch losses, each taken before its step.
  float truth_table_loss;   ///< Loss on the four truth-table rows after the epoch (for a point set: on its
                            ///< whole training set).
  double elapsed_seconds;   ///< Wall time since training started.
  const Network* network;   ///< The network as the epoch left it, valid during the call: what the book's
                            ///< in-page trainer draws as a heat map after every epoch.
};

/// The loss curves, one entry an epoch.
struct TrainHistory {
  std::vector<float> train_loss;        ///< EpochReport::train_loss of every epoch.
  std::vector<float> truth_table_loss;  ///< EpochReport::truth_table_loss of every epoch.
};

/// One optimisation step on one batch; returns the batch's loss before the step.
float train_step(Network& network, ParameterUpdater& updater, const Batch& batch, Loss loss);

/// Trains `network` in place on config.gate, calling `on_epoch` after every epoch (pass {} for silence).
TrainHistory train(Network& network, const TrainConfig& config,
                   const std::function<void(const EpochReport&)>& on_epoch);

/// Trains `network` in place on a point set's training rows as train does on a gate, config.gate aside:
/// config.batches_per_epoch steps an epoch, each on config.batch_size rows drawn with replacement from
/// `training_set` (RowBatchStream, the seed's batches stream) or, with config.full_batch, on all of them; after
/// each epoch, the loss on the whole training set. The held-out test set plays no part.
TrainHistory train_on_points(Network& network, const Batch& training_set, const TrainConfig& config,
                             const std::function<void(const EpochReport&)>& on_epoch);

}  // namespace nn
