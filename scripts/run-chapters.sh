#!/usr/bin/env bash
# The main job: install what is missing, build, and run the chapters in order.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target ch01-linear ch02-tanh

for chapter in ch01-linear ch02-tanh; do
  echo
  echo "=== ${chapter} ==="
  "build/chapters/${chapter}"
done
