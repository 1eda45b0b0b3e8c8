#pragma once
/// \file
/// Layer sizes as the --layers flag spells them.

#include <string>
#include <vector>

namespace nn {

/// "2,5,5,1" for {2, 5, 5, 1}.
inline std::string sizes_text(const std::vector<int>& sizes) {
  std::string text;
  for (int size : sizes) {
    if (!text.empty()) text += ',';
    text += std::to_string(size);
  }
  return text;
}

}  // namespace nn
