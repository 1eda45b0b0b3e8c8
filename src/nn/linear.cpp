#include "nn/linear.hpp"

#include <xtensor/xbuilder.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xview.hpp>

namespace nn {

using xt::all;
using xt::newaxis;

Matrix Linear::forward(const Matrix& x) const {
  // z[r, o] = sum_i x[r, i] W[o, i] + b[o]
  Matrix z = xt::sum(xt::view(x, all(), newaxis(), all()) * xt::view(weight, newaxis(), all(), all()), {2});
  z += xt::view(bias, newaxis(), all());
  return z;
}

LinearGradients Linear::backward(const Matrix& x, const Matrix& dz) const {
  // dW[o, i] = sum_r dz[r, o] x[r, i];  db[o] = sum_r dz[r, o]
  LinearGradients gradients;
  gradients.weight =
      xt::sum(xt::view(dz, all(), all(), newaxis()) * xt::view(x, all(), newaxis(), all()), {0});
  gradients.bias = xt::sum(dz, {0});
  return gradients;
}

Matrix Linear::input_gradient(const Matrix& dz) const {
  // dx[r, i] = sum_o dz[r, o] W[o, i]
  return xt::sum(xt::view(dz, all(), all(), newaxis()) * xt::view(weight, newaxis(), all(), all()), {1});
}

Linear zero_linear(std::size_t in, std::size_t out) {
  return {xt::zeros<float>({out, in}), xt::zeros<float>({out})};
}

}  // namespace nn
