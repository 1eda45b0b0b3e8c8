#pragma once
/// \file
/// Losses per output: the value and its derivative with respect to the output. A batch's loss is the mean
/// over its rows, as `torch.nn.L1Loss` and `torch.nn.MSELoss` compute by default.

#include <string>

#include "nn/host_device.hpp"

namespace nn {

/// Which loss training minimises.
enum class Loss {
  l1,   ///< |y - t|, as the demo uses.
  mse,  ///< (y - t)^2.
};

/// The loss of one output y against its target t.
NN_HOST_DEVICE inline float loss_value(Loss loss, float y, float t) {
  const float r = y - t;
  return loss == Loss::l1 ? (r < 0.0f ? -r : r) : r * r;
}

/// d(loss)/dy for one output; divide by the batch size for the gradient of the batch mean.
/// L1 uses sign(r) with sign(0) = 0, as PyTorch does.
NN_HOST_DEVICE inline float loss_derivative(Loss loss, float y, float t) {
  const float r = y - t;
  if (loss == Loss::mse) return 2.0f * r;
  return r > 0.0f ? 1.0f : (r < 0.0f ? -1.0f : 0.0f);
}

/// A network has learned a gate when every output rounds to its target and its mean L1 loss on the truth
/// table is below this.
inline constexpr float learned_l1_threshold = 0.05f;

/// A network has learned a point set when at least this share of the held-out test points round to their
/// class at 0.5 (rounds_to_target).
inline constexpr double learned_test_accuracy = 0.95;

/// Whether `right` of `rows` test points rounding to their class means the point set is learned; in
/// double, as Accuracy::share() compares, so that both trainers judge alike.
NN_HOST_DEVICE inline bool learned_point_set(int right, int rows) {
  return static_cast<double>(right) / rows >= learned_test_accuracy;
}

/// Output y rounded at 0.5: 1 from 0.5 on, 0 below, the class a threshold reads off the output. (Rounding to
/// the nearest integer would turn -0.6 into -1, which is no class of a gate.)
NN_HOST_DEVICE inline int rounded_at_half(float y) { return y >= 0.5f ? 1 : 0; }

/// Whether output y, rounded at 0.5, gives the 0-or-1 target t.
NN_HOST_DEVICE inline bool rounds_to_target(float y, float t) { return rounded_at_half(y) == rounded_at_half(t); }

/// The flag spelling: "l1" or "mse".
std::string loss_name(Loss loss);

/// Parses "l1" or "mse"; throws InputError on anything else.
Loss parse_loss(const std::string& name);

}  // namespace nn
