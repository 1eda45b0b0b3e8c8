// The Thrust trainer on Thrust's OpenMP backend, compiled by g++: runs on any machine's CPU cores.
// Eight neighbouring networks per functor call, so the compiler can vectorise across them.
#define NN_BACKEND omp_backend
#define NN_LANES 8
#define NN_POLICY thrust::omp::par
#define NN_SYNCHRONIZE() ((void)0)
#include <thrust/system/omp/execution_policy.h>

#include "nn/batched_backend.inl"

#include <omp.h>

namespace nn::omp_backend {

int thread_count() { return omp_get_max_threads(); }

}  // namespace nn::omp_backend
