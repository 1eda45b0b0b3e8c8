#include "nn/outcome.hpp"

#include "nn/batch_loss.hpp"

namespace nn {

namespace {

// The network on `rows`: its outputs, how many round to their targets, and the chosen loss and L1's means.
struct Judged {
  std::vector<float> outputs;
  Accuracy accuracy;
  float loss;
  float l1_loss;
};

Judged judge(const Network& network, const Batch& rows, Loss loss) {
  const ForwardTrace trace = network.forward_trace(rows.inputs);
  const Matrix& outputs = trace.output;
  Judged judged{{},
                {0, static_cast<int>(outputs.shape(0))},
                mean_loss(loss, trace, rows.targets),
                mean_loss(Loss::l1, outputs, rows.targets)};
  for (std::size_t row = 0; row < outputs.shape(0); ++row) {
    judged.outputs.push_back(outputs(row, 0));
    if (rounds_to_target(outputs(row, 0), rows.targets(row, 0))) ++judged.accuracy.right;
  }
  return judged;
}

}  // namespace

bool meets_learned_rule(const DataSource& source, const Accuracy& train, const Accuracy& test,
                        float train_l1_loss) {
  if (source.gate()) return train.right == train.rows && train_l1_loss < learned_l1_threshold;
  return learned_point_set(test.right, test.rows);
}

Outcome evaluate(const Network& network, const Dataset& data, Loss loss) {
  Judged train = judge(network, data.train, loss);
  // A gate's test rows are its training rows: judged once.
  const Judged test = data.source.gate() ? train : judge(network, data.test, loss);
  Outcome outcome{.outputs = std::move(train.outputs),
                  .train = train.accuracy,
                  .test = test.accuracy,
                  .train_loss = train.loss,
                  .test_loss = test.loss,
                  .train_l1_loss = train.l1_loss,
                  .learned = false};
  outcome.learned = meets_learned_rule(data.source, outcome.train, outcome.test, outcome.train_l1_loss);
  return outcome;
}

}  // namespace nn
