#!/usr/bin/env bash
# Builds and runs the whole test suite twice: a release build, then under AddressSanitizer and
# UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
jobs=$(nproc)
for preset in release sanitize; do
  echo "=== ${preset} ==="
  cmake --preset "${preset}" >/dev/null
  cmake --build --preset "${preset}" -j"${jobs}"
  ctest --preset "${preset}" -j"${jobs}"
done
echo "=== book ==="
# The whole site: chapters rerun, mdBook, the Doxygen reference (warnings are errors), includes checked.
cmake --build --preset release --target book
