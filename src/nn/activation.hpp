#pragma once
/// \file
/// Activation functions: the value g(z) and the derivative g'(z) of each, as scalar functions that run on
/// the host and on the device. Adding an activation means one enumerator, one `case` in each switch and
/// one name in activation.cpp.

#include <string>

#include "nn/host_device.hpp"
#include "nn/rational_tanh.hpp"

namespace nn {

/// The function applied after every linear layer.
enum class Activation {
  identity,  ///< g(z) = z: no activation at all, so the network stays linear.
  tanh,      ///< g(z) = tanh(z), computed by rational_tanh.
};

/// g(z).
NN_HOST_DEVICE inline float activate(Activation activation, float z) {
  switch (activation) {
    case Activation::tanh: return rational_tanh(z);
    case Activation::identity: break;
  }
  return z;
}

/// g'(z), written in terms of z so the backward pass needs only the saved pre-activation.
NN_HOST_DEVICE inline float activation_derivative(Activation activation, float z) {
  // ANCHOR: derivative
  switch (activation) {
    case Activation::tanh: {
      const float g = rational_tanh(z);  // tanh'(z) = 1 - tanh(z)^2
      return 1.0f - g * g;
    }
    case Activation::identity: break;  // z' = 1: the slope of a straight line
  }
  return 1.0f;
  // ANCHOR_END: derivative
}

/// g'(z) given a = g(z) as well: the same value as activation_derivative(z) (for tanh, 1 - a^2 with
/// a = tanh(z) computed once), without evaluating g a second time.
NN_HOST_DEVICE inline float activation_slope(Activation activation, float z, float a) {
  switch (activation) {
    case Activation::tanh: return 1.0f - a * a;
    case Activation::identity: break;
  }
  (void)z;
  return 1.0f;
}

/// The flag spelling of an activation: "none" for identity, "tanh".
std::string activation_name(Activation activation);

/// Parses "none" or "tanh"; throws InputError on anything else.
Activation parse_activation(const std::string& name);

}  // namespace nn
