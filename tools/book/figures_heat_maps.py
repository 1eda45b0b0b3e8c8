"""Heat maps: what a trained network, or one of its units, outputs over the whole unit square (book-surface's
JSON), not only at the four truth-table inputs, which are circled with the value there.

  heat-maps.svg          chapter 1's and chapter 2's trained networks side by side, each with its 0.5 line
                         (where the output rounds from 0 to 1), or a note where the output stays on one side
                         of 0.5 over the whole square
  heat-map-ch01.svg      chapter 1's alone, for its own page
  xor-hidden-units.svg   chapter 2's 2,2,1 tanh network trained on XOR: each hidden unit's output over the
                         square, the network's output, and the four inputs as the hidden layer sees them, in
                         the plane (h1, h2), where the output unit's line separates them

The colour scale runs from min(0, lowest value) to max(1, highest value) over all panels of a figure (from
-1 for hidden tanh units): it always spans the targets 0 and 1 and never clips, so a plane's colour changes
at one rate across the whole square, however low it dips.
"""

import math

import numpy as np
from matplotlib.lines import Line2D

from figures_data import INPUTS, FigureDataError, corners, input_labels, targets
from figures_style import SMALL, TARGET_COLOURS, new_figure, svg_bytes, two_decimals

CONTOUR = "#ff3b3b"  # the 0.5 line, bright enough over every colour of viridis
UNIT_LINE = "#000000"  # a hidden unit's 0 line (it runs where the colour is the scale's middle)
CORNERS = [(-1.12, 1.12), (1.12, -1.12), (1.12, 1.12), (-1.12, -1.12)]  # of the hidden plane's view, for notes


def square(axes, values: np.ndarray, low: float, high: float):
    """values[row][col] as an image whose pixel centres are the grid points (x1, x2) = (col, row) / (n - 1)."""
    half = 0.5 / (values.shape[0] - 1)
    image = axes.imshow(values, origin="lower", extent=(-half, 1 + half, -half, 1 + half), vmin=low, vmax=high,
                        interpolation="nearest")
    axes.set_xticks([0, 1])
    axes.set_yticks([0, 1])
    axes.set_xlabel("x₁", labelpad=-4)
    axes.set_ylabel("x₂", labelpad=-4, rotation=0, va="center")
    return image


def level_line(axes, values: np.ndarray, level: float, colour: str, style: str, name: str, gid: str) -> bool:
    """The line where values cross `level` (the legend names it: a label on the line would sit on the corners'
    values, where XOR's lines run); where they never reach it on the square, a note saying so (gid: gid +
    "-absent") instead. Returns whether there is a line."""
    if not values.min() < level < values.max():
        side = "<" if values.max() <= level else ">"
        note = axes.text(0.5, 0.5, f"{name} {side} {level:g}\neverywhere", ha="center", va="center", fontsize=SMALL,
                         bbox={"boxstyle": "round,pad=0.25", "fc": "white", "ec": "none", "alpha": 0.85})
        note.set_gid(f"{gid}-absent")
        return False
    grid = np.linspace(0, 1, values.shape[0])
    lines = axes.contour(grid, grid, values, levels=[level], colors=colour, linewidths=2, linestyles=style)
    lines.set_gid(gid)
    return True


def circle_corners(axes, values: list[float], fills: list[str]) -> None:
    """The four truth-table inputs, circled (fill: the target), with the value there written inside the square."""
    for (x1, x2), value, fill in zip(INPUTS, values, fills):
        axes.plot([x1], [x2], marker="o", markersize=10, markerfacecolor=fill, markeredgecolor="#555555",
                  markeredgewidth=1.5, linestyle="none", clip_on=False, zorder=5)
        label = axes.text(0.09 if x1 == 0 else 0.91, 0.08 if x2 == 0 else 0.92, two_decimals(value),
                          ha="left" if x1 == 0 else "right", va="bottom" if x2 == 0 else "top", fontsize=SMALL,
                          bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85})
        label.set_gid(f"corner-{x1}{x2}")


def value_range(grids: list[np.ndarray], floor: float) -> tuple[float, float]:
    return min(floor, min(g.min() for g in grids)), max(1.0, max(g.max() for g in grids))


def output_panel(axes, surface, gate: str, low: float, high: float) -> bool:
    """The output over the square with its 0.5 line and the truth table; returns whether the line is there."""
    outputs = surface.array("outputs")
    square(axes, outputs, low, high)
    circle_corners(axes, corners(outputs), [TARGET_COLOURS[t] for t in targets(gate)])
    return level_line(axes, outputs, 0.5, CONTOUR, "solid", "output", "contour-0.5")


def key_legend(figure, gate: str, half_line: bool, unit_lines: bool = False) -> None:
    """What the marks mean, under the panels."""
    handles = [Line2D([], [], marker="o", markersize=9, markerfacecolor=TARGET_COLOURS[t], markeredgecolor="#555555",
                      linestyle="none", label=f"{gate.upper()} target {t}") for t in (0, 1)]
    if half_line:
        handles.append(Line2D([], [], color=CONTOUR, linewidth=2, label="output 0.5"))
    if unit_lines:
        handles.append(Line2D([], [], color=UNIT_LINE, linewidth=2, linestyle="dashed", label="hidden unit 0"))
    figure.legend(handles=handles, loc="outside lower center", ncols=2 if len(handles) == 4 else len(handles),
                  frameon=False, handletextpad=0.3, columnspacing=1.0)


