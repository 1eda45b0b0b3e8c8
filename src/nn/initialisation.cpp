#include "nn/initialisation.hpp"

namespace nn {

Init matched_init(Activation activation) { return is_rectifier(activation) ? Init::he : Init::xavier; }

std::string init_name(Init init) { return name_in(init_names, init); }

Init parse_init(const std::string& name) { return parse_name(init_names, "initialisation", name); }

}  // namespace nn
