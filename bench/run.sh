#!/usr/bin/env bash
# Runs issue 3's benchmark peers in one invocation and prints one table of ratios: the Thrust trainer
# (OpenMP on 1 thread and on all, CUDA where a GPU is), chapter 2's xtensor trainer one network at a time,
# PyTorch one network at a time and batched, and the machine's fp32 FMA peak. Every row says how many of
# its networks learned the gate. Not a test: it never runs in CI.
#   bash bench/run.sh [torch-device: cpu|cuda]   (writes bench/results/<host>-<date>.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
torch_device=${1:-cpu}
build=build-bench
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DNN_NATIVE_CPU=ON -DNN_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target trainer_benchmark >/dev/null
mkdir -p bench/results
raw=$(mktemp -d)
"$build/bench/trainer_benchmark" --benchmark_format=json --benchmark_out="$raw/cpp.json" \
  --benchmark_out_format=json >/dev/null 2>"$raw/cpp.err" || true
batched=65536
[[ $torch_device == cuda ]] && batched=1048576
/usr/bin/python3 bench/torch_peers.py --device "$torch_device" --batched "$batched" >"$raw/torch.jsonl"
out="bench/results/$(hostname)-$(date -u +%Y%m%d).txt"
/usr/bin/python3 bench/ratio_table.py "$raw/cpp.json" "$raw/torch.jsonl" | tee "$out"
echo "written to $out"
