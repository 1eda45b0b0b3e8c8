"""Writes the numbers the book's prose quotes, one small file each, from the chapters' --json output.

usage: python3 tools/book/prose_numbers.py GENERATED_DIR

A page writes `the floor is {{#include generated/ch01-l1-floor.txt}}`, so no number in the prose is typed.
The files have no trailing newline, so they sit inside a sentence.
"""

import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from two_unit_network import TwoUnitNetwork, hidden_sum_math, output_sum_math  # noqa: E402


def write(out: Path, name: str, text: str) -> None:
    (out / name).write_text(text, encoding="utf-8")


def configuration(sweep: dict, layers: list[int], activation: str, gate: str = "and", lr=None) -> dict:
    """One configuration of a sweep's --json (the claims check finds them the same way)."""
    return next(c for c in sweep["configurations"] if c["layers"] == layers and c["activation"] == activation
                and c["gate"] == gate and (lr is None or abs(c["lr"] - lr) < 1e-6 * lr))


def percent(fraction: float) -> str:
    return f"{100 * fraction:.1f}%"


def interval_percent(interval: list[float]) -> tuple[str, str]:
    """A Wilson interval [low, high] (fractions) in percent, rounded outwards to a tenth, exactly as the
    programs' tables print it (src/program/grid.cpp, rate_with_interval): the text and the table agree."""
    low, high = interval
    return f"{math.floor(low * 1000.0) / 10.0:.1f}%", f"{math.ceil(high * 1000.0) / 10.0:.1f}%"


def count_with_interval(c: dict, key: str = "learned") -> str:
    """'886 (88.6%, 95% interval 86.4% to 90.5%)': a sweep's count, its rate and the rate's Wilson interval,
    each rounded as the sweep's table rounds it."""
    low, high = interval_percent(c[f"{key}_rate_interval"])
    return f"{c[key]} ({100.0 * c[key] / c['networks']:.1f}%, 95% interval {low} to {high})"


def write_two_unit_network(out: Path, ch02: dict) -> None:
    """The introduction's dimmer and chapter 2's hidden unit: the demo network's sums and outputs per row."""
    net = TwoUnitNetwork.from_weights(json.loads((out / "ch02-tanh-weights.json").read_text(encoding="utf-8")))
    write(out, "ch02-hidden-sum.txt", hidden_sum_math(net))
    write(out, "ch02-output-sum.txt", output_sum_math(net))
    for (x1, x2), row in zip(((0, 0), (0, 1), (1, 0), (1, 1)), net.rows()):
        write(out, f"ch02-z-{x1}{x2}.txt", f"{row.z:.2f}")
        write(out, f"ch02-h-{x1}{x2}.txt", f"{row.h:.3f}")
    p = [f"{y:.4f}" for y in ch02["predictions"]]
    write(out, "ch02-predictions.txt", f"{p[0]}, {p[1]}, {p[2]} and {p[3]}")


def rises(history: list[float]) -> int:
    """How many epochs ended with a higher loss than the epoch before."""
    return sum(1 for before, after in zip(history, history[1:]) if after > before)


def times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def write_rises(out: Path, ch02: dict) -> None:
    """Chapter 2's loss curve on the truth table rises at times: its largest rise, and how often the same network
    rises with full batches, at a learning rate of 0.01, and with both (generate.sh's ch02-rises-*.json)."""
    history = ch02["truth_table_loss_history"]
    epoch = max(range(1, len(history)), key=lambda e: history[e] - history[e - 1])  # 0-based: epoch + 1 ends it
    write(out, "ch02-largest-rise.txt",
          f"{history[epoch - 1]:.4f} after epoch {epoch} to {history[epoch]:.4f} after epoch {epoch + 1}")
    for name in ("full-batch", "lr-0.01", "full-batch-lr-0.01"):
        run = json.loads((out / f"ch02-rises-{name}.json").read_text(encoding="utf-8"))
        write(out, f"ch02-rises-{name}.txt", times(rises(run["truth_table_loss_history"])))


