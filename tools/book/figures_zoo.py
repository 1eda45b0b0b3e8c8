"""ch04-zoo.svg: chapter 4's zoo as a grid, one cell a configuration (rows: activations, columns: data sets),
its colour the share of the networks that learned and its text the count, "learned/networks". The last
column is the spirals again with the larger network and longer training of the zoo's second run, which the
page explains; the others share the zoo's defaults (2,8,1).
"""

import numpy as np

from figures_data import FigureDataError
from figures_style import SMALL, new_figure, svg_bytes
from figures_surfaces import ACTIVATIONS, POINT_SETS


def configurations(zoo) -> dict:
    """The zoo's rows by (activation, data set)."""
    return {(c["activation"], c["dataset"]): c for c in zoo["configurations"]}


def column_label(configuration, with_layers: bool) -> str:
    layers = ",".join(str(n) for n in configuration["layers"].value)
    return f"{configuration['dataset']}\n{layers}" if with_layers else configuration["dataset"]


def zoo_grid(zoo, larger_spirals) -> bytes:
    rows = configurations(zoo)
    columns = [(rows, point_set) for point_set in POINT_SETS] + [(configurations(larger_spirals), "spirals")]
    cells = []
    for activation in ACTIVATIONS:
        line = []
        for source, point_set in columns:
            if (activation, point_set) not in source:
                where = zoo.where if source is rows else larger_spirals.where
                raise FigureDataError(f"{where}: configurations: no row for {activation} on {point_set}")
            line.append(source[(activation, point_set)])
        cells.append(line)
    shares = np.array([[c["learned"] / c["networks"] for c in line] for line in cells])

    figure = new_figure(height=6.2)
    axes = figure.subplots()
    image = axes.imshow(shares, vmin=0.0, vmax=1.0, aspect="auto", interpolation="nearest")
    for r, line in enumerate(cells):
        for k, c in enumerate(line):
            colour = "#000000" if shares[r, k] > 0.6 else "#ffffff"  # viridis is light at the top
            axes.text(k, r, f"{c['learned']}/{c['networks']}", ha="center", va="center", fontsize=SMALL,
                      color=colour, gid=f"zoo-{k}-{c['activation']}")
    labels = [column_label(line_cell, k == len(columns) - 1) for k, line_cell in enumerate(cells[0])]
    axes.set_xticks(range(len(columns)), labels, rotation=0)
    axes.xaxis.tick_top()
    axes.set_yticks(range(len(ACTIVATIONS)), ACTIVATIONS)
    axes.tick_params(length=0)
    for side in ("left", "bottom"):
        axes.spines[side].set_visible(False)
    bar = figure.colorbar(image, ax=axes, location="bottom", shrink=0.8, aspect=30)
    # Two lines: on one, the label is wider than the figure and its ends are cut off.
    bar.set_label("share of the networks that learned\n(held-out accuracy at least 95%)")
    bar.ax.tick_params(labelsize=SMALL)
    return svg_bytes(figure, "Chapter 4's zoo: for each activation and data set, how many of the networks learned")
