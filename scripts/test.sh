#!/usr/bin/env bash
# Builds and runs the whole test suite twice: a release build, then under AddressSanitizer and
# UndefinedBehaviorSanitizer. The release run also tests the book (label `book`): it builds the site, checks
# its claims and links, and opens every page in headless Chromium (screenshots: build/test-artifacts/).
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
echo "screenshots of the book's pages: build/test-artifacts/screenshots/"
