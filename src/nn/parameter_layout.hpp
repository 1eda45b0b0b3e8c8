#pragma once
/// \file
/// The one order every trainer keeps a network's parameters in, when they are one flat list: layer by layer,
/// each layer's weights (out x in, row by row) and then its biases. Network::initialised draws them in this
/// order, flatten_parameters and network_from_parameters write and read it, and the Thrust trainer's shapes,
/// compiled or not, index their arrays by it. Free of xtensor, for nvcc.

#include "nn/host_device.hpp"

namespace nn {

/// Where layer l's units start among all units, inputs first, for layer sizes `s` (anything whose s.size(k)
/// is the width of layer boundary k, 0 being the inputs).
template <class Sizes>
NN_HOST_DEVICE constexpr int unit_offset(const Sizes& s, int l) {
  int offset = 0;
  for (int k = 0; k < l; ++k) offset += s.size(k);
  return offset;
}

/// Where layer l's weights start among the parameters: after every earlier layer's weights and biases.
template <class Sizes>
NN_HOST_DEVICE constexpr int weight_offset(const Sizes& s, int l) {
  int offset = 0;
  for (int k = 0; k < l; ++k) offset += s.size(k + 1) * (s.size(k) + 1);
  return offset;
}

/// Where layer l's biases start: right after its out x in weights.
template <class Sizes>
NN_HOST_DEVICE constexpr int bias_offset(const Sizes& s, int l) {
  return weight_offset(s, l) + s.size(l + 1) * s.size(l);
}

/// How many weights and biases a network of `layer_count` layers has.
template <class Sizes>
NN_HOST_DEVICE constexpr int parameter_total(const Sizes& s, int layer_count) {
  return weight_offset(s, layer_count);
}

}  // namespace nn
