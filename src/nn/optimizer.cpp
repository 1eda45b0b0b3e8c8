#include "nn/optimizer.hpp"

#include <cassert>

namespace nn {

ParameterUpdater::ParameterUpdater(Optimizer optimizer, float lr, const Network& network)
    : optimizer_(optimizer), lr_(lr) {
  for (const Linear& layer : network.layers()) {
    const Linear zero = zero_linear(layer.in(), layer.out());
    first_moment_.push_back({zero.weight, zero.bias});
    second_moment_.push_back({zero.weight, zero.bias});
  }
}

void ParameterUpdater::step(Network& network, const std::vector<LinearGradients>& gradients) {
  assert(gradients.size() == network.layers().size());
  ++steps_;
  const AdamStep adam = adam_step(lr_, steps_);
  auto update = [&](auto& parameter, const auto& gradient, auto& m, auto& v) {
    for (std::size_t i = 0; i < parameter.size(); ++i) {
      if (optimizer_ == Optimizer::sgd) {
        sgd_update(parameter.flat(i), gradient.flat(i), lr_);
      } else {
        adam_update(parameter.flat(i), gradient.flat(i), m.flat(i), v.flat(i), adam);
      }
    }
  };
  for (std::size_t l = 0; l < gradients.size(); ++l) {
    Linear& layer = network.layers()[l];
    update(layer.weight, gradients[l].weight, first_moment_[l].weight, second_moment_[l].weight);
    update(layer.bias, gradients[l].bias, first_moment_[l].bias, second_moment_[l].bias);
  }
}

}  // namespace nn
