#include "nn/activation.hpp"

#include "nn/error.hpp"

namespace nn {

namespace {

// The name of an enumerator, or "" for a number that is none: the end of the enumerators, which count up
// from 0. No `default`, so the compiler warns of an enumerator without a name.
const char* name_or_empty(Activation activation) {
  // ANCHOR: names
  switch (activation) {
    case Activation::identity: return "none";
    case Activation::tanh: return "tanh";
    case Activation::sigmoid: return "sigmoid";
    case Activation::relu: return "relu";
    case Activation::leaky_relu: return "leaky-relu";
    case Activation::elu: return "elu";
    case Activation::gelu: return "gelu";
    case Activation::softplus: return "softplus";
    case Activation::sin: return "sin";
    case Activation::step: return "step";
  }
  return "";
  // ANCHOR_END: names
}

}  // namespace

std::string activation_name(Activation activation) { return name_or_empty(activation); }

std::vector<Activation> all_activations() {
  std::vector<Activation> all;
  for (int number = 0; *name_or_empty(static_cast<Activation>(number)) != '\0'; ++number) {
    all.push_back(static_cast<Activation>(number));
  }
  return all;
}

std::string activation_names_text() {
  const std::vector<Activation> all = all_activations();
  std::string text;
  for (std::size_t i = 0; i < all.size(); ++i) {
    text += (i == 0 ? "" : i + 1 == all.size() ? " or " : ", ") + activation_name(all[i]);
  }
  return text;
}

Activation parse_activation(const std::string& name) {
  for (Activation a : all_activations()) {
    if (activation_name(a) == name) return a;
  }
  throw InputError("unknown activation '" + name + "' (expected " + activation_names_text() + ")");
}

}  // namespace nn
