"""The book's claims against the programs: every sentence of the prose that states a fact about what the
programs do is listed here with a check of that fact on what the programs printed (docs/generated, written
by tools/book/generate.sh at the same build). The numbers in those sentences are included from generated
files; this checks the words around them, which no include can keep true.

usage: python3 tools/book/check_claims.py [--docs DOCS_DIR] [--generated GENERATED_DIR]

Each claim names its page and quotes its sentence: if the sentence is edited away the claim fails too, so
the list and the prose cannot drift apart. A second check fails on a measured number typed into the prose
(a decimal or a percentage outside code, math and includes): those must come from generated files.
"""

import argparse
import functools
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_math import INLINE as INLINE_MATH  # noqa: E402
from summary import summary_pages  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
FLOAT_SLACK = 1e-5  # the programs compute in float32 and print its value; the facts are exact


@dataclass
class Claim:
    page: str
    quote: str  # as the page says it; whitespace and line breaks do not matter
    holds: Callable[["Generated"], bool]
    why: str  # what the check computes, for the failure message


class Generated:
    """The programs' JSON and text outputs from the build, read on demand."""

    def __init__(self, folder: Path, docs: Path) -> None:
        self.folder = folder
        self.docs = docs

    @functools.cache
    def json(self, name: str):
        return json.loads((self.folder / name).read_text(encoding="utf-8"))

    def text(self, name: str) -> str:
        return (self.folder / name).read_text(encoding="utf-8")

    def sweep(self, layers: list[int], activation: str) -> dict:
        return next(c for c in self.json("ch03-sweep.json")["configurations"]
                    if c["layers"] == layers and c["activation"] == activation)


def shows_starters_not_solutions(docs: Path) -> bool:
    pages = "\n".join((docs / page).read_text(encoding="utf-8") for page in summary_pages(docs))
    names = [e["name"] for e in json.loads((ROOT / "exercises/exercises.json").read_text(encoding="utf-8"))["exercises"]]
    published = "(solutions.md)" in (docs / "SUMMARY.md").read_text(encoding="utf-8")
    includes = re.findall(r"\{\{#include ([^}]*)\}\}", pages)
    return all(any(i.endswith(f"exercises/starter/{name}.cpp") for i in includes) for name in names) and (
        published or not any("exercises/solution/" in i for i in includes))


def close(a: float, b: float) -> bool:
    return abs(a - b) <= FLOAT_SLACK


def plane_interaction(surface: dict) -> float:
    """f(1,1) - f(1,0) - f(0,1) + f(0,0): zero for any plane, the quantity chapter 1's floor rests on."""
    out, n = surface["outputs"], surface["resolution"] - 1
    return out[n][n] - out[0][n] - out[n][0] + out[0][0]


def chapter_1_surface_is_a_plane(g: "Generated") -> bool:
    return abs(plane_interaction(g.json("ch01-linear-surface.json"))) <= 1e-4


def corners(surface: dict) -> list[float]:
    """The surface at the truth table's rows 00, 01, 10, 11 (x1 is the column, x2 the row)."""
    out, n = surface["outputs"], surface["resolution"] - 1
    return [out[0][0], out[n][0], out[0][n], out[n][n]]


def linear_map_outputs(linear_map: dict) -> list[float]:
    (w1, w2), b = linear_map["weight"], linear_map["bias"]
    return [b, w2 + b, w1 + b, w1 + w2 + b]


def l1_loss(outputs: list[float], targets: list[float]) -> float:
    return sum(abs(o - t) for o, t in zip(outputs, targets)) / len(targets)


