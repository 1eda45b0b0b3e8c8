#include "nn/update_rule.hpp"

#include "nn/error.hpp"

namespace nn {

std::string optimizer_name(Optimizer optimizer) { return optimizer == Optimizer::adam ? "adam" : "sgd"; }

Optimizer parse_optimizer(const std::string& name) {
  for (Optimizer o : {Optimizer::adam, Optimizer::sgd}) {
    if (optimizer_name(o) == name) return o;
  }
  throw InputError("unknown optimizer '" + name + "' (expected adam or sgd)");
}

}  // namespace nn
