#include "nn/batch_loss.hpp"

#include <cassert>

namespace nn {

float mean_loss(Loss loss, const Matrix& outputs, const Matrix& targets) {
  assert(outputs.shape() == targets.shape());
  float sum = 0.0f;
  for (std::size_t i = 0; i < outputs.size(); ++i) sum += loss_value(loss, outputs.flat(i), targets.flat(i));
  return sum / static_cast<float>(outputs.size());
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
