// Exercise 3.1 (chapter 3): chapter 1's floor, on many linear maps at once.
//
// Write l1_losses_on_truth_table with one Thrust algorithm over the maps: thrust::transform over a zip
// of (w1, w2, b), with a functor that computes one map's loss. The test draws a hundred thousand random
// maps and checks that none gets under chapter 1's floor, and that your losses match a plain loop.

#include <thrust/device_vector.h>
#include <thrust/iterator/zip_iterator.h>
#include <thrust/transform.h>
#include <thrust/tuple.h>

#include "exercises/floor_check.hpp"
#include "exercises/debug.hpp"  // exercises::debug(...) prints while you debug
#include "exercises/todo.hpp"
#include "nn/host_device.hpp"

namespace exercises {
namespace {

// TODO(student) BEGIN: a functor with an NN_HOST_DEVICE operator() that maps one (w1, w2, b) to its loss.
// TODO(student) END

}  // namespace

thrust::device_vector<float> l1_losses_on_truth_table(const thrust::device_vector<float>& w1,
                                                      const thrust::device_vector<float>& w2,
                                                      const thrust::device_vector<float>& b, nn::Gate gate) {
  thrust::device_vector<float> losses(w1.size());
  // TODO(student) BEGIN: one thrust::transform from the zipped maps into losses.
  (void)w2, (void)b, (void)gate;
  todo("3.1", "fill losses with thrust::transform over thrust::make_zip_iterator(w1, w2, b)");
  // TODO(student) END
  return losses;
}

}  // namespace exercises
