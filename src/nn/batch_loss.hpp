#pragma once
/// \file
/// A batch's loss: the mean over its rows of the per-output loss, and its gradient.

#include "nn/loss.hpp"
#include "nn/tensor.hpp"

namespace nn {

/// (1/N) sum_r loss(y_r, t_r) over the N rows of outputs y and targets t (both N x 1).
float mean_loss(Loss loss, const Matrix& outputs, const Matrix& targets);

/// d(mean loss)/dy_r = loss'(y_r, t_r) / N, shaped like the outputs.
Matrix mean_loss_gradient(Loss loss, const Matrix& outputs, const Matrix& targets);

}  // namespace nn
