#pragma once
/// \file
/// What a network computes besides its weights: the activation after its hidden layers, the one after its
/// output layer, and how its inputs are scaled. Free of xtensor, so that the Thrust trainer's jobs, which
/// nvcc compiles, can hold one too.

#include "nn/activation.hpp"
#include "nn/initialisation.hpp"
#include "nn/inputs.hpp"

namespace nn {

/// The activations and the inputs' scale of a network.
struct Architecture {
  Activation hidden = Activation::tanh;  ///< The activation after every hidden layer.
  Activation output = Activation::tanh;  ///< The activation after the output layer (none: a linear output).
  Inputs inputs = Inputs::unit;          ///< How the inputs are scaled before the first layer.

  /// The demo's design: `activation` after every layer, the output layer too, and the inputs as given.
  static Architecture same_everywhere(Activation activation) {
    return {activation, activation, Inputs::unit};
  }
};

/// Whether a network of `architecture`, started by `init`, is the forum demo's design: one activation after
/// every layer, the inputs as given, PyTorch's initialisation. The programs print and write only what
/// departs from it, and the Thrust trainer's compiled shapes train nothing else.
inline bool is_demo_design(const Architecture& architecture, Init init) {
  return architecture.output == architecture.hidden && architecture.inputs == Inputs::unit &&
         init == Init::pytorch;
}

}  // namespace nn
