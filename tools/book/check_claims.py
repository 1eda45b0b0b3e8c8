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
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_math import INLINE as INLINE_MATH  # noqa: E402
from summary import summary_pages  # noqa: E402
from depth_numbers import depth_row  # noqa: E402
from prose_numbers import CH04_SETTING_SETS, CH04_SETTINGS, configuration, lr_epochs_runs, setting_row  # noqa: E402
from two_unit_network import ROWS, TwoUnitNetwork, tanh_layers  # noqa: E402

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

    def sweep(self, layers: list[int], activation: str, name: str = "ch03-sweep.json", gate: str = "and",
              lr: float | None = None) -> dict:
        return configuration(self.json(name), layers, activation, gate, lr)

    def demo_network(self) -> TwoUnitNetwork:
        return TwoUnitNetwork.from_weights(self.json("ch02-tanh-weights.json"))

    def lr_epochs(self) -> dict[int, dict]:
        return lr_epochs_runs(self.folder)


# A Markdown fragment a page includes whole, as chapter 5's page includes its exercises (ch05-exercises.md);
# not one the page escapes (\{{#include ...}}).
FRAGMENT_INCLUDE = re.compile(r"(?<!\\)\{\{#include ([^}:]+\.md)\}\}")


def with_fragments(page: Path, depth: int = 0) -> str:
    """A page's text with the Markdown fragments it includes put in its place, as mdBook does: a fragment's
    own includes are relative to the fragment."""
    text = page.read_text(encoding="utf-8")
    if depth >= 8:  # mdBook's own limit is 10; no page of the book nests more than one
        return text

    def fragment(match: re.Match) -> str:
        path = page.parent / match.group(1)
        return with_fragments(path, depth + 1) if path.is_file() else match.group(0)

    return FRAGMENT_INCLUDE.sub(fragment, text)


def shows_starters_not_solutions(docs: Path) -> bool:
    pages = "\n".join(with_fragments(docs / page) for page in summary_pages(docs))
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


def rounded_at_half(value: float) -> int:
    """An output's class, as the programs read it: 1 from 0.5 on, 0 below (nn::rounded_at_half)."""
    return 1 if value >= 0.5 else 0


def l1_loss(outputs: list[float], targets: list[float]) -> float:
    return sum(abs(o - t) for o, t in zip(outputs, targets)) / len(targets)


def demo_rows_match_the_program(g: "Generated") -> bool:
    """The hidden unit's numbers the pages quote, recomputed from the weights file, end in the outputs the
    program printed, and those are AND."""
    rows = g.demo_network().rows()
    ch02 = g.json("ch02-tanh.json")
    return all(abs(r.y - p) <= 1e-5 for r, p in zip(rows, ch02["predictions"])) and ch02["learned"]


def hidden_unit_parks_past_its_stop(g: "Generated") -> bool:
    h = [r.h for r in g.demo_network().rows()]
    return h[0] > 0.999 and min(h[1], h[2]) > 0.95 and h[3] < 0


def saturation_squeezes_three_sums(g: "Generated") -> bool:
    """Sums at 00, 01, 10 far apart (over 2 apart), their tanh within 0.05, the fourth on the other side."""
    rows = g.demo_network().rows()
    z, h = [r.z for r in rows[:3]], [r.h for r in rows[:3]]
    return max(z) - min(z) > 2 and max(h) - min(h) < 0.05 and rows[3].h < 0


def xor_hidden_layer_separates(g: "Generated") -> bool:
    """In the plane of the 2,2,1 network's hidden outputs, the output unit's 0.5 line (its sum at
    artanh(0.5)) has 01 and 10 on one side, 00 and 11 on the other."""
    weights = g.json("ch02-xor-weights.json")
    sums = [tanh_layers(weights, row)[-1][0][0] for row in ROWS]
    level = math.atanh(0.5)
    return len(weights["layers"][0]["bias"]) == 2 and [s > level for s in sums] == [False, True, True, False]


def lr_epochs_claim(g: "Generated") -> bool:
    """At the book's learning rate, longer training learns less often; at the smallest, more often than at
    the book's, with the book's 8 epochs."""
    runs = g.lr_epochs()
    learned = lambda epochs, lr: g.sweep([2, 5, 5, 1], "tanh", f"ch03-lr-epochs-{epochs}.json", lr=lr)["learned"]
    return 8 in runs and learned(max(runs), 0.1) < learned(8, 0.1) and learned(8, 0.01) > learned(8, 0.1)


SWEEP_ROW = re.compile(r"^(\d[\d,]*)\s+(\S+)\s+(\w+)\s+\S+\s+(\d+)\s+([\d.]+) (\[[\d.]+, [\d.]+\])\s+(\d+)\s+"
                       r"([\d.]+) (\[[\d.]+, [\d.]+\])")
PROSE_COUNT = re.compile(r"^(\d+) \(([\d.]+)%, 95% interval ([\d.]+)% to ([\d.]+)%\)$")


def prose_intervals_are_the_tables(g: "Generated") -> bool:
    """For every configuration of chapter 3's sweep, the count, rate and interval the prose includes
    (ch03-learned-*.txt, ch03-rounds-*.txt) are the ones the sweep's table printed, and the printed interval
    contains the computed one (the --json's)."""
    table = {}
    for line in g.text("ch03-sweep.txt").splitlines():
        row = SWEEP_ROW.match(line)
        if row:
            table[row[1], row[2], row[3]] = {"learned": row.group(4, 5, 6), "rounds_correctly": row.group(7, 8, 9)}
    configurations = g.json("ch03-sweep.json")["configurations"]
    if len(table) != len(configurations):
        return False
    for c in configurations:
        name = "-".join(str(n) for n in c["layers"]) + "-" + c["activation"]
        printed = table[",".join(str(n) for n in c["layers"]), c["activation"], c["gate"]]
        for key, file in (("learned", "ch03-learned"), ("rounds_correctly", "ch03-rounds")):
            prose = PROSE_COUNT.match(g.text(f"{file}-{name}.txt"))
            count, rate, interval = printed[key]
            low, high = c[f"{key}_rate_interval"]
            if (prose is None or (prose[1], prose[2]) != (count, rate) or f"[{prose[3]}, {prose[4]}]" != interval
                    or not float(prose[3]) <= 100 * low or not 100 * high <= float(prose[4])):
                return False
    return True


def mse_falls_too(g: "Generated") -> bool:
    """With the mean squared error, the same tanh 2,5,5,1 networks (same seeds, networks and batches as the
    L1 grid) learn less often after the longest training than after 8 epochs at lr 0.1, and at lr 0.01 more
    of them have learned after the longest training than at 0.1."""
    documents = [json.loads(path.read_text(encoding="utf-8")) for path in g.folder.glob("ch03-mse-epochs-*.json")]
    runs = {run["settings"]["epochs"]: run for run in documents}
    learned = lambda epochs, lr: configuration(runs[epochs], [2, 5, 5, 1], "tanh", lr=lr)["learned"]
    l1 = g.lr_epochs()[8]["settings"]
    longest = max(runs)
    return (set(runs) == {8, 64} and all(r["settings"]["loss"] == "mse" for r in runs.values())
            and all(r["settings"][k] == l1[k] for r in runs.values()
                    for k in ("seed", "batches_per_epoch", "batch_size"))
            and learned(longest, 0.1) < learned(8, 0.1) and learned(longest, 0.01) > learned(longest, 0.1))


def rises(history: list[float]) -> int:
    return sum(1 for before, after in zip(history, history[1:]) if after > before)


def loss_curves_rise(g: "Generated") -> bool:
    """Both figure's curves (the truth-table losses of chapters 1 and 2) rise at some epoch, with the demo's
    random batches of ten and Adam at 0.1; and chapter 2's network rises too with full batches alone, and with
    a learning rate of 0.01 alone."""
    ch02 = g.json("ch02-tanh.json")["settings"]
    demo = (ch02["optimizer"] == "adam" and close(ch02["lr"], 0.1) and ch02["batch_size"] == 10
            and not ch02["full_batch"])
    full, small = g.json("ch02-rises-full-batch.json"), g.json("ch02-rises-lr-0.01.json")
    return (demo and all(rises(g.json(f"{name}.json")["truth_table_loss_history"]) > 0
                         for name in ("ch01-linear", "ch02-tanh"))
            and full["settings"]["full_batch"] and close(full["settings"]["lr"], 0.1)
            and not small["settings"]["full_batch"] and close(small["settings"]["lr"], 0.01)
            and rises(full["truth_table_loss_history"]) > 0 and rises(small["truth_table_loss_history"]) > 0)


def full_batches_at_small_rate_fall(g: "Generated") -> bool:
    run = g.json("ch02-rises-full-batch-lr-0.01.json")
    history = run["truth_table_loss_history"]
    return (run["settings"]["full_batch"] and close(run["settings"]["lr"], 0.01)
            and all(after < before for before, after in zip(history, history[1:])))


