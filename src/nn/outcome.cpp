#include "nn/outcome.hpp"

#include "nn/batch_loss.hpp"
#include "nn/data.hpp"
#include "nn/linear_floor.hpp"

namespace nn {

Outcome evaluate(const Network& network, Gate gate, Loss loss) {
  const Batch table = truth_table(gate);
  const ForwardTrace trace = network.forward_trace(table.inputs);
  const Matrix& outputs = trace.output;
  Outcome outcome{};
  for (std::size_t row = 0; row < 4; ++row) outcome.predictions[row] = outputs(row, 0);
  outcome.targets = truth_table_targets(gate);
  outcome.final_loss = mean_loss(loss, trace, table.targets);
  outcome.final_l1_loss = mean_loss(Loss::l1, outputs, table.targets);
  outcome.learned =
      rounds_to(outcome.predictions, outcome.targets) && outcome.final_l1_loss < learned_l1_threshold;
  return outcome;
}

Accuracy accuracy(const Network& network, const Batch& rows) {
  const Matrix outputs = network.forward(rows.inputs);
  Accuracy counted{0, static_cast<int>(outputs.shape(0))};
  for (std::size_t row = 0; row < outputs.shape(0); ++row) {
    if (rounds_to_target(outputs(row, 0), rows.targets(row, 0))) ++counted.right;
  }
  return counted;
}

PointSetOutcome evaluate(const Network& network, const PointSplit& data, Loss loss) {
  PointSetOutcome outcome{};
  outcome.train = accuracy(network, data.train);
  outcome.test = accuracy(network, data.test);
  outcome.train_loss = mean_loss(loss, network.forward_trace(data.train.inputs), data.train.targets);
  outcome.test_loss = mean_loss(loss, network.forward_trace(data.test.inputs), data.test.targets);
  outcome.learned = learned_point_set(outcome.test.right, outcome.test.rows);
  return outcome;
}

}  // namespace nn
