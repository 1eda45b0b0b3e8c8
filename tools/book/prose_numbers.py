"""Writes the numbers the book's prose quotes, one small file each, from the chapters' --json output.

usage: python3 tools/book/numbers.py GENERATED_DIR

A page writes `the floor is {{#include generated/ch01-l1-floor.txt}}`, so no number in the prose is typed.
The files have no trailing newline, so they sit inside a sentence.
"""

import json
import sys
from pathlib import Path


def write(out: Path, name: str, text: str) -> None:
    (out / name).write_text(text, encoding="utf-8")


def main() -> None:
    out = Path(sys.argv[1])
    ch01 = json.loads((out / "ch01-linear.json").read_text(encoding="utf-8"))
    ch02 = json.loads((out / "ch02-tanh.json").read_text(encoding="utf-8"))
    sweep = json.loads((out / "ch03-sweep.json").read_text(encoding="utf-8"))

    write(out, "ch01-l1-floor.txt", f"{ch01['linear']['l1_floor']:.4f}")
    write(out, "ch01-mse-floor.txt", f"{ch01['linear']['mse_floor']:.4f}")
    write(out, "ch01-final-loss.txt", f"{ch01['final_l1_loss']:.4f}")
    write(out, "ch02-final-loss.txt", f"{ch02['final_l1_loss']:.4f}")
    write(out, "ch02-learned.txt", "learns" if ch02["learned"] else "does not learn")

    # The recorded GPU check (docs/reference/gpu-check.txt): its date and its card, for the benchmarks page.
    check = (Path(__file__).resolve().parents[2] / "docs/reference/gpu-check.txt").read_text(encoding="utf-8")
    lines = check.splitlines()
    write(out, "gpu-check-date.txt", lines[0].removeprefix("# GPU check, ").split("T")[0])
    header = next(i for i, line in enumerate(lines) if line.startswith("name,"))  # nvidia-smi's CSV header
    write(out, "gpu-check-card.txt", lines[header + 1].split(",")[0])
    # Chapter 3 points at the record's step-by-step table, or says the record predates it.
    benchmarks = "[benchmarks page](reference/benchmarks.md)"
    write(out, "gpu-check-drift.txt",
          f"its latest record, on the {benchmarks}, has it for the card"
          if "## chapter 2 vs chapter 3 on the GPU" in check
          else f"its latest record, on the {benchmarks}, was made before the check printed this table")

    configurations = sweep["configurations"]
    write(out, "ch03-sweep-networks.txt", str(configurations[0]["networks"]))
    for c in configurations:
        name = "-".join(str(n) for n in c["layers"]) + "-" + c["activation"]
        write(out, f"ch03-rate-{name}.txt", f"{100 * c['learned'] / c['networks']:.1f}%")


if __name__ == "__main__":
    main()
