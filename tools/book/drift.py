"""How far apart chapter 2's trainer (xtensor) and chapter 3's (Thrust) go, step by step, when both start
from the same weights: the equivalence tests' comparison, run for longer, with MSE and with L1. Chapter 3's
page shows the CPU backend's table; the GPU check (scripts/gpu-check.sh) prints the card's.

usage: python3 tools/book/drift.py CH02 CH03 --device cpu|cuda [--steps 1000] [--json FILE]

Both programs train 2,5,5,1 tanh networks on AND with full batches, one step an epoch, so the truth-table
loss after every step is in their --json. The starting weights are drawn here, from a fixed seed, the way
the library draws them: U(-1/sqrt(in), 1/sqrt(in)).
"""

from __future__ import annotations  # the GPU machine's python3 may be older than this one

import argparse
import json
import math
import random
import subprocess
import sys
import tempfile
from pathlib import Path

LAYERS = [2, 5, 5, 1]
TOLERANCE = 1e-4  # the equivalence tests' tolerance
WINDOWS = (20, 100)  # the L1 test compares the first 20 steps, the MSE test the first 100


def starting_weights(seed: int) -> dict:
    draw = random.Random(seed)
    layers = []
    for fan_in, fan_out in zip(LAYERS, LAYERS[1:]):
        bound = 1 / math.sqrt(fan_in)
        layers.append({"weight": [[draw.uniform(-bound, bound) for _ in range(fan_in)] for _ in range(fan_out)],
                       "bias": [draw.uniform(-bound, bound) for _ in range(fan_out)]})
    return {"layers": layers}


def losses_after_each_step(program: str, extra: list[str], weights: Path, loss: str, steps: int,
                           folder: Path) -> list[float]:
    out = folder / f"{Path(program).name}-{loss}.json"
    flags = ["--layers", ",".join(map(str, LAYERS)), "--activation", "tanh", "--loss", loss,
             "--load-weights", str(weights), "--full-batch", "--epochs", str(steps), "--batches-per-epoch", "1",
             "--quiet", "--json", str(out)]
    run = subprocess.run([program, *flags, *extra])
    if run.returncode != 0:  # the program has said why on stderr
        raise SystemExit(f"drift: {Path(program).name} stopped with exit status {run.returncode}")
    return json.loads(out.read_text(encoding="utf-8"))["truth_table_loss_history"]


def compare(reference: list[float], other: list[float]) -> dict:
    if len(reference) != len(other):
        raise SystemExit(f"drift: chapter 2 reported {len(reference)} steps, chapter 3 {len(other)}")
    differences = [abs(a - b) for a, b in zip(reference, other)]
    first_over = next((step for step, d in enumerate(differences, start=1) if d > TOLERANCE), None)
    return {
        "largest_difference": {**{f"first_{w}": max(differences[:w]) for w in WINDOWS}, "all": max(differences)},
        "first_step_over_tolerance": first_over,
        "final_loss": {"chapter2": reference[-1], "chapter3": other[-1]},
    }


def table(result: dict) -> str:
    steps, device = result["steps"], result["device"]
    lines = [f"From the same weights: 2,5,5,1 tanh on AND, full batch, Adam lr 0.1, {steps} steps; "
             f"chapter 3 on {device}.",
             f"largest |chapter 2 - chapter 3| of the truth-table loss after each step, and the first step "
             f"where it exceeds {TOLERANCE:g}:",
             f"{'loss':6}{'steps 1-20':>12}{'steps 1-100':>13}{f'steps 1-{steps}':>14}{'first over':>12}"]
    for loss, r in result["losses"].items():
        d = r["largest_difference"]
        first = r["first_step_over_tolerance"]
        lines.append(f"{loss:6}{d['first_20']:>12.2g}{d['first_100']:>13.2g}{d['all']:>14.2g}"
                     f"{first if first is not None else 'never':>12}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ch02")
    parser.add_argument("ch03")
    parser.add_argument("--device", choices=["cpu", "cuda"], required=True)
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--json", type=Path, help="also write the comparison here")
    args = parser.parse_args()
    if args.steps < max(WINDOWS):
        print(f"drift: --steps must be at least {max(WINDOWS)}", file=sys.stderr)
        return 2
    result = {"steps": args.steps, "device": args.device, "seed": args.seed, "tolerance": TOLERANCE, "losses": {}}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        weights = folder / "start.json"
        weights.write_text(json.dumps(starting_weights(args.seed)), encoding="utf-8")
        for loss in ("mse", "l1"):
            reference = losses_after_each_step(args.ch02, [], weights, loss, args.steps, folder)
            other = losses_after_each_step(args.ch03, ["--device", args.device], weights, loss, args.steps, folder)
            result["losses"][loss] = compare(reference, other)
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
