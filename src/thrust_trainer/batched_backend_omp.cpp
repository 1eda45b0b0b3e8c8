// The Thrust trainer on Thrust's OpenMP backend, compiled by g++: runs on any machine's CPU cores.
// Sixteen neighbouring networks per functor call, so the compiler can vectorise across them (one AVX-512
// register a value, two AVX2 or four SSE; here 16 ran faster than 8 with SSE and with AVX-512, and 32
// no faster than 16).
#define NN_BACKEND omp_backend
#define NN_LANES 16
#define NN_POLICY thrust::omp::par
#define NN_SYNCHRONIZE() ((void)0)
// A build for any x86-64 compiles the functor three times, for AVX-512, for AVX2 and for SSE2; the loader
// picks the widest this CPU runs, so a build for every machine still fills a new machine's vector registers
// (the deep benchmark's networks trained 1.65 times as fast on an AVX-512 machine as with SSE2 alone). The
// same arithmetic in each: -ffp-contract=off (CMakeLists.txt) keeps the wider ones from fusing it. A build
// for one CPU (-march=native, NN_NATIVE_CPU) compiles it once: there a clone would find the small inline
// functions compiled for other options than its own, call them instead of inlining them, and leave their
// loops unvectorised (the benchmark's Adam update ran lane by lane, at a third of the speed). NN_CPU_CLONES
// OFF in CMake (the sanitizer build, the Debian-Thrust check) compiles it once too.
#if defined(__x86_64__) && !defined(__AVX2__) && !defined(NN_NO_CPU_CLONES)
#define NN_CPU_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#endif
#include <thrust/system/omp/execution_policy.h>

#include "thrust_trainer/batched_backend.inl"

#include <omp.h>

namespace nn::batched::omp_backend {

std::string device_name() { return "cpu (OpenMP, " + std::to_string(omp_get_max_threads()) + " threads)"; }

}  // namespace nn::batched::omp_backend
