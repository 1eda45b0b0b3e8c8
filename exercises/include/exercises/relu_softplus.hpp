#pragma once
/// \file
/// Exercise 2.2: ReLU, the activation of most modern networks, and softplus, its smooth cousin.

namespace exercises {

/// relu(z) = max(0, z).
float relu(float z);

/// d relu / dz: 1 for z > 0, 0 otherwise (at the kink z = 0 as well, by the usual convention).
float relu_derivative(float z);

/// softplus(z) = log(1 + e^z), finite for every finite z (e^z overflows a float above z = 88).
float softplus(float z);

/// d softplus / dz = 1 / (1 + e^(-z)).
float softplus_derivative(float z);

}  // namespace exercises
