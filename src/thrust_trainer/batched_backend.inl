// The host side of the Thrust trainer, one source for both backends: batched_backend_cuda.cu compiles it
// with nvcc for the CUDA backend, batched_backend_omp.cpp with g++ for the OpenMP backend. Each defines
// NN_BACKEND (the namespace that keeps the two apart), NN_LANES (networks per functor call, a group's size)
// and the policy.

#include <algorithm>
#include <chrono>

#include <thrust/copy.h>
#include <thrust/count.h>
#include <thrust/device_vector.h>
#include <thrust/execution_policy.h>
#include <thrust/for_each.h>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/sort.h>

#include "thrust_trainer/batched_backends.hpp"
#include "thrust_trainer/batched_job.hpp"
#include "thrust_trainer/train_group.hpp"

namespace nn::batched::NN_BACKEND {

namespace {

template <class T>
std::vector<T> to_host(const thrust::device_vector<T>& device) {
  // An output the job did not ask for is empty: copying it would make Thrust dereference an empty range's
  // begin (UBSan's null reference), so nothing is copied.
  if (device.empty()) return {};
  std::vector<T> host(device.size());
  thrust::copy(device.begin(), device.end(), host.begin());
  return host;
}

// Device arrays are [k * N + n]; the result is network-major, [n * k_count + k].
std::vector<float> network_major(const std::vector<float>& by_row, std::int64_t networks) {
  const std::int64_t per_network = networks > 0 ? static_cast<std::int64_t>(by_row.size()) / networks : 0;
  std::vector<float> result(by_row.size());
  for (std::int64_t k = 0; k < per_network; ++k)
    for (std::int64_t n = 0; n < networks; ++n) result[n * per_network + k] = by_row[k * networks + n];
  return result;
}

template <class S>
BatchedResult train_shape(const BatchedJob& job, const BatchedPoints& points, const S& shape) {
  const std::int64_t N = job.networks;
  const auto n = static_cast<std::size_t>(N);
  const auto P = static_cast<std::size_t>(shape.param_count);
  const auto epochs = static_cast<std::size_t>(job.train.epochs);
  const bool on_points = !points.train.empty();
  const std::int64_t groups = (N + NN_LANES - 1) / NN_LANES;
  thrust::device_vector<float> initial(job.initial_parameters.begin(), job.initial_parameters.end());
  thrust::device_vector<float> final_loss(n), final_l1(n), predictions(on_points ? 0 : 4 * n);
  thrust::device_vector<std::uint8_t> learned(n), rounds_correctly(n);
  thrust::device_vector<float> train_history(job.keep_history ? epochs * n : 0);
  thrust::device_vector<float> training_set_history(job.keep_history ? epochs * n : 0);
  thrust::device_vector<float> parameters(job.keep_parameters ? P * n : 0);
  thrust::device_vector<float> train_points(points.train.begin(), points.train.end());
  thrust::device_vector<float> test_points(points.test.begin(), points.test.end());
  thrust::device_vector<std::int32_t> train_right(on_points ? n : 0), test_right(on_points ? n : 0);
  thrust::device_vector<float> test_loss(on_points ? n : 0);
  thrust::device_vector<std::int32_t> learned_epoch(job.keep_learned_epoch ? n : 0);
  const std::vector<std::int32_t> trace_list(job.train.trace_epochs.begin(), job.train.trace_epochs.end());
  thrust::device_vector<std::int32_t> trace_epochs(trace_list.begin(), trace_list.end());
  thrust::device_vector<float> snapshots(trace_list.size() * P * n);
  // The general path's parameters, Adam's moments and gradients: 4 arrays of P rows for each group's lanes
  // (LaneRows, train_group.hpp).
  thrust::device_vector<float> workspace(S::compiled ? 0
                                                     : 4 * P * static_cast<std::size_t>(groups) * NN_LANES);

  auto raw = [](auto& vector) { return vector.empty() ? nullptr : thrust::raw_pointer_cast(vector.data()); };
  const TrainConfig& t = job.train;
  const GroupExtras extras{.train_points = raw(train_points),
                           .test_points = raw(test_points),
                           .train_rows = job.data.train_points,
                           .test_rows = job.data.test_points,
                           .train_right = raw(train_right),
                           .test_right = raw(test_right),
                           .test_loss = raw(test_loss),
                           .learned_epoch = raw(learned_epoch),
                           .workspace = raw(workspace),
                           .output_activation = job.output_activation_or_hidden(),
                           .init = job.init,
                           .inputs = job.inputs,
                           .trace_epochs = raw(trace_epochs),
                           .trace_count = static_cast<int>(trace_list.size()),
                           .snapshots = raw(snapshots)};
  const bool needs_extras = on_points || job.keep_learned_epoch || !S::compiled;
  thrust::device_vector<GroupExtras> extras_on_device(needs_extras ? 1 : 0, extras);
  const GroupArgs args{.networks = N,
                       .first_seed = t.seed,
                       .initial_parameters = raw(initial),
                       .loss = t.loss,
                       .optimizer = t.optimizer,
                       .gate = job.data.gate() ? *job.data.gate() : Gate::and_gate,  // unread on points
                       .lr = t.lr,
                       .epochs = t.epochs,
                       .batch_size = t.batch_size,
                       .batches_per_epoch = t.batches_per_epoch,
                       .full_batch = t.full_batch,
                       .activation = job.activation,
                       .on_points = on_points,
                       .final_loss = raw(final_loss),
                       .final_l1_loss = raw(final_l1),
                       .predictions = raw(predictions),
                       .learned = raw(learned),
                       .rounds_correctly = raw(rounds_correctly),
                       .train_loss_history = raw(train_history),
                       .training_set_loss_history = raw(training_set_history),
                       .parameters = raw(parameters),
                       .extras = raw(extras_on_device)};

  // ANCHOR: launch
  const auto start = std::chrono::steady_clock::now();
  const thrust::counting_iterator<std::int64_t> first(0), last(groups);
  if constexpr (S::compiled) {
    // The book's two activations are compiled in, for speed; one trainer, reading it at run time, does the
    // rest.
    if (job.activation == Activation::tanh) {
      thrust::for_each(NN_POLICY, first, last, TrainGroup<S, NN_LANES, Activation::tanh>{args});
    } else if (job.activation == Activation::identity) {
      thrust::for_each(NN_POLICY, first, last, TrainGroup<S, NN_LANES, Activation::identity>{args});
    } else {
      thrust::for_each(NN_POLICY, first, last, TrainGroup<S, NN_LANES, any_activation>{args});
    }
  } else {
    // Any other shape: sizes and activation read at run time, one trainer for all.
    thrust::for_each(NN_POLICY, first, last, TrainGroup<S, NN_LANES, any_activation>{args, shape});
  }
  NN_SYNCHRONIZE();
  // ANCHOR_END: launch
  BatchedResult result;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  // The summary is reduced where the networks trained; only then do results cross to the host.
  result.learned_count = thrust::count(NN_POLICY, learned.begin(), learned.end(), std::uint8_t{1});
  result.rounds_correctly_count =
      thrust::count(NN_POLICY, rounds_correctly.begin(), rounds_correctly.end(), std::uint8_t{1});
  thrust::device_vector<float> sorted = final_loss;
  thrust::sort(NN_POLICY, sorted.begin(), sorted.end());
  // Read single elements by copying them, not through device references (which UBSan flags inside Thrust).
  float middle[2], worst;
  thrust::copy_n(sorted.begin() + static_cast<std::ptrdiff_t>((n - 1) / 2), 2 - n % 2, middle);
  if (n % 2 == 1) middle[1] = middle[0];
  thrust::copy_n(sorted.end() - 1, 1, &worst);
  result.median_final_loss = 0.5f * (middle[0] + middle[1]);
  result.worst_final_loss = worst;

  result.final_loss = to_host(final_loss);
  result.final_l1_loss = to_host(final_l1);
  result.predictions = network_major(to_host(predictions), N);
  result.learned = to_host(learned);
  result.rounds_correctly = to_host(rounds_correctly);
  result.train_right = to_host(train_right);
  result.test_right = to_host(test_right);
  result.test_loss = to_host(test_loss);
  result.learned_epoch = to_host(learned_epoch);
  if (job.keep_history) {
    result.train_loss_history = network_major(to_host(train_history), N);
    result.training_set_loss_history = network_major(to_host(training_set_history), N);
  }
  if (job.keep_parameters) result.parameters = network_major(to_host(parameters), N);
  const std::vector<float> kept = to_host(snapshots);
  for (std::size_t t = 0; t < trace_list.size(); ++t) {
    result.parameter_snapshots.push_back(
        network_major(std::vector<float>(kept.begin() + static_cast<std::ptrdiff_t>(t * P * n),
                                         kept.begin() + static_cast<std::ptrdiff_t>((t + 1) * P * n)),
                      N));
  }
  return result;
}

}  // namespace

BatchedResult train_batched(const BatchedJob& job, const BatchedPoints& points) {
  return dispatch_shape(job.layers, job.needs_general_path(),
                        [&](const auto& shape) { return train_shape(job, points, shape); });
}

}  // namespace nn::batched::NN_BACKEND
