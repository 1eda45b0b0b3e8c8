#pragma once
/// \file
/// Exercise 3.2: the line chapter 3 prints for each configuration of a sweep, computed with Thrust.

#include <thrust/device_vector.h>

namespace exercises {

/// What a sweep reports about one configuration's networks.
struct SweepSummary {
  long learned;             ///< How many networks learned the gate.
  float median_final_loss;  ///< The middle final loss; for an even count, the mean of the two middle ones.
  float worst_final_loss;   ///< The largest final loss.
};

/// The summary of N networks: final_losses[n] is network n's final loss, learned[n] is 1 if it learned the
/// gate and 0 if not. N >= 1. Computed with Thrust algorithms (count or reduce, sort, max), on the device.
SweepSummary summarise_sweep(const thrust::device_vector<float>& final_losses,
                             const thrust::device_vector<int>& learned);

}  // namespace exercises
