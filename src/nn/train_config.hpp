#pragma once
/// \file
/// The training settings that every trainer shares, the xtensor one and the Thrust one.

#include <cstdint>
#include <vector>

#include "nn/loss.hpp"
#include "nn/update_rule.hpp"

namespace nn {

/// What training needs besides the network and its data.
struct TrainConfig {
  Loss loss = Loss::l1;                   ///< The loss to minimise.
  Optimizer optimizer = Optimizer::adam;  ///< The update rule.
  float lr = 0.1f;                        ///< Learning rate.
  int epochs = 8;                         ///< Number of epochs.
  int batch_size = 10;                    ///< Rows per random batch.
  int batches_per_epoch = 100;            ///< Steps per epoch.
  bool full_batch = false;          ///< Each step uses every training row, in order, not a random batch.
  std::uint64_t seed = 0;           ///< Seed of the batch stream (and of the weights and the points).
  std::vector<int> trace_epochs{};  ///< After which epochs to record every layer's statistics
                                    ///< (layer_trace.hpp), ascending; 0: before the first step. Empty: none.
};

}  // namespace nn
