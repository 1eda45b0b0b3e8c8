"""Checks the book's figures (tools/book/figures.py) on the real generated data: the same data give the same
bytes; every text keeps the phone rule; each heat map of a network's output has its 0.5 line; the network
diagram's labels are the weights in the weights file; chapter 4's grid titles each panel with its run's
held-out accuracy and draws its training points; the step's loss curve is flat; a text past a figure's edge
is caught; chapter 3's learning-rate table and figure list the rates in one order; data that lack a key fail
with one clear line.

The phone rule: every text is at least 9 CSS px tall when the figure is shown 350 px wide
(font size * 350 / SVG width >= 9, both in the SVG's own units), and at least 11 CSS px at natural size.

usage: python3 tools/book/figures_test.py [--generated DIR]   (DIR: default docs/generated; the book must
       have been generated; exit status 0 when every case holds)
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIGURES = ROOT / "tools/book/figures.py"
SVG = "{http://www.w3.org/2000/svg}"
ALL = ["loss-curves.svg", "activations.svg", "sweep-rates.svg", "lr-epochs.svg", "heat-maps.svg",
       "heat-map-ch01.svg", "network-ch02.svg", "xor-hidden-units.svg", "ch04-surfaces.svg", "ch04-step-vs-tanh.svg",
       "ch04-zoo.svg", "ch05-gradients.svg", "ch05-learned-vs-depth.svg", "ch05-regions.svg"]
# The heat maps of a network's output, and the surfaces their output panels draw.
OUTPUT_PANELS = {"heat-maps.svg": ["ch01-linear-surface.json", "ch02-tanh-surface.json"],
                 "heat-map-ch01.svg": ["ch01-linear-surface.json"], "xor-hidden-units.svg": ["ch02-xor-surface.json"]}
# Chapter 4's grid: rows, columns (figures_surfaces.py's order).
CH04_SETS = ["ring", "quadrants", "blobs", "spirals", "comfort"]
CH04_ACTIVATIONS = ["none", "tanh", "sigmoid", "relu", "leaky-relu", "elu", "gelu", "softplus", "sin", "step"]
CSS_PX_PER_UNIT = {"pt": 4 / 3, "px": 1.0, "": 1.0}
generated = ROOT / "docs/generated"


def copy_inputs(destination: Path) -> Path:
    """The generated JSON files (what figures.py reads), without the figures."""
    destination.mkdir()
    for path in generated.glob("*.json"):
        shutil.copy(path, destination / path.name)
    return destination


def draw(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(FIGURES), str(folder)], capture_output=True, text=True)


def texts(root: ElementTree.Element):
    """Every text element with its font size, in the SVG's units: its own, or its first tspan's."""
    for element in root.iter(f"{SVG}text"):
        for part in [element, *element.iter(f"{SVG}tspan")]:
            match = re.search(r"font-size:\s*([0-9.]+)px", part.get("style", ""))
            if match:
                yield element, float(match.group(1))


def text_of(element: ElementTree.Element) -> str:
    """The words of an element, lines joined by one space."""
    return " ".join("".join(element.itertext()).split())


def group(root: ElementTree.Element, gid: str) -> ElementTree.Element | None:
    return next((g for g in root.iter(f"{SVG}g") if g.get("id") == gid), None)


def generated_json(name: str):
    return json.loads((generated / name).read_text(encoding="utf-8"))


class Figures(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.work = Path(tempfile.mkdtemp(prefix="figures-test-"))
        cls.first, cls.second = copy_inputs(cls.work / "first"), copy_inputs(cls.work / "second")
        for folder in (cls.first, cls.second):
            result = draw(folder)
            if result.returncode != 0:
                raise AssertionError(f"figures.py failed on {generated}: {result.stderr}")

    @classmethod
    def tearDownClass(cls) -> None:
        shutil.rmtree(cls.work)

    def svg(self, name: str) -> ElementTree.Element:
        return ElementTree.parse(self.first / name).getroot()

    def test_draws_every_figure_the_pages_include(self) -> None:
        for name in ALL:
            self.assertTrue((self.first / name).is_file(), name)

    def test_the_same_data_give_the_same_bytes(self) -> None:
        # Two separate runs (each with its own hash seed), so set order or dates would show.
        for name in ALL:
            self.assertEqual((self.first / name).read_bytes(), (self.second / name).read_bytes(), name)

    def test_every_text_is_readable_on_a_phone(self) -> None:
        for name in ALL:
            root = self.svg(name)
            width = re.fullmatch(r"([0-9.]+)(pt|px|)", root.get("width"))
            view_width = float(root.get("viewBox").split()[2])
            css_per_unit = float(width.group(1)) * CSS_PX_PER_UNIT[width.group(2)] / view_width
            sizes = list(texts(root))
            self.assertGreater(len(sizes), 3, f"{name}: its text is not text (svg.fonttype must be 'none')")
            for element, size in sizes:
                self.assertNotRegex(element.get("transform", ""), "scale|matrix", f"{name}: a scaled text")
                label = f"{name}: '{text_of(element)}' at {size}"
                self.assertGreaterEqual(size * 350 / view_width, 9, f"{label}: under 9 px on a 350 px phone")
                self.assertGreaterEqual(size * css_per_unit, 11, f"{label}: under 11 px at natural size")

    def test_each_output_heat_map_has_its_half_line_or_says_it_has_none(self) -> None:
        # The 0.5 line is where the output rounds from 0 to 1. A surface that crosses 0.5 on the square must
        # show it (and the legend must name it); one that does not must say which side of 0.5 it stays on.
        for name, surfaces in OUTPUT_PANELS.items():
            root = self.svg(name)
            outputs = [[v for row in json.loads((generated / surface).read_text(encoding="utf-8"))["outputs"]
                        for v in row] for surface in surfaces]
            crossing = sum(min(values) < 0.5 < max(values) for values in outputs)
            lines = [g for g in root.iter(f"{SVG}g") if g.get("id") == "contour-0.5"]
            self.assertEqual(len(lines), crossing, f"{name}: one 0.5 line per output panel that crosses 0.5")
            for line in lines:
                path = next(line.iter(f"{SVG}path"), None)
                self.assertIsNotNone(path, f"{name}: an empty 0.5 line")
                self.assertGreater(path.get("d").count("L"), 2, f"{name}: a 0.5 line of no length")
            shown = [text_of(e) for e, _ in texts(root)]
            self.assertEqual("output 0.5" in shown, crossing > 0, f"{name}: the legend names the 0.5 line")
            notes = sorted(text_of(g) for g in root.iter(f"{SVG}g") if g.get("id") == "contour-0.5-absent")
            expected = sorted(f"output {'<' if max(values) <= 0.5 else '>'} 0.5 everywhere" for values in outputs
                              if not min(values) < 0.5 < max(values))
            self.assertEqual(notes, expected, f"{name}: a panel without a 0.5 line says so")

    def test_the_xor_figure_draws_the_output_units_line_in_the_hidden_plane(self) -> None:
        root = self.svg("xor-hidden-units.svg")
        self.assertIsNotNone(group(root, "output-line"))
        self.assertEqual(sum(g.get("id", "").startswith("unit-") for g in root.iter(f"{SVG}g")), 2,
                         "each hidden unit's 0 line, or a note that it has none")

    def test_the_network_diagram_shows_the_weights_file(self) -> None:
        root = self.svg("network-ch02.svg")
        layers = json.loads((generated / "ch02-tanh-weights.json").read_text(encoding="utf-8"))["layers"]
        for l, layer in enumerate(layers):
            for o, row in enumerate(layer["weight"]):
                for i, weight in enumerate(row):
                    label = group(root, f"weight-{l}-{o}-{i}")
                    self.assertIsNotNone(label, f"no label for layer {l}'s weight {o},{i}")
                    self.assertEqual(text_of(label), f"{weight:.2f}")
            for o, bias in enumerate(layer["bias"]):
                self.assertEqual(text_of(group(root, f"bias-{l}-{o}")), f"bias {bias:.2f}")

    def test_the_network_table_holds_the_librarys_values_at_the_corners(self) -> None:
        surface = json.loads((generated / "ch02-tanh-surface.json").read_text(encoding="utf-8"))
        last = surface["resolution"] - 1
        shown = {text_of(e) for e, _ in texts(self.svg("network-ch02.svg"))}
        hidden = surface["trace"][0]
        for x1, x2 in ((0, 0), (0, 1), (1, 0), (1, 1)):
            for values in (hidden["pre_activations"][0], hidden["activations"][0], surface["outputs"]):
                self.assertIn(f"{values[x2 * last][x1 * last]:.2f}".replace("-0.00", "0.00"), shown)

    def test_each_surface_panel_is_titled_with_its_held_out_accuracy(self) -> None:
        root = self.svg("ch04-surfaces.svg")
        for point_set in CH04_SETS:
            for activation in CH04_ACTIVATIONS:
                run = generated_json(f"ch04-{point_set}-{activation}.json")
                accuracy = run["test_accuracy"]
                self.assertEqual(run["learned"], accuracy >= 0.95, f"{point_set} {activation}: 'learned' is >= 95%")
                title = group(root, f"accuracy-{point_set}-{activation}")
                self.assertIsNotNone(title, f"no title for {point_set} {activation}")
                self.assertEqual(text_of(title), f"{100 * accuracy:.1f}%" + (" ✓" if run["learned"] else ""))

    def test_each_surface_panel_draws_exactly_its_training_points(self) -> None:
        # Each class's points are one marker line: one <use> per point, as many as book-surface drew of that
        # class, and together as many as chapter 2 trained on.
        root = self.svg("ch04-surfaces.svg")
        for point_set in CH04_SETS:
            for activation in CH04_ACTIVATIONS:
                gid = f"{point_set}-{activation}"
                surface = generated_json(f"ch04-surface-{gid}.json")
                targets = surface["points"]["targets"]
                self.assertEqual(len(targets), generated_json(f"ch04-{gid}.json")["settings"]["train_points"], gid)
                for label in (0, 1):
                    points = group(root, f"points-{label}-{gid}")
                    self.assertIsNotNone(points, f"{gid}: no class {label} points")
                    self.assertEqual(sum(1 for _ in points.iter(f"{SVG}use")), targets.count(label), f"{gid}: class {label}")

    def test_each_surface_panel_has_its_half_line_where_the_output_crosses_it(self) -> None:
        root = self.svg("ch04-surfaces.svg")
        for point_set in CH04_SETS:
            for activation in CH04_ACTIVATIONS:
                gid = f"{point_set}-{activation}"
                values = [v for row in generated_json(f"ch04-surface-{gid}.json")["outputs"] for v in row]
                self.assertEqual(group(root, f"contour-{gid}") is not None, min(values) < 0.5 < max(values), gid)

    def test_each_zoo_cell_shows_its_rows_count(self) -> None:
        root = self.svg("ch04-zoo.svg")
        zoo = {(c["activation"], c["dataset"]): c for c in generated_json("ch04-zoo.json")["configurations"]}
        spirals = {c["activation"]: c for c in generated_json("ch04-zoo-spirals.json")["configurations"]}
        for activation in CH04_ACTIVATIONS:
            cells = [zoo[activation, point_set] for point_set in CH04_SETS] + [spirals[activation]]
            for column, cell in enumerate(cells):
                text = group(root, f"zoo-{column}-{activation}")
                self.assertIsNotNone(text, f"no cell {column} for {activation}")
                self.assertEqual(text_of(text), f"{cell['learned']}/{cell['networks']}", f"{activation} {column}")

    def test_the_steps_loss_is_flat_and_tanhs_falls(self) -> None:
        step, tanh = generated_json("ch04-ring-step.json"), generated_json("ch04-ring-tanh.json")
        self.assertEqual(len(set(step["loss_history"])), 1, "the step's loss moved")
        self.assertLess(tanh["loss_history"][-1], tanh["loss_history"][0] / 10)
        root = self.svg("ch04-step-vs-tanh.svg")
        shown = {text_of(e) for e, _ in texts(root)}
        self.assertIn(f"step: {step['loss_history'][0]:.4f} at every epoch", shown)
        for name in ("loss-step", "loss-tanh"):
            self.assertIsNotNone(group(root, name), name)

    def test_a_text_past_the_figures_edge_is_caught(self) -> None:
        # figures_style.svg_bytes refuses such a figure, so a clipped label cannot reach the pages (the zoo's
        # colour bar label, on one line, was wider than the figure).
        sys.path.insert(0, str(FIGURES.parent))
        from figures_style import new_figure, texts_outside
        figure = new_figure(height=2.0)
        axes = figure.subplots()
        axes.set_xlabel("a label that is much wider than the figure it labels, so its two ends are cut off")
        self.assertEqual(texts_outside(figure),
                         ["a label that is much wider than the figure it labels, so its two ends are cut off"])
        axes.set_xlabel("a label that fits")
        self.assertEqual(texts_outside(figure), [])

    def test_the_lr_figure_and_table_list_the_rates_in_one_order(self) -> None:
        # Smallest learning rate first, in the table's columns as on the figure's axis, left to right.
        header = (generated / "ch03-lr-epochs.md").read_text(encoding="utf-8").splitlines()[0]
        table = [float(rate) for rate in re.findall(r"lr ([0-9.]+)", header)]
        root = self.svg("lr-epochs.svg")
        axis = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "matplotlib.axis_1")
        labels = [text_of(t) for t in axis.iter(f"{SVG}text")]
        figure = [float(label) for label in labels if re.fullmatch(r"[0-9.]+", label)]
        self.assertEqual(table, sorted(table))
        self.assertEqual(table, figure)

    def fails_without(self, file: str, remove, message: str) -> None:
        folder = copy_inputs(Path(tempfile.mkdtemp(prefix="figures-missing-")) / "generated")
        self.addCleanup(shutil.rmtree, folder.parent)
        path = folder / file
        document = json.loads(path.read_text(encoding="utf-8"))
        remove(document)
        path.write_text(json.dumps(document), encoding="utf-8")
        result = draw(folder)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertEqual(result.stderr.strip().splitlines(), [f"figures.py: {message}"])

    def test_a_sweep_without_intervals_fails_with_the_key_named(self) -> None:
        def drop_interval(sweep: dict) -> None:
            sweep["configurations"][0].pop("rounds_correctly_rate_interval")
        self.fails_without("ch03-sweep.json", drop_interval,
                           "ch03-sweep.json: configurations[0] has no key 'rounds_correctly_rate_interval'")

    def test_a_chapter_4_surface_without_its_points_fails_with_the_key_named(self) -> None:
        self.fails_without("ch04-surface-ring-tanh.json", lambda surface: surface.pop("points"),
                           "ch04-surface-ring-tanh.json has no key 'points'")

    def test_a_chapter_4_run_without_its_accuracy_fails_with_the_key_named(self) -> None:
        self.fails_without("ch04-quadrants-relu.json", lambda run: run.pop("test_accuracy"),
                           "ch04-quadrants-relu.json has no key 'test_accuracy'")

    def test_a_step_run_without_its_loss_history_fails_with_the_key_named(self) -> None:
        self.fails_without("ch04-ring-step.json", lambda run: run.pop("loss_history"),
                           "ch04-ring-step.json has no key 'loss_history'")

    def test_step_and_tanh_trained_differently_fail_with_the_setting_named(self) -> None:
        self.fails_without("ch04-ring-step.json", lambda run: run["settings"].update(lr=0.1),
                           "ch04-ring-step.json and ch04-ring-tanh.json: settings differ in lr")

    def test_a_missing_chapter_4_panel_fails_with_the_file_named(self) -> None:
        folder = copy_inputs(Path(tempfile.mkdtemp(prefix="figures-missing-")) / "generated")
        self.addCleanup(shutil.rmtree, folder.parent)
        (folder / "ch04-surface-spirals-gelu.json").unlink()
        result = draw(folder)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertEqual(result.stderr.strip().splitlines(),
                         [f"figures.py: ch04-surface-spirals-gelu.json is missing from {folder} "
                          "(tools/book/generate.sh writes it)"])

    def test_a_surface_without_the_trace_fails_with_the_key_named(self) -> None:
        self.fails_without("ch02-xor-surface.json", lambda surface: surface.pop("trace"),
                           "ch02-xor-surface.json has no key 'trace'")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=Path, default=generated, help="what tools/book/generate.sh wrote")
    arguments, rest = parser.parse_known_args()
    generated = arguments.generated.resolve()
    unittest.main(argv=[sys.argv[0], *rest])
