#pragma once
/// \file
/// Exercise 1.2: the best plane through the four corners of a truth table, in the least-squares sense.

#include <array>

namespace exercises {

/// A linear map of two inputs: f(x1, x2) = w1 x1 + w2 x2 + b.
struct Plane {
  float w1;  ///< Weight of the first input.
  float w2;  ///< Weight of the second input.
  float b;   ///< Bias.
};

/// The plane with the least mean squared error on rows 00, 01, 10, 11 (x1 x2) with these targets.
Plane least_squares_fit(const std::array<float, 4>& targets);

}  // namespace exercises
