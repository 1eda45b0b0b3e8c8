#include "nn/initialisation.hpp"

#include "nn/error.hpp"

namespace nn {

std::string init_name(Init init) {
  switch (init) {
    case Init::xavier: return "xavier";
    case Init::he: return "he";
    case Init::pytorch: break;
  }
  return "pytorch";
}

Init parse_init(const std::string& name) {
  for (Init init : {Init::pytorch, Init::xavier, Init::he}) {
    if (init_name(init) == name) return init;
  }
  throw InputError("unknown initialisation '" + name + "' (expected pytorch, xavier or he)");
}

}  // namespace nn