def failures_table(c: dict) -> str:
    """What the networks of one sweep configuration that did not learn look like, from their predictions, as a
    Markdown table: rounding right but too far from the targets, one row wrong (which), or more."""
    targets = {"and": [0, 0, 0, 1], "or": [0, 1, 1, 1], "nand": [1, 1, 1, 0], "xor": [0, 1, 1, 0]}[c["gate"]]
    names = ["`0 0`", "`0 1`", "`1 0`", "`1 1`"]
    kinds: dict[str, int] = {}
    for n, learned in enumerate(c["learned_per_network"]):
        if learned:
            continue
        outputs = c["predictions"][4 * n:4 * n + 4]
        wrong = [row for row in range(4) if (outputs[row] >= 0.5) != (targets[row] == 1)]  # rounded at 0.5
        if not wrong:
            kind = "every row rounds right, but the mean L1 loss is `0.05` or more"
        elif len(wrong) == 1:
            kind = f"one row rounds wrong: {names[wrong[0]]}"
        else:
            kind = f"{len(wrong)} rows round wrong"
        kinds[kind] = kinds.get(kind, 0) + 1
    lines = ["| did not learn | networks |", "| --- | ---: |"]
    lines += [f"| {kind} | {count} |" for kind, count in sorted(kinds.items(), key=lambda item: -item[1])]
    lines.append(f"| all that did not learn | {sum(kinds.values())} of {c['networks']} |")
    return "\n".join(lines) + "\n"


# The shapes and gates of chapter 2's table, as its columns run: (layers, gate, count).
CH02_SHAPE_COLUMNS = [([2, 1], "and", "learned"), ([2, 1], "and", "rounds_correctly"),
                      ([2, 1], "xor", "rounds_correctly"), ([2, 1], "xor", "learned"),
                      ([2, 1, 1], "xor", "rounds_correctly"), ([2, 1, 1], "xor", "learned")]


def write_ch02_shapes(out: Path) -> None:
    """Chapter 2's shapes: every activation after one unit (2,1) and in the demo's 2,1,1, on AND and XOR, counted
    by chapter 3's sweep (ch02-shapes.json): a table, and each cell's count as
    ch02-shapes-{learned,rounds}-LAYERS-GATE-ACTIVATION.txt."""
    shapes = json.loads((out / "ch02-shapes.json").read_text(encoding="utf-8"))
    write(out, "ch02-shapes-networks.txt", str(shapes["configurations"][0]["networks"]))
    heading = {"learned": "learned", "rounds_correctly": "rounds correctly"}
    lines = ["| activation | " + " | ".join(
        f"{gate.upper()} `{','.join(map(str, layers))}` {heading[key]}" for layers, gate, key in CH02_SHAPE_COLUMNS)
        + " |", "| --- |" + " ---: |" * len(CH02_SHAPE_COLUMNS)]
    for a in CH04_ACTIVATIONS:
        cells = []
        for layers, gate, key in CH02_SHAPE_COLUMNS:
            c = configuration(shapes, layers, a, gate)
            cells.append(str(c[key]))
        lines.append(f"| `{a}` | " + " | ".join(cells) + " |")
        for layers in ([2, 1], [2, 1, 1]):
            for gate in ("and", "xor"):
                c = configuration(shapes, layers, a, gate)
                name = "-".join(map(str, layers)) + f"-{gate}-{a}"
                write(out, f"ch02-shapes-learned-{name}.txt", str(c["learned"]))
                write(out, f"ch02-shapes-rounds-{name}.txt", str(c["rounds_correctly"]))
    write(out, "ch02-shapes.md", "\n".join(lines) + "\n")
    # The names the prose lists: which activations learned AND with one unit, and XOR with 2,1,1.
    learners = lambda layers, gate: listed([a for a in CH04_ACTIVATIONS
                                            if configuration(shapes, layers, a, gate)["learned"] > 0])
    write(out, "ch02-shapes-learners-2-1-and.txt", learners([2, 1], "and"))
    write(out, "ch02-shapes-learners-2-1-1-xor.txt", learners([2, 1, 1], "xor"))
    # The same sigmoid unit with the cross-entropy (ch02-bce.json).
    bce = json.loads((out / "ch02-bce.json").read_text(encoding="utf-8"))
    write(out, "ch02-bce-learned.txt", str(configuration(bce, [2, 1], "sigmoid")["learned"]))


