#!/usr/bin/env bash
# The GPU check, for a machine with an NVIDIA GPU: the chapter 3 tests (CUDA variants included),
# compute-sanitizer memcheck on a small CUDA run, the sweep benchmark of issue 3 (N = 2^20 networks
# 2-5-5-1 tanh, full-batch AND and XOR, Adam, 1000 steps), the general path on a deep shape (issue 29) and
# PyTorch on the same card, then chapter 2
# against chapter 3 step by step, the demo's statistic at GPU scale, the kernels' registers and stack frames
# as compiled, and Nsight Compute's view of the kernel.
# The steps run in that order, most important first, and the whole check, build included, stops within
# NN_GPU_CHECK_SECONDS (default 470, under issue 3's 8 minutes).
#   bash scripts/gpu-check.sh        in a checkout with the project's dependencies: builds for sm_90, then checks
#   bash gpu-bundle/gpu-check.sh     over a bundle that scripts/gpu-bundle.sh built elsewhere, for a GPU
#                                    machine that has no package registry to install the dependencies from
# Everything it prints goes to stdout and to ${OUT:-.}/gpu-check.txt.
set -uo pipefail
bundle=$(cd "$(dirname "$0")" && pwd)
if [[ ! -x "$bundle/ch03-gpu" ]]; then  # run from a checkout: build the bundle, then check it
  build_start=$SECONDS
  bash "$bundle/gpu-bundle.sh" >&2 || { echo "gpu-check: the sm_90 build failed" >&2; exit 1; }
  export NN_GPU_BUILD_SECONDS=$((SECONDS - build_start))
  export NN_GPU_CHECK_SECONDS=$((${NN_GPU_CHECK_SECONDS:-470} - NN_GPU_BUILD_SECONDS))
  exec bash "$bundle/../gpu-bundle/gpu-check.sh"
fi
export LD_LIBRARY_PATH="$bundle${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export NN_CH02="$bundle/ch02-tanh" NN_CH03="$bundle/ch03-gpu"
report="${OUT:-.}/gpu-check.txt"
deadline=$((SECONDS + ${NN_GPU_CHECK_SECONDS:-470}))

# step CAP COMMAND...: runs COMMAND for at most CAP seconds, or for what is left of the check's time.
step() {
  local cap=$1 left=$((deadline - SECONDS))
  shift
  if ((left < 5)); then
    echo "skipped: the check's time is spent"
    return 1
  fi
  timeout "$((left < cap ? left : cap))" "$@"
  local status=$?
  ((status == 124)) && echo "stopped after its time ran out"
  return "$status"
}

{
  echo "# GPU check, $(date -u +%Y-%m-%dT%H:%M:%SZ), of commit $(cat "$bundle/COMMIT" 2>/dev/null || echo unknown)"
  [[ -n "${NN_GPU_BUILD_SECONDS:-}" ]] && echo "built for sm_90 on this machine in ${NN_GPU_BUILD_SECONDS} s"
  if command -v nvidia-smi >/dev/null; then
    nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.max.sm --format=csv 2>&1
  else
    echo "nvidia-smi not found: no NVIDIA driver here, so every CUDA step below says it has no GPU"
  fi
  echo
  echo "## chapter 3 tests"
  (cd "${OUT:-/tmp}" && step 240 "$bundle/chapter3_tests" 2>&1) | grep -v "^\[ RUN"
  echo
  echo "## chapter 3 tests, every activation"
  (cd "${OUT:-/tmp}" && step 240 "$bundle/chapter3_activation_tests" 2>&1) | grep -v "^\[ RUN"
  echo
  echo "## compute-sanitizer memcheck (one network, then a 1000-network sweep)"
  sanitizer=$(command -v compute-sanitizer || ls /usr/local/cuda*/bin/compute-sanitizer 2>/dev/null | head -n 1)
  if [[ -n "$sanitizer" ]]; then
    step 120 "$sanitizer" --tool memcheck --error-exitcode 1 "$NN_CH03" --device cuda --quiet --layers 2,5,5,1 \
      && echo "memcheck one network: clean"
    step 180 "$sanitizer" --tool memcheck --error-exitcode 1 "$NN_CH03" --device cuda --quiet --sweep --networks 1000 \
      --epochs 1 --batches-per-epoch 20 && echo "memcheck sweep: clean"
  else
    echo "compute-sanitizer not found"
  fi
  echo
  echo "## benchmark: N = 2^20 networks 2-5-5-1 tanh, full batch, Adam lr 0.1, 1000 steps"
  step 240 "$NN_CH03" --device cuda --sweep --networks 1048576 --layers 2,5,5,1 --activations tanh --gates and,xor \
    --full-batch --epochs 1 --batches-per-epoch 1000 2>&1
  echo
  echo "## benchmark, general path: N = 2^18 networks 2,16x6,1 (no compiled shape), full batch AND, Adam lr 0.01, MSE"
  step 120 "$NN_CH03" --device cuda --sweep --networks 262144 --grid-layers 2,16,16,16,16,16,16,1 \
    --activations tanh --full-batch --loss mse --lrs 0.01 --epochs 1 --batches-per-epoch 1000 2>&1
  echo
  echo "## PyTorch peers on the same card (if PyTorch is installed there), on both shapes"
  if python3 -c "import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)" 2>/dev/null; then
    step 240 python3 "$bundle/torch_peers.py" --device cuda --gates and --one-at-a-time 4 --batched 1048576 \
      --deep 262144 2>&1
  else
    echo "no PyTorch with CUDA on this machine"
  fi
  echo
  echo "## chapter 2 vs chapter 3 on the GPU, step by step from the same weights (tools/book/drift.py)"
  step 120 python3 "$bundle/drift.py" "$NN_CH02" "$NN_CH03" --device cuda 2>&1
  echo
  echo "## the demo's statistic on the GPU: 2^20 networks each, layers 2,1,1 and 2,5,5,1, none vs tanh"
  step 240 "$NN_CH03" --device cuda --sweep --networks 1048576 --grid-layers 2,1,1 --grid-layers 2,5,5,1 2>&1
  echo
  echo "## the trainer's kernels as compiled: registers, stack frame, spills (tools/book/kernel_resources.py)"
  cat "$bundle/ch03-kernel-resources.txt" 2>/dev/null || echo "no kernel table in the bundle"
  echo
  echo "## Nsight Compute on the trainer's kernel: 2^18 networks 2-5-5-1 tanh, AND, 100 full-batch steps"
  # Why the kernel runs as fast as it does (occupancy, issue slots, pipes, instructions executed, how often a
  # scheduler had a warp ready and what the warps wait on), for whoever tunes it next.
  ncu=$(command -v ncu || ls /usr/local/cuda*/bin/ncu 2>/dev/null | head -n 1)
  if [[ -n "$ncu" ]]; then
    step 180 "$ncu" --kernel-name-base demangled --kernel-name regex:TrainGroup --launch-count 1 \
      --section SpeedOfLight --section Occupancy --section LaunchStats --section ComputeWorkloadAnalysis \
      --section SchedulerStats --section InstructionStats --section WarpStateStats \
      "$NN_CH03" --device cuda --sweep --networks 262144 --layers 2,5,5,1 --activations tanh --gates and \
      --full-batch --epochs 1 --batches-per-epoch 100 2>&1 | grep -v "^==PROF==" | tail -n 150
  else
    echo "ncu not found"
  fi
  echo
  echo "# GPU check done in ${SECONDS} s${NN_GPU_BUILD_SECONDS:+, after the ${NN_GPU_BUILD_SECONDS} s build}"
} 2>&1 | tee "$report"
