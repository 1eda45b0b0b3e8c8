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
struct TruthTableL1 {
  nn::Gate gate;

  NN_HOST_DEVICE float operator()(const thrust::tuple<float, float, float>& map) const {
    const float w1 = thrust::get<0>(map), w2 = thrust::get<1>(map), b = thrust::get<2>(map);
    float total = 0.0f;
    for (int x1 = 0; x1 <= 1; ++x1) {
      for (int x2 = 0; x2 <= 1; ++x2) {
        const float error = w1 * static_cast<float>(x1) + w2 * static_cast<float>(x2) + b -
                            static_cast<float>(nn::gate_output(gate, x1, x2));
        total += error < 0.0f ? -error : error;
      }
    }
    return total / 4.0f;
  }
};
// TODO(student) END

}  // namespace

thrust::device_vector<float> l1_losses_on_truth_table(const thrust::device_vector<float>& w1,
                                                      const thrust::device_vector<float>& w2,
                                                      const thrust::device_vector<float>& b, nn::Gate gate) {
  thrust::device_vector<float> losses(w1.size());
  // TODO(student) BEGIN: one thrust::transform from the zipped maps into losses.
  auto maps = thrust::make_zip_iterator(thrust::make_tuple(w1.begin(), w2.begin(), b.begin()));
  thrust::transform(maps, maps + static_cast<std::ptrdiff_t>(w1.size()), losses.begin(), TruthTableL1{gate});
  // TODO(student) END
  return losses;
}

}  // namespace exercises
