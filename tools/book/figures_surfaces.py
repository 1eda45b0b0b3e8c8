"""ch04-surfaces.svg: every activation on every point set, one small panel each (rows: activations, columns:
point sets, so that the grid stays five panels wide on a phone). Each panel is chapter 2's network trained
with one seed and chapter 4's standard training (generate.sh), its output over the unit square
(book-surface's JSON), its 0.5 line (where the output rounds from 0 to 1), the training points it learned
from, and its held-out accuracy as the title, marked when the network learned the set (at least 95% of the
held-out points right).

The colour scale is the output from 0 to 1 and saturates beyond (the bar's pointed ends): ReLU's or no
activation's output can leave [0, 1], and over 50 panels one wide scale would wash out the rest, while the
classes are read at 0.5.
"""

import numpy as np
from matplotlib.lines import Line2D

from figures_data import FigureDataError, read
from figures_style import SMALL, new_figure, svg_bytes

# The order of the program's --dataset and --activation help.
POINT_SETS = ["ring", "quadrants", "blobs", "spirals", "comfort"]
ACTIVATIONS = ["none", "tanh", "sigmoid", "relu", "leaky-relu", "elu", "gelu", "softplus", "sin", "step"]
LEARNED_ACCURACY = 0.95  # the programs' definition: learned when at least 95% of the held-out points are right
CONTOUR = "#ff3b3b"  # the 0.5 line, as on the other heat maps
# A class-0 point is a black dot ringed in white (seen on the dark low outputs), a class-1 point a white
# square ringed in black (seen on the bright high ones): two shapes, for readers who see no colour.
POINT_STYLES = {0: {"marker": "o", "markerfacecolor": "#000000", "markeredgecolor": "#ffffff"},
                1: {"marker": "s", "markerfacecolor": "#ffffff", "markeredgecolor": "#000000"}}


def panel_files(folder) -> list[list[tuple]]:
    """For each activation (row) and point set (column): chapter 2's --json and book-surface's JSON."""
    return [[(read(folder, f"ch04-{s}-{a}.json"), read(folder, f"ch04-surface-{s}-{a}.json")) for s in POINT_SETS]
            for a in ACTIVATIONS]


def accuracy_title(accuracy: float) -> str:
    """'97.5% ✓' for a network that learned the set, '82.0%' for one that did not."""
    return f"{100 * accuracy:.1f}%" + (" ✓" if accuracy >= LEARNED_ACCURACY else "")


def check_panel(run, surface, point_set: str, activation: str) -> None:
    """The two files must describe the same network, or the panel would title one network with another's data."""
    settings = run["settings"]
    if (settings["dataset"], settings["activation"]) != (point_set, activation):
        raise FigureDataError(f"{run.where}: settings: trained on {settings['dataset']} with {settings['activation']}, "
                              f"not {point_set} with {activation}")
    if (surface["dataset"], surface["seed"], surface["activation"]) != (point_set, settings["seed"], activation):
        raise FigureDataError(f"{surface.where}: its points are not those of {run.where}")
    if len(surface["points"]["inputs"]) != settings["train_points"]:
        raise FigureDataError(f"{surface.where}: points: {len(surface['points']['inputs'])} points, "
                              f"{run.where} trained on {settings['train_points']}")


def panel(axes, run, surface, gid: str) -> None:
    outputs = surface.array("outputs")
    half = 0.5 / (outputs.shape[0] - 1)
    axes.imshow(outputs, origin="lower", extent=(-half, 1 + half, -half, 1 + half), vmin=0.0, vmax=1.0,
                interpolation="nearest")
    if outputs.min() < 0.5 < outputs.max():
        grid = np.linspace(0, 1, outputs.shape[0])
        axes.contour(grid, grid, outputs, levels=[0.5], colors=CONTOUR, linewidths=1.2).set_gid(f"contour-{gid}")
    inputs, targets = surface["points"].array("inputs"), surface["points"].array("targets")
    for label, style in POINT_STYLES.items():
        chosen = inputs[targets == label]
        points = axes.plot(chosen[:, 0], chosen[:, 1], linestyle="none", markersize=2.4, markeredgewidth=0.5,
                           **style)[0]
        points.set_gid(f"points-{label}-{gid}")
    axes.set_xlim(-half, 1 + half)
    axes.set_ylim(-half, 1 + half)
    # No ticks or axis labels (the square is the unit square in every panel; a row's name stands beside it),
    # which also spares the layout measuring 100 empty axes.
    axes.xaxis.set_visible(False)
    axes.yaxis.set_visible(False)
    axes.set_aspect("equal")
    axes.set_title(accuracy_title(run["test_accuracy"]), fontsize=SMALL, pad=2).set_gid(f"accuracy-{gid}")


def surfaces_grid(panels: list[list[tuple]]) -> bytes:
    """panels[row][column] = (chapter 2's --json, book-surface's JSON), rows ACTIVATIONS, columns POINT_SETS."""
    figure = new_figure(height=12.4)
    figure.get_layout_engine().set(w_pad=0.01, h_pad=0.01, wspace=0.02, hspace=0.02)
    grid = figure.subplots(len(ACTIVATIONS), len(POINT_SETS))
    for r, activation in enumerate(ACTIVATIONS):
        for c, point_set in enumerate(POINT_SETS):
            run, surface = panels[r][c]
            check_panel(run, surface, point_set, activation)
            panel(grid[r, c], run, surface, f"{point_set}-{activation}")
        grid[r, 0].annotate(activation, xy=(0, 0.5), xycoords="axes fraction", xytext=(-4, 0), textcoords="offset points",
                            ha="right", va="center")
    for c, point_set in enumerate(POINT_SETS):
        grid[0, c].annotate(point_set, xy=(0.5, 1), xycoords="axes fraction", xytext=(0, 16), textcoords="offset points",
                            ha="center", va="bottom", fontweight="bold")
    bar = figure.colorbar(grid[0, 0].images[0], ax=list(grid.flat), orientation="horizontal", location="bottom",
                          shrink=0.7, aspect=30, extend="both", pad=0.01)
    bar.set_label("output (below 0 and above 1: the end colours)", fontsize=SMALL)
    handles = [Line2D([], [], linestyle="none", markersize=7, markeredgewidth=1, label=f"class {label}",
                      **{**style, "markeredgecolor": "#000000"}) for label, style in POINT_STYLES.items()]
    handles.append(Line2D([], [], color=CONTOUR, linewidth=2, label="output 0.5"))
    figure.legend(handles=handles, loc="outside lower center", ncols=3, frameon=False, handletextpad=0.3,
                  columnspacing=1.0, title="✓ learned: ≥ 95% of the held-out points right")
    return svg_bytes(figure, "Every activation on every point set: each network's output over the unit square with "
                             "its training points, its 0.5 line and its held-out accuracy")