CLAIMS = [
    Claim("ch01-linear.md", "The program does that multiplication and prints the single map beside the network",
          lambda g: all(close(a, b) for a, b in zip(g.json("ch01-linear.json")["linear"]["collapsed_outputs"],
                                                    g.json("ch01-linear.json")["predictions"])),
          "the collapsed single map's outputs equal the network's predictions on the four rows"),
    Claim("ch01-linear.md", "mean L1 loss} \\ge \\tfrac{1}{4}",
          lambda g: close(g.json("ch01-linear.json")["linear"]["l1_floor"], 0.25),
          "the program's L1 floor for AND is 1/4"),
    Claim("ch01-linear.md", "mean squared error} \\ge \\tfrac{1}{16}",
          lambda g: close(g.json("ch01-linear.json")["linear"]["mse_floor"], 1 / 16),
          "the program's MSE floor for AND is 1/16"),
    Claim("ch01-linear.md", "No training can get under that floor, however long it runs",
          lambda g: g.json("ch01-linear.json")["final_l1_loss"] >= 0.25 - FLOAT_SLACK
          and min(g.json("ch01-linear.json")["truth_table_loss_history"]) >= 0.25 - FLOAT_SLACK,
          "chapter 1's truth-table loss never goes below 1/4, at any epoch"),
    Claim("ch01-linear.md", "a best linear map, one on the floor, that rounded at 0.5 gives the right answer on every row",
          lambda g: [round(v) for v in linear_map_outputs(g.json("ch01-linear.json")["linear"]["best_linear_map"])]
          == [int(t) for t in g.json("ch01-linear.json")["targets"]]
          and close(l1_loss(linear_map_outputs(g.json("ch01-linear.json")["linear"]["best_linear_map"]),
                            g.json("ch01-linear.json")["targets"]), g.json("ch01-linear.json")["linear"]["l1_floor"]),
          "the printed best linear map's outputs, rounded, are AND's targets, and its L1 loss is the floor"),
    Claim("ch01-linear.md", "the trained network is on the floor too, yet its output at `1 1` rounds to 0",
          lambda g: close(g.json("ch01-linear.json")["final_l1_loss"], g.json("ch01-linear.json")["linear"]["l1_floor"])
          and round(g.json("ch01-linear.json")["predictions"][3]) == 0,
          "chapter 1's final L1 loss is the floor and its output on row 1 1 rounds to 0"),
    Claim("ch01-linear.md", "is a tilted plane, as the collapse says it must be",
          chapter_1_surface_is_a_plane, "chapter 1's heat map has f(1,1) - f(1,0) - f(0,1) + f(0,0) = 0"),
    Claim("ch02-tanh.md", "the same network, started from the same seed, can learn AND",
          lambda g: g.json("ch02-tanh.json")["learned"] and not g.json("ch01-linear.json")["learned"]
          and g.json("ch02-tanh.json")["settings"]["seed"] == g.json("ch01-linear.json")["settings"]["seed"]
          and g.json("ch02-tanh.json")["settings"]["layers"] == g.json("ch01-linear.json")["settings"]["layers"],
          "chapter 2 learned AND and chapter 1 did not, with the same seed and layers"),
    Claim("ch02-tanh.md", "Chapter 1's output is a plane",
          chapter_1_surface_is_a_plane, "chapter 1's heat map has f(1,1) - f(1,0) - f(0,1) + f(0,0) = 0"),
    Claim("ch02-tanh.md", "the four corners circled with what the network says there",
          lambda g: all(close(a, b) for a, b in zip(corners(g.json("ch01-linear-surface.json")),
                                                    g.json("ch01-linear.json")["predictions"]))
          and all(close(a, b) for a, b in zip(corners(g.json("ch02-tanh-surface.json")),
                                              g.json("ch02-tanh.json")["predictions"])),
          "each heat map's corners are the outputs its chapter printed for the truth table"),
    Claim("ch02-tanh.md", "so it can stay low over most of the square and rise only near `1 1`",
          lambda g: sum(v > 0.5 for row in g.json("ch02-tanh-surface.json")["outputs"] for v in row)
          < 0.5 * g.json("ch02-tanh-surface.json")["resolution"] ** 2
          and corners(g.json("ch02-tanh-surface.json"))[3] > 0.5,
          "chapter 2's output is above 0.5 on less than half the square, and at 1 1"),
    Claim("ch03-gpu.md", "both trainers compute the same arithmetic",
          lambda g: g.text("ch03-vs-ch02.txt").startswith("is the same"),
          "chapter 3's table for the book's seed is chapter 2's, character for character"),
    Claim("ch03-gpu.md", "On the CPU backend the two trainers take the same steps to the last bit, with either loss",
          lambda g: g.json("ch03-drift.json")["device"] == "cpu"
          and all(r["largest_difference"]["all"] == 0 for r in g.json("ch03-drift.json")["losses"].values())
          and set(g.json("ch03-drift.json")["losses"]) == {"mse", "l1"},
          "chapter 3 on the CPU and chapter 2 have exactly the same loss after every step, with MSE and L1"),
    Claim("ch03-gpu.md", "learned AND, as chapter 1's floor says",
          lambda g: all(c["learned"] == 0 and c["median_final_loss"] >= 0.25 - FLOAT_SLACK
                        for c in g.json("ch03-sweep.json")["configurations"] if c["activation"] == "none"),
          "no network without an activation learned AND in the sweep, and their median loss is at the floor"),
    Claim("reference/instructors.md",
          "The book shows the starters; the solutions stay out of it unless `SUMMARY.md` lists `solutions.md`",
          lambda g: shows_starters_not_solutions(g.docs),
          "every exercise's starter is included by a page of the book, and no solution is unless published"),
    Claim("introduction.md", "Chapter 3](ch03-gpu.md) trains thousands of networks at once and counts",
          lambda g: all(g.sweep(c["layers"], "tanh")["learned"] > g.sweep(c["layers"], "none")["learned"]
                        for c in g.json("ch03-sweep.json")["configurations"]),
          "in the sweep, more tanh networks learned AND than networks without an activation, for every shape"),
]

