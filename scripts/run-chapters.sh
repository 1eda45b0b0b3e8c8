#!/usr/bin/env bash
# The main job: install what is missing, build, and run the chapters in order. Each chapter's program is built
# just before it runs, so chapter 1 prints before chapter 3's Thrust trainer (and its CUDA backend, where the
# toolkit is) or the book is compiled.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release >/dev/null

# build TARGET...: builds what the next step runs, and says how long the reader waited for it.
build() {
  local start=$SECONDS
  echo "--- building $*"
  cmake --build --preset release -j"$(nproc)" --target "$@"
  echo "--- built $* in $((SECONDS - start)) s"
}

for chapter in ch01-linear ch02-tanh ch03-gpu; do
  build "${chapter}"
  echo
  echo "=== ${chapter} ==="
  "build/chapters/${chapter}"
  echo
done
echo "=== ch03-gpu --sweep: the demo's statistic over 4096 seeds ==="
build/chapters/ch03-gpu --sweep --networks 4096 --grid-layers 2,1,1 --grid-layers 2,5,5,1
echo
build ch04-zoo
echo
echo "=== ch04-zoo: every activation on every point set, 64 networks each ==="
build/chapters/ch04-zoo
echo
build ch05-depth
echo
echo "=== ch05-depth: five activations at 1 to 8 hidden layers, two starting rules, 32 networks each ==="
build/chapters/ch05-depth

echo
build book
echo "--- the main job took $SECONDS s"
