#include "nn/loss.hpp"

namespace nn {

std::string loss_name(Loss loss) { return name_in(loss_names, loss); }

Loss parse_loss(const std::string& name) { return parse_name(loss_names, "loss", name); }

}  // namespace nn
