#!/usr/bin/env bash
# Chapter 3 needs no CUDA Toolkit: configures a second build against Debian's Thrust (libthrust-dev) with the
# CUDA backend off and the toolkit out of sight, builds ch03-gpu there, and checks that its sweep prints the
# same bytes on standard output as the main build's ch03-gpu (timings go to stderr and are not compared).
# Without a unity build: the library, the Thrust trainer and the programs' files each compile on their own,
# which the main builds' batches would not show (a file that uses a header only a batch-mate includes). And
# with the OpenMP functor compiled once, for any x86-64 (NN_CPU_CLONES=OFF): where the main build runs its
# AVX-512 or AVX2 clone, the same bytes show that the clone computes what SSE2 does.
#
# usage: debian_thrust_test.sh SOURCE_DIR BUILD_DIR MAIN_CH03 BUILD_TYPE [ch03-gpu flags...]
set -euo pipefail

source_dir=$1 build_dir=$2 main_ch03=$3 build_type=$4
shift 4
flags=("$@")
debian_thrust=/usr/share/cmake/thrust

if [[ ! -f ${debian_thrust}/thrust-config.cmake ]]; then
  echo "FAIL: Debian's Thrust is not installed (${debian_thrust}); scripts/install-deps.sh installs libthrust-dev" >&2
  exit 1
fi

# A reader without the toolkit: no CUDA directory on PATH, none of the variables that point CMake at one.
PATH=$(tr : '\n' <<<"$PATH" | grep -v -i cuda | paste -sd: -)
unset CUDACXX CUDA_HOME CUDA_PATH CUDAToolkit_ROOT

configure_log=${build_dir}.configure.log
cmake -S "$source_dir" -B "$build_dir" -DCMAKE_BUILD_TYPE="$build_type" -DNN_ENABLE_CUDA=OFF \
  -DThrust_DIR="$debian_thrust" -DNN_BUILD_TESTS=OFF -DNN_BUILD_EXERCISES=OFF -DNN_BOOK_TESTS=OFF \
  -DNN_GRADING_TESTS=OFF -DNN_UNITY_BUILD=OFF -DNN_CPU_CLONES=OFF >"$configure_log"
# The summary must say that this build took Debian's Thrust and built no CUDA backend.
grep -E -- "^-- Thrust [0-9]" "$configure_log"
grep -F -- "-- Thrust trainer CUDA backend: " "$configure_log"
grep -q -F -- ": ${debian_thrust}" "$configure_log" ||
  { echo "FAIL: the second build did not take Debian's Thrust (${debian_thrust})" >&2; exit 1; }
grep -q -F -- "CUDA backend: OFF" "$configure_log" ||
  { echo "FAIL: the second build has a CUDA backend" >&2; exit 1; }

cmake --build "$build_dir" --target ch03-gpu -j2 >"${build_dir}.build.log" ||
  { tail -n 40 "${build_dir}.build.log" >&2; echo "FAIL: ch03-gpu does not build against Debian's Thrust" >&2; exit 1; }

echo "ch03-gpu ${flags[*]}"
"$main_ch03" "${flags[@]}" >"${build_dir}.main.out" 2>/dev/null
"${build_dir}/chapters/ch03-gpu" "${flags[@]}" >"${build_dir}.debian.out" 2>/dev/null
if ! cmp "${build_dir}.main.out" "${build_dir}.debian.out"; then
  diff "${build_dir}.main.out" "${build_dir}.debian.out" >&2 || true
  echo "FAIL: the sweep against Debian's Thrust differs from the main build's" >&2
  exit 1
fi
echo "same $(wc -c <"${build_dir}.main.out") bytes from both builds"
