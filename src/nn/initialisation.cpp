#include "nn/initialisation.hpp"

namespace nn {

Init matched_init(Activation activation) {
  switch (activation) {
    case Activation::relu:
    case Activation::leaky_relu:
    case Activation::elu:
    case Activation::gelu:
    case Activation::softplus:
      return Init::he;
    case Activation::identity:
    case Activation::tanh:
    case Activation::sigmoid:
    case Activation::sin:
    case Activation::step:
      break;
  }
  return Init::xavier;
}

std::string init_name(Init init) { return name_in(init_names, init); }

Init parse_init(const std::string& name) { return parse_name(init_names, "initialisation", name); }

}  // namespace nn
