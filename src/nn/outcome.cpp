#include "nn/outcome.hpp"

#include "nn/batch_loss.hpp"
#include "nn/data.hpp"
#include "nn/linear_floor.hpp"

namespace nn {

Outcome evaluate(const Network& network, Gate gate, Loss loss) {
  const Batch table = truth_table(gate);
  const Matrix outputs = network.forward(table.inputs);
  Outcome outcome{};
  for (std::size_t row = 0; row < 4; ++row) outcome.predictions[row] = outputs(row, 0);
  outcome.targets = truth_table_targets(gate);
  outcome.final_loss = mean_loss(loss, outputs, table.targets);
  outcome.final_l1_loss = mean_loss(Loss::l1, outputs, table.targets);
  outcome.learned =
      rounds_to(outcome.predictions, outcome.targets) && outcome.final_l1_loss < learned_l1_threshold;
  return outcome;
}

}  // namespace nn
