#include "nn/activation.hpp"

namespace nn {

bool is_rectifier(Activation activation) {
  switch (activation) {
    case Activation::relu:
    case Activation::leaky_relu:
    case Activation::elu:
    case Activation::gelu:
    case Activation::softplus:
      return true;
    case Activation::identity:
    case Activation::tanh:
    case Activation::sigmoid:
    case Activation::sin:
    case Activation::step:
      break;
  }
  return false;
}

bool is_piecewise_linear(Activation activation) {
  switch (activation) {
    case Activation::identity:
    case Activation::relu:
    case Activation::leaky_relu:
      return true;
    case Activation::tanh:
    case Activation::sigmoid:
    case Activation::elu:
    case Activation::gelu:
    case Activation::softplus:
    case Activation::sin:
    case Activation::step:
      break;
  }
  return false;
}

std::string activation_name(Activation activation) { return name_in(activation_names, activation); }

std::vector<Activation> all_activations() { return values_in(activation_names); }

std::string activation_names_text() { return names_text(activation_names); }

Activation parse_activation(const std::string& name) {
  return parse_name(activation_names, "activation", name);
}

}  // namespace nn
