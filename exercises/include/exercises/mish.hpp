#pragma once
/// \file
/// Exercise 4.1: mish, an activation the library does not have, and its slope.

namespace exercises {

/// mish(z) = z tanh(softplus(z)), with softplus(z) = log(1 + e^z): a smooth curve that is close to ReLU
/// away from 0 and dips a little below 0 for negative z. Finite for every finite z.
float mish(float z);

/// d mish / dz, from the formula by the product and chain rules (softplus'(z) = sigmoid(z),
/// tanh'(s) = 1 - tanh(s)^2), not by finite differences. Finite for every finite z.
float mish_derivative(float z);

}  // namespace exercises
