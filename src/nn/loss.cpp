#include "nn/loss.hpp"

#include "nn/error.hpp"

namespace nn {

std::string loss_name(Loss loss) {
  switch (loss) {
    case Loss::mse: return "mse";
    case Loss::bce: return "bce";
    case Loss::l1: break;
  }
  return "l1";
}

Loss parse_loss(const std::string& name) {
  for (Loss l : {Loss::l1, Loss::mse, Loss::bce}) {
    if (loss_name(l) == name) return l;
  }
  throw InputError("unknown loss '" + name + "' (expected l1, mse or bce)");
}

}  // namespace nn
