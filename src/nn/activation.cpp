#include "nn/activation.hpp"

#include "nn/error.hpp"

namespace nn {

std::string activation_name(Activation activation) {
  switch (activation) {
    case Activation::tanh: return "tanh";
    case Activation::identity: break;
  }
  return "none";
}

Activation parse_activation(const std::string& name) {
  for (Activation a : {Activation::identity, Activation::tanh}) {
    if (activation_name(a) == name) return a;
  }
  throw InputError("unknown activation '" + name + "' (expected none or tanh)");
}

}  // namespace nn
