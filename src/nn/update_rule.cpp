#include "nn/update_rule.hpp"

namespace nn {

std::string optimizer_name(Optimizer optimizer) { return name_in(optimizer_names, optimizer); }

Optimizer parse_optimizer(const std::string& name) { return parse_name(optimizer_names, "optimizer", name); }

}  // namespace nn
