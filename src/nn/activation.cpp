#include "nn/activation.hpp"

namespace nn {

std::string activation_name(Activation activation) { return name_in(activation_names, activation); }

std::vector<Activation> all_activations() { return values_in(activation_names); }

std::string activation_names_text() { return names_text(activation_names); }

Activation parse_activation(const std::string& name) {
  return parse_name(activation_names, "activation", name);
}

}  // namespace nn
