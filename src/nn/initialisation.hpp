#pragma once
/// \file
/// How a network's starting weights are drawn: PyTorch's default for `nn.Linear`, or the rules of Glorot
/// and Bengio (2010, "Xavier") and He et al. (2015), which choose the spread from the layer's size so that
/// a signal keeps its size from layer to layer. Host and device share the rule, so both trainers draw alike.

#include <math.h>  // sqrtf: the same name on the host and the device

#include <cstdint>
#include <string>

#include "nn/activation.hpp"
#include "nn/host_device.hpp"
#include "nn/names.hpp"

namespace nn {

/// The rule for a layer's starting weights and biases. Every rule draws the weights uniformly from
/// [-bound, bound), row by row; only the bound and the biases differ.
enum class Init : std::uint8_t {
  pytorch,  ///< `torch.nn.Linear`'s default: weights and biases from U(-1/sqrt(in), 1/sqrt(in)).
  xavier,   ///< `torch.nn.init.xavier_uniform_`: weights from U(-a, a), a = sqrt(6 / (in + out)); biases 0.
  he,  ///< `torch.nn.init.kaiming_uniform_(nonlinearity='relu')`: weights from U(-a, a), a = sqrt(6 / in)
       ///< (variance 2 / in); biases 0.
};

/// The flag spelling of each rule.
inline constexpr NameTable<Init, 3> init_names{{
    {Init::pytorch, "pytorch"},
    {Init::xavier, "xavier"},
    {Init::he, "he"},
}};
static_assert(in_enum_order(init_names), "one name per initialisation, in the enum's order");

/// The bound a of a layer's weights under `init`: they are drawn from U(-a, a).
NN_HOST_DEVICE inline float initial_weight_bound(Init init, int in, int out) {
  switch (init) {
    case Init::xavier:
      return sqrtf(6.0f / static_cast<float>(in + out));
    case Init::he:
      return sqrtf(6.0f / static_cast<float>(in));
    case Init::pytorch:
      break;
  }
  return 1.0f / sqrtf(static_cast<float>(in));
}

/// Whether `init` draws the biases (from the weights' range) after a layer's weights; otherwise they start at
/// 0.
NN_HOST_DEVICE inline bool draws_biases(Init init) { return init == Init::pytorch; }

/// The rule made for `activation`'s units: He's for the rectifiers (relu, leaky-relu, elu, gelu, softplus),
/// whose units pass about half of a signal centred on 0 and whose variance 2 / in makes up for it (He et al.
/// 2015); Glorot and Bengio's (Xavier) for the rest, derived for units of slope about 1 around 0, such as
/// tanh.
Init matched_init(Activation activation);

/// The flag spelling (init_names): "pytorch", "xavier" or "he".
std::string init_name(Init init);

/// Parses an initialisation's name; throws InputError, listing the names, on anything else.
Init parse_init(const std::string& name);

}  // namespace nn
