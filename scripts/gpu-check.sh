#!/usr/bin/env bash
# The GPU check, run on a machine with an NVIDIA GPU over the bundle that scripts/gpu-bundle.sh built:
# the chapter 3 tests (CUDA variants included), compute-sanitizer memcheck on a small CUDA run, chapter 2
# against chapter 3 step by step over 1000 steps, and the sweep benchmark of issue 3 (N = 2^20 networks
# 2-5-5-1 tanh, full-batch AND and XOR, Adam, 1000 steps).
# Everything it prints goes to stdout and to ${OUT:-.}/gpu-check.txt.
set -uo pipefail
bundle=$(cd "$(dirname "$0")" && pwd)
export LD_LIBRARY_PATH="$bundle${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export NN_CH02="$bundle/ch02-tanh" NN_CH03="$bundle/ch03-gpu"
report="${OUT:-.}/gpu-check.txt"
{
  echo "# GPU check, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.max.sm --format=csv 2>&1
  echo
  echo "## chapter 3 tests"
  (cd "${OUT:-/tmp}" && timeout 240 "$bundle/chapter3_tests" 2>&1) | grep -v "^\[ RUN"
  echo
  echo "## compute-sanitizer memcheck (one network, then a 1000-network sweep)"
  sanitizer=$(command -v compute-sanitizer || ls /usr/local/cuda*/bin/compute-sanitizer 2>/dev/null | head -n 1)
  if [[ -n "$sanitizer" ]]; then
    timeout 120 "$sanitizer" --tool memcheck --error-exitcode 1 "$NN_CH03" --device cuda --quiet --layers 2,5,5,1 \
      && echo "memcheck one network: clean"
    timeout 180 "$sanitizer" --tool memcheck --error-exitcode 1 "$NN_CH03" --device cuda --quiet --sweep --networks 1000 \
      --epochs 1 --batches-per-epoch 20 && echo "memcheck sweep: clean"
  else
    echo "compute-sanitizer not found"
  fi
  echo
  echo "## chapter 2 vs chapter 3 on the GPU, step by step from the same weights (tools/book/drift.py)"
  timeout 120 python3 "$bundle/drift.py" "$NN_CH02" "$NN_CH03" --device cuda 2>&1
  echo
  echo "## benchmark: N = 2^20 networks 2-5-5-1 tanh, full batch, Adam lr 0.1, 1000 steps"
  timeout 240 "$NN_CH03" --device cuda --sweep --networks 1048576 --layers 2,5,5,1 --activations tanh --gates and,xor \
    --full-batch --epochs 1 --batches-per-epoch 1000 2>&1
  echo
  echo "## PyTorch peer on the same card (if PyTorch is installed there)"
  if python3 -c "import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)" 2>/dev/null; then
    timeout 200 python3 "$bundle/torch_peers.py" --device cuda --gates and --one-at-a-time 4 --batched 1048576 2>&1
  else
    echo "no PyTorch with CUDA on this machine"
  fi
  echo
  echo "## the demo's statistic on the GPU: 2^20 networks each, layers 2,1,1 and 2,5,5,1, none vs tanh"
  timeout 240 "$NN_CH03" --device cuda --sweep --networks 1048576 --grid-layers 2,1,1 --grid-layers 2,5,5,1 2>&1
} 2>&1 | tee "$report"