def heat_maps(panels: list, gate: str = "and") -> bytes:
    """panels: (title, book-surface JSON) pairs, drawn side by side with one colour bar."""
    outputs = [surface.array("outputs") for _, surface in panels]
    low, high = value_range(outputs, 0.0)
    width = 3.9 if len(panels) == 1 else 5.0
    figure = new_figure(height=3.7 if len(panels) == 1 else 3.3, width=width)
    grid = np.atleast_1d(figure.subplots(1, len(panels)))
    lines = [output_panel(axes, surface, gate, low, high) for axes, (_, surface) in zip(grid, panels)]
    for axes, (title, _) in zip(grid, panels):
        axes.set_title(title.replace(": ", "\n") if len(panels) > 1 else title)
    bar = figure.colorbar(grid[0].images[0], ax=list(grid), shrink=0.9, aspect=25)
    bar.set_label("output")
    key_legend(figure, gate, any(lines))
    names = " and ".join(title for title, _ in panels)
    return svg_bytes(figure, f"Output over the unit square: {names}, with the 0.5 line and the truth table's points")


def plane(axes, hidden: list[list[float]], weights, gate: str) -> None:
    """The truth table's inputs where the hidden layer puts them, (h1, h2), and the output unit's 0.5 line.

    The output is y = tanh(w1 h1 + w2 h2 + b) (weights from the weights file), so it is 0.5 on the straight
    line w1 h1 + w2 h2 + b = atanh(0.5) = 0.549: the hidden layer has moved the four points so that one line
    puts XOR's 1s on one side and its 0s on the other."""
    output_layer = weights["layers"][-1]
    (w1, w2), b = output_layer["weight"][0].value, output_layer["bias"][0]
    threshold = math.atanh(0.5)
    h = np.linspace(-1.2, 1.2, 2)
    axes.set_xlim(-1.2, 1.2)
    axes.set_ylim(-1.2, 1.2)
    axes.set_aspect("equal")
    # Light shading where the output is above 0.5, the line between.
    mesh = np.linspace(-1.2, 1.2, 241)
    above = (w1 * mesh[None, :] + w2 * mesh[:, None] + b > threshold).astype(float)
    axes.contourf(mesh, mesh, above, levels=[0.5, 1.5], colors=["#fdf3b0"])
    if abs(w2) >= abs(w1):
        line = axes.plot(h, (threshold - b - w1 * h) / w2, color=CONTOUR, linewidth=2)[0]
    else:
        line = axes.plot((threshold - b - w2 * h) / w1, h, color=CONTOUR, linewidth=2)[0]
    line.set_gid("output-line")
    for (h1, h2), t in zip(zip(*hidden), targets(gate)):
        axes.plot([h1], [h2], marker="o", markersize=10, markerfacecolor=TARGET_COLOURS[t], markeredgecolor="#555555",
                  markeredgewidth=1.5, linestyle="none", zorder=5)
    # Inputs that land close together (01 and 10 often do) share one label.
    close = lambda p, q: abs(p[0] - q[0]) < 0.15 and abs(p[1] - q[1]) < 0.15
    for h1, h2, text in input_labels(list(zip(*hidden)), close):
        axes.annotate(text, (h1, h2), xytext=(9 if h1 < 0.4 else -9, 0), textcoords="offset points",
                      ha="left" if h1 < 0.4 else "right", va="center", fontsize=SMALL,
                      bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85})
    axes.set_xticks([-1, 0, 1])
    axes.set_yticks([-1, 0, 1])
    axes.set_xlabel("h₁", labelpad=-2)
    axes.set_ylabel("h₂", labelpad=-2, rotation=0, va="center")
    axes.set_title("in the hidden plane")
    # Say which side is which, in a corner of each side that the view shows.
    for side, above in (("y > 0.5", True), ("y < 0.5", False)):
        corner = next((c for c in CORNERS if (w1 * c[0] + w2 * c[1] + b > threshold) == above), None)
        if corner is not None:
            axes.text(*corner, side, ha="left" if corner[0] < 0 else "right", va="bottom" if corner[1] < 0 else "top",
                      fontsize=SMALL)


def xor_hidden_units(surface, weights, gate: str = "xor") -> bytes:
    trace = surface["trace"]
    if len(trace) != 2 or len(trace[0]["activations"]) != 2:
        raise FigureDataError(f"{surface.where}: trace: a 2,2,1 network has two layers and two hidden units")
    hidden = [trace[0]["activations"].array(unit) for unit in (0, 1)]
    outputs = surface.array("outputs")
    low, high = value_range(hidden + [outputs], -1.0)
    figure = new_figure(height=5.3)
    grid = figure.subplots(2, 2)
    unit_lines = []
    for unit, axes in enumerate(grid[0]):
        name = f"h{'₁₂'[unit]}"
        square(axes, hidden[unit], low, high)
        unit_lines.append(level_line(axes, hidden[unit], 0.0, UNIT_LINE, "dashed", name, f"unit-{unit + 1}-zero"))
        circle_corners(axes, corners(hidden[unit]), [TARGET_COLOURS[t] for t in targets(gate)])
        axes.set_title(f"hidden unit {name}")
    line = output_panel(grid[1, 0], surface, gate, low, high)
    grid[1, 0].set_title("output y")
    plane(grid[1, 1], [corners(h) for h in hidden], weights, gate)
    bar = figure.colorbar(grid[0, 0].images[0], ax=list(grid.flat), shrink=0.6, aspect=30)
    bar.set_label("unit's output")
    key_legend(figure, gate, line, any(unit_lines))
    return svg_bytes(figure, "A 2,2,1 tanh network trained on XOR: each hidden unit over the unit square, the "
                             "output, and the four inputs in the hidden layer's plane with the output unit's line")