# A measured number typed into the prose: 0.25, 88.6%. Integers (layer sizes, "1 - 0 - 0 + 0") are fine,
# and so are the numbers that are definitions rather than measurements.
TYPED_NUMBER = re.compile(r"(?<![\w.])(?:\d+(?:\.\d+)?\s?%|\d+\.\d+)")
DEFINITIONS = {
    "0.5": "the rounding threshold of an output, and mdBook's version",
}


def prose(source: str) -> str:
    """The page without code blocks, inline code, display and inline math, includes, link targets and exercise
    numbers."""
    source = re.sub(r"```.*?```", "", source, flags=re.S)
    source = re.sub(r"\$\$.*?\$\$", "", source, flags=re.S)
    source = re.sub(r"`[^`]*`", "", source)
    source = INLINE_MATH.sub("", source)  # after the inline code, whose dollars are not math
    # Exercise numbers are names, not measurements: "### 2.1", "exercise 2.1", a table's "| 2.1 |".
    source = re.sub(r"(?:#{2,3} |[Ee]xercises? |\| )\d\.\d\b", "", source)
    source = re.sub(r"\{\{#include [^}]*\}\}", "", source)
    return re.sub(r"\]\([^)]*\)", "]", source)  # link targets


def normalise(text: str) -> str:
    return " ".join(text.split())


def check(docs: Path, generated: Generated) -> list[str]:
    failures = []
    for claim in CLAIMS:
        page = normalise((docs / claim.page).read_text(encoding="utf-8"))
        if normalise(claim.quote) not in page:
            failures.append(f"{claim.page}: the claim '{claim.quote}' is no longer on the page; update the claims")
            continue
        try:
            holds = claim.holds(generated)
        except (OSError, KeyError, StopIteration, ValueError) as error:
            failures.append(f"{claim.page}: '{claim.quote}': cannot check ({error!r})")
            continue
        if not holds:
            failures.append(f"{claim.page}: '{claim.quote}' is false: expected {claim.why}")
    for page in sorted(docs.rglob("*.md")):
        if "generated" in page.relative_to(docs).parts:
            continue
        for number in TYPED_NUMBER.findall(prose(page.read_text(encoding="utf-8"))):
            if number in DEFINITIONS:
                continue
            failures.append(f"{page.relative_to(docs)}: '{number}' is typed into the prose; include it from "
                            "a generated file (tools/book/numbers.py)")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=Path, default=ROOT / "docs")
    parser.add_argument("--generated", type=Path, default=ROOT / "docs/generated")
    args = parser.parse_args()
    failures = check(args.docs, Generated(args.generated, args.docs))
    for failure in failures:
        print(failure)
    if failures:
        return 1
    print(f"claims: all {len(CLAIMS)} claims of the prose hold, and it types no measured number")
    return 0


if __name__ == "__main__":
    sys.exit(main())
