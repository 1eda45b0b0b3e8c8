#include <string>
#include <type_traits>
#include <utility>

#include <unistd.h>

#include "thrust_trainer/batched_backends.hpp"
#include "thrust_trainer/batched_job.hpp"
#include "nn/error.hpp"
#include "nn/data.hpp"
#include "nn/network.hpp"
#include "thrust_trainer/network_shape.hpp"

namespace nn::batched {

namespace {

// Bytes a job holds per network on the device, with the host's copy of the results of the same size.
std::size_t bytes_per_network(const BatchedJob& job) {
  const bool general_path = dispatch_shape(job.layers, job.needs_general_path(), [](const auto& shape) {
    return !std::decay_t<decltype(shape)>::compiled;
  });
  const auto params = static_cast<std::size_t>(AnyShape::of(job.layers)->param_count);
  std::size_t floats = 2 + 4 + 1;  // final losses, predictions, the sorted copy for the median
  if (job.keep_history) floats += 2 * static_cast<std::size_t>(job.train.epochs);
  if (job.keep_parameters) floats += params;
  if (general_path) floats += 4 * params;  // parameters, Adam's moments and gradients in the workspace
  if (job.data.point_set()) {
    // every network's points (twice: the host's copy and the device's) and its accuracies and test loss
    floats += 2 * 3 * static_cast<std::size_t>(job.data.train_points + job.data.test_points) + 3;
  }
  if (job.keep_learned_epoch) floats += 1;
  floats += 2 * job.train.trace_epochs.size() * params;  // the kept parameters, on the device and the host
  return floats * sizeof(float) + 2;                     // + the learned and rounds-correctly flags
}

// Network n's point set, for seed train.seed + n, laid out for the backends (BatchedPoints). A gate's rows
// are the trainer's constants, not memory.
BatchedPoints draw_points(const BatchedJob& job) {
  BatchedPoints points;
  if (job.data.gate()) return points;
  const auto N = static_cast<std::size_t>(job.networks);
  points.train.resize(3 * static_cast<std::size_t>(job.data.train_points) * N);
  points.test.resize(3 * static_cast<std::size_t>(job.data.test_points) * N);
  for (std::size_t n = 0; n < N; ++n) {
    const Dataset split = make_dataset(job.data, job.train.seed + n);
    for (auto [rows, out] : {std::pair{&split.train, &points.train}, std::pair{&split.test, &points.test}}) {
      for (std::size_t r = 0; r < rows->inputs.shape(0); ++r) {
        (*out)[(3 * r + 0) * N + n] = rows->inputs(r, 0);
        (*out)[(3 * r + 1) * N + n] = rows->inputs(r, 1);
        (*out)[(3 * r + 2) * N + n] = rows->targets(r, 0);
      }
    }
  }
  return points;
}

std::size_t available_host_memory() {
  return static_cast<std::size_t>(::sysconf(_SC_AVPHYS_PAGES)) *
         static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

void check_fits(const BatchedJob& job, std::size_t available, const std::string& where) {
  // Compared by division: bytes_per_network x networks can overflow (--networks 636094623231363849 wraps
  // to a few hundred bytes), the quotient cannot.
  const std::size_t per_network = bytes_per_network(job);
  if (static_cast<std::size_t>(job.networks) > available / per_network) {
    const double needed_mib =
        static_cast<double>(per_network) * static_cast<double>(job.networks) / (1 << 20);
    throw InputError("--networks " + std::to_string(job.networks) + " needs about " +
                     std::to_string(static_cast<unsigned long long>(needed_mib)) + " MiB but " + where +
                     " has " + std::to_string(available >> 20) + " MiB free");
  }
}

// Each network's layer statistics at each traced epoch, from the parameters the backend kept: the layer trace
// chapter 2's trainer records (nn::train), computed by the same function on the same training rows.
void trace_layers(const BatchedJob& job, BatchedResult& result) {
  if (job.train.trace_epochs.empty()) return;
  const auto params = static_cast<std::size_t>(AnyShape::of(job.layers)->param_count);
  result.layer_traces.resize(static_cast<std::size_t>(job.networks));
  for (std::size_t n = 0; n < result.layer_traces.size(); ++n) {
    const Dataset data = make_dataset(job.data, job.train.seed + n);
    for (std::size_t t = 0; t < job.train.trace_epochs.size(); ++t) {
      const Network network = network_from_parameters(job.layers, job.architecture(),
                                                      result.parameter_snapshots[t].data() + n * params);
      result.layer_traces[n].push_back(
          {job.train.trace_epochs[t], layer_statistics(network, data.train, job.train.loss)});
    }
  }
}

}  // namespace

Device parse_device(const std::string& name) { return parse_name(device_names, "device", name); }

bool cuda_available() {
#if defined(NN_HAVE_CUDA)
  return cuda_backend::device_count() > 0;
#else
  return false;
#endif
}

BatchedResult train_batched(const BatchedJob& job, Device device) {
  if (job.networks < 1) throw InputError("--networks must be >= 1, got " + std::to_string(job.networks));
  if (job.data.point_set() && (job.data.train_points < 1 || job.data.test_points < 1)) {
    throw InputError("--train-points and --test-points must be >= 1, got " +
                     std::to_string(job.data.train_points) + " and " + std::to_string(job.data.test_points));
  }
  const bool use_cuda = device == Device::cuda || (device == Device::automatic && cuda_available());
  if (use_cuda && !cuda_available()) {
#if defined(NN_HAVE_CUDA)
    throw InputError("--device cuda: no CUDA GPU is present (use --device cpu or auto)");
#else
    throw InputError("--device cuda: this build has no CUDA backend (use --device cpu or auto)");
#endif
  }
  check_fits(job, available_host_memory(), "this machine");
  const BatchedPoints points = draw_points(job);
#if defined(NN_HAVE_CUDA)
  if (use_cuda) {
    check_fits(job, cuda_backend::free_memory(), "the GPU");
    BatchedResult result = cuda_backend::train_batched(job, points);
    result.device = "cuda (" + cuda_backend::device_name() + ")";
    trace_layers(job, result);
    return result;
  }
#endif
  BatchedResult result = omp_backend::train_batched(job, points);
  result.device = omp_backend::device_name();
  trace_layers(job, result);
  return result;
}

}  // namespace nn::batched
