"""network-ch02.svg: chapter 2's trained 2,1,1 tanh network (seed 0) as a diagram, each edge labelled with its
weight and each unit with its bias (from the weights file), and under it what the hidden unit does at the
four truth-table inputs: its weighted sum z, its output h = tanh(z) and the network's output y, as the
library's forward pass computed them (book-surface's trace at the grid's corners), with the four z's marked
on the tanh curve."""

import numpy as np
from matplotlib.patches import Circle

from figures_data import INPUTS, FigureDataError, corners, input_labels
from figures_style import BLUE, SMALL, new_figure, svg_bytes, two_decimals

NODE_RADIUS = 0.24
INPUT_FILL, UNIT_FILL = "#eeeeee", "#deebf7"


def node(axes, centre: tuple[float, float], name: str, fill: str) -> None:
    axes.add_patch(Circle(centre, NODE_RADIUS, facecolor=fill, edgecolor="#333333", linewidth=1.5, zorder=3))
    axes.text(*centre, name, ha="center", va="center", zorder=4)


def edge(axes, start, end, weight: float, gid: str) -> None:
    """An arrow between two nodes (shortened by their radius, in points), its weight written halfway."""
    axes.annotate("", xy=end, xytext=start, arrowprops={"arrowstyle": "-|>", "color": "#333333", "linewidth": 1.5,
                                                        "shrinkA": 19, "shrinkB": 19, "mutation_scale": 14})
    label = axes.text((start[0] + end[0]) / 2, (start[1] + end[1]) / 2, f"{weight:.2f}", ha="center", va="center", fontsize=SMALL, zorder=5,
                      bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#bbbbbb"})
    label.set_gid(gid)


def diagram(axes, layers) -> None:
    hidden, output = layers[0], layers[1]
    (w1, w2), b_h = hidden["weight"][0].value, hidden["bias"][0]
    (w_y,), b_y = output["weight"][0].value, output["bias"][0]
    x1, x2, h, y = (0.3, 1.45), (0.3, 0.15), (1.75, 0.8), (3.2, 0.8)
    axes.set_xlim(-0.1, 3.6)
    axes.set_ylim(-0.45, 1.75)
    axes.set_aspect("equal")
    axes.axis("off")
    node(axes, x1, "x₁", INPUT_FILL)
    node(axes, x2, "x₂", INPUT_FILL)
    node(axes, h, "h", UNIT_FILL)
    node(axes, y, "y", UNIT_FILL)
    edge(axes, x1, h, w1, "weight-0-0-0")
    edge(axes, x2, h, w2, "weight-0-0-1")
    edge(axes, h, y, w_y, "weight-1-0-0")
    for centre, bias, gid in ((h, b_h, "bias-0-0"), (y, b_y, "bias-1-0")):
        axes.text(centre[0], centre[1] + NODE_RADIUS + 0.1, f"bias {bias:.2f}", ha="center", va="bottom",
                  fontsize=SMALL, gid=gid)
        axes.text(centre[0], centre[1] - NODE_RADIUS - 0.08, "tanh", ha="center", va="top", fontsize=SMALL,
                  color=BLUE, style="italic")
    formula = f"z = {w1:.2f}·x₁ {sign(w2)} {abs(w2):.2f}·x₂ {sign(b_h)} {abs(b_h):.2f},  h = tanh(z)"
    axes.text(1.75, -0.42, formula, ha="center", va="bottom", fontsize=SMALL)


def sign(value: float) -> str:
    return "-" if value < 0 else "+"


def table(axes, z: list[float], h: list[float], y: list[float]) -> None:
    axes.axis("off")
    rows = [[f"{x1} {x2}", two_decimals(zz), two_decimals(hh), two_decimals(yy)]
            for (x1, x2), zz, hh, yy in zip(INPUTS, z, h, y)]
    cells = axes.table(cellText=rows, colLabels=["x₁ x₂", "z", "h", "y"], loc="center", cellLoc="center")
    cells.auto_set_font_size(False)
    cells.set_fontsize(SMALL)
    cells.scale(1, 1.6)
    for (row, _), cell in cells.get_celld().items():
        cell.set_edgecolor("#bbbbbb")
        if row == 0:
            cell.set_facecolor("#f2f2f2")
    axes.set_title("at the four inputs", fontsize=SMALL)


def on_tanh(axes, z: list[float], h: list[float]) -> None:
    """The four sums z on tanh: where the bias parks h, and where the inputs move it."""
    reach = max(4.0, max(abs(v) for v in z) + 0.8)
    grid = np.linspace(-reach, reach, 301)
    axes.plot(grid, np.tanh(grid), color=BLUE, linewidth=1.5)
    axes.axhline(0, color="#bbbbbb", linewidth=0.8, zorder=0)
    axes.axvline(0, color="#bbbbbb", linewidth=0.8, zorder=0)
    axes.plot(z, h, marker="o", markersize=7, color="#333333", linestyle="none", zorder=4)
    close = lambda p, q: abs(p[0] - q[0]) < 0.6 * reach / 4
    for zz, hh, text in input_labels(list(zip(z, h)), close):
        axes.annotate(text, (zz, hh), xytext=(0, -10 if hh > 0 else 10), textcoords="offset points",
                      ha="center", va="top" if hh > 0 else "bottom", fontsize=SMALL)
    axes.set_xlim(-reach, reach)
    axes.set_ylim(-1.15, 1.15)
    axes.set_xlabel("z", labelpad=0)
    axes.set_ylabel("h", rotation=0, va="center")
    axes.set_title("h = tanh(z)", fontsize=SMALL)


def network_ch02(weights, surface) -> bytes:
    layers = weights["layers"]
    shapes = [(len(layer["weight"]), len(layer["weight"][0])) for layer in layers]
    if shapes != [(1, 2), (1, 1)]:
        raise FigureDataError(f"{weights.where}: the diagram draws a 2,1,1 network; the file holds weights of shapes "
                              f"{shapes} (out x in)")
    trace = surface["trace"]
    z = corners(trace[0]["pre_activations"].array(0))
    h = corners(trace[0]["activations"].array(0))
    y = corners(surface.array("outputs"))
    figure = new_figure(height=4.9)
    top, bottom = figure.subfigures(2, 1, height_ratios=[1.25, 1])
    diagram(top.subplots(), layers)
    left, right = bottom.subplots(1, 2, width_ratios=[1, 1.1])
    table(left, z, h, y)
    on_tanh(right, z, h)
    return svg_bytes(figure, "Chapter 2's trained 2,1,1 tanh network: its weights and biases, and what its hidden "
                             "unit does at the four inputs")
