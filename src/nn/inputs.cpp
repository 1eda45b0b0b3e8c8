#include "nn/inputs.hpp"

#include "nn/error.hpp"

namespace nn {

std::string inputs_name(Inputs inputs) { return inputs == Inputs::centred ? "centred" : "unit"; }

Inputs parse_inputs(const std::string& name) {
  for (Inputs inputs : {Inputs::unit, Inputs::centred}) {
    if (inputs_name(inputs) == name) return inputs;
  }
  throw InputError("unknown inputs '" + name + "' (expected unit or centred)");
}

}  // namespace nn
