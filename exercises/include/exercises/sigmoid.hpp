#pragma once
/// \file
/// Exercise 2.1: the logistic sigmoid, the activation of the earliest networks.

namespace exercises {

/// sigmoid(z) = 1 / (1 + e^(-z)), finite and in [0, 1] for every finite z.
float sigmoid(float z);

/// d sigmoid / dz, written with sigmoid itself: sigmoid(z) (1 - sigmoid(z)).
float sigmoid_derivative(float z);

}  // namespace exercises