def summary_chapters(docs: Path) -> list[str]:
    """The numbered chapters the SUMMARY lists (ch01-linear.md ...)."""
    return [page for page in summary_pages(docs) if re.fullmatch(r"ch\d\d-[\w-]+\.md", page)]


def chapter_programs() -> list[str]:
    return sorted(path.parent.name for path in (ROOT / "chapters").glob("ch*/main.cpp"))


def adam_constants_are_pytorchs(root: Path) -> bool:
    """src/nn/update_rule.hpp holds PyTorch's defaults and adds eps to the bias-corrected square root."""
    source = (root / "src/nn/update_rule.hpp").read_text(encoding="utf-8")
    return all(text in source for text in ("beta1 = 0.9f;", "beta2 = 0.999f;", "eps = 1e-8f;",
                                          "sqrtf(v) / sqrtf(step.bias_correction2) + c.eps",
                                          "(step.lr / step.bias_correction1) * m / denom"))


def demo_defaults(g: "Generated") -> bool:
    """Chapters 1 to 3's programs run with their defaults (but the seed, and chapter 3's device) train alike;
    chapter 4's zoo defaults to another training."""
    keys = ("layers", "loss", "optimizer", "lr", "batch_size", "batches_per_epoch", "epochs", "full_batch")
    runs = [g.json(name)["settings"] for name in ("ch01-linear.json", "ch02-tanh.json", "ch03-gpu.json")]
    zoo = g.json("ch04-zoo.json")["settings"]
    return (all(r[k] == runs[0][k] for r in runs for k in keys) and runs[0]["layers"] == [2, 1, 1]
            and any(zoo[k] != runs[0][k] for k in keys))


def intervals_contain_their_rates(name: str):
    def holds(g: "Generated") -> bool:
        for c in g.json(name)["configurations"]:
            for key in ("learned", "rounds_correctly"):
                low, high = c[f"{key}_rate_interval"] if key != "learned" else c["learned_rate_interval"]
                if not low <= c[key] / c["networks"] <= high or not 0 <= low <= high <= 1:
                    return False
        return True
    return holds


# Chapter 4: generate.sh trains chapter 2's network on every point set with every activation, one seed. The
# names are not typed here: the default zoo (ch04-zoo.json) trains every activation on every point set, in the
# order of the library's name tables (activation_names, point_set_names), so a new one appears in every check.
def ch04_sets(g: "Generated") -> list[str]:
    return list(dict.fromkeys(c["dataset"] for c in g.json("ch04-zoo.json")["configurations"]))


def ch04_activations(g: "Generated") -> list[str]:
    return list(dict.fromkeys(c["activation"] for c in g.json("ch04-zoo.json")["configurations"]))


def ch04_narrow_sets(g: "Generated") -> list[str]:
    """The sets of the 2,8,1 networks; the spirals take 2,16,16,1."""
    return [s for s in ch04_sets(g) if s != "spirals"]


def ch04_run(g: "Generated", point_set: str, activation: str) -> dict:
    return g.json(f"ch04-{point_set}-{activation}.json")


def ch04_surface(g: "Generated", point_set: str, activation: str) -> dict:
    return g.json(f"ch04-surface-{point_set}-{activation}.json")


def ch04_weights(g: "Generated", point_set: str, activation: str) -> dict:
    return g.json(f"ch04-{point_set}-{activation}-weights.json")


def ch04_learned(g: "Generated", activation: str) -> list[str]:
    return [s for s in ch04_sets(g) if ch04_run(g, s, activation)["learned"]]


def layer_sums(layer: dict, inputs: list[list[float]]) -> list[list[float]]:
    """z = W a + b for every row of inputs: one list of sums, one a unit, per row."""
    return [[sum(w * x for w, x in zip(row, a)) + b for row, b in zip(layer["weight"], layer["bias"])] for a in inputs]


def training_points(g: "Generated", point_set: str) -> list[list[float]]:
    """The training points book-surface drew again from the run's flags (the figure's points)."""
    return ch04_surface(g, point_set, "tanh")["points"]["inputs"]


def dead_at_or_below_0(weights: dict, points: list[list[float]]) -> set[int]:
    """The first layer's units whose sum is at most 0 on every point: dead for ReLU (and the step's dead
    units, whose sums are below 0)."""
    sums = layer_sums(weights["layers"][0], points)
    return {unit for unit in range(len(sums[0])) if all(row[unit] <= 0 for row in sums)}


def dead_units_never_moved(g: "Generated") -> bool:
    """Each unit of a 2,8,1 relu network dead under the starting weights (the step's) is dead after training,
    with its weights in, its bias and its weight out exactly the starting ones: Adam never moved it."""
    for s in ch04_narrow_sets(g):
        start, end = ch04_weights(g, s, "step")["layers"], ch04_weights(g, s, "relu")["layers"]
        dead = dead_at_or_below_0(ch04_weights(g, s, "step"), training_points(g, s))
        if not dead or not dead <= dead_at_or_below_0(ch04_weights(g, s, "relu"), training_points(g, s)):
            return False
        if ch04_run(g, s, "relu")["settings"]["optimizer"] != "adam" or any(
                end[0]["weight"][u] != start[0]["weight"][u] or end[0]["bias"][u] != start[0]["bias"][u]
                or end[1]["weight"][0][u] != start[1]["weight"][0][u] for u in dead):
            return False
    return True


def exercise_command_prints_learned(g: "Generated") -> bool:
    """Exercise 4.3's command is chapter 2's on the quadrants with the panels' training (ch04-standard-flags.txt),
    and run for one cell it prints a last verdict line saying whether it learned, as the panel's --json says."""
    command = g.text("ch04-exercise.command").split()
    expected = ["build/chapters/ch02-tanh", "--dataset", "quadrants", *g.text("ch04-standard-flags.txt").split(),
                "--activation", "tanh", "--seed", "0"]
    verdicts = [line for line in g.text("ch04-exercise.txt").splitlines()
                if line.startswith(("learned quadrants", "did not learn quadrants"))]
    learned = ch04_run(g, "quadrants", "tanh")["learned"]
    return (command == expected and g.json("ch04-exercise.json")["learned"] == learned and len(verdicts) == 1
            and verdicts[0].startswith("learned quadrants" if learned else "did not learn quadrants"))


def relu_dead_units_started_dead(g: "Generated") -> bool:
    """In each 2,8,1 relu network, the units dead under the starting weights (the step network's, which never
    move) are dead after training too, they are most of its dead units, and their count is book-surface's."""
    for s in ch04_narrow_sets(g):
        points = training_points(g, s)
        start = dead_at_or_below_0(ch04_weights(g, s, "step"), points)
        end = dead_at_or_below_0(ch04_weights(g, s, "relu"), points)
        counted = ch04_surface(g, s, "relu")["dead_units"]["total"]
        if not start <= end or 2 * len(start) <= len(end) or len(end) != counted:
            return False
    return True


def dead_units_kept_their_weights(g: "Generated") -> bool:
    """Each unit of a 2,8,1 relu network that was dead under the starting weights (the step's) is dead after
    training, and its outgoing weight is the starting one, exactly: no gradient ever reached it."""
    for s in ch04_narrow_sets(g):
        dead = dead_at_or_below_0(ch04_weights(g, s, "step"), training_points(g, s))
        if not dead <= dead_at_or_below_0(ch04_weights(g, s, "relu"), training_points(g, s)):
            return False
        relu_out = ch04_weights(g, s, "relu")["layers"][1]["weight"][0]
        start_out = ch04_weights(g, s, "step")["layers"][1]["weight"][0]
        if not dead or any(relu_out[u] != start_out[u] for u in dead):
            return False
    return True


def step_never_moved(g: "Generated") -> bool:
    """The step's loss is the same after every epoch on every set, and its 2,8,1 networks' weights are the same
    on every set: they are the starting weights, which the seed alone draws."""
    constant = all(len(set(ch04_run(g, s, "step")["loss_history"])) == 1 for s in ch04_sets(g))
    same = all(ch04_weights(g, s, "step") == ch04_weights(g, "ring", "step") for s in ch04_narrow_sets(g))
    return constant and same and g.text("ch04-step-loss-values.txt") == "1"


def zoo_rows(g: "Generated", name: str = "ch04-zoo.json") -> dict:
    """A zoo run's configurations by (activation, data set)."""
    return {(c["activation"], c["dataset"]): c for c in g.json(name)["configurations"]}


