#pragma once
// Internal: the entry points of the two compiled backends, which batched_trainer.cpp chooses between.

#include <cstddef>
#include <string>

#include "thrust_trainer/batched_job.hpp"

namespace nn::omp_backend {
BatchedResult train_batched(const BatchedJob& job);
int thread_count();
}  // namespace nn::omp_backend

#if defined(NN_HAVE_CUDA)
namespace nn::cuda_backend {
BatchedResult train_batched(const BatchedJob& job);
int device_count();
std::string device_name();
std::size_t free_memory();
}  // namespace nn::cuda_backend
#endif
