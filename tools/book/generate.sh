#!/usr/bin/env bash
# Writes everything a page includes that a program printed: each command a page shows (fixed seeds), its
# standard output and its --json, the diffs between chapters, the numbers quoted in the prose, the figures.
#
# usage: tools/book/generate.sh CH01_BINARY CH02_BINARY CH03_BINARY CH04_BINARY CH05_BINARY SURFACE_BINARY
#                                REGIONS_BINARY [OUT_DIR]
#        (OUT_DIR defaults to docs/generated; SURFACE_BINARY is book-surface, built from tools/book/surface.cpp,
#        REGIONS_BINARY book-regions, from tools/book/regions.cpp)
#        CUDA_BACKEND_LIBRARY in the environment: the CUDA backend's library (libnn_batched_cuda.a), if built
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
if [[ $# -lt 7 || $# -gt 8 ]]; then
  echo "usage: $0 CH01_BINARY CH02_BINARY CH03_BINARY CH04_BINARY CH05_BINARY SURFACE_BINARY REGIONS_BINARY [OUT_DIR]" >&2
  exit 2
fi
declare -A binary=([ch01-linear]="$1" [ch02-tanh]="$2" [ch03-gpu]="$3" [ch04-zoo]="$4" [ch05-depth]="$5")
surface_binary="$6"
regions_binary="$7"
out="${8:-$root/docs/generated}"
python="${PYTHON:-python3}"
mkdir -p "$out"
source "${root}/tools/book/recorded_run.sh"

# timed WHAT COMMAND...: runs COMMAND, then a progress line if it took a while (the book's build takes
# minutes; these lines say where).
timed() {
  local what="$1" start=$SECONDS
  shift
  "$@"
  local seconds=$((SECONDS - start))
  ((seconds < 3)) || echo "book: ${what}: ${seconds} s" >&2
}

# shown NAME PROGRAM ARGS...: NAME.command is the command as the page shows it, NAME.txt its standard output.
# NAME.json (and NAME-weights.json) come from a second, quiet run (--json and --save-weights change nothing
# else); it goes first so errors show.
shown() {
  local name="$1" program="$2"
  shift 2
  echo "build/chapters/${program} $*" > "${out}/${name}.command"
  # The trained network's weights too, for the heat maps (a sweep trains many and saves none).
  local save=(--save-weights "${out}/${name}-weights.json")
  [[ " $* " != *" --sweep "* ]] || save=()
  timed "$name" "${binary[$program]}" "$@" --quiet --json "${out}/${name}.json" "${save[@]}"
  "${binary[$program]}" "$@" > "${out}/${name}.txt" 2> /dev/null  # stderr: progress lines with timings
}

# measured NAME PROGRAM ARGS...: only the --json, NAME.json, for the counts and figures the prose quotes from a
# run the page does not print.
measured() {
  local name="$1" program="$2"
  shift 2
  timed "$name" "${binary[$program]}" "$@" --quiet --json "${out}/${name}.json"
}

# chapter_diff PREVIOUS NEXT: what NEXT's program changed, as `diff -u` shows it, without the book's ANCHOR
# markers (they mark listings, not code, and would only add noise to the change).
chapter_diff() {
  diff -u --label "chapters/$1/main.cpp" --label "chapters/$2/main.cpp" \
    <(grep -v '// ANCHOR' "${root}/chapters/$1/main.cpp") <(grep -v '// ANCHOR' "${root}/chapters/$2/main.cpp") \
    > "${out}/$2.diff" || [[ $? -eq 1 ]]
}

shown ch01-linear ch01-linear --seed 0
shown ch02-tanh ch02-tanh --seed 0
shown ch03-gpu ch03-gpu --seed 0 --device cpu
shown ch03-sweep ch03-gpu --seed 0 --device cpu --sweep --networks 1000 --grid-layers 2,1,1 --grid-layers 2,5,5,1
# Chapter 2's XOR picture: a hidden layer of two tanh units, with settings under which 2,2,1 learns XOR
# (the same as exercise 2.3's solution but for the layers); the book's seed, 0.
xor_training=(--loss mse --full-batch --lr 0.03 --epochs 20 --batches-per-epoch 200)
shown ch02-xor ch02-tanh --seed 0 --gate xor --layers 2,2,1 "${xor_training[@]}"
# Chapter 2's loss curve rises at times: the same network trained on the four rows at every step, at a learning
# rate of 0.01, and with both, to tell the random batches from the size of Adam's steps (milliseconds).
measured ch02-rises-full-batch ch02-tanh --seed 0 --full-batch
measured ch02-rises-lr-0.01 ch02-tanh --seed 0 --lr 0.01
measured ch02-rises-full-batch-lr-0.01 ch02-tanh --seed 0 --full-batch --lr 0.01
# How often those settings learn XOR, over the sweep's 1000 seeds.
measured ch02-xor-sweep ch03-gpu --seed 0 --device cpu --sweep --networks 1000 --activations tanh --gates xor \
  --grid-layers 2,2,1 "${xor_training[@]}"
# Chapter 2's shapes: every activation after a single layer (2,1) and in the demo's 2,1,1, on AND and XOR, with
# chapter 2's training (about 11 s).
measured ch02-shapes ch03-gpu --seed 0 --device cpu --sweep --networks 1000 --gates and,xor \
  --activations none,tanh,sigmoid,relu,leaky-relu,elu,gelu,softplus,sin,step --grid-layers 2,1 --grid-layers 2,1,1
# One sigmoid unit trained on the binary cross-entropy, logistic regression (well under a second).
measured ch02-bce ch03-gpu --seed 0 --device cpu --sweep --networks 1000 --gates and --activations sigmoid \
  --grid-layers 2,1 --loss bce
# Chapter 3: the tanh rate depends on the learning rate and the training length, not on tanh alone.
for epochs in 8 16 32 64; do
  measured "ch03-lr-epochs-${epochs}" ch03-gpu --seed 0 --device cpu --sweep --networks 1000 --activations tanh \
    --grid-layers 2,5,5,1 --lrs 0.3,0.1,0.03,0.01 --epochs "${epochs}"
done
# The same networks with the mean squared error, at the book's learning rate and the smallest: is the fall with
# longer training the L1 loss's doing? (About 3 s.)
for epochs in 8 64; do
  measured "ch03-mse-epochs-${epochs}" ch03-gpu --seed 0 --device cpu --sweep --networks 1000 --activations tanh \
    --grid-layers 2,5,5,1 --lrs 0.1,0.01 --epochs "${epochs}" --loss mse
done

# surface NAME ACTIVATION [LAYERS]: the network that `shown NAME` trained and saved, evaluated over the unit
# square for the heat maps, into NAME-surface.json.
surface() {
  "$surface_binary" --load-weights "${out}/$1-weights.json" --activation "$2" --layers "${3:-2,1,1}" \
    --json "${out}/$1-surface.json"
}

surface ch01-linear none
surface ch02-tanh tanh
surface ch02-xor tanh 2,2,1

# Chapter 4: every activation on every point set, chapter 2's program with the book's seed, 0, and chapter 4's
# standard training, ch04-zoo's defaults (so each panel is network 0 of the zoo's row; the spirals take
# 2,16,16,1 and 100 epochs, as the zoo's second run below), each network evaluated over the unit square with
# its training points and its dead units. ch04-SET-ACTIVATION.json is chapter 2's --json (accuracies, loss
# history; the ring's step and tanh runs are also the step-against-tanh figure's),
# ch04-surface-SET-ACTIVATION.json book-surface's, drawn from the same --seed (figures.py checks they agree).
# A few seconds in all.
ch04_panel() {
  local set="$1" activation="$2" layers=2,8,1 epochs=40
  [[ "$set" != spirals ]] || { layers=2,16,16,1; epochs=100; }
  local name="${CH04_OUT}/ch04-${set}-${activation}"
  "$CH04_CH02" --dataset "$set" --activation "$activation" --layers "$layers" --loss mse --lr 0.05 \
    --full-batch --epochs "$epochs" --batches-per-epoch 10 --seed 0 --quiet --json "${name}.json" \
    --save-weights "${name}-weights.json"
  "$CH04_SURFACE" --load-weights "${name}-weights.json" --activation "$activation" --layers "$layers" \
    --dataset "$set" --seed 0 --no-trace --json "${CH04_OUT}/ch04-surface-${set}-${activation}.json"
}
export -f ch04_panel
start=$SECONDS  # (a pipeline: timed here rather than by timed)
for set in ring quadrants blobs spirals comfort; do
  for activation in none tanh sigmoid relu leaky-relu elu gelu softplus sin step; do echo "$set $activation"; done
done | CH04_OUT="$out" CH04_CH02="${binary[ch02-tanh]}" CH04_SURFACE="$surface_binary" \
  xargs -P "$(nproc)" -L 1 bash -c 'set -euo pipefail; ch04_panel "$@"' ch04_panel
echo "book: chapter 4's 50 panels: $((SECONDS - start)) s" >&2
# Exercise 4.3's command for one of its cells (tanh on the quadrants, seed 0: the panel's network), to show
# that it prints whether its network learned, which the exercise counts.
shown ch04-exercise ch02-tanh --dataset quadrants --layers 2,8,1 --loss mse --optimizer adam --lr 0.05 --full-batch \
  --epochs 40 --batches-per-epoch 10 --activation tanh --seed 0

# Chapter 4's zoo with its defaults (every activation on every point set, 2,8,1, 64 networks each), printed
# and as JSON from one run; then the spirals again with the larger network and longer training that
# chapter 4's one-seed spirals panels use (about 25 s each on two cores).
# The first is the main job's run of chapter 4 (scripts/run-chapters.sh) when it has made one (recorded_run.sh).
echo "build/chapters/ch04-zoo --device cpu" > "${out}/ch04-zoo.command"
timed ch04-zoo recorded_run "$out" ch04-zoo "${binary[ch04-zoo]}" --device cpu
spirals_zoo=(--device cpu --datasets spirals --grid-layers 2,16,16,1 --epochs 100 --networks 32)
echo "build/chapters/ch04-zoo ${spirals_zoo[*]}" > "${out}/ch04-zoo-spirals.command"
timed ch04-zoo-spirals "${binary[ch04-zoo]}" "${spirals_zoo[@]}" --json "${out}/ch04-zoo-spirals.json" \
  > "${out}/ch04-zoo-spirals.txt"

# Chapter 4: what decides the result. The zoo's training with one thing changed, for the activations and sets the
# page compares: a linear output unit; a sigmoid output with the binary cross-entropy; He's starting weights and
# centred inputs, with a linear output; and 16 hidden units, with the demo's output and a linear one (about 60 s
# in all on two cores).
zoo_activations=(--activations none,tanh,sigmoid,relu,leaky-relu,gelu,step --datasets ring,quadrants,blobs,comfort)
measured_zoo() {
  local name="$1"
  shift
  timed "$name" "${binary[ch04-zoo]}" --device cpu "$@" --quiet --json "${out}/${name}.json"
}
measured_zoo ch04-zoo-linear-output "${zoo_activations[@]}" --output-activations none
measured_zoo ch04-zoo-sigmoid-bce "${zoo_activations[@]}" --output-activations sigmoid --loss bce
measured_zoo ch04-zoo-he-centred "${zoo_activations[@]}" --init he --inputs centred --output-activations none
measured_zoo ch04-zoo-wide --activations tanh,relu,leaky-relu --datasets ring,quadrants,comfort --grid-layers 2,16,1 \
  --output-activations same,none

# Chapter 5: the depth grid with its defaults, printed and as JSON; the same networks with the output squashed as
# in the demo (the matched rule only); every activation's gradient at initialisation, layer by layer, at 8 hidden
# layers of 16 units (one epoch: only the trace before the first step is read); the flat pieces of ReLU networks
# (book-regions). About 80 s in all on two cores. The grid with its defaults is the main job's run when it has
# made one, as chapter 4's zoo above.
echo "build/chapters/ch05-depth --device cpu" > "${out}/ch05-depth.command"
timed ch05-depth recorded_run "$out" ch05-depth "${binary[ch05-depth]}" --device cpu
squashed=(--device cpu --inits matched --output-activations same --depths 1,4,8)
echo "build/chapters/ch05-depth ${squashed[*]}" > "${out}/ch05-depth-squashed.command"
measured ch05-depth-squashed ch05-depth "${squashed[@]}"
gradients=(--device cpu --depths 8 --width 16 --inits pytorch,matched --networks 16 --epochs 1
  --activations none,tanh,sigmoid,relu,leaky-relu,elu,gelu,softplus,sin,step)
# Two lines, so that the page's listing does not scroll sideways.
printf 'build/chapters/ch05-depth %s \\\n  %s\n' "${gradients[*]:0:12}" "${gradients[*]:12}" > "${out}/ch05-gradients.command"
measured ch05-gradients ch05-depth "${gradients[@]}"
timed ch05-regions "$regions_binary" --seeds 6 --json "${out}/ch05-regions.json"
"$python" "${root}/tools/book/depth_numbers.py" "$out"

chapter_diff ch01-linear ch02-tanh
chapter_diff ch02-tanh ch03-gpu
chapter_diff ch04-zoo ch05-depth

# Chapter 3 trains one network with Thrust; its table is chapter 2's when the arithmetic is the same.
if cmp -s "${out}/ch02-tanh.txt" "${out}/ch03-gpu.txt"; then
  printf 'is the same, character for character, as' > "${out}/ch03-vs-ch02.txt"
else
  printf 'differs from' > "${out}/ch03-vs-ch02.txt"
fi

# Chapter 2 and chapter 3 from the same weights, step by step, for longer than the equivalence tests look.
timed ch03-drift "$python" "${root}/tools/book/drift.py" "${binary[ch02-tanh]}" "${binary[ch03-gpu]}" \
  --device cpu --json "${out}/ch03-drift.json" > "${out}/ch03-drift.txt"

# Chapter 3's GPU kernels as compiled: registers, stack frame, local memory and spills, per kernel.
"$python" "${root}/tools/book/kernel_resources.py" "$out" "${CUDA_BACKEND_LIBRARY:-}"

# The latest CPU benchmark record (bench/run.sh writes bench/results/HOST-YYYYMMDD.txt), by its date.
latest_bench=$(ls "${root}"/bench/results/*.txt | awk -F- '{print $NF "\t" $0}' | sort | tail -1 | cut -f2)
cp "$latest_bench" "${out}/cpu-benchmark.txt"

"$python" "${root}/tools/book/prose_numbers.py" "$out"
"$python" "${root}/tools/book/bench_summary.py" "${root}/docs/reference/gpu-check.txt" "${out}/cpu-benchmark.txt" > "${out}/benchmark-summary.md"
timed figures "$python" "${root}/tools/book/figures.py" "$out"
echo "book: generated files in ${out}"
