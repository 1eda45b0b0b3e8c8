#pragma once
/// \file
/// Marks the small scalar functions that the xtensor trainer (host) and the Thrust trainer (host or device)
/// share, so that the CPU reference and the GPU trainer compute with one source.

/// \def NN_HOST_DEVICE
/// `__host__ __device__` when nvcc compiles, nothing when a host compiler does.

#if defined(__CUDACC__)
#define NN_HOST_DEVICE __host__ __device__
#else
#define NN_HOST_DEVICE
#endif
