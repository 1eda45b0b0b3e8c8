#pragma once
/// \file
/// The optimizers' update rules for one parameter, shared by the xtensor and the Thrust trainers.

#include <cmath>
#include <string>

#include "nn/host_device.hpp"
#include "nn/names.hpp"

namespace nn {

/// Which optimizer updates the parameters.
enum class Optimizer {
  adam,  ///< Adam, with PyTorch's defaults betas = (0.9, 0.999), eps = 1e-8, as the demo uses.
  sgd,   ///< Plain gradient descent: p -= lr * g.
};

/// The flag spelling of each optimizer.
inline constexpr NameTable<Optimizer, 2> optimizer_names{{
    {Optimizer::adam, "adam"},
    {Optimizer::sgd, "sgd"},
}};
static_assert(in_enum_order(optimizer_names), "one name per optimizer, in the enum's order");

/// Adam's constants, PyTorch's defaults.
struct AdamConstants {
  float beta1 = 0.9f;    ///< Decay of the first moment m.
  float beta2 = 0.999f;  ///< Decay of the second moment v.
  float eps = 1e-8f;     ///< Added to sqrt(v) so the step stays finite.
};

/// The per-step bias corrections 1 - beta^t, computed once per step rather than once per parameter.
struct AdamStep {
  float lr;                ///< Learning rate.
  float bias_correction1;  ///< 1 - beta1^t.
  float bias_correction2;  ///< 1 - beta2^t.
};

/// Adam's corrections for step t (counting from 1).
NN_HOST_DEVICE inline AdamStep adam_step(float lr, int t, AdamConstants c = {}) {
  return {lr, 1.0f - powf(c.beta1, static_cast<float>(t)), 1.0f - powf(c.beta2, static_cast<float>(t))};
}

/// p -= lr * g.
NN_HOST_DEVICE inline void sgd_update(float& p, float g, float lr) { p -= lr * g; }

/// One Adam update of parameter p with gradient g and moments m, v, in PyTorch's order of operations:
/// m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2;  p -= (lr / c1) * m / (sqrt(v) / sqrt(c2) + eps).
NN_HOST_DEVICE inline void adam_update(float& p, float g, float& m, float& v, AdamStep step,
                                       AdamConstants c = {}) {
  // ANCHOR: adam
  m = c.beta1 * m + (1.0f - c.beta1) * g;      // the gradient's running mean
  v = c.beta2 * v + (1.0f - c.beta2) * g * g;  // and the running mean of its square
  const float denom = sqrtf(v) / sqrtf(step.bias_correction2) + c.eps;
  p -= (step.lr / step.bias_correction1) * m / denom;
  // ANCHOR_END: adam
}

/// The flag spelling (optimizer_names): "adam" or "sgd".
std::string optimizer_name(Optimizer optimizer);

/// Parses "adam" or "sgd"; throws InputError, listing the names, on anything else.
Optimizer parse_optimizer(const std::string& name);

}  // namespace nn
