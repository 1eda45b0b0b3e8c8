#include <string>

#include <unistd.h>

#include "thrust_trainer/batched_backends.hpp"
#include "thrust_trainer/batched_job.hpp"
#include "nn/error.hpp"
#include "thrust_trainer/network_shape.hpp"

namespace nn {

namespace {

// Bytes a job holds per network on the device, with the host's copy of the results of the same size.
std::size_t bytes_per_network(const BatchedJob& job) {
  const std::size_t params = dispatch_shape(job.layers, [](auto shape) {
    return static_cast<std::size_t>(decltype(shape)::param_count);
  });
  std::size_t floats = 2 + 4 + 1;  // final losses, predictions, the sorted copy for the median
  if (job.keep_history) floats += 2 * static_cast<std::size_t>(job.train.epochs);
  if (job.keep_parameters) floats += params;
  return floats * sizeof(float) + 2;  // + the learned and rounds-correctly flags
}

std::size_t available_host_memory() {
  return static_cast<std::size_t>(::sysconf(_SC_AVPHYS_PAGES)) * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

void check_fits(const BatchedJob& job, std::size_t available, const std::string& where) {
  // Compared by division: bytes_per_network x networks can overflow (--networks 636094623231363849 wraps
  // to a few hundred bytes), the quotient cannot.
  const std::size_t per_network = bytes_per_network(job);
  if (static_cast<std::size_t>(job.networks) > available / per_network) {
    const double needed_mib = static_cast<double>(per_network) * static_cast<double>(job.networks) / (1 << 20);
    throw InputError("--networks " + std::to_string(job.networks) + " needs about " +
                     std::to_string(static_cast<unsigned long long>(needed_mib)) + " MiB but " + where + " has " +
                     std::to_string(available >> 20) + " MiB free");
  }
}

}  // namespace

Device parse_device(const std::string& name) {
  if (name == "auto") return Device::automatic;
  if (name == "cuda") return Device::cuda;
  if (name == "cpu") return Device::cpu;
  throw InputError("unknown device '" + name + "' (expected auto, cuda or cpu)");
}

bool cuda_available() {
#if defined(NN_HAVE_CUDA)
  return cuda_backend::device_count() > 0;
#else
  return false;
#endif
}

BatchedResult train_batched(const BatchedJob& job, Device device) {
  if (job.networks < 1) throw InputError("--networks must be >= 1, got " + std::to_string(job.networks));
  const bool use_cuda = device == Device::cuda || (device == Device::automatic && cuda_available());
  if (use_cuda && !cuda_available()) {
#if defined(NN_HAVE_CUDA)
    throw InputError("--device cuda: no CUDA GPU is present (use --device cpu or auto)");
#else
    throw InputError("--device cuda: this build has no CUDA backend (use --device cpu or auto)");
#endif
  }
  check_fits(job, available_host_memory(), "this machine");
#if defined(NN_HAVE_CUDA)
  if (use_cuda) {
    check_fits(job, cuda_backend::free_memory(), "the GPU");
    BatchedResult result = cuda_backend::train_batched(job);
    result.device = "cuda (" + cuda_backend::device_name() + ")";
    return result;
  }
#endif
  BatchedResult result = omp_backend::train_batched(job);
  result.device = "cpu (OpenMP, " + std::to_string(omp_backend::thread_count()) + " threads)";
  return result;
}

}  // namespace nn
