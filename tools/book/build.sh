#!/usr/bin/env bash
# Builds the whole site from the chapter programs: regenerates docs/generated (outputs, numbers, figures),
# serves Debian's KaTeX with it, runs mdBook, puts the Doxygen API reference under api/ (warnings are errors),
# and checks that every include expanded. The `book` target and the book's tests both run this.
#
# usage: tools/book/build.sh CH01_BINARY CH02_BINARY CH03_BINARY CH04_BINARY CH05_BINARY SURFACE_BINARY
#                             REGIONS_BINARY OUT_DIR
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
if [[ $# -ne 8 ]]; then
  echo "usage: $0 CH01_BINARY CH02_BINARY CH03_BINARY CH04_BINARY CH05_BINARY SURFACE_BINARY REGIONS_BINARY OUT_DIR" >&2
  exit 2
fi
out="$8"
python="${PYTHON:-python3}"
katex="${KATEX_DIR:-/usr/share/javascript/katex}"  # Debian's libjs-katex
for tool in mdbook doxygen "$python"; do
  command -v "$tool" > /dev/null || { echo "book: $tool is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }
done
[[ -f "${katex}/katex.min.js" ]] || { echo "book: KaTeX is missing from ${katex} (apt-get install libjs-katex)" >&2; exit 1; }

start=$SECONDS
PYTHON="$python" bash "${root}/tools/book/generate.sh" "$1" "$2" "$3" "$4" "$5" "$6" "$7" "${root}/docs/generated"
echo "book: the programs' outputs, numbers and figures (docs/generated): $((SECONDS - start)) s" >&2
rm -rf "${root}/docs/generated/katex"
cp -rL "$katex" "${root}/docs/generated/katex"
# The chapter programs as WebAssembly for the widgets (NN_WEB_SCRIPT: build/web/nn-web.js, from src/web).
# Set but empty (a build without Emscripten): the widgets keep the static figures and say why. Unset: the
# copy already there stays.
if [[ -v NN_WEB_SCRIPT ]]; then
  rm -rf "${root}/docs/generated/web"
  mkdir -p "${root}/docs/generated/web"
  if [[ -n "$NN_WEB_SCRIPT" ]]; then
    cp "$NN_WEB_SCRIPT" "${root}/docs/generated/web/nn-web.js"
  else
    echo "window.nnWorkerPack = null;  // built without Emscripten: no programs for the widgets" \
      > "${root}/docs/generated/web/nn-web.js"
  fi
fi
start=$SECONDS
mdbook build "$root" --dest-dir "$out"
echo "book: mdBook: $((SECONDS - start)) s" >&2
# mdbook empties its output folder, so the API reference goes in after it.
start=$SECONDS
(cd "$root" && NN_API_OUTPUT="$out" doxygen docs/Doxyfile)
echo "book: Doxygen's API reference: $((SECONDS - start)) s" >&2
"$python" "${root}/tools/book/check_includes.py" --src "${root}/docs" --html "$out"
