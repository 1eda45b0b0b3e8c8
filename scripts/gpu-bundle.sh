#!/usr/bin/env bash
# Builds, on this machine, what the GPU check runs on a lent GPU machine (which has no package registry):
# ch02, ch03 and the chapter 3 tests (every activation's too) for sm_90 (H100), plus the OpenMP runtime, into gpu-bundle/.
set -euo pipefail
cd "$(dirname "$0")/.."
arch=${CUDA_ARCH:-90}
cmake -S . -B build-gpu -DCMAKE_BUILD_TYPE=Release -DCMAKE_CUDA_ARCHITECTURES="$arch" >/dev/null
cmake --build build-gpu -j"$(nproc)" --target ch02-tanh ch03-gpu chapter3_tests chapter3_activation_tests
rm -rf gpu-bundle && mkdir -p gpu-bundle
cp build-gpu/chapters/ch02-tanh build-gpu/chapters/ch03-gpu build-gpu/tests/chapter3_tests \
  build-gpu/tests/chapter3_activation_tests gpu-bundle/
cp "$(g++ -print-file-name=libgomp.so.1)" gpu-bundle/
cp scripts/gpu-check.sh bench/torch_peers.py tools/book/drift.py gpu-bundle/
# The trainer's kernels as compiled (registers, stack frame, spills): a property of the build, so read here,
# where cuobjdump is, for the check to print.
python3 tools/book/kernel_resources.py gpu-bundle build-gpu/src/thrust_trainer/libnn_batched_cuda.a ||
  echo "no kernel table: tools/book/kernel_resources.py failed where the bundle was built" \
    > gpu-bundle/ch03-kernel-resources.txt
# The record names what it measured: the commit, and whether the working tree had changes on top of it.
echo "$(git rev-parse HEAD)$(git diff --quiet HEAD -- src chapters tests || echo ' with uncommitted changes')" \
  > gpu-bundle/COMMIT
echo "gpu-bundle/ ready for sm_$arch"
