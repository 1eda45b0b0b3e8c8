#pragma once
/// \file
/// How each layer of a network looks to the loss: the size of the loss's gradient with respect to the layer's
/// weights, how large its outputs are, and how many of its units pass almost no gradient back. Measured at
/// initialisation and at chosen epochs, it shows where a deep network's gradient vanishes (Nielsen, *Neural
/// Networks and Deep Learning*, chapter 5): the backward pass multiplies the gradient, layer by layer, by the
/// activation's slope g'(z), which is at most 1/4 for the sigmoid, at most 1 for tanh, and 0 or 1 for ReLU.

#include <vector>

#include "nn/loss.hpp"

namespace nn {

class Network;  // nn/network.hpp and nn/data.hpp: this header stays free of xtensor, so that the Thrust
struct Batch;   // trainer's results, which nvcc compiles, can hold layer traces.

/// A unit passes almost no gradient back on a row where its slope |g'(z)| is below this: a saturated sigmoid
/// or tanh unit (|z| beyond about 4.6 or 3), a ReLU unit whose sum is at most 0. Leaky ReLU's slope below 0
/// is exactly this, so it never counts.
inline constexpr float stalled_slope = 0.01f;

/// One layer, at one moment, on one set of rows.
struct LayerStatistics {
  float gradient_norm = 0.0f;        ///< ||dL/dW||: the Frobenius norm of the mean loss's gradient with
                                     ///< respect to the layer's weights (out x in; the biases left out).
  float mean_abs_activation = 0.0f;  ///< The mean of |g(z)| over the rows and the layer's units.
  float stalled_share = 0.0f;        ///< The share of (row, unit) pairs where |g'(z)| < stalled_slope.
};

/// Every layer of `network` on `rows` (first layer first, the output layer last): its gradient from the mean
/// `loss` over all the rows (one full batch, as training with --full-batch steps), and its outputs and
/// slopes there. No row: every statistic 0.
std::vector<LayerStatistics> layer_statistics(const Network& network, const Batch& rows, Loss loss);

/// The layer statistics of one network after one epoch (0: at initialisation, before the first step).
struct LayerTrace {
  int epoch = 0;                        ///< Epochs trained.
  std::vector<LayerStatistics> layers;  ///< layer_statistics on the network's training rows.
};

/// first / last, the ratio of the first hidden layer's gradient norm to the last hidden layer's: below 1
/// where the gradient shrinks on its way back to the inputs. 1 for one hidden layer; 0 where the last is 0
/// (no gradient reached it, so none reached the first: nothing to compare).
float first_to_last_hidden_gradient_ratio(const std::vector<LayerStatistics>& layers);

}  // namespace nn
