#pragma once
/// \file
/// Applies the chosen optimizer's update rule (update_rule.hpp) to every parameter of a network.

#include <vector>

#include "nn/network.hpp"
#include "nn/update_rule.hpp"

namespace nn {

/// An optimizer bound to one network's shapes, holding Adam's moments between steps.
class ParameterUpdater {
 public:
  /// Prepares zeroed state for `network`'s parameters.
  ParameterUpdater(Optimizer optimizer, float lr, const Network& network);

  /// Updates every weight and bias of `network` from `gradients` (first layer first); counts one step.
  void step(Network& network, const std::vector<LinearGradients>& gradients);

  /// Steps taken so far.
  int steps_taken() const { return steps_; }

 private:
  Optimizer optimizer_;
  float lr_;
  int steps_ = 0;
  std::vector<LinearGradients> first_moment_;   // Adam's m, shaped like the parameters
  std::vector<LinearGradients> second_moment_;  // Adam's v
};

}  // namespace nn
