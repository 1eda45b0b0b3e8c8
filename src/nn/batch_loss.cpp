#include "nn/batch_loss.hpp"

#include <cassert>

namespace nn {

float mean_loss(Loss loss, const Matrix& outputs, const Matrix& targets) {
  assert(outputs.shape() == targets.shape());
  float sum = 0.0f;
  for (std::size_t i = 0; i < outputs.size(); ++i) sum += loss_value(loss, outputs.flat(i), targets.flat(i));
  return sum / static_cast<float>(outputs.size());
}

float mean_loss(Loss loss, const ForwardTrace& trace, const Matrix& targets) {
  if (loss != Loss::bce) return mean_loss(loss, trace.output, targets);
  const Matrix& sums = trace.pre_activations.back();
  assert(sums.shape() == targets.shape());
  float sum = 0.0f;
  for (std::size_t i = 0; i < sums.size(); ++i) sum += bce_with_logits(sums.flat(i), targets.flat(i));
  return sum / static_cast<float>(sums.size());
}

Matrix mean_loss_sum_gradient(Loss loss, const Network& network, const ForwardTrace& trace,
                              const Matrix& targets) {
  const Matrix& sums = trace.pre_activations.back();
  assert(sums.shape() == targets.shape());
  Matrix gradient = sums;
  const float n = static_cast<float>(sums.size());
  for (std::size_t i = 0; i < sums.size(); ++i) {
    const float slope = activation_derivative(network.output_activation(), sums.flat(i));
    gradient.flat(i) = output_sum_gradient(loss, trace.output.flat(i), targets.flat(i), slope, n);
  }
  return gradient;
}

Matrix mean_loss_gradient(Loss loss, const Matrix& outputs, const Matrix& targets) {
  assert(outputs.shape() == targets.shape());
  Matrix gradient = outputs;
  const float n = static_cast<float>(outputs.size());
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    gradient.flat(i) = loss_derivative(loss, outputs.flat(i), targets.flat(i)) / n;
  }
  return gradient;
}

}  // namespace nn
