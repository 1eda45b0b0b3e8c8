#pragma once
/// \file
/// Seeded random streams that the host and the device both reproduce: seed s means the same initial
/// network and the same batches in every chapter, whether one network trains on the CPU or a hundred
/// thousand train at once on the GPU. There is no global generator; each caller holds its own engine.

#include <cstdint>

#include <thrust/random.h>

#include "nn/host_device.hpp"

namespace nn {

/// The engine: Thrust's taus88, which runs unchanged on host and device.
using Engine = thrust::random::taus88;

/// The independent streams drawn from one seed.
enum class Stream : std::uint32_t {
  initial_weights = 1,  ///< The network's starting weights and biases.
  batches = 2,          ///< The random bit pairs of the training batches (for a point set: which rows).
  train_points = 3,     ///< A point set's training points.
  test_points = 4,      ///< A point set's held-out test points.
};

/// The engine for one stream of one seed. splitmix64 spreads neighbouring seeds (1, 2, 3, ...) far apart,
/// so that networks seeded in sequence start from unrelated states.
NN_HOST_DEVICE inline Engine make_engine(std::uint64_t seed, Stream stream) {
  std::uint64_t z = seed + 0x9E3779B97F4A7C15ull * (static_cast<std::uint64_t>(stream) + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return Engine(static_cast<std::uint32_t>(z ^ (z >> 32)));
}

/// A float drawn uniformly from [low, high).
NN_HOST_DEVICE inline float uniform(Engine& engine, float low, float high) {
  thrust::random::uniform_real_distribution<float> distribution(low, high);
  return distribution(engine);
}

/// A random bit, 0 or 1 with equal chance, as the demo's `torch.randint(0, 2, ...)`.
NN_HOST_DEVICE inline int random_bit(Engine& engine) {
  thrust::random::uniform_int_distribution<int> distribution(0, 1);
  return distribution(engine);
}

/// One of `rows` rows, 0 to rows - 1, each with equal chance: a point set's random batches draw their rows
/// with it, in the xtensor trainer (BatchStream) and the Thrust trainer alike.
NN_HOST_DEVICE inline int random_row(Engine& engine, int rows) {
  thrust::random::uniform_int_distribution<int> distribution(0, rows - 1);
  return distribution(engine);
}

}  // namespace nn
