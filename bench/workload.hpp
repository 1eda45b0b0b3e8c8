#pragma once
// Issue 3's benchmark workload, shared by every peer: N independent 2-5-5-1 tanh networks, full batch on
// AND or XOR, Adam at lr 0.1, L1 loss, 1000 steps; a result counts only with how many networks learned.

#include <cstdint>

#include "thrust_trainer/batched_job.hpp"

namespace bench {

inline constexpr int steps = 1000;

/// The job for N networks on `gate`.
inline nn::batched::BatchedJob workload(std::int64_t networks, nn::Gate gate) {
  nn::batched::BatchedJob job;
  job.layers = {2, 5, 5, 1};
  job.activation = nn::Activation::tanh;
  job.data = {gate};
  job.train.full_batch = true;
  job.train.epochs = 1;
  job.train.batches_per_epoch = steps;
  job.networks = networks;
  return job;
}

/// Useful floating-point operations of one network-step of 2-5-5-1 on 4 rows: per row 2 per weight
/// forward and 4 backward (dW and dx), 4 per bias (add, gradient, activation slope and product), then 10
/// per parameter for Adam. tanh itself is not counted.
inline double flops_per_network_step() {
  const double weights = 2 * 5 + 5 * 5 + 5 * 1, biases = 5 + 5 + 1;
  return 4 * (6 * weights + 4 * biases) + 10 * (weights + biases);
}

}  // namespace bench
