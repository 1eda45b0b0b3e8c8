#include "nn/loss.hpp"

#include "nn/error.hpp"

namespace nn {

std::string loss_name(Loss loss) { return loss == Loss::l1 ? "l1" : "mse"; }

Loss parse_loss(const std::string& name) {
  for (Loss l : {Loss::l1, Loss::mse}) {
    if (loss_name(l) == name) return l;
  }
  throw InputError("unknown loss '" + name + "' (expected l1 or mse)");
}

}  // namespace nn