def gelu_as_fast_as_leaky_relu(g: "Generated") -> bool:
    """In the default zoo, GELU's median epoch is within one of leaky ReLU's on every set both learned (ring,
    quadrants and comfort among them); in the spirals run, GELU's is below leaky ReLU's and tanh's."""
    rows, large = zoo_rows(g), zoo_rows(g, "ch04-zoo-spirals.json")
    epoch = lambda table, a, d: table[a, d]["median_learned_epoch"]
    both = [d for (a, d) in rows if a == "gelu" and rows["gelu", d]["learned"] and rows["leaky-relu", d]["learned"]]
    return ({"ring", "quadrants", "comfort"} <= set(both)
            and all(abs(epoch(rows, "gelu", d) - epoch(rows, "leaky-relu", d)) <= 1 for d in both)
            and all(epoch(rows, "tanh", d) is not None for d in ("ring", "quadrants", "comfort"))
            and epoch(large, "gelu", "spirals") < min(epoch(large, "leaky-relu", "spirals"),
                                                      epoch(large, "tanh", "spirals")))


def zoo_both_runs(g: "Generated") -> list[dict]:
    """The zoo's default run and its spirals run, each as zoo_rows."""
    return [zoo_rows(g), zoo_rows(g, "ch04-zoo-spirals.json")]


CURVED = ["tanh", "sigmoid", "elu", "gelu", "softplus", "sin"]  # the activations without a straight piece


def setting(g: "Generated", name: str, activation: str, dataset: str) -> dict:
    """One cell of chapter 4's settings table (prose_numbers.CH04_SETTINGS): how a zoo run with one thing changed
    trained that activation on that set."""
    c = setting_row(g.folder, name, activation, dataset)
    if c is None:
        raise KeyError(f"{name}: {activation} on {dataset}")
    return c


def setting_rows(g: "Generated") -> list[tuple[str, dict]]:
    """Every cell of chapter 4's settings runs, with its setting's name."""
    rows = []
    for name, file, layers, output, _ in CH04_SETTINGS:
        rows += [(name, c) for c in g.json(file)["configurations"] if c["layers"] == layers
                 and c.get("output_activation") == output and c["dataset"] in CH04_SETTING_SETS]
    return rows


def settings_change_one_thing(g: "Generated") -> bool:
    """Each settings run is the default zoo's training with only the named change: the output activation, the loss
    (bce with the sigmoid output), the starting weights and inputs (he, centred), or the layers (2,16,1)."""
    base = g.json("ch04-zoo.json")["settings"]
    keys = ("optimizer", "lr", "epochs", "batches_per_epoch", "full_batch", "seed", "train_points", "test_points")
    expected = {"ch04-zoo-linear-output.json": ("mse", None, [2, 8, 1], {"none"}),
                "ch04-zoo-sigmoid-bce.json": ("bce", None, [2, 8, 1], {"sigmoid"}),
                "ch04-zoo-he-centred.json": ("mse", ("he", "centred"), [2, 8, 1], {"none"}),
                "ch04-zoo-wide.json": ("mse", None, [2, 16, 1], {None, "none"})}
    for file, (loss, init, layers, outputs) in expected.items():
        run = g.json(file)
        start = (run["settings"].get("init", "pytorch"), run["settings"].get("inputs", "unit"))
        if (any(run["settings"][k] != base[k] for k in keys) or run["settings"]["loss"] != loss
                or start != (init or ("pytorch", "unit"))
                or {c.get("output_activation") for c in run["configurations"]} != outputs
                or any(c["layers"] != layers or c["networks"] != g.json("ch04-zoo.json")["configurations"][0]["networks"]
                       for c in run["configurations"])):
            return False
    return "init" not in base and "output_activation" not in base


def relu_failures_mostly_dead_output(g: "Generated") -> bool:
    """In the default zoo (the demo's design), on each 2,8,1 set ReLU learns at all, most of its networks that did
    not learn have a dead output unit, and every ReLU network with a dead output did not learn."""
    for d in CH04_SETTING_SETS:
        c = setting(g, "demo", "relu", d)
        if not (c["learned"] > 0 and 2 * c["dead_output_not_learned"] > c["networks"] - c["learned"]
                and c["dead_output"] == c["dead_output_not_learned"]):
            return False
    return True


BENDS_WITH_A_SLOPE = ["tanh", "sigmoid", "relu", "leaky-relu", "elu", "gelu", "softplus", "sin"]


def names_only_tanh_and_none(root: Path) -> bool:
    """Outside src/nn/activation.hpp and .cpp, no source of the two trainers (the core, whose xtensor trainer
    is chapter 2's, and the Thrust trainer) names an activation but tanh and identity (the two the Thrust
    trainer compiles in). The programs around them may: the zoo counts dead units for ReLU-like ones."""
    named = set()
    for folder in ("src/nn", "src/thrust_trainer"):
        for path in (root / folder).rglob("*"):
            if path.suffix in {".hpp", ".cpp", ".inl", ".cu"} and path.name not in {"activation.hpp", "activation.cpp"}:
                named |= set(re.findall(r"Activation::(\w+)", path.read_text(encoding="utf-8")))
    return named <= {"tanh", "identity"}


# Chapter 2's shapes: every activation after one unit (2,1) and in the demo's 2,1,1, on AND and XOR.
MONOTONE = ["none", "tanh", "sigmoid", "relu", "leaky-relu", "elu", "softplus", "step"]  # never fall as z grows
NEAR_0_ONLY_NEAR_THE_TIE = ["none", "tanh", "elu", "sin"]  # near 0 only near 0 (sin: near multiples of pi)


def shape(g: "Generated", layers: list[int], activation: str, gate: str) -> dict:
    return g.sweep(layers, activation, "ch02-shapes.json", gate)


def shapes_sweep_is_chapter_2s(g: "Generated") -> bool:
    """The shapes sweep trains every one of the ten activations in 2,1 and 2,1,1 on AND and XOR, from the same
    seeds, with chapter 2's training (its program's defaults, as ch02-tanh.json records them)."""
    sweep, ch02 = g.json("ch02-shapes.json"), g.json("ch02-tanh.json")["settings"]
    cells = {(tuple(c["layers"]), c["activation"], c["gate"]) for c in sweep["configurations"]}
    return (cells == {(layers, a, gate) for layers in ((2, 1), (2, 1, 1)) for a in ch04_activations(g)
                      for gate in ("and", "xor")}
            and len({(c["first_seed"], c["networks"]) for c in sweep["configurations"]}) == 1
            and all(sweep["settings"][k] == ch02[k] for k in ("loss", "optimizer", "lr", "batch_size",
                                                               "batches_per_epoch", "epochs", "full_batch", "seed")))



# Chapter 5: generate.sh runs ch05-depth's defaults (ch05-depth.json), the same with the demo's squashed output
# and the matched rule (ch05-depth-squashed.json), every activation's gradients at initialisation at 8 hidden
# layers of 16 units (ch05-gradients.json), and book-regions (ch05-regions.json).
def ch05_row(g: "Generated", activation: str, init: str, hidden_layers: int, name: str = "ch05-depth.json") -> dict:
    return depth_row(g.json(name), activation, init, hidden_layers)


def ch05_depths(g: "Generated") -> tuple[int, int]:
    depths = sorted({c["hidden_layers"] for c in g.json("ch05-depth.json")["configurations"]})
    return depths[0], depths[-1]


def ch05_ratio(g: "Generated", activation: str, init: str, name: str = "ch05-gradients.json") -> float:
    return ch05_row(g, activation, init, 8, name)["median_first_to_last_hidden_gradient_ratio_at_start"]


def ch05_interval(g: "Generated", activation: str, init: str, hidden_layers: int) -> list[float]:
    return ch05_row(g, activation, init, hidden_layers)["learned_rate_interval"]


def learned_falls(g: "Generated", activation: str, init: str) -> bool:
    """The deepest rows' 95% interval lies wholly below the shallowest's."""
    shallow, deep = ch05_depths(g)
    return ch05_interval(g, activation, init, deep)[1] < ch05_interval(g, activation, init, shallow)[0]


def learned_holds(g: "Generated", activation: str, init: str) -> bool:
    """The deepest rows' 95% interval meets the shallowest's, and some deep networks learned."""
    shallow, deep = ch05_depths(g)
    return (ch05_interval(g, activation, init, deep)[1] >= ch05_interval(g, activation, init, shallow)[0]
            and ch05_row(g, activation, init, deep)["learned"] > 0)


def step_gradient_is_zero_below_the_output(g: "Generated") -> bool:
    rows = [c for c in g.json("ch05-gradients.json")["configurations"] if c["activation"] == "step"]
    return len(rows) == 2 and all(c["layer_trace"][0]["epoch"] == 0
                                  and all(norm == 0 for norm in c["layer_trace"][0]["median_layer_gradient_norms"][:-1])
                                  and c["layer_trace"][0]["median_layer_gradient_norms"][-1] > 0 for c in rows)


