#pragma once
/// \file
/// Exercise 3.1: chapter 1's floor, checked on many linear maps at once with Thrust.

#include <thrust/device_vector.h>

#include "nn/gates.hpp"

namespace exercises {

/// Each linear map's mean L1 loss on the gate's truth table: map n is f(x1, x2) = w1[n] x1 + w2[n] x2 + b[n]
/// and its loss is (|f(0,0) - t00| + |f(0,1) - t01| + |f(1,0) - t10| + |f(1,1) - t11|) / 4. All three
/// vectors have the same length; the result has that length too. Computed with a Thrust algorithm over
/// the maps, not a loop on the host.
thrust::device_vector<float> l1_losses_on_truth_table(const thrust::device_vector<float>& w1,
                                                      const thrust::device_vector<float>& w2,
                                                      const thrust::device_vector<float>& b, nn::Gate gate);

}  // namespace exercises
