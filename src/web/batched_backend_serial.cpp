// The Thrust trainer in the page: the same functor (batched_backend.inl) on Thrust's serial C++ backend,
// one thread, since a page's WebAssembly has no OpenMP. It stands in for the OpenMP backend under that
// backend's name, which is what batched_trainer.cpp calls for --device cpu; every network's arithmetic is
// the same, so the counts equal the native program's.
#define NN_BACKEND omp_backend
#define NN_LANES 4  // one 128-bit SIMD register; 16 lanes measured no faster
#define NN_POLICY thrust::cpp::par
#define NN_SYNCHRONIZE() ((void)0)
#include <thrust/system/cpp/execution_policy.h>

#include "thrust_trainer/batched_backend.inl"

namespace nn::batched::omp_backend {

std::string device_name() { return "cpu (WebAssembly, Thrust's serial backend, 1 thread)"; }

}  // namespace nn::batched::omp_backend
