#pragma once
/// \file
/// The flat pieces of a ReLU network. Where every hidden unit keeps its side of the kink (z > 0 or not), each
/// layer is one affine map followed by a fixed choice of which units pass, so the whole network is one affine
/// map: a flat piece of its surface. The pieces are the sets of inputs that share a pattern of active units;
/// counting the patterns met on a fine grid of the unit square counts the pieces the grid sees.

#include <vector>

#include "nn/network.hpp"
#include "nn/tensor.hpp"

namespace nn {

/// Which piece each input lies on.
struct LinearRegions {
  std::vector<int> region_of;  ///< Per input row: its piece, numbered 0, 1, ... in order of first appearance.
  int count = 0;               ///< How many pieces the inputs meet.
};

/// The pieces that the rows of `inputs` (rows x 2) meet: two rows share a piece when every hidden unit has
/// z > 0 at both or at neither (without an activation, every row shares the one piece). Throws InputError
/// unless the hidden activation is_piecewise_linear (a tanh network has no flat pieces to count).
LinearRegions linear_regions(const Network& network, const Matrix& inputs);

}  // namespace nn
