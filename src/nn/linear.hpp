#pragma once
/// \file
/// A fully connected layer z = x W^T + b, laid out as `torch.nn.Linear`: W is out x in, x holds one sample
/// per row.

#include <cstddef>

#include "nn/tensor.hpp"

namespace nn {

/// dL/dW and dL/db of one layer, shaped like its parameters.
struct LinearGradients {
  Matrix weight;  ///< dL/dW, out x in.
  Vector bias;    ///< dL/db, out.
};

/// One linear layer: weight (out x in) and bias (out).
struct Linear {
  Matrix weight;  ///< W, out x in.
  Vector bias;    ///< b, out.

  /// Number of inputs.
  std::size_t in() const { return weight.shape(1); }
  /// Number of outputs.
  std::size_t out() const { return weight.shape(0); }

  /// z = x W^T + b for a batch x (rows x in); returns rows x out.
  Matrix forward(const Matrix& x) const;

  /// Given the batch x that went in and dL/dz, returns dL/dW = dz^T x and dL/db = sum of dz over rows.
  LinearGradients backward(const Matrix& x, const Matrix& dz) const;

  /// dL/dx = dz W, the gradient passed on to the layer below.
  Matrix input_gradient(const Matrix& dz) const;
};

/// A zero layer with the given shape.
Linear zero_linear(std::size_t in, std::size_t out);

}  // namespace nn
