#pragma once
// Internal: the entry points of the two compiled backends, which batched_trainer.cpp chooses between.

#include <cstddef>
#include <string>

#include "thrust_trainer/batched_job.hpp"

namespace nn::batched {
/// A job's point sets, drawn on the host (the backends do not compile the point-set code): network n's row r
/// at [(3r + j) * N + n], j = 0, 1 for the inputs and 2 for the class. Empty for a gate.
struct BatchedPoints {
  std::vector<float> train;  ///< Training rows.
  std::vector<float> test;   ///< Held-out rows.
};
}  // namespace nn::batched

namespace nn::batched::omp_backend {
BatchedResult train_batched(const BatchedJob& job, const BatchedPoints& points);
/// Where the CPU backend trained, for BatchedResult::device: "cpu (OpenMP, N threads)".
std::string device_name();
}  // namespace nn::batched::omp_backend

#if defined(NN_HAVE_CUDA)
namespace nn::batched::cuda_backend {
BatchedResult train_batched(const BatchedJob& job, const BatchedPoints& points);
int device_count();
std::string device_name();
std::size_t free_memory();
}  // namespace nn::batched::cuda_backend
#endif
