#pragma once
/// \file
/// Activation functions: the value g(z) and the derivative g'(z) of each, as scalar functions that run on
/// the host and on the device. Adding an activation means one enumerator, one `case` in each switch and
/// one entry in activation_names.

#include <math.h>  // fabsf, fmaxf: the same names on the host and the device

#include <cstdint>
#include <string>
#include <vector>

#include "nn/host_device.hpp"
#include "nn/names.hpp"
#include "nn/portable_math.hpp"
#include "nn/rational_tanh.hpp"

namespace nn {

/// The function applied after every linear layer. Where g is not differentiable (the kinks at z = 0), g'
/// takes the value PyTorch's backward pass takes there, so that gradients match PyTorch's. One byte, so that
/// it fits in the Thrust trainer's arguments without making them larger.
enum class Activation : std::uint8_t {
  // ANCHOR: enumerators
  identity,    ///< g(z) = z: no activation at all, so the network stays linear.
  tanh,        ///< g(z) = tanh(z), computed by rational_tanh.
  sigmoid,     ///< g(z) = 1 / (1 + e^-z), the logistic function.
  relu,        ///< g(z) = max(z, 0); g'(0) = 0.
  leaky_relu,  ///< g(z) = z for z > 0, 0.01 z otherwise; g'(0) = 0.01 (PyTorch: the slope for z <= 0).
  elu,         ///< g(z) = z for z > 0, e^z - 1 otherwise (alpha = 1); g'(0) = 1 either way.
  gelu,        ///< g(z) = z/2 (1 + tanh(sqrt(2/pi) (z + 0.044715 z^3))): PyTorch's GELU(approximate='tanh').
  softplus,    ///< g(z) = log(1 + e^z), a smooth relu.
  sin,         ///< g(z) = sin(z).
  step,  ///< g(z) = 1 for z >= 0, 0 below: g' = 0 wherever it exists, so gradient descent cannot move it.
  // ANCHOR_END: enumerators
};

// ANCHOR: names
/// The name that `--activation` takes for each activation, which the flags, their help, the JSON files and
/// the error message for an unknown name all read.
inline constexpr NameTable<Activation, 10> activation_names{{
    {Activation::identity, "none"},
    {Activation::tanh, "tanh"},
    {Activation::sigmoid, "sigmoid"},
    {Activation::relu, "relu"},
    {Activation::leaky_relu, "leaky-relu"},
    {Activation::elu, "elu"},
    {Activation::gelu, "gelu"},
    {Activation::softplus, "softplus"},
    {Activation::sin, "sin"},
    {Activation::step, "step"},
}};
// ANCHOR_END: names
static_assert(in_enum_order(activation_names), "one name per activation, in the enum's order");

/// sqrt(2 / pi), GELU's scale.
inline constexpr float gelu_scale = 0.7978845608028654f;
/// GELU's cubic coefficient.
inline constexpr float gelu_cubic = 0.044715f;
/// Leaky ReLU's slope below 0.
inline constexpr float leaky_relu_slope = 0.01f;

/// g(z).
NN_HOST_DEVICE inline float activate(Activation activation, float z) {
  // ANCHOR: activate
  switch (activation) {
    case Activation::tanh:
      return rational_tanh(z);
    case Activation::sigmoid:
      return 1.0f / (1.0f + portable_exp(-z));
    case Activation::relu:
      return z > 0.0f ? z : 0.0f;
    case Activation::leaky_relu:
      return z > 0.0f ? z : leaky_relu_slope * z;
    case Activation::elu:
      return z > 0.0f ? z : portable_expm1(z);
    case Activation::gelu:
      return 0.5f * z * (1.0f + rational_tanh(gelu_scale * (z + gelu_cubic * z * z * z)));
    case Activation::softplus:  // log(1 + e^-|z|) + max(z, 0): e^z never overflows
      return portable_log1p(portable_exp(-fabsf(z))) + fmaxf(z, 0.0f);
    case Activation::sin:
      return portable_sin(z);
    case Activation::step:
      return z >= 0.0f ? 1.0f : 0.0f;
    case Activation::identity:
      break;
  }
  return z;
  // ANCHOR_END: activate
}

/// g'(z), written in terms of z so the backward pass needs only the saved pre-activation.
NN_HOST_DEVICE inline float activation_derivative(Activation activation, float z) {
  // ANCHOR: derivative
  switch (activation) {
    case Activation::tanh: {
      const float g = rational_tanh(z);  // tanh'(z) = 1 - tanh(z)^2
      return 1.0f - g * g;
    }
    case Activation::sigmoid: {
      const float g = activate(Activation::sigmoid, z);  // sigmoid'(z) = sigmoid(z) (1 - sigmoid(z))
      return g * (1.0f - g);
    }
    case Activation::relu:
      return z > 0.0f ? 1.0f : 0.0f;
    case Activation::leaky_relu:
      return z > 0.0f ? 1.0f : leaky_relu_slope;
    case Activation::elu:
      return z > 0.0f ? 1.0f : portable_exp(z);
    case Activation::gelu: {  // product rule: z/2 (1 + t) with t = tanh(u), u = sqrt(2/pi) (z + 0.044715 z^3)
      const float t = rational_tanh(gelu_scale * (z + gelu_cubic * z * z * z));
      const float du_dz = gelu_scale * (1.0f + 3.0f * gelu_cubic * z * z);
      return 0.5f * (1.0f + t) + 0.5f * z * (1.0f - t * t) * du_dz;
    }
    case Activation::softplus:
      return activate(Activation::sigmoid, z);  // log(1 + e^z)' = sigmoid(z)
    case Activation::sin:
      return portable_cos(z);
    case Activation::step:
      return 0.0f;  // flat on both sides of its jump
    case Activation::identity:
      break;  // z' = 1: the slope of a straight line
  }
  return 1.0f;
  // ANCHOR_END: derivative
}

/// g'(z) given a = g(z) as well: the same value as activation_derivative(z) (for tanh, 1 - a^2 with
/// a = tanh(z) computed once), without evaluating g a second time where g' is written with g.
NN_HOST_DEVICE inline float activation_slope(Activation activation, float z, float a) {
  switch (activation) {
    case Activation::tanh:
      return 1.0f - a * a;
    case Activation::sigmoid:
      return a * (1.0f - a);
    case Activation::identity:
      return 1.0f;
    default:
      break;  // g' is not written with g
  }
  return activation_derivative(activation, z);
}

/// Whether g is a rectifier: the identity, or close to it, above 0 and flat, or nearly, below (relu,
/// leaky-relu, elu, gelu, softplus). He et al. (2015) derived their starting weights for such units
/// (matched_init).
bool is_rectifier(Activation activation);

/// Whether g is made of straight pieces with at most one kink, at 0 (none, relu, leaky-relu): a network of
/// them is one linear map on each set of inputs that switches its units alike (linear_regions.hpp).
bool is_piecewise_linear(Activation activation);

/// The flag spelling of an activation: "none" for identity, "tanh", "leaky-relu", ...
std::string activation_name(Activation activation);

/// Every activation, in the enum's order: the list the flags, their help and the tests read.
std::vector<Activation> all_activations();

/// The names of all_activations(), as a message lists them: "none, tanh, ... or step".
std::string activation_names_text();

/// Parses an activation's name; throws InputError, listing the names, on anything else.
Activation parse_activation(const std::string& name);

}  // namespace nn
