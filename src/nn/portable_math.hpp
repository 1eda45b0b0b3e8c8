#pragma once
/// \file
/// The C library functions the activations and the point sets call, each returning the same float on
/// every platform the book runs on. The C libraries' float versions (sinf, log1pf, ...) differ in the
/// last bit on some inputs (glibc's and the musl of the WebAssembly pages do; glibc also picks another
/// expf on CPUs with FMA), and a training run carries such a bit into every later step. Each function here
/// works in double, whose result is within a double's rounding of the exact value, and rounds that to
/// float: glibc, musl and CUDA then give the same float (they could differ only where the exact value lies
/// within about 2^-29 of a float's rounding boundary).

#include <math.h>  // sin, cos, exp, expm1, log, log1p: the same names on the host and the device

#include "nn/host_device.hpp"

namespace nn {

/// sin(x), computed in double and rounded to float.
NN_HOST_DEVICE inline float portable_sin(float x) { return static_cast<float>(sin(static_cast<double>(x))); }

/// cos(x), computed in double and rounded to float.
NN_HOST_DEVICE inline float portable_cos(float x) { return static_cast<float>(cos(static_cast<double>(x))); }

/// e^x, computed in double and rounded to float.
NN_HOST_DEVICE inline float portable_exp(float x) { return static_cast<float>(exp(static_cast<double>(x))); }

/// e^x - 1, computed in double and rounded to float.
NN_HOST_DEVICE inline float portable_expm1(float x) {
  return static_cast<float>(expm1(static_cast<double>(x)));
}

/// The natural logarithm of x, computed in double and rounded to float.
NN_HOST_DEVICE inline float portable_log(float x) { return static_cast<float>(log(static_cast<double>(x))); }

/// log(1 + x), computed in double and rounded to float.
NN_HOST_DEVICE inline float portable_log1p(float x) {
  return static_cast<float>(log1p(static_cast<double>(x)));
}

}  // namespace nn