def lr_epochs_runs(folder: Path) -> dict[int, dict]:
    """Chapter 3's learning-rate sweeps (ch03-lr-epochs-*.json), by their epochs."""
    runs = (json.loads(path.read_text(encoding="utf-8")) for path in folder.glob("ch03-lr-epochs-*.json"))
    return {run["settings"]["epochs"]: run for run in runs}


def write_lr_epochs(out: Path) -> None:
    """Chapter 3's learning rate x training length grid (tanh 2,5,5,1): a table, and each cell's count."""
    runs = lr_epochs_runs(out)
    # The smallest learning rate first, left to right, as the figure's axis runs (figures_rates.py).
    lrs = sorted({c["lr"] for run in runs.values() for c in run["configurations"]})
    steps = lambda run: run["settings"]["epochs"] * run["settings"]["batches_per_epoch"]
    lines = ["| epochs (steps) | " + " | ".join(f"lr {lr:g}" for lr in lrs) + " |",
             "| --- | " + " | ".join("---:" for _ in lrs) + " |"]
    for epochs in sorted(runs):
        cells = []
        for lr in lrs:
            c = configuration(runs[epochs], [2, 5, 5, 1], "tanh", lr=lr)
            cells.append(f"{c['learned']} ({percent(c['learned'] / c['networks'])})")
            write(out, f"ch03-lr-{lr:g}-epochs-{epochs}.txt", count_with_interval(c))
        lines.append(f"| {epochs} ({steps(runs[epochs])}) | " + " | ".join(cells) + " |")
    write(out, "ch03-lr-epochs.md", "\n".join(lines) + "\n")
    write(out, "ch03-lr-epochs-networks.txt", str(next(iter(runs.values()))["configurations"][0]["networks"]))
    # The longer runs repeat the 8-epoch run's first 800 steps exactly (same seeds, same batches), so a network
    # that had learned after 8 epochs and has not after the longest run learned and then lost it.
    at_8 = configuration(runs[8], [2, 5, 5, 1], "tanh", lr=0.1)["learned_per_network"]
    at_end = configuration(runs[max(runs)], [2, 5, 5, 1], "tanh", lr=0.1)["learned_per_network"]
    write(out, "ch03-lost.txt", str(sum(1 for a, b in zip(at_8, at_end) if a and not b)))
    write(out, "ch03-learned-at-8.txt", str(sum(at_8)))
    longest = runs[max(runs)]
    write(out, "ch03-failures-long.md", failures_table(configuration(longest, [2, 5, 5, 1], "tanh", lr=0.1)))
    # The same networks with the mean squared error (ch03-mse-epochs-*.json): whether the fall is the L1 loss's.
    for epochs, run in mse_epochs_runs(out).items():
        for c in run["configurations"]:
            write(out, f"ch03-mse-lr-{c['lr']:g}-epochs-{epochs}.txt", count_with_interval(c))


def mse_epochs_runs(folder: Path) -> dict[int, dict]:
    """Chapter 3's sweeps of the same tanh 2,5,5,1 networks with the mean squared error (ch03-mse-epochs-*.json),
    by their epochs."""
    runs = (json.loads(path.read_text(encoding="utf-8")) for path in folder.glob("ch03-mse-epochs-*.json"))
    return {run["settings"]["epochs"]: run for run in runs}


# Chapter 4's grid, in the order of the programs' help (tools/book/figures_surfaces.py draws it so).
CH04_SETS = ["ring", "quadrants", "blobs", "spirals", "comfort"]
CH04_ACTIVATIONS = ["none", "tanh", "sigmoid", "relu", "leaky-relu", "elu", "gelu", "softplus", "sin", "step"]


def listed(names: list[str]) -> str:
    """'`tanh`, `sigmoid` and `gelu`' (or 'none' for an empty list), for a sentence."""
    quoted = [f"`{name}`" for name in names]
    return "none" if not quoted else quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def training_flags(settings: dict, code: bool = True) -> str:
    """A run's training as the flags that give it, e.g. `--layers 2,8,1 --loss mse --lr 0.01 ...` (in backticks
    for a sentence, without for a command block)."""
    layers = ",".join(str(n) for n in settings["layers"])
    batch = " --full-batch" if settings["full_batch"] else f" --batch-size {settings['batch_size']}"
    steps = "" if settings["batches_per_epoch"] == 100 else f" --batches-per-epoch {settings['batches_per_epoch']}"
    flags = (f"--layers {layers} --loss {settings['loss']} --optimizer {settings['optimizer']} "
             f"--lr {settings['lr']:.6g}{batch} --epochs {settings['epochs']}{steps}")
    return f"`{flags}`" if code else flags


