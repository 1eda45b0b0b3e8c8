// The Thrust trainer on Thrust's CUDA backend, compiled by nvcc: one network per GPU thread (a group of one).
#define NN_BACKEND cuda_backend
#define NN_LANES 1
#define NN_POLICY thrust::cuda::par
#define NN_SYNCHRONIZE() cudaDeviceSynchronize()
#include <cuda_runtime.h>
#include <thrust/system/cuda/execution_policy.h>

#include "thrust_trainer/batched_backend.inl"

namespace nn::batched::cuda_backend {

int device_count() {
  int count = 0;
  // No driver or no GPU both mean: nothing to run on.
  if (cudaGetDeviceCount(&count) != cudaSuccess) {
    (void)cudaGetLastError();
    return 0;
  }
  return count;
}

std::string device_name() {
  cudaDeviceProp properties{};
  if (cudaGetDeviceProperties(&properties, 0) != cudaSuccess) return "unknown GPU";
  return properties.name;
}

std::size_t free_memory() {
  std::size_t free = 0, total = 0;
  if (cudaMemGetInfo(&free, &total) != cudaSuccess) return 0;
  return free;
}

}  // namespace nn::batched::cuda_backend
