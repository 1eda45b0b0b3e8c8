#pragma once
/// \file
/// Losses per output: the value and its derivative with respect to the output. A batch's loss is the mean
/// over its rows, as `torch.nn.L1Loss`, `torch.nn.MSELoss` and `torch.nn.BCEWithLogitsLoss` compute by
/// default.

#include <math.h>  // fabsf, fmaxf: the same names on the host and the device

#include <string>

#include "nn/host_device.hpp"
#include "nn/names.hpp"
#include "nn/portable_math.hpp"

namespace nn {

/// Which loss training minimises.
enum class Loss {
  l1,   ///< |y - t|, as the demo uses.
  mse,  ///< (y - t)^2.
  bce,  ///< Binary cross-entropy, -t log y - (1 - t) log(1 - y), for a sigmoid output y = sigmoid(z);
        ///< computed from the output unit's sum z (bce_with_logits), never from y.
};

/// The flag spelling of each loss.
inline constexpr NameTable<Loss, 3> loss_names{{
    {Loss::l1, "l1"},
    {Loss::mse, "mse"},
    {Loss::bce, "bce"},
}};
static_assert(in_enum_order(loss_names), "one name per loss, in the enum's order");

/// The loss of one output y against its target t, for l1 and mse (bce is computed from the sum: output_loss).
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

/// Binary cross-entropy of y = sigmoid(z) against t, from z: max(z, 0) - z t + log(1 + e^-|z|), the same
/// value as -t log y - (1 - t) log(1 - y) but with no log of 0 and no overflow however large |z| is (as
/// `torch.nn.BCEWithLogitsLoss` computes it).
NN_HOST_DEVICE inline float bce_with_logits(float z, float t) {
  return fmaxf(z, 0.0f) - z * t + portable_log1p(portable_exp(-fabsf(z)));
}

/// The loss of one output: from its sum z for bce, from the output y = g(z) for l1 and mse.
NN_HOST_DEVICE inline float output_loss(Loss loss, float z, float y, float t) {
  return loss == Loss::bce ? bce_with_logits(z, t) : loss_value(loss, y, t);
}

/// d(loss)/dz for the output unit's sum z, with y = g(z) and g'(z) = slope: the chain rule loss'(y) g'(z),
/// except for bce, whose sigmoid cancels against the log: d/dz bce_with_logits(z, t) = sigmoid(z) - t = y -
/// t. Divided by the batch's rows (for the gradient of the batch mean) before the slope, as both trainers do.
NN_HOST_DEVICE inline float output_sum_gradient(Loss loss, float y, float t, float slope, float rows) {
  if (loss == Loss::bce) return (y - t) / rows;
  return loss_derivative(loss, y, t) / rows * slope;
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
NN_HOST_DEVICE inline bool rounds_to_target(float y, float t) {
  return rounded_at_half(y) == rounded_at_half(t);
}

/// The flag spelling (loss_names): "l1", "mse" or "bce".
std::string loss_name(Loss loss);

/// Parses "l1", "mse" or "bce"; throws InputError, listing the names, on anything else.
Loss parse_loss(const std::string& name);

}  // namespace nn