def write_ch04_zoo(out: Path) -> None:
    """Chapter 4's zoo: per configuration "LEARNED of NETWORKS" (ch04-zoo-SET-ACTIVATION.txt; the second run's
    spirals ch04-zoo-spirals-large-ACTIVATION.txt), each row's dead-unit share (-dead.txt) and count of networks with
    a dead output unit (-dead-output.txt), and the runs' sizes."""
    zoo = json.loads((out / "ch04-zoo.json").read_text(encoding="utf-8"))
    large = json.loads((out / "ch04-zoo-spirals.json").read_text(encoding="utf-8"))
    for document, prefix in ((zoo, "ch04-zoo"), (large, "ch04-zoo-spirals-large")):
        for c in document["configurations"]:
            name = f"{prefix}-{c['activation']}" if prefix.endswith("large") else f"{prefix}-{c['dataset']}-{c['activation']}"
            write(out, f"{name}.txt", f"{c['learned']} of {c['networks']}")
            if c["median_learned_epoch"] is not None:  # the median epoch by which its networks met the rule
                write(out, f"{name}-epochs.txt", f"{c['median_learned_epoch']:.1f} epochs")
            write(out, f"{name}-dead.txt", f"{100 * c['dead_unit_share']:.0f}%")
            write(out, f"{name}-dead-output.txt", f"{c['dead_output']}")
        write(out, f"{prefix}-networks.txt", str(document["configurations"][0]["networks"]))
        write(out, f"{prefix}-layers.txt",
              "`" + ",".join(str(n) for n in document["configurations"][0]["layers"]) + "`")
        write(out, f"{prefix}-epochs.txt", str(document["settings"]["epochs"]))


def write_ch04(out: Path) -> None:
    """Chapter 4's grid (every activation on every point set) and the step against tanh on the ring."""
    runs = {(s, a): json.loads((out / f"ch04-{s}-{a}.json").read_text(encoding="utf-8"))
            for s in CH04_SETS for a in CH04_ACTIVATIONS}
    surfaces = {(s, a): json.loads((out / f"ch04-surface-{s}-{a}.json").read_text(encoding="utf-8"))
                for s in CH04_SETS for a in CH04_ACTIVATIONS}
    accuracy_rows = ["| activation | " + " | ".join(CH04_SETS) + " |", "| --- |" + " ---: |" * len(CH04_SETS)]
    dead_rows = list(accuracy_rows)
    for a in CH04_ACTIVATIONS:
        accuracies, dead = [], []
        for s in CH04_SETS:
            run, units = runs[s, a], surfaces[s, a]["dead_units"]
            accuracy = percent(run["test_accuracy"])
            write(out, f"ch04-accuracy-{s}-{a}.txt", accuracy)
            accuracies.append(accuracy + (" ✓" if run["learned"] else ""))
            write(out, f"ch04-dead-{s}-{a}.txt", f"{units['total']} of {units['hidden_units']}")
            dead.append(f"{units['total']} of {units['hidden_units']}" + (", output too" if units["output_dead"] else ""))
        accuracy_rows.append(f"| `{a}` | " + " | ".join(accuracies) + " |")
        dead_rows.append(f"| `{a}` | " + " | ".join(dead) + " |")
    write(out, "ch04-accuracies.md", "\n".join(accuracy_rows) + "\n")
    write(out, "ch04-dead-units.md", "\n".join(dead_rows) + "\n")
    for s in CH04_SETS:
        write(out, f"ch04-learned-{s}.txt", listed([a for a in CH04_ACTIVATIONS if runs[s, a]["learned"]]))
        write(out, f"ch04-not-learned-{s}.txt", listed([a for a in CH04_ACTIVATIONS if not runs[s, a]["learned"]]))
        for a in CH04_ACTIVATIONS:  # the training loss after the last epoch
            write(out, f"ch04-loss-{s}-{a}.txt", f"{runs[s, a]['loss_history'][-1]:.4f}")
    for a in CH04_ACTIVATIONS:
        write(out, f"ch04-learned-by-{a}.txt", listed([s for s in CH04_SETS if runs[s, a]["learned"]]))
    write(out, "ch04-learned-every-set.txt",
          listed([a for a in CH04_ACTIVATIONS if all(runs[s, a]["learned"] for s in CH04_SETS)]))
    settings = runs["ring", "tanh"]["settings"]
    write(out, "ch04-training.txt", training_flags(settings))
    write(out, "ch04-standard-flags.txt", training_flags(settings, code=False))  # exercise 4.3's command
    write(out, "ch04-spirals-layers.txt", "`" + ",".join(str(n) for n in runs["spirals", "tanh"]["settings"]["layers"]) + "`")
    write(out, "ch04-seed.txt", str(settings["seed"]))
    write(out, "ch04-train-points.txt", str(settings["train_points"]))
    write(out, "ch04-test-points.txt", str(settings["test_points"]))
    # The step's loss never moves (every gradient through it is 0); tanh's falls, same seed and settings.
    for a in ("step", "tanh"):
        history = runs["ring", a]["loss_history"]
        write(out, f"ch04-{a}-first-loss.txt", f"{history[0]:.4f}")
        write(out, f"ch04-{a}-last-loss.txt", f"{history[-1]:.4f}")
    write(out, "ch04-step-loss-values.txt", str(len(set(runs["ring", "step"]["loss_history"]))))


