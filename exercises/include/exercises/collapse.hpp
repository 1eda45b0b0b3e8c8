#pragma once
/// \file
/// Exercise 1.1: stacked linear layers collapse into one.

#include "nn/linear.hpp"

namespace exercises {

/// The one layer that computes what `second` applied after `first` computes (no activation between them):
/// second(first(x)) = W2 (W1 x + b1) + b2 = (W2 W1) x + (W2 b1 + b2).
/// Its weight is second.out() x first.in(); first.out() must equal second.in().
nn::Linear collapse_two_layers(const nn::Linear& first, const nn::Linear& second);

}  // namespace exercises
