#pragma once
/// \file
/// The array types of the xtensor trainer: fixed-rank float32 tensors, rows are samples.

#include <xtensor/xtensor.hpp>

namespace nn {

/// A batch of row vectors, or a weight matrix (out x in).
using Matrix = xt::xtensor<float, 2>;
/// A bias vector.
using Vector = xt::xtensor<float, 1>;

}  // namespace nn