# Chapter 4's settings: the zoo's training with one thing changed (generate.sh), by file and heading; the
# "same" run is the default zoo (ch04-zoo.json), whose output unit has the hidden layers' activation.
CH04_SETTINGS = [("demo", "ch04-zoo.json", [2, 8, 1], None, "`2,8,1`, output as hidden (the demo's)"),
                 ("linear-output", "ch04-zoo-linear-output.json", [2, 8, 1], "none", "linear output"),
                 ("sigmoid-bce", "ch04-zoo-sigmoid-bce.json", [2, 8, 1], "sigmoid", "sigmoid output, BCE"),
                 ("he-centred", "ch04-zoo-he-centred.json", [2, 8, 1], "none", "He, centred inputs, linear output"),
                 ("wide", "ch04-zoo-wide.json", [2, 16, 1], None, "`2,16,1`, output as hidden"),
                 ("wide-linear-output", "ch04-zoo-wide.json", [2, 16, 1], "none", "`2,16,1`, linear output")]
CH04_SETTING_SETS = ["ring", "quadrants", "blobs", "comfort"]
CH04_SETTING_ACTIVATIONS = ["none", "tanh", "sigmoid", "relu", "leaky-relu", "gelu", "step"]


def setting_row(folder: Path, setting: str, activation: str, dataset: str) -> dict | None:
    """One configuration of chapter 4's setting runs (CH04_SETTINGS), or None where that run left it out."""
    _, name, layers, output, _ = next(s for s in CH04_SETTINGS if s[0] == setting)
    document = json.loads((folder / name).read_text(encoding="utf-8"))
    return next((c for c in document["configurations"] if c["activation"] == activation and c["dataset"] == dataset
                 and c["layers"] == layers and c.get("output_activation") == output), None)


