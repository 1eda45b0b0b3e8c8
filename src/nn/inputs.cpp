#include "nn/inputs.hpp"

namespace nn {

std::string inputs_name(Inputs inputs) { return name_in(inputs_names, inputs); }

Inputs parse_inputs(const std::string& name) { return parse_name(inputs_names, "inputs", name); }

}  // namespace nn
