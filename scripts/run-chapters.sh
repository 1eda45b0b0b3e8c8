#!/usr/bin/env bash
# The main job, in the order of the book: installs what is missing, then builds and runs one chapter at a
# time (chapter 1's program is built and run before anything else is compiled), and builds the book last.
# Each long step says what it is doing, then how long it took; the compilers' own output goes to
# build/run-chapters.log, shown only when a build fails.
#
# usage: bash scripts/run-chapters.sh [--cuda]
#   --cuda  also build chapter 3's CUDA backend where no GPU is present (it needs the CUDA Toolkit). Without
#           it, the backend is built only where nvidia-smi lists a GPU: elsewhere it could never run, and
#           nvcc's compile of it takes minutes of one core. The book's table of the GPU kernels then says
#           that the backend was not built; the test suite's release build (scripts/test.sh) always builds it.
#
# SCRIPT_DRY_RUN=1 prints each command the job would run, in order, and runs none
# (tests/scripts/run_chapters_test.py holds the order).
set -euo pipefail
cd "$(dirname "$0")/.."

cuda=OFF
case "${1:-}" in
  "") if nvidia-smi -L >/dev/null 2>&1; then cuda=ON; fi ;;
  --cuda) cuda=ON ;;
  *) echo "run-chapters: unknown argument '$1' (the only one is --cuda)" >&2; exit 2 ;;
esac
log=build/run-chapters.log
[[ "${SCRIPT_DRY_RUN:-0}" != 1 ]] || log=/dev/null

# act COMMAND...: runs it, or under SCRIPT_DRY_RUN=1 prints it (onto the terminal, fd 3, even where the
# command's own output would go to the log).
exec 3>&1
act() {
  if [[ "${SCRIPT_DRY_RUN:-0}" == 1 ]]; then
    echo "+ $*" >&3
  else
    "$@"
  fi
}

# build TARGET...: builds what the next step runs, and says how long the reader waited for it.
build() {
  local start=$SECONDS
  echo "--- building $* ..."
  if ! act cmake --build --preset release -j"$(nproc)" --target "$@" >>"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "run-chapters: building $* failed (the whole log: ${log})" >&2
    exit 1
  fi
  echo "--- built $* in $((SECONDS - start)) s"
}

# chapter TITLE PROGRAM ARGS...: runs a chapter's program under a heading, and says how long it ran.
chapter() {
  local title="$1" start=$SECONDS
  shift
  echo
  echo "=== ${title} ==="
  act "$@"
  echo "--- ${title}: $((SECONDS - start)) s"
}

act bash scripts/install-deps.sh
mkdir -p build
: >"$log"
echo "--- configuring the release build (chapter 3's CUDA backend: ${cuda}) ..."
if ! act cmake --preset release -DNN_ENABLE_CUDA="$cuda" >>"$log" 2>&1; then
  tail -n 40 "$log" >&2
  echo "run-chapters: configuring the build failed (the whole log: ${log})" >&2
  exit 1
fi

build ch01-linear
chapter ch01-linear build/chapters/ch01-linear
build ch02-tanh
chapter ch02-tanh build/chapters/ch02-tanh
build ch03-gpu
chapter ch03-gpu build/chapters/ch03-gpu
chapter "ch03-gpu --sweep: the demo's statistic over 4096 seeds" \
  build/chapters/ch03-gpu --sweep --networks 4096 --grid-layers 2,1,1 --grid-layers 2,5,5,1

# Chapters 4 and 5 run as the book shows them (--device cpu, which is where a reader without a GPU runs them
# anyway), into docs/generated, so that the book's build below reads these runs instead of making them again.
source tools/book/recorded_run.sh
build ch04-zoo
RECORDED_RUN_SHOW=1 chapter "ch04-zoo: every activation on every point set, 64 networks each" \
  recorded_run docs/generated ch04-zoo build/chapters/ch04-zoo --device cpu
build ch05-depth
RECORDED_RUN_SHOW=1 chapter "ch05-depth: five activations at 1 to 8 hidden layers, two starting rules, 32 networks each" \
  recorded_run docs/generated ch05-depth build/chapters/ch05-depth --device cpu

echo
echo "=== the book ==="
build book-surface book-regions
if grep -q "^NN_WEB:BOOL=ON" build/CMakeCache.txt 2>/dev/null && grep -q "^NN_EMCMAKE:FILEPATH=/" build/CMakeCache.txt; then
  build nn_web  # the pages' widgets: the chapter programs compiled to WebAssembly
fi
start=$SECONDS
echo "--- building the book: the pages' outputs, numbers and figures, mdBook, Doxygen ..."
act cmake --build --preset release --target book
echo "--- built the book in $((SECONDS - start)) s"
echo "--- the main job took $SECONDS s"
