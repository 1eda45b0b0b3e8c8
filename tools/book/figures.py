"""Draws the book's figures as SVG with matplotlib, from what tools/book/generate.sh wrote: the chapters'
--json output, their weights files and book-surface's JSON. The same data give the same bytes.

usage: python3 tools/book/figures.py GENERATED_DIR
       (exit status 2, with one line naming the file and the key, when the data lack something)

  loss-curves.svg       the loss on the four truth-table rows after each epoch (truth_table_loss_history):
                        chapter 1 (no activation) against chapter 2 (tanh), same seed, and the linear floor,
                        which bounds exactly this loss (a random batch's training loss can dip below it)
  activations.svg       tanh, the step, the logistic sigmoid and ReLU, each with its derivative
  sweep-rates.svg       the chapter 3 sweep: per configuration, the share of networks that learned the gate
                        and the share that round correctly on all four rows, with 95% intervals
  lr-epochs.svg         chapter 3: the share of tanh 2,5,5,1 networks that learned, against the learning rate,
                        one line per number of epochs (8, 16, 32, 64), with 95% intervals
  heat-maps.svg         chapter 1's and chapter 2's trained networks over the unit square, side by side, with
                        the 0.5 line and the four truth-table points with what the network outputs there
  heat-map-ch01.svg     chapter 1's alone, for its own page
  network-ch02.svg      chapter 2's trained 2,1,1 network as a diagram with its weights and biases, and its
                        hidden unit's sum z, output h and the output y at the four inputs
  xor-hidden-units.svg  chapter 2's 2,2,1 network trained on XOR: each hidden unit over the unit square, the
                        output with its 0.5 line, and the four inputs in the hidden layer's plane
  ch04-surfaces.svg     chapter 4: every activation (rows) on every point set (columns), one seed, chapter 4's
                        standard training: each network's output over the unit square, its 0.5 line, its
                        training points, and its held-out accuracy as the panel's title
  ch04-step-vs-tanh.svg chapter 4: the training loss per epoch on the ring with the step and with tanh, same
                        seed and settings; the step's is flat
  ch04-zoo.svg          chapter 4's zoo: for every activation (rows) on every point set (columns), how many of
                        its networks learned, coloured by the share
  ch05-gradients.svg    chapter 5: each layer's gradient norm at initialisation, one line per activation
  ch05-learned-vs-depth.svg  chapter 5: the share that learned against depth, per activation and rule
  ch05-regions.svg      chapter 5: ReLU networks' flat pieces over the unit square, and their count

Each figure's code is in tools/book/figures_*.py, one kind of figure a file; figures_style.py says how they
look and the phone rule they keep.
"""

import sys
from pathlib import Path

from figures_activations import activations
from figures_data import FigureDataError, read
from figures_depth import gradients, learned_vs_depth, regions
from figures_heat_maps import heat_maps, xor_hidden_units
from figures_network import network_ch02
from figures_rates import lr_epochs, sweep_rates
from figures_surfaces import panel_files, surfaces_grid
from figures_training import loss_curves, step_vs_tanh
from figures_zoo import zoo_grid

def lr_epochs_runs(folder: Path) -> list:
    """Chapter 3's learning-rate sweeps, ch03-lr-epochs-EPOCHS.json, shortest training first."""
    names = sorted((p.name for p in folder.glob("ch03-lr-epochs-*.json")),
                   key=lambda name: int(name.removesuffix(".json").rsplit("-", 1)[1]))
    if not names:
        raise FigureDataError(f"ch03-lr-epochs-*.json are missing from {folder} (tools/book/generate.sh writes them)")
    return [read(folder, name) for name in names]


def draw_all(folder: Path) -> dict[str, bytes]:
    """Every figure, by file name, drawn from the generated files in `folder`."""
    ch01, ch02 = read(folder, "ch01-linear.json"), read(folder, "ch02-tanh.json")
    ch01_surface, ch02_surface = read(folder, "ch01-linear-surface.json"), read(folder, "ch02-tanh-surface.json")
    panels = [("chapter 1: no activation", ch01_surface), ("chapter 2: tanh", ch02_surface)]
    xor = read(folder, "ch02-xor.json")
    return {
        "loss-curves.svg": loss_curves(ch01, ch02),
        "activations.svg": activations(),
        "sweep-rates.svg": sweep_rates(read(folder, "ch03-sweep.json")),
        "lr-epochs.svg": lr_epochs(lr_epochs_runs(folder)),
        "heat-maps.svg": heat_maps(panels, gate=ch02["settings"]["gate"]),
        "heat-map-ch01.svg": heat_maps(panels[:1], gate=ch01["settings"]["gate"]),
        "network-ch02.svg": network_ch02(read(folder, "ch02-tanh-weights.json"), ch02_surface),
        "xor-hidden-units.svg": xor_hidden_units(read(folder, "ch02-xor-surface.json"),
                                                 read(folder, "ch02-xor-weights.json"), gate=xor["settings"]["gate"]),
        "ch04-surfaces.svg": surfaces_grid(panel_files(folder)),
        "ch04-step-vs-tanh.svg": step_vs_tanh(read(folder, "ch04-ring-step.json"), read(folder, "ch04-ring-tanh.json")),
        "ch04-zoo.svg": zoo_grid(read(folder, "ch04-zoo.json"), read(folder, "ch04-zoo-spirals.json")),
        "ch05-gradients.svg": gradients(read(folder, "ch05-gradients.json")),
        "ch05-learned-vs-depth.svg": learned_vs_depth(read(folder, "ch05-depth.json"),
                                                      read(folder, "ch05-depth-squashed.json")),
        "ch05-regions.svg": regions(read(folder, "ch05-regions.json")),
    }


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: python3 tools/book/figures.py GENERATED_DIR", file=sys.stderr)
        return 2
    folder = Path(sys.argv[1])
    try:
        figures = draw_all(folder)
    except FigureDataError as error:
        print(f"figures.py: {error}", file=sys.stderr)
        return 2
    for name, svg in figures.items():
        (folder / name).write_bytes(svg)
    return 0


if __name__ == "__main__":
    sys.exit(main())