def pieces(g: "Generated", hidden_layers: int, width: int) -> float:
    return next(c["median"] for c in g.json("ch05-regions.json")["counts"]
                if c["hidden_layers"] == hidden_layers and c["width"] == width)

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
    Claim("ch01-linear.md", "No training can bring the loss *on the truth table* under that floor, however long it runs",
          lambda g: g.json("ch01-linear.json")["final_l1_loss"] >= 0.25 - FLOAT_SLACK
          and min(g.json("ch01-linear.json")["truth_table_loss_history"]) >= 0.25 - FLOAT_SLACK,
          "chapter 1's truth-table loss never goes below 1/4, at any epoch"),
    Claim("ch01-linear.md", "and that one can dip below the floor",
          lambda g: min(g.json("ch01-linear.json")["loss_history"]) < 0.25 - FLOAT_SLACK,
          "some epoch's training loss (on random batches) of chapter 1's network is below 1/4"),
    Claim("introduction.md", "the bias alone turns the dimmer far past its top stop",
          hidden_unit_parks_past_its_stop,
          "the demo network's hidden output is above 0.999 at 0 0, above 0.95 at 0 1 and 1 0, below 0 at 1 1"),
    Claim("introduction.md", "has a weight and a bias that nearly cancel when $h$ is near +1",
          lambda g: abs(g.demo_network().v + g.demo_network().c) < 0.05,
          "the output unit's weight and bias add up to less than 0.05 in size"),
    Claim("introduction.md", "so its outputs on the four cases are",
          demo_rows_match_the_program,
          "the outputs recomputed from the weights file equal the program's predictions, which learned AND"),
    Claim("ch02-tanh.md", "three sums that are far apart came out nearly equal, and the fourth came out on the other side",
          saturation_squeezes_three_sums,
          "the hidden sums at 00, 01, 10 span more than 2, their tanh less than 0.05, and tanh at 11 is negative"),
    Claim("ch02-tanh.md", "The one at `0 0` is a little below 0: there $h$ is closest to 1",
          lambda g: -0.05 < g.json("ch02-tanh.json")["predictions"][0] < 0
          and g.demo_network().rows()[0].h == max(r.h for r in g.demo_network().rows()),
          "chapter 2's output at 0 0 is in (-0.05, 0) and its hidden output is largest there"),
    Claim("ch02-tanh.md", "learn AND. None could, from any seed",
          lambda g: g.sweep([2, 1], "tanh", "ch02-shapes.json")["learned"] == 0,
          "no 2,1 tanh network of the sweep learned AND"),
    Claim("ch02-tanh.md", "`2,1,1` networks trained on XOR,",
          lambda g: g.sweep([2, 1, 1], "tanh", "ch02-shapes.json", gate="xor")["rounds_correctly"] == 0,
          "no 2,1,1 tanh network of the sweep rounds correctly on XOR"),
    Claim("ch02-tanh.md", "enough of a bend for one unit to learn AND",
          lambda g: shape(g, [2, 1], "relu", "and")["learned"] > 0, "some 2,1 relu network learned AND"),
    Claim("ch02-tanh.md", "Here is the same sweep with each of the ten activations", shapes_sweep_is_chapter_2s,
          "the shapes sweep has all ten activations in 2,1 and 2,1,1 on AND and XOR, the same seeds for each, and "
          "chapter 2's training"),
    Claim("ch02-tanh.md", "the four whose output is near 0 only near such sums, `none`, `tanh`, `elu` and `sin`, "
          "learned AND with one unit from no seed",
          lambda g: all((shape(g, [2, 1], a, "and")["learned"] == 0) == (a in NEAR_0_ONLY_NEAR_THE_TIE)
                        for a in ch04_activations(g)),
          "with one unit (2,1), none, tanh, elu and sin learned AND from no seed, every other activation from some"),
    Claim("ch02-tanh.md", "the loss of logistic regression, which this unit then is), it learns AND from",
          lambda g: g.json("ch02-bce.json")["settings"]["loss"] == "bce"
          and configuration(g.json("ch02-bce.json"), [2, 1], "sigmoid")["learned"]
          > shape(g, [2, 1], "sigmoid", "and")["learned"],
          "the 2,1 sigmoid unit trained with bce learned AND from more seeds than with L1"),
    Claim("ch02-tanh.md", "One sigmoid unit learns AND from",
          lambda g: shape(g, [2, 1], "sigmoid", "and")["learned"] > 0,
          "some 2,1 sigmoid network learned AND"),
    Claim("ch02-tanh.md", "were right from their starting weights, which never move",
          lambda g: 0 < shape(g, [2, 1], "step", "and")["learned"] == shape(g, [2, 1], "step", "and")[
              "rounds_correctly"] and step_never_moved(g),
          "some 2,1 step networks learned AND, exactly those that round correctly (outputs 0 or 1), and chapter "
          "4's step networks never move"),
    Claim("ch02-tanh.md", "ELU rounds correctly from every seed and learns from none",
          lambda g: (lambda c: c["rounds_correctly"] == c["networks"] and c["learned"] == 0)(
              shape(g, [2, 1], "elu", "and")),
          "every 2,1 elu network rounds AND correctly and none learned it"),
    Claim("ch02-tanh.md", "no activation whose set is a half-line rounds XOR correctly with one unit",
          lambda g: all((shape(g, [2, 1], a, "xor")["rounds_correctly"] == 0) == (a != "sin")
                        for a in ch04_activations(g)),
          "no 2,1 network of any activation but sin rounds XOR correctly; some sin networks do"),
    Claim("ch02-tanh.md", "one `sin` unit learns XOR from",
          lambda g: shape(g, [2, 1], "sin", "xor")["learned"] > 0, "some 2,1 sin network learned XOR"),
    Claim("ch02-tanh.md", "with a monotone activation, no `2,1,1` network rounds XOR correctly",
          lambda g: all(shape(g, [2, 1, 1], a, "xor")["rounds_correctly"] == 0 for a in MONOTONE)
          and set(MONOTONE) | {"gelu", "sin"} == set(ch04_activations(g)),
          "no 2,1,1 network rounds XOR correctly with none, tanh, sigmoid, relu, leaky-relu, elu, softplus or step "
          "(every activation but gelu and sin)"),
    Claim("ch02-tanh.md", "with either of them the `2,1,1` network learns XOR from some seeds",
          lambda g: all(shape(g, [2, 1, 1], a, "xor")["learned"] > 0 for a in ("gelu", "sin")),
          "some 2,1,1 gelu networks and some 2,1,1 sin networks learned XOR"),
    Claim("ch02-tanh.md", "where `0 1` and `1 0` land on one side of a line and `0 0` and `1 1` on the other",
          lambda g: g.json("ch02-xor.json")["learned"] and xor_hidden_layer_separates(g),
          "the 2,2,1 network learned XOR and its output unit's 0.5 line separates the hidden images of XOR's rows"),
    Claim("ch03-gpu.md", "(registers, on a GPU, as the compiler's count below shows)",
          lambda g: not g.json("ch03-kernel-resources.json")["built"] or all(
              k["stack_frame_bytes"] == 0 and k["local_memory_bytes"] == 0
              for k in g.json("ch03-kernel-resources.json")["kernels"] if k["activation"] == "tanh"),
          "every tanh kernel of the built CUDA library has no stack frame and no local memory"),
    Claim("ch03-gpu.md", "Rounding is a weaker test, and many linear networks pass it",
          lambda g: all(c["rounds_correctly"] > 0 and c["learned"] <= c["rounds_correctly"]
                        for c in g.json("ch03-sweep.json")["configurations"]),
          "in every configuration some networks round correctly, and at least as many as learned"),
    Claim("ch03-gpu.md", "The comparisons between activations are paired",
          lambda g: len({(c["first_seed"], c["networks"]) for c in g.json("ch03-sweep.json")["configurations"]}) == 1,
          "every configuration of the sweep starts at the same seed with the same number of networks"),
    Claim("ch03-gpu.md", "Every rate carries a 95% interval", intervals_contain_their_rates("ch03-sweep.json"),
          "every configuration's intervals are within [0, 1] and contain its rates"),
    Claim("ch03-gpu.md", "had not any more after 64",
          lambda g: int(g.text("ch03-lost.txt")) > 0 and all(
              a["settings"]["seed"] == b["settings"]["seed"] and a["settings"]["batches_per_epoch"]
              == b["settings"]["batches_per_epoch"] for a, b in [(g.lr_epochs()[8], g.lr_epochs()[64])]),
          "some network learned after 8 epochs at lr 0.1 and not after 64, from the same seeds and batches"),
    Claim("ch03-gpu.md", "most of them still round right on every row",
          lambda g: (lambda c: 2 * sum(1 for n, l in enumerate(c["learned_per_network"]) if not l and all(
              rounded_at_half(y) == t for y, t in zip(c["predictions"][4 * n:4 * n + 4], (0, 0, 0, 1))))
              > c["networks"] - c["learned"])(g.sweep([2, 5, 5, 1], "tanh")),
          "more than half of the tanh 2,5,5,1 networks that did not learn round correctly on all four rows"),
    Claim("ch03-gpu.md", "longer training at the book's learning rate makes fewer networks learn",
          lr_epochs_claim,
          "at lr 0.1 fewer learned after the longest training than after 8 epochs; at lr 0.01 more than at 0.1"),
    Claim("ch01-linear.md", "a best linear map, one on the floor, that rounded at 0.5 gives the right answer on every row",
          lambda g: [rounded_at_half(v) for v in linear_map_outputs(g.json("ch01-linear.json")["linear"]["best_linear_map"])]
          == [int(t) for t in g.json("ch01-linear.json")["targets"]]
          and close(l1_loss(linear_map_outputs(g.json("ch01-linear.json")["linear"]["best_linear_map"]),
                            g.json("ch01-linear.json")["targets"]), g.json("ch01-linear.json")["linear"]["l1_floor"]),
          "the printed best linear map's outputs, rounded, are AND's targets, and its L1 loss is the floor"),
    Claim("ch01-linear.md", "the trained network is on the floor too, yet its output at `1 1` rounds to 0",
          lambda g: close(g.json("ch01-linear.json")["final_l1_loss"], g.json("ch01-linear.json")["linear"]["l1_floor"])
          and rounded_at_half(g.json("ch01-linear.json")["predictions"][3]) == 0,
          "chapter 1's final L1 loss is the floor and its output on row 1 1 rounds to 0"),
    Claim("ch01-linear.md", "is a tilted plane, as the collapse says it must be",
          chapter_1_surface_is_a_plane, "chapter 1's heat map has f(1,1) - f(1,0) - f(0,1) + f(0,0) = 0"),
    Claim("ch02-tanh.md", "the same network, started from the same seed, can learn AND",
          lambda g: g.json("ch02-tanh.json")["learned"] and not g.json("ch01-linear.json")["learned"]
          and g.json("ch02-tanh.json")["settings"]["seed"] == g.json("ch01-linear.json")["settings"]["seed"]
          and g.json("ch02-tanh.json")["settings"]["layers"] == g.json("ch01-linear.json")["settings"]["layers"],
          "chapter 2 learned AND and chapter 1 did not, with the same seed and layers"),
    Claim("ch02-tanh.md", "chapter 1 fixes `settings.activation` to `nn::Activation::identity` and offers no flag",
          lambda g: "-  settings.activation = nn::Activation::identity;" in g.text("ch02-tanh.diff")
          and "+  program::add_activation_flag(app, settings);" in g.text("ch02-tanh.diff")
          and "ANCHOR" not in g.text("ch02-tanh.diff"),
          "the diff removes chapter 1's fixed identity activation, adds the flag, and shows no ANCHOR marker"),
    Claim("ch01-linear.md", "this network's output stays below 0.5 over the whole square",
          lambda g: max(max(row) for row in g.json("ch01-linear-surface.json")["outputs"]) < 0.5,
          "chapter 1's heat map is below 0.5 everywhere"),
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
    Claim("ch04-activations.md", "without an activation no network learned AND, and with `tanh` most did",
          lambda g: all(c["learned"] == 0 if c["activation"] == "none" else 2 * c["learned"] > c["networks"]
                        for c in g.json("ch03-sweep.json")["configurations"]),
          "in chapter 3's sweep no network without an activation learned AND, and over half of each tanh shape did"),
    Claim("ch04-activations.md", "every set but comfort has as many points of each class",
          lambda g: all((2 * sum(targets) == len(targets)) == (s != "comfort") for s, targets in (
              (s, ch04_surface(g, s, "tanh")["points"]["targets"]) for s in ch04_sets(g))),
          "the training points of ring, quadrants, blobs and spirals are half of class 1, comfort's are not"),
    Claim("ch04-activations.md", "about a quarter of the rooms",
          lambda g: 0.15 < sum(ch04_surface(g, "comfort", "tanh")["points"]["targets"])
          / len(ch04_surface(g, "comfort", "tanh")["points"]["targets"]) < 0.35,
          "between 15% and 35% of the comfort set's training points are comfortable"),
    Claim("ch04-activations.md", "Both accuracies are in the programs' `--json`",
          lambda g: all({"train_accuracy", "test_accuracy"} <= set(ch04_run(g, s, a))
                        for s in ch04_sets(g) for a in ch04_activations(g)),
          "every chapter 4 run's --json has train_accuracy and test_accuracy"),
    Claim("ch04-activations.md",
          "All networks of one shape start from the same weights, whatever the set and the activation",
          lambda g: len({ch04_run(g, s, a)["settings"]["seed"] for s in ch04_sets(g) for a in ch04_activations(g)}) == 1
          and step_never_moved(g) and dead_units_kept_their_weights(g),
          "one seed for every run; the step's (unmoved) weights are the same on every 2,8,1 set, and relu's dead "
          "units' outgoing weights are the step's"),
    Claim("ch04-activations.md", "and no other set: its output is one affine function",
          lambda g: ch04_learned(g, "none") == ["blobs"],
          "the network without an activation learned the blobs and no other set"),
    Claim("ch04-activations.md", "it calls every room uncomfortable",
          lambda g: max(max(row) for row in ch04_surface(g, "comfort", "none")["outputs"]) < 0.5
          and close(ch04_run(g, "comfort", "none")["train_accuracy"],
                    1 - sum(ch04_surface(g, "comfort", "none")["points"]["targets"])
                    / len(ch04_surface(g, "comfort", "none")["points"]["targets"])),
          "the linear network's output is below 0.5 over the square, and its training accuracy is the share of "
          "uncomfortable rooms"),
    Claim("ch04-activations.md", "not even the blobs",
          lambda g: ch04_learned(g, "step") == [], "the step network learned no set"),
    Claim("ch04-activations.md", "With `tanh` the loss falls from",
          lambda g: ch04_run(g, "ring", "tanh")["loss_history"][-1] < ch04_run(g, "ring", "tanh")["loss_history"][0],
          "tanh's loss on the ring is lower after the last epoch than after the first"),
    Claim("ch04-activations.md", "the step network's weights are where they started, bit for bit, on every set",
          step_never_moved,
          "the step's loss never changes on any set, and its 2,8,1 weights are the same on every set"),
    Claim("ch04-activations.md",
          "its mean squared error is the share of training points it gets wrong: half of them, on the ring",
          lambda g: all(run["settings"]["loss"] == "mse" and close(run["loss_history"][-1], 1 - run["train_accuracy"])
                        for run in (ch04_run(g, s, "step") for s in ch04_sets(g)))
          and close(ch04_run(g, "ring", "step")["train_accuracy"], 0.5),
          "on every set the step's final MSE is 1 - its training accuracy, and on the ring that accuracy is 0.5"),
    Claim("ch04-activations.md", "In these panels only `relu` and the step have dead units",
          lambda g: all((dead["total"] > 0 or dead["output_dead"]) == (a in {"relu", "step"})
                        for s in ch04_sets(g) for a in ch04_activations(g)
                        for dead in [ch04_surface(g, s, a)["dead_units"]]),
          "relu and step networks have dead units on every set, the others on none"),
    Claim("ch04-activations.md", "Most of them were dead before the first step", relu_dead_units_started_dead,
          "each 2,8,1 relu network's units dead under the starting weights are still dead, and are most of its dead"),
    Claim("ch04-activations.md", "their outgoing weights are still exactly the ones they started with",
          dead_units_kept_their_weights,
          "every unit of a 2,8,1 relu network dead from the start is dead at the end, with its starting outgoing "
          "weight"),
    Claim("ch04-activations.md", "A `2,8,1` network that starts with most of its hidden units dead",
          lambda g: 2 * len(dead_at_or_below_0(ch04_weights(g, "ring", "step"), training_points(g, "ring")))
          > len(ch04_weights(g, "ring", "step")["layers"][0]["bias"]),
          "over half of the 2,8,1 network's hidden units start with their sums at most 0 on all the ring's points"),
    Claim("ch04-activations.md", "the spirals' `2,16,16,1` ReLU network ended with",
          lambda g: ch04_surface(g, "spirals", "relu")["dead_units"]["total"] > 0
          and ch04_run(g, "spirals", "relu")["settings"]["layers"] == [2, 16, 16, 1],
          "the spirals' relu network is 2,16,16,1 and has dead units"),
    Claim("ch04-activations.md", "so none of its units can die, on any set",
          lambda g: all(ch04_surface(g, s, "leaky-relu")["dead_units"]["total"] == 0 for s in ch04_sets(g)),
          "no leaky-relu network has a dead unit"),
    Claim("ch04-activations.md", "It still did not learn the quadrants at this seed",
          lambda g: not ch04_run(g, "quadrants", "leaky-relu")["learned"],
          "the leaky-relu network did not learn the quadrants"),
    Claim("ch04-activations.md", "An activation takes a few lines in one header, and nothing else",
          lambda g: names_only_tanh_and_none(ROOT),
          "no source of either trainer (src/nn, src/thrust_trainer) but activation.hpp and .cpp names an "
          "activation other than tanh and identity"),
    Claim("ch04-activations.md", "Without an activation every network learned the blobs and none learned any",
          lambda g: all(c["learned"] == (c["networks"] if c["dataset"] == "blobs" else 0)
                        for rows in zoo_both_runs(g) for (a, _), c in rows.items() if a == "none"),
          "every zoo row without an activation: all networks learned on the blobs, none elsewhere"),
    Claim("ch04-activations.md", "rule after the first epoch (the median), as they would have before it",
          lambda g: any(c["learned"] > 0 for (a, _), c in zoo_rows(g).items() if a == "step")
          and all(c["median_learned_epoch"] == 1 for rows in zoo_both_runs(g)
                  for (a, _), c in rows.items() if a == "step" and c["learned"] > 0),
          "some step networks learned, and in every step row that learned the median epoch is 1"),
    Claim("ch04-activations.md", "learned less often than leaky ReLU on every set that either learned",
          lambda g: all(rows["relu", d]["learned"] < rows["leaky-relu", d]["learned"]
                        for rows in zoo_both_runs(g) for (a, d) in rows if a == "relu"
                        and rows["relu", d]["learned"] + rows["leaky-relu", d]["learned"] > 0)
          and all(zoo_rows(g)["relu", d]["dead_unit_share"] > 0 for d in ("ring", "quadrants", "comfort")),
          "in every zoo row pair where relu or leaky-relu learned, relu learned fewer; relu's dead share > 0"),
    Claim("ch04-activations.md", "Leaky ReLU's units cannot die, and none did",
          lambda g: all(c["dead_unit_share"] == 0 for rows in zoo_both_runs(g)
                        for (a, _), c in rows.items() if a == "leaky-relu"),
          "every leaky-relu row of the zoo has a dead-unit share of 0"),
    Claim("ch04-activations.md", "Wherever both learned, leaky ReLU's networks had met the rule in",
          lambda g: all(rows["leaky-relu", d]["median_learned_epoch"] < rows["tanh", d]["median_learned_epoch"]
                        for rows in zoo_both_runs(g) for (a, d) in rows if a == "tanh"
                        and rows["tanh", d]["learned"] > 0 and rows["leaky-relu", d]["learned"] > 0),
          "in every zoo data set where tanh and leaky-relu both learned, leaky-relu's median epoch is lower"),
    Claim("ch04-activations.md",
          "GELU, smooth everywhere, was within an epoch of it on every `2,8,1` set that both learned",
          gelu_as_fast_as_leaky_relu,
          "in the default zoo, gelu's median epoch is within 1 of leaky-relu's on every set both learned, and "
          "in the spirals run gelu's is below leaky-relu's and tanh's"),
    Claim("ch04-activations.md", "were the hardest of the four sets the `2,8,1` networks",
          lambda g: all(zoo_rows(g)[a, "comfort"]["learned"] < zoo_rows(g)[a, d]["learned"]
                        for a in CURVED for d in ("ring", "quadrants", "blobs"))
          and zoo_rows(g)["tanh", "comfort"]["layers"] == [2, 8, 1]
          and all(zoo_rows(g)[a, "spirals"]["learned"] == 0 for a in ch04_activations(g)),
          "for every curved activation, fewer 2,8,1 networks learned comfort than ring, quadrants or blobs, and "
          "none learned the spirals"),
    Claim("ch04-activations.md", "with the defaults, no network of any activation learned them",
          lambda g: all(zoo_rows(g)[a, "spirals"]["learned"] == 0 for a in ch04_activations(g)),
          "no spirals row of the default zoo learned"),
    Claim("ch04-activations.md", "Its defaults are the training of the panels above",
          lambda g: g.text("ch04-zoo.command").split() == ["build/chapters/ch04-zoo", "--device", "cpu"]
          and all(g.json("ch04-zoo.json")["settings"][k] == ch04_run(g, "ring", "tanh")["settings"][k]
                  for k in ("layers", "loss", "optimizer", "lr", "epochs", "batch_size", "batches_per_epoch",
                            "full_batch"))
          and all(g.json("ch04-zoo-spirals.json")["settings"][k] == ch04_run(g, "spirals", "tanh")["settings"][k]
                  for k in ("loss", "lr", "epochs", "batches_per_epoch", "full_batch"))
          and zoo_rows(g, "ch04-zoo-spirals.json")["tanh", "spirals"]["layers"]
          == ch04_run(g, "spirals", "tanh")["settings"]["layers"],
          "the book's zoo runs with its defaults, whose settings are the panels' (the spirals run's, the spirals "
          "panels')"),
    Claim("ch04-activations.md", "of them changed at a time", settings_change_one_thing,
          "each settings run is the default zoo's training and networks with only its named change"),
    Claim("ch04-activations.md", "`none` learned the blobs in every setting and no other set in any",
          lambda g: all(c["learned"] == (c["networks"] if c["dataset"] == "blobs" else 0)
                        for _, c in setting_rows(g) if c["activation"] == "none"),
          "in every settings run, every network without an activation learned the blobs and none learned another set"),
    Claim("ch04-activations.md", "The step learned none of the ring, the quadrants and the comfortable rooms in any setting",
          lambda g: all(c["learned"] == 0 for _, c in setting_rows(g)
                        if c["activation"] == "step" and c["dataset"] != "blobs"),
          "no step network learned the ring, the quadrants or comfort in any settings run"),
    Claim("ch04-activations.md", "with a linear or sigmoid output, the output unit learns from what the step units give it",
          lambda g: all(setting(g, name, "step", "blobs")["learned"] > setting(g, "demo", "step", "blobs")["learned"]
                        for name in ("linear-output", "sigmoid-bce", "he-centred")),
          "more step networks learned the blobs with a linear or sigmoid output than with the step after the output"),
    Claim("ch04-activations.md", "most of the ReLU networks that did not learn ended with a dead *output* unit",
          relu_failures_mostly_dead_output,
          "in the default zoo, on ring, quadrants, blobs and comfort, over half of the relu networks that did not "
          "learn have a dead output, and none with a dead output learned"),
    Claim("ch04-activations.md", "In the demo's design most of ReLU's failures on these sets had a dead output",
          relu_failures_mostly_dead_output,
          "in the default zoo, on ring, quadrants, blobs and comfort, over half of the relu networks that did not "
          "learn have a dead output"),
    Claim("ch04-activations.md", "so a ReLU output whose sum is at most 0 on every training point outputs 0 everywhere",
          lambda g: all((c["dead_output"] > 0) == (c["activation"] in ("relu", "step")) for c in
                        g.json("ch04-zoo.json")["configurations"])
          and all(c["dead_output"] == c["dead_output_not_learned"] for c in g.json("ch04-zoo.json")["configurations"]),
          "in the default zoo, relu and step networks have dead outputs on every set, no other activation has, and no "
          "network with a dead output learned"),
    Claim("ch04-activations.md", "With a linear output no output unit can die, and ReLU learned more often on every set",
          lambda g: all(c["dead_output"] == 0 for name, c in setting_rows(g) if name in ("linear-output", "he-centred",
                                                                                          "wide-linear-output"))
          and all(setting(g, "linear-output", "relu", d)["learned"] > setting(g, "demo", "relu", d)["learned"]
                  for d in CH04_SETTING_SETS),
          "no network with a linear output has a dead output, and more relu networks learned each set with a linear "
          "output than in the demo's design"),
    Claim("ch04-activations.md", "with a\n  sigmoid output and the cross-entropy, whose output never has slope 0, more often still",
          lambda g: all(setting(g, "sigmoid-bce", "relu", d)["learned"] > setting(g, "linear-output", "relu", d)["learned"]
                        for d in ("ring", "quadrants"))
          and all(c["dead_output"] == 0 for name, c in setting_rows(g) if name == "sigmoid-bce"),
          "with a sigmoid output and bce, more relu networks learned the ring and the quadrants than with a linear "
          "output, and no output died"),
    Claim("ch04-activations.md", "With a linear output about half of ReLU's hidden units still ended dead",
          lambda g: all(0.4 <= setting(g, "linear-output", "relu", d)["dead_unit_share"] <= 0.6 for d in CH04_SETTING_SETS)
          and setting(g, "linear-output", "relu", "ring")["learned"]
          < setting(g, "linear-output", "leaky-relu", "ring")["learned"],
          "with a linear output, 40% to 60% of relu's hidden units ended dead on each set, and relu learned the ring "
          "less often than leaky-relu"),
    Claim("ch04-activations.md", "few of its hidden units ended dead",
          lambda g: all(setting(g, "he-centred", "relu", d)["dead_unit_share"]
                        < min(0.15, setting(g, "linear-output", "relu", d)["dead_unit_share"]) for d in CH04_SETTING_SETS)
          and all(setting(g, "he-centred", "relu", d)["learned"] == setting(g, "he-centred", "relu", d)["networks"]
                  for d in ("ring", "quadrants", "blobs")),
          "with He's weights and centred inputs under 15% of relu's hidden units ended dead on each set, fewer than "
          "with the default start, and relu learned the ring, quadrants and blobs from every seed"),
    Claim("ch04-activations.md", "and the\n  comfortable rooms more often than any other activation in that column",
          lambda g: all(setting(g, "he-centred", "relu", "comfort")["learned"] > c["learned"]
                        for name, c in setting_rows(g) if name == "he-centred" and c["dataset"] == "comfort"
                        and c["activation"] != "relu"),
          "with He's weights and centred inputs, relu learned comfort more often than every other activation"),
    Claim("ch04-activations.md", "With sixteen hidden units ReLU learned more often than with eight on each of the three sets",
          lambda g: all(setting(g, wide, "relu", d)["learned"] > setting(g, narrow, "relu", d)["learned"]
                        for wide, narrow in (("wide", "demo"), ("wide-linear-output", "linear-output"))
                        for d in ("ring", "quadrants", "comfort"))
          and all(setting(g, "wide-linear-output", "relu", d)["learned"] > setting(g, "wide", "relu", d)["learned"]
                  for d in ("ring", "quadrants", "comfort")),
          "2,16,1 relu learned more often than 2,8,1 on ring, quadrants and comfort, with either output, and with a "
          "linear output more often than with the demo's"),
    Claim("ch04-activations.md", "The sigmoid learned the ring from fewer seeds with a linear output",
          lambda g: setting(g, "linear-output", "sigmoid", "ring")["learned"] < setting(g, "demo", "sigmoid", "ring")[
              "learned"] and setting(g, "he-centred", "sigmoid", "ring")["learned"]
          == setting(g, "he-centred", "sigmoid", "ring")["networks"],
          "fewer sigmoid networks learned the ring with a linear output than in the demo's design, all with He's start"),
    Claim("ch04-activations.md", "ReLU came\n  last of the bends with a slope in the demo's design",
          lambda g: all(zoo_rows(g)["relu", d]["learned"] < zoo_rows(g)[a, d]["learned"]
                        for d in CH04_SETTING_SETS for a in BENDS_WITH_A_SLOPE if a != "relu"),
          "in the default zoo relu learned ring, quadrants, blobs and comfort less often than every other activation "
          "with a bend and a slope"),
    Claim("ch04-activations.md", "every bend with a slope learned the ring, the\nquadrants, the blobs and the comfortable "
          "rooms from some seeds in every setting here",
          lambda g: all(c["learned"] > 0 for _, c in setting_rows(g) if c["activation"] in BENDS_WITH_A_SLOPE)
          and all(zoo_rows(g)[a, d]["learned"] > 0 for a in BENDS_WITH_A_SLOPE for d in CH04_SETTING_SETS),
          "in the default zoo and every settings run, every bend with a slope learned each of the four sets from "
          "some seeds"),
    Claim("glossary.md", "a `2,1,1` network whose activation is monotone cannot learn XOR",
          lambda g: all(shape(g, [2, 1, 1], a, "xor")["learned"] == 0 for a in MONOTONE),
          "no 2,1,1 network with a monotone activation learned XOR in chapter 2's sweep"),
    Claim("glossary.md", "With GELU or `sin` some `2,1,1` networks learn it",
          lambda g: all(shape(g, [2, 1, 1], a, "xor")["learned"] > 0 for a in ("gelu", "sin")),
          "some 2,1,1 gelu and sin networks learned XOR in chapter 2's sweep"),
    Claim("glossary.md", "Only a layer after the last step units, such as a linear output unit, can still learn",
          lambda g: setting(g, "linear-output", "step", "blobs")["learned"] > setting(g, "demo", "step", "blobs")[
              "learned"] and step_never_moved(g),
          "step networks never move with the step after the output, and more learned the blobs with a linear output"),
    Claim("glossary.md", "The output unit can die in the same way when the network puts an activation with a flat piece "
          "after it",
          lambda g: all((c["dead_output"] > 0) == (c["activation"] in ("relu", "step"))
                        for c in g.json("ch04-zoo.json")["configurations"])
          and all(c["dead_output"] == 0 for name, c in setting_rows(g) if name == "linear-output"),
          "in the default zoo only relu and step networks (flat pieces) have dead outputs; with a linear output none"),
    Claim("ch02-tanh.md", "gradient descent cannot move a single weight into a step unit, nor any before it",
          step_never_moved,
          "chapter 4's step networks (the step after every layer) end with their starting weights and loss"),
    Claim("introduction.md", "is zero, and gradient descent never moves it", step_never_moved,
          "chapter 4's step networks (the step after every layer) end with their starting weights and loss"),
    Claim("ch03-gpu.md", "which needs a monotone activation, does not cover it",
          lambda g: shape(g, [2, 1, 1], "gelu", "xor")["learned"] > 0
          and all(shape(g, [2, 1, 1], a, "xor")["rounds_correctly"] == 0 for a in MONOTONE),
          "no 2,1,1 network with a monotone activation rounds XOR correctly, and some with GELU (not monotone) learn it"),
    Claim("ch03-gpu.md", "The table prints the interval rounded outwards to a tenth of a percent, and this book's text "
          "rounds it the same way", prose_intervals_are_the_tables,
          "every count, rate and interval the prose includes for the sweep is the table's, and contains the --json's"),
    Claim("ch03-gpu.md", "networks at `0.1` lose it too", mse_falls_too,
          "with MSE (same seeds and batches), fewer tanh 2,5,5,1 networks learned after 64 epochs than after 8 at "
          "lr 0.1, and more at lr 0.01 than at 0.1 after 64"),
    Claim("ch02-tanh.md", "Both curves rise at times", loss_curves_rise,
          "chapter 1's and chapter 2's truth-table losses each rise at some epoch (random batches of ten, Adam at "
          "0.1), and chapter 2's also with full batches alone and with lr 0.01 alone"),
    Claim("ch02-tanh.md", "with full batches and `0.01` together, it falls after every epoch",
          full_batches_at_small_rate_fall,
          "with full batches at lr 0.01, chapter 2's truth-table loss is lower after every epoch than the one before"),
    Claim("introduction.md", "This book grows his demonstration into five small C++ programs, one a chapter",
          lambda g: chapter_programs() == ["ch01-linear", "ch02-tanh", "ch03-gpu", "ch04-zoo", "ch05-depth"]
          and len(summary_chapters(g.docs)) == 5,
          "chapters/ holds five programs, ch01 to ch05, and the book has five chapters"),
    Claim("introduction.md", "its [mean L1 loss](glossary.md#l1) on the four cases",
          lambda g: close(g.json("ch01-linear.json")["linear"]["l1_floor"], 0.25)
          and min(g.json("ch01-linear.json")["truth_table_loss_history"]) >= 0.25 - FLOAT_SLACK,
          "chapter 1's floor is the mean L1 loss 1/4, and its truth-table L1 loss never goes below it"),
    Claim("introduction.md", "five chapter programs in order, with a chapter 3 sweep, chapter 4's zoo and chapter 5's depth grid",
          lambda g: (lambda script: all(f"chapter {name} build/chapters/{name}\n" in script
                                        for name in ("ch01-linear", "ch02-tanh", "ch03-gpu"))
                     and "build/chapters/ch03-gpu --sweep" in script and "build/chapters/ch04-zoo" in script
                     and "build/chapters/ch05-depth" in script)(
              (ROOT / "scripts/run-chapters.sh").read_text(encoding="utf-8")),
          "scripts/run-chapters.sh runs chapters 1 to 3, a chapter 3 sweep, chapter 4's zoo and chapter 5's grid"),
    Claim("introduction.md", "Chapters 1 to 3 default to the forum demo's settings", demo_defaults,
          "chapters 1 to 3 trained with the same settings, the demo's 2,1,1; chapter 4's zoo with others"),
    Claim("ch01-linear.md", "PyTorch's $\\beta_1 = 0.9$, $\\beta_2 = 0.999$ and $\\epsilon = 10^{-8}$",
          lambda g: adam_constants_are_pytorchs(ROOT),
          "src/nn/update_rule.hpp has beta1 0.9, beta2 0.999, eps 1e-8, eps added to the bias-corrected sqrt(v)"),
    Claim("glossary.md", "$\\beta_1 = 0.9$, $\\beta_2 = 0.999$, $\\epsilon = 10^{-8}$",
          lambda g: adam_constants_are_pytorchs(ROOT),
          "src/nn/update_rule.hpp has beta1 0.9, beta2 0.999, eps 1e-8, eps added to the bias-corrected sqrt(v)"),
    Claim("glossary.md", "chapter 2's and chapter 3's programs train the same network from `--seed 7`, bit for bit",
          lambda g: g.text("ch03-vs-ch02.txt").startswith("is the same")
          and g.json("ch03-drift.json")["device"] == "cpu"
          and all(r["largest_difference"]["all"] == 0 for r in g.json("ch03-drift.json")["losses"].values()),
          "on the CPU, chapter 3's output for the book's seed is chapter 2's, and their losses agree to the bit"),
    Claim("ch04-activations.md", "so it gets a zero gradient from every row at every step", dead_units_never_moved,
          "every unit of a 2,8,1 relu network dead from the start keeps its weights in, bias and weight out exactly"),
    Claim("ch04-activations.md", "each run's last lines say `learned quadrants` or `did not learn quadrants`",
          exercise_command_prints_learned,
          "exercise 4.3's command has the panels' flags and prints one verdict line that agrees with the panel"),
    Claim("ch04-activations.md", "every flag is false, as `nn::count_dead_units` counts none",
          lambda g: "With no rows nothing is seen, so no unit counts as dead"
          in (ROOT / "src/nn/dead_units.hpp").read_text(encoding="utf-8")
          and "TEST(DeadHiddenUnits, SeesNoDeadUnitWithoutRows)"
          in (ROOT / "exercises/tests/dead_units_test.cpp").read_text(encoding="utf-8"),
          "nn::count_dead_units counts none without rows, and exercise 4.2 has a test of it"),
    Claim("ch05-depth.md", "which alone would leave at most $(\\tfrac14)^7 = \\tfrac{1}{16384}$ of it; both measured ratios are smaller still",
          lambda g: all(ch05_ratio(g, "sigmoid", init) < 4.0 ** -7 for init in ("pytorch", "matched")),
          "at 8 hidden layers of 16 units, the sigmoid's median first-to-last ratio is below 4^-7 with either rule"),
    Claim("ch05-depth.md", "That second number is what He's rule is for",
          lambda g: ch05_ratio(g, "relu", "matched") > 10 * ch05_ratio(g, "relu", "pytorch")
          and ch05_row(g, "relu", "matched", 8, "ch05-gradients.json")["init"] == "he",
          "ReLU's ratio with He's rule is more than ten times its ratio with PyTorch's"),
    Claim("ch05-depth.md", "`tanh`'s ratio is",
          lambda g: ch05_ratio(g, "tanh", "matched") > ch05_ratio(g, "tanh", "pytorch")
          and ch05_row(g, "tanh", "matched", 8, "ch05-gradients.json")["init"] == "xavier",
          "tanh's ratio with Xavier's rule is above its ratio with PyTorch's"),
    Claim("ch05-depth.md", "No rule saves the sigmoid",
          lambda g: all(ch05_ratio(g, "sigmoid", init, name) < 1e-3 for init in ("pytorch", "matched")
                        for name in ("ch05-gradients.json", "ch05-depth.json")),
          "the sigmoid's ratio at 8 hidden layers is below 1e-3 with either rule, at both widths"),
    Claim("ch05-depth.md", "The step's gradient below the output layer is exactly 0", step_gradient_is_zero_below_the_output,
          "with either rule, the step's median gradient norm is 0 at every hidden layer and not at the output"),
    Claim("ch05-depth.md", "**The sigmoid stops learning.**",
          lambda g: learned_falls(g, "sigmoid", "matched") and learned_falls(g, "sigmoid", "pytorch"),
          "with either rule, the sigmoid's deepest interval lies wholly below its shallowest"),
    Claim("ch05-depth.md", "**ReLU with He's rule keeps learning.**", lambda g: learned_holds(g, "relu", "matched"),
          "ReLU with He's rule: the deepest interval meets the shallowest, and some deep networks learned"),
    Claim("ch05-depth.md", "the two intervals overlap", lambda g: learned_holds(g, "relu", "matched"),
          "ReLU with He's rule: the deepest interval meets the shallowest"),
    Claim("ch05-depth.md", "**ReLU with PyTorch's rule does not.**",
          lambda g: learned_falls(g, "relu", "pytorch")
          and ch05_ratio(g, "relu", "pytorch", "ch05-depth.json") < ch05_ratio(g, "relu", "matched", "ch05-depth.json"),
          "ReLU with PyTorch's rule: the deepest interval lies below the shallowest, and its ratio below He's"),
    Claim("ch05-depth.md", "Even with He's rule, ReLU ended with",
          lambda g: all(ch05_row(g, "relu", "matched", d)["dead_unit_share"] > 0 for d in ch05_depths(g)),
          "ReLU with He's rule ended with dead hidden units at the shallowest and the deepest"),
    Claim("ch05-depth.md", "Leaky ReLU's units cannot die",
          lambda g: all(c["dead_unit_share"] == 0 for c in g.json("ch05-depth.json")["configurations"]
                        if c["activation"] == "leaky-relu"),
          "no leaky ReLU row has a dead hidden unit"),
    Claim("ch05-depth.md", "so the argument above holds for them too",
          lambda g: ch05_row(g, "gelu", "matched", ch05_depths(g)[1])["median_first_to_last_hidden_gradient_ratio_at_start"] > 0.1
          and ch05_ratio(g, "gelu", "matched") > 0.1,
          "GELU with He's rule keeps a first-to-last ratio above 0.1 at the deepest, at both widths"),
    Claim("ch05-depth.md", "its ratio stayed",
          lambda g: ch05_row(g, "tanh", "matched", ch05_depths(g)[1])["median_first_to_last_hidden_gradient_ratio_at_start"] > 0.1,
          "tanh with Xavier's rule keeps a ratio above 0.1 at the deepest"),
    Claim("ch05-depth.md", "With 16 units a layer the median count grows with every layer added",
          lambda g: (lambda counts: all(a < b for a, b in zip(counts, counts[1:])))(
              [pieces(g, d, 16) for d in sorted({c["hidden_layers"] for c in g.json("ch05-regions.json")["counts"]})]),
          "at 16 units a layer, each depth of the regions run has more pieces (median) than the one before"),
    Claim("ch05-depth.md", "at every depth the wider networks have more pieces than the narrower ones",
          lambda g: all(pieces(g, c["hidden_layers"], 4) < pieces(g, c["hidden_layers"], 8) < pieces(g, c["hidden_layers"], 16)
                        for c in g.json("ch05-regions.json")["counts"]),
          "at every depth, 4 units a layer make fewer pieces (median) than 8, and 8 fewer than 16"),
    Claim("ch05-depth.md", "Narrow networks gain less from depth",
          lambda g: pieces(g, 8, 4) - pieces(g, 1, 4) < pieces(g, 8, 8) - pieces(g, 1, 8) < pieces(g, 8, 16) - pieces(g, 1, 16),
          "from one to eight hidden layers the median count gains less at 4 units than at 8, and at 8 than at 16"),
    Claim("ch05-depth.md", "ReLU learned less often than with a linear output",
          lambda g: all(ch05_row(g, "relu", "matched", d, "ch05-depth-squashed.json")["learned"]
                        < ch05_row(g, "relu", "matched", d)["learned"] for d in ch05_depths(g)),
          "with a ReLU output, fewer ReLU networks learned than with a linear one, at the shallowest and the deepest"),
    Claim("ch05-depth.md", "a different output does not bring back the gradient its hidden layers lose",
          lambda g: (lambda shallow, deep: ch05_row(g, "sigmoid", "matched", deep, "ch05-depth-squashed.json")["learned_rate_interval"][1]
                     < ch05_row(g, "sigmoid", "matched", shallow, "ch05-depth-squashed.json")["learned_rate_interval"][0])(*ch05_depths(g)),
          "with a sigmoid output too, the sigmoid's deepest interval lies wholly below its shallowest"),
]

# A measured number typed into the prose: 0.25, 88.6%. Integers (layer sizes, "1 - 0 - 0 + 0") are fine,
# and so are the numbers that are definitions rather than measurements.
TYPED_NUMBER = re.compile(r"(?<![\w.])(?:\d+(?:\.\d+)?\s?%|\d+\.\d+)")
DEFINITIONS = {
    "0.5": "the rounding threshold of an output, and mdBook's version",
    "95%": "the confidence level of every interval the book prints, and the held-out accuracy that counts as learned",
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
                            "a generated file (tools/book/prose_numbers.py)")
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
