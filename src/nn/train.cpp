#include "nn/train.hpp"

#include <algorithm>
#include <chrono>

#include "nn/batch_loss.hpp"

namespace nn {

float train_step(Network& network, ParameterUpdater& updater, const Batch& batch, Loss loss) {
  // ANCHOR: step
  const ForwardTrace trace = network.forward_trace(batch.inputs);  // forward: every layer's sums and outputs
  const float batch_loss = mean_loss(loss, trace, batch.targets);  // the loss, before the step
  // backward: the loss's gradient at the output's sums, then through every layer by the chain rule
  const Matrix d_sums = mean_loss_sum_gradient(loss, network, trace, batch.targets);
  updater.step(network, network.backward_from_output_sums(trace, d_sums));  // update: move every parameter
  return batch_loss;
  // ANCHOR_END: step
}

TrainHistory train(Network& network, const Dataset& data, const TrainConfig& config,
                   const std::function<void(const EpochReport&)>& on_epoch) {
  const auto start = std::chrono::steady_clock::now();
  ParameterUpdater updater(config.optimizer, config.lr, network);
  BatchStream stream(data, config.batch_size, config.seed);
  TrainHistory history;
  const auto trace_if_asked = [&](int epochs_done) {
    if (std::find(config.trace_epochs.begin(), config.trace_epochs.end(), epochs_done) !=
        config.trace_epochs.end()) {
      history.layer_traces.push_back({epochs_done, layer_statistics(network, data.train, config.loss)});
    }
  };
  trace_if_asked(0);
  // ANCHOR: epochs
  for (int epoch = 1; epoch <= config.epochs; ++epoch) {
    double loss_sum = 0.0;
    for (int b = 0; b < config.batches_per_epoch; ++b) {
      Batch drawn;
      const Batch& batch = config.full_batch ? data.train : (drawn = stream.next());
      loss_sum += train_step(network, updater, batch, config.loss);
    }
    const EpochReport report{
        .epoch = epoch,
        .train_loss = static_cast<float>(loss_sum / config.batches_per_epoch),
        .training_set_loss =
            mean_loss(config.loss, network.forward_trace(data.train.inputs), data.train.targets),
        .elapsed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
        .network = &network};
    history.train_loss.push_back(report.train_loss);
    history.training_set_loss.push_back(report.training_set_loss);
    trace_if_asked(epoch);
    if (on_epoch) on_epoch(report);
  }
  // ANCHOR_END: epochs
  return history;
}

}  // namespace nn
