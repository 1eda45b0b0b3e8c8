#!/usr/bin/env bash
# The main job: install what is missing, build, and run the chapters in order.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target ch01-linear ch02-tanh ch03-gpu ch04-zoo

for chapter in ch01-linear ch02-tanh ch03-gpu; do
  echo
  echo "=== ${chapter} ==="
  "build/chapters/${chapter}"
done
echo
echo "=== ch03-gpu --sweep: the demo's statistic over 4096 seeds ==="
build/chapters/ch03-gpu --sweep --networks 4096 --grid-layers 2,1,1 --grid-layers 2,5,5,1
echo
echo "=== ch04-zoo: every activation on every point set, 64 networks each ==="
build/chapters/ch04-zoo

echo
cmake --build --preset release --target book
