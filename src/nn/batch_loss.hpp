#pragma once
/// \file
/// A batch's loss: the mean over its rows of the per-output loss, and its gradient.

#include "nn/loss.hpp"
#include "nn/network.hpp"
#include "nn/tensor.hpp"

namespace nn {

/// (1/N) sum_r loss(y_r, t_r) over the N rows of outputs y and targets t (both N x 1).
float mean_loss(Loss loss, const Matrix& outputs, const Matrix& targets);

/// The mean loss of a forward pass: over the outputs for l1 and mse, over the output sums for bce.
float mean_loss(Loss loss, const ForwardTrace& trace, const Matrix& targets);

/// d(mean loss)/dz_r for the output layer's sums z_r of a forward pass through `network`
/// (output_sum_gradient, row by row), for Network::backward_from_output_sums.
Matrix mean_loss_sum_gradient(Loss loss, const Network& network, const ForwardTrace& trace,
                              const Matrix& targets);

/// d(mean loss)/dy_r = loss'(y_r, t_r) / N, shaped like the outputs.
Matrix mean_loss_gradient(Loss loss, const Matrix& outputs, const Matrix& targets);

}  // namespace nn
