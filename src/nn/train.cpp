#include "nn/train.hpp"

#include <chrono>

#include "nn/batch_loss.hpp"

namespace nn {

namespace {

// The loop every data set shares: epochs of config.batches_per_epoch steps, each on the rows next_batch()
// gives, and after each epoch the loss on `judged_on`.
template <class NextBatch>
TrainHistory train_epochs(Network& network, const TrainConfig& config, const Batch& judged_on, NextBatch next_batch,
                          const std::function<void(const EpochReport&)>& on_epoch) {
  const auto start = std::chrono::steady_clock::now();
  ParameterUpdater updater(config.optimizer, config.lr, network);
  TrainHistory history;
  // ANCHOR: epochs
  for (int epoch = 1; epoch <= config.epochs; ++epoch) {
    double loss_sum = 0.0;
    for (int b = 0; b < config.batches_per_epoch; ++b) {
      loss_sum += train_step(network, updater, next_batch(), config.loss);
    }
    const EpochReport report{
        epoch, static_cast<float>(loss_sum / config.batches_per_epoch),
        mean_loss(config.loss, network.forward_trace(judged_on.inputs), judged_on.targets),
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), &network};
    history.train_loss.push_back(report.train_loss);
    history.truth_table_loss.push_back(report.truth_table_loss);
    if (on_epoch) on_epoch(report);
  }
  // ANCHOR_END: epochs
  return history;
}

}  // namespace

float train_step(Network& network, ParameterUpdater& updater, const Batch& batch, Loss loss) {
  // ANCHOR: step
  const ForwardTrace trace = network.forward_trace(batch.inputs);  // forward: every layer's sums and outputs
  const float batch_loss = mean_loss(loss, trace, batch.targets);   // the loss, before the step
  // backward: the loss's gradient at the output's sums, then through every layer by the chain rule
  const Matrix d_sums = mean_loss_sum_gradient(loss, network, trace, batch.targets);
  updater.step(network, network.backward_from_output_sums(trace, d_sums));  // update: move every parameter
  return batch_loss;
  // ANCHOR_END: step
}

TrainHistory train(Network& network, const TrainConfig& config,
                   const std::function<void(const EpochReport&)>& on_epoch) {
  const Batch table = truth_table(config.gate);
  BitBatchStream stream(config.gate, config.batch_size, config.seed);
  Batch drawn;
  const auto next_batch = [&]() -> const Batch& { return config.full_batch ? table : (drawn = stream.next()); };
  return train_epochs(network, config, table, next_batch, on_epoch);
}

TrainHistory train_on_points(Network& network, const Batch& training_set, const TrainConfig& config,
                             const std::function<void(const EpochReport&)>& on_epoch) {
  RowBatchStream stream(training_set, config.batch_size, config.seed);
  Batch drawn;
  const auto next_batch = [&]() -> const Batch& {
    return config.full_batch ? training_set : (drawn = stream.next());
  };
  return train_epochs(network, config, training_set, next_batch, on_epoch);
}

}  // namespace nn
