#pragma once
// The benchmark's workloads, shared by every peer: issue 3's N independent 2-5-5-1 tanh networks, full batch
// on AND or XOR, Adam at lr 0.1, L1 loss, 1000 steps; and a deep shape that only the general path trains.
// A result counts only with how many networks learned.

#include <cstddef>
#include <cstdint>
#include <vector>

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

/// The deep shape of issue 29's rows: six hidden layers of 16, tanh throughout, full batch on AND, Adam at
/// lr 0.01, MSE (as `ch03-gpu --sweep --grid-layers 2,16,16,16,16,16,16,1 --full-batch --loss mse --lr
/// 0.01`), 1000 steps. No shape this deep is compiled: it trains on the general path.
inline nn::batched::BatchedJob deep_workload(std::int64_t networks) {
  nn::batched::BatchedJob job = workload(networks, nn::Gate::and_gate);
  job.layers = {2, 16, 16, 16, 16, 16, 16, 1};
  job.train.loss = nn::Loss::mse;
  job.train.lr = 0.01f;
  return job;
}

/// Useful floating-point operations of one network-step on 4 rows: per row 2 per weight forward and 4
/// backward (dW and dx), 4 per bias (add, gradient, activation slope and product), then 10 per parameter
/// for Adam. The activation itself is not counted.
inline double flops_per_network_step(const std::vector<int>& layers) {
  double weights = 0, biases = 0;
  for (std::size_t l = 0; l + 1 < layers.size(); ++l) {
    weights += layers[l] * layers[l + 1];
    biases += layers[l + 1];
  }
  return 4 * (6 * weights + 4 * biases) + 10 * (weights + biases);
}

}  // namespace bench
