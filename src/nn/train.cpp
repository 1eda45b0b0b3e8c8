#include "nn/train.hpp"

#include <chrono>

#include "nn/batch_loss.hpp"

namespace nn {

float train_step(Network& network, ParameterUpdater& updater, const Batch& batch, Loss loss) {
  const ForwardTrace trace = network.forward_trace(batch.inputs);
  const float batch_loss = mean_loss(loss, trace.output, batch.targets);
  updater.step(network, network.backward(trace, mean_loss_gradient(loss, trace.output, batch.targets)));
  return batch_loss;
}

TrainHistory train(Network& network, const TrainConfig& config,
                   const std::function<void(const EpochReport&)>& on_epoch) {
  const auto start = std::chrono::steady_clock::now();
  const Batch table = truth_table(config.gate);
  BitBatchStream stream(config.gate, config.batch_size, config.seed);
  ParameterUpdater updater(config.optimizer, config.lr, network);
  TrainHistory history;
  for (int epoch = 1; epoch <= config.epochs; ++epoch) {
    double loss_sum = 0.0;
    for (int b = 0; b < config.batches_per_epoch; ++b) {
      loss_sum += train_step(network, updater, config.full_batch ? table : stream.next(), config.loss);
    }
    const EpochReport report{
        epoch, static_cast<float>(loss_sum / config.batches_per_epoch),
        mean_loss(config.loss, network.forward(table.inputs), table.targets),
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
    history.train_loss.push_back(report.train_loss);
    history.truth_table_loss.push_back(report.truth_table_loss);
    if (on_epoch) on_epoch(report);
  }
  return history;
}

}  // namespace nn
