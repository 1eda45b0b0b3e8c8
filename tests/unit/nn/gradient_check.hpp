#pragma once
/// \file
/// Central finite differences for the gradient checks, and seeded random fills for their inputs.

#include <random>

#include "nn/tensor.hpp"

/// (f(p + h) - f(p - h)) / (2h) for a parameter p that f reads, in double. The step divides by the distance
/// actually taken in float, and p is restored afterwards.
template <class ScalarFunction>
double central_difference(float& parameter, ScalarFunction&& f, float h = 1e-2f) {
  const float saved = parameter;
  const float up = saved + h;
  const float down = saved - h;
  parameter = up;
  const double f_up = f();
  parameter = down;
  const double f_down = f();
  parameter = saved;
  return (f_up - f_down) / (static_cast<double>(up) - static_cast<double>(down));
}

/// Fills `values` with draws from U(low, high) of a seeded engine.
inline void fill_uniform(nn::Matrix& values, std::mt19937& engine, float low, float high) {
  std::uniform_real_distribution<float> distribution(low, high);
  for (float& v : values) v = distribution(engine);
}

/// The tolerance of a float gradient check: an absolute term plus one relative to the expected value.
inline double gradient_tolerance(double expected, double absolute = 2e-4, double relative = 1e-3) {
  return absolute + relative * (expected < 0 ? -expected : expected);
}