def write_ch04_settings(out: Path) -> None:
    """Chapter 4's table of what decides the result: for each activation and set, how many of the networks learned
    in each setting (ch04-settings.md, each cell also ch04-setting-SETTING-SET-ACTIVATION.txt), and ReLU's failures
    split into a dead output unit and the rest (ch04-relu-failures.md)."""
    lines = ["| activation | set | " + " | ".join(s[4] for s in CH04_SETTINGS) + " |",
             "| --- | --- |" + " ---: |" * len(CH04_SETTINGS)]
    for a in CH04_SETTING_ACTIVATIONS:
        for d in CH04_SETTING_SETS:
            cells = []
            for setting, *_ in CH04_SETTINGS:
                c = setting_row(out, setting, a, d)
                cells.append("–" if c is None else str(c["learned"]))
                if c is not None:
                    write(out, f"ch04-setting-{setting}-{d}-{a}.txt", f"{c['learned']} of {c['networks']}")
            lines.append(f"| `{a}` | {d} | " + " | ".join(cells) + " |")
    write(out, "ch04-settings.md", "\n".join(lines) + "\n")
    write(out, "ch04-settings-networks.txt", str(setting_row(out, "linear-output", "tanh", "ring")["networks"]))
    rows = ["| setting | set | learned | did not learn | of those, output unit dead | hidden units dead |",
            "| --- | --- | ---: | ---: | ---: | ---: |"]
    for setting in ("demo", "linear-output", "he-centred"):
        label = next(s[4] for s in CH04_SETTINGS if s[0] == setting)
        for d in CH04_SETTING_SETS:
            c = setting_row(out, setting, "relu", d)
            failed = c["networks"] - c["learned"]
            rows.append(f"| {label} | {d} | {c['learned']} | {failed} | {c['dead_output_not_learned']} | "
                        f"{100 * c['dead_unit_share']:.0f}% |")
            write(out, f"ch04-relu-failed-{setting}-{d}.txt", str(failed))
            write(out, f"ch04-relu-dead-output-{setting}-{d}.txt", str(c["dead_output_not_learned"]))
            write(out, f"ch04-relu-dead-share-{setting}-{d}.txt", f"{100 * c['dead_unit_share']:.0f}%")
    write(out, "ch04-relu-failures.md", "\n".join(rows) + "\n")


def kernel_resources_summary(resources: dict) -> str:
    """Chapter 3's sentence on the compiler's count (kernel_resources.py's JSON): which kernels keep their
    arrays in registers, and what the others use."""
    if not resources["built"]:
        return ("This build has no CUDA backend, so there is no count to show; a build with the CUDA Toolkit "
                "prints one.")
    in_registers = lambda k: k["stack_frame_bytes"] == 0 and k["local_memory_bytes"] == 0
    name = lambda k: f"`{','.join(map(str, k['layers']))}` {k['activation']}"
    tanh = [k for k in resources["kernels"] if k["activation"] == "tanh"]
    others = [k for k in resources["kernels"] if not in_registers(k)]
    first = ("Every `tanh` kernel keeps its arrays in registers." if all(map(in_registers, tanh))
             else "Not every `tanh` kernel keeps its arrays in registers.")
    if not others:
        return first + " So does every other kernel of the trainer."
    general = [k for k in others if not k["layers"]]
    others = [k for k in others if k["layers"]]
    rest = "; ".join(f"{name(k)}: a {k['stack_frame_bytes']} B stack frame, {k['spill_store_bytes']} B of spill "
                     f"stores" for k in others)
    text = f"{first} The kernels that do not: {rest}." if others else first + " So does every other compiled kernel."
    if general:  # its arrays are in memory by design, indexed by sizes read at run time
        text += (f" The general path's kernel (`any`) keeps a network's parameters in memory by design; it uses "
                 f"{general[0]['local_memory_bytes']} B of local memory a thread for the units' values.")
    return text


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
    # Training sees each step's random batch, whose loss can dip below the truth table's floor.
    write(out, "ch01-lowest-training-loss.txt", f"{min(ch01['loss_history']):.4f}")
    write_two_unit_network(out, ch02)
    write_rises(out, ch02)

    write_ch02_shapes(out)
    xor = json.loads((out / "ch02-xor.json").read_text(encoding="utf-8"))
    write(out, "ch02-xor-learned.txt", "learns" if xor["learned"] else "does not learn")
    xor_sweep = json.loads((out / "ch02-xor-sweep.json").read_text(encoding="utf-8"))
    write(out, "ch02-xor-sweep-learned.txt", count_with_interval(xor_sweep["configurations"][0]))

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
        write(out, f"ch03-rate-{name}.txt", percent(c["learned"] / c["networks"]))
        write(out, f"ch03-learned-{name}.txt", count_with_interval(c))
        write(out, f"ch03-rounds-{name}.txt", count_with_interval(c, "rounds_correctly"))
    write(out, "ch03-failures.md", failures_table(configuration(sweep, [2, 5, 5, 1], "tanh")))
    write_lr_epochs(out)
    resources = json.loads((out / "ch03-kernel-resources.json").read_text(encoding="utf-8"))
    write(out, "ch03-kernel-resources-summary.txt", kernel_resources_summary(resources))
    write_ch04(out)
    write_ch04_zoo(out)
    write_ch04_settings(out)


if __name__ == "__main__":
    main()
