// Exercise 3.2 (chapter 3): what a sweep prints, computed on the device.
//
// Write summarise_sweep with Thrust algorithms: thrust::reduce (or count) for the networks that learned,
// thrust::sort on a copy for the median, thrust::max_element or reduce for the worst loss. The grader
// refuses loops, the standard library (beyond std::size_t and std::ptrdiff_t), host containers and host
// execution policies in the regions. The tests compare each part of your summary with a plain computation
// on random sweeps of odd and even sizes.

#include <thrust/copy.h>
#include <thrust/device_vector.h>
#include <thrust/extrema.h>
#include <thrust/functional.h>
#include <thrust/reduce.h>
#include <thrust/sort.h>

#include "exercises/sweep_summary.hpp"
#include "exercises/debug.hpp"  // exercises::debug(...) prints while you debug
#include "exercises/todo.hpp"

namespace exercises {

SweepSummary summarise_sweep(const thrust::device_vector<float>& final_losses,
                             const thrust::device_vector<int>& learned) {
  SweepSummary summary{};
  // TODO(student) BEGIN: fill summary.learned, summary.median_final_loss and summary.worst_final_loss.
  (void)final_losses, (void)learned;
  todo("3.2", "count the learned networks, sort a copy of the losses for the median, take the largest");
  // TODO(student) END
  return summary;
}

}  // namespace exercises
