#pragma once
/// \file
/// One full-batch SGD step on the AND truth table, written out in double with plain loops: an oracle for
/// the chapter programs that shares no code with the nn library.

#include <algorithm>
#include <cmath>
#include <vector>

namespace chapters {

/// One layer: weight[o][i] (out x in) and bias[o].
struct ReferenceLayer {
  std::vector<std::vector<double>> weight;
  std::vector<double> bias;
};

/// The network after one step of p -= lr dL/dp, where L is the mean loss (L1 or squared error) over the
/// four rows 00, 01, 10, 11 with AND's targets, and g (tanh or identity) follows every layer.
inline std::vector<ReferenceLayer> reference_sgd_step(std::vector<ReferenceLayer> layers, bool tanh, bool l1,
                                                      double lr) {
  const double inputs[4][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  const double targets[4] = {0, 0, 0, 1};
  auto g = [tanh](double z) { return tanh ? std::tanh(z) : z; };
  auto g_prime = [tanh](double z) { return tanh ? 1 - std::tanh(z) * std::tanh(z) : 1.0; };

  std::vector<ReferenceLayer> gradients = layers;
  for (ReferenceLayer& layer : gradients) {
    for (auto& row : layer.weight) std::fill(row.begin(), row.end(), 0.0);
    std::fill(layer.bias.begin(), layer.bias.end(), 0.0);
  }
  for (int r = 0; r < 4; ++r) {
    // Forward: a_0 = x, z_l = W_l a_{l-1} + b_l, a_l = g(z_l).
    std::vector<std::vector<double>> a{{inputs[r][0], inputs[r][1]}}, z;
    for (const ReferenceLayer& layer : layers) {
      std::vector<double> z_l(layer.bias), a_l(layer.bias.size());
      for (std::size_t o = 0; o < z_l.size(); ++o) {
        for (std::size_t i = 0; i < a.back().size(); ++i) z_l[o] += layer.weight[o][i] * a.back()[i];
        a_l[o] = g(z_l[o]);
      }
      z.push_back(z_l);
      a.push_back(a_l);
    }
    // dL/dy = loss'(y - t) / 4, with loss' = sign for L1 and 2 (y - t) for the squared error.
    const double residual = a.back()[0] - targets[r];
    std::vector<double> da{(l1 ? (residual > 0) - (residual < 0) : 2 * residual) / 4};
    // Backward: dz = da g'(z), dW += dz a_{l-1}^T, db += dz, da_{l-1} = W^T dz.
    for (std::size_t l = layers.size(); l-- > 0;) {
      std::vector<double> dz(da.size()), da_below(a[l].size(), 0.0);
      for (std::size_t o = 0; o < dz.size(); ++o) {
        dz[o] = da[o] * g_prime(z[l][o]);
        gradients[l].bias[o] += dz[o];
        for (std::size_t i = 0; i < a[l].size(); ++i) {
          gradients[l].weight[o][i] += dz[o] * a[l][i];
          da_below[i] += layers[l].weight[o][i] * dz[o];
        }
      }
      da = da_below;
    }
  }
  for (std::size_t l = 0; l < layers.size(); ++l) {
    for (std::size_t o = 0; o < layers[l].bias.size(); ++o) {
      layers[l].bias[o] -= lr * gradients[l].bias[o];
      for (std::size_t i = 0; i < layers[l].weight[o].size(); ++i)
        layers[l].weight[o][i] -= lr * gradients[l].weight[o][i];
    }
  }
  return layers;
}

}  // namespace chapters
