// Google Benchmark of the trainers (bench/workload.hpp): on issue 3's 2-5-5-1 workload, chapter 2's xtensor
// trainer one network at a time, the Thrust trainer on the OpenMP backend (1 thread and all threads, and its
// general path for shapes it is not compiled for) and on CUDA where a GPU is present; on a deep shape, which
// only the general path trains, the Thrust trainer on every core and on CUDA; and an FMA loop that measures
// this machine's fp32 peak in the same run. Every trainer benchmark reports how many of its networks
// learned the gate. bench/run.sh turns the output into one table of ratios next to PyTorch.

#include <benchmark/benchmark.h>
#include <omp.h>

#include <vector>

#include "nn/network.hpp"
#include "nn/outcome.hpp"
#include "nn/train.hpp"
#include "workload.hpp"

namespace {

nn::Gate gate_of(const benchmark::State& state) {
  return state.range(1) == 0 ? nn::Gate::and_gate : nn::Gate::xor_gate;
}

void report(benchmark::State& state, double networks, double learned, const std::vector<int>& layers) {
  const double network_steps = networks * bench::steps * static_cast<double>(state.iterations());
  state.counters["network_steps_per_s"] = benchmark::Counter(network_steps, benchmark::Counter::kIsRate);
  state.counters["GFLOP_per_s"] = benchmark::Counter(
      network_steps * bench::flops_per_network_step(layers) / 1e9, benchmark::Counter::kIsRate);
  state.counters["learned_fraction"] = learned / networks;
}

// Chapter 2's trainer, one network after another, as a reader would run it.
void XtensorOneAtATime(benchmark::State& state) {
  const std::int64_t networks = state.range(0);
  nn::batched::BatchedJob job = bench::workload(networks, gate_of(state));
  double learned = 0;
  for (auto _ : state) {
    learned = 0;
    for (std::int64_t n = 0; n < networks; ++n) {
      job.train.seed = static_cast<std::uint64_t>(n);
      nn::Network network = nn::Network::initialised(job.layers, job.activation, job.train.seed);
      const nn::Dataset data = nn::make_dataset(job.data, job.train.seed);
      nn::train(network, data, job.train, {});
      learned += nn::evaluate(network, data, job.train.loss).learned;
    }
  }
  report(state, static_cast<double>(networks), learned, job.layers);
}

void Train(benchmark::State& state, const nn::batched::BatchedJob& job, nn::batched::Device device,
           int threads) {
  if (threads > 0) omp_set_num_threads(threads);
  double learned = 0;
  for (auto _ : state) learned = static_cast<double>(nn::batched::train_batched(job, device).learned_count);
  report(state, static_cast<double>(job.networks), learned, job.layers);
}

void ThrustOn(benchmark::State& state, nn::batched::Device device, int threads, bool general_path = false) {
  nn::batched::BatchedJob job = bench::workload(state.range(0), gate_of(state));
  job.general_path = general_path;
  Train(state, job, device, threads);
}

void ThrustCpu1Thread(benchmark::State& state) { ThrustOn(state, nn::batched::Device::cpu, 1); }
void ThrustCpuAllThreads(benchmark::State& state) {
  ThrustOn(state, nn::batched::Device::cpu, omp_get_num_procs());
}
// The same networks on the general path (nn::batched::AnyShape: sizes read at run time, parameters in
// memory), which trains every shape outside the compiled list: what giving up the compiled shape costs. Same
// seeds, so its learned count must equal ThrustCpuAllThreads's.
void ThrustCpuGeneralPath(benchmark::State& state) {
  ThrustOn(state, nn::batched::Device::cpu, omp_get_num_procs(), true);
}
void ThrustCuda(benchmark::State& state) {
  if (!nn::batched::cuda_available()) {
    state.SkipWithError("no CUDA GPU present");
    return;
  }
  ThrustOn(state, nn::batched::Device::cuda, 0);
}
// The deep shape (bench::deep_workload), which only the general path trains, on every core and on CUDA.
void DeepThrustCpuAllThreads(benchmark::State& state) {
  Train(state, bench::deep_workload(state.range(0)), nn::batched::Device::cpu, omp_get_num_procs());
}
void DeepThrustCuda(benchmark::State& state) {
  if (!nn::batched::cuda_available()) {
    state.SkipWithError("no CUDA GPU present");
    return;
  }
  Train(state, bench::deep_workload(state.range(0)), nn::batched::Device::cuda, 0);
}

// fp32 peak: independent chains of a * x + y on every core, in the widest vectors this CPU has (512 bits
// with AVX-512, else 256; build with -march=native to let g++ use FMA and the CPU's widths). A loop of
// 256-bit vectors measured half the peak of an AVX-512 machine, whose trainer fills 512-bit registers.
#if defined(__AVX512F__)
using Vec = float __attribute__((vector_size(64)));
#else
using Vec = float __attribute__((vector_size(32)));
#endif
void FmaPeak(benchmark::State& state) {
  constexpr int chains = 12, width = sizeof(Vec) / sizeof(float);
  const long iterations = 1 << 22;
  double flops = 0;
  for (auto _ : state) {
    float sink = 0;
#pragma omp parallel reduction(+ : sink)
    {
      Vec acc[chains];
      for (int c = 0; c < chains; ++c) acc[c] = Vec{} + 0.001f * static_cast<float>(c + omp_get_thread_num());
      const Vec a = Vec{} + 0.999999f, x = Vec{} + 1e-7f;
      for (long i = 0; i < iterations; ++i)
        for (int c = 0; c < chains; ++c) acc[c] = acc[c] * a + x;
      for (int c = 0; c < chains; ++c) sink += acc[c][0];
    }
    benchmark::DoNotOptimize(sink);
    flops += 2.0 * width * chains * static_cast<double>(iterations) * omp_get_max_threads();
  }
  state.counters["GFLOP_per_s"] = benchmark::Counter(flops / 1e9, benchmark::Counter::kIsRate);
}

}  // namespace

// Three runs each and their median: the scaling ratio (2 threads vs 1) divides two of these, and a single
// run on a shared 2-core machine moves it by several percent.
void MedianOfThreeRuns(benchmark::internal::Benchmark* benchmark) {
  benchmark->Unit(benchmark::kMillisecond)
      ->UseRealTime()
      ->Iterations(1)
      ->Repetitions(3)
      ->ReportAggregatesOnly(true);
}

BENCHMARK(FmaPeak)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(XtensorOneAtATime)->Args({64, 0})->Args({64, 1})->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(ThrustCpu1Thread)->Args({65536, 0})->Apply(MedianOfThreeRuns);
BENCHMARK(ThrustCpuAllThreads)->Args({65536, 0})->Args({65536, 1})->Apply(MedianOfThreeRuns);
BENCHMARK(ThrustCpuGeneralPath)->Args({65536, 0})->Apply(MedianOfThreeRuns);
BENCHMARK(ThrustCuda)->Args({1 << 20, 0})->Args({1 << 20, 1})->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(DeepThrustCpuAllThreads)->Args({4096, 0})->Apply(MedianOfThreeRuns);
BENCHMARK(DeepThrustCuda)->Args({1 << 18, 0})->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

BENCHMARK_MAIN();
