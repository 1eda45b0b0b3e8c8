"""activations.svg: four activation functions g(z), each with its slope g'(z), one small panel each, over
the same range of z. Where g' does not exist (the step and ReLU at z = 0) the curve has a gap and an open
marker, rather than a value a library happens to use there."""

import numpy as np

from figures_style import BLUE, ORANGE, SMALL, new_figure, svg_bytes

Z = np.linspace(-4, 4, 401)
LEFT, RIGHT = Z < 0, Z > 0


def tanh(axes) -> None:
    axes.plot(Z, np.tanh(Z), color=BLUE, label="g(z)")
    axes.plot(Z, 1 - np.tanh(Z) ** 2, color=ORANGE, linestyle="--", label="g'(z)")


def logistic(axes) -> None:
    sigma = 1 / (1 + np.exp(-Z))
    axes.plot(Z, sigma, color=BLUE, label="g(z)")
    axes.plot(Z, sigma * (1 - sigma), color=ORANGE, linestyle="--", label="g'(z)")


def open_dot(axes, z: float, value: float, colour: str, size: float = 6, zorder: int = 4) -> None:
    axes.plot([z], [value], marker="o", markersize=size, markerfacecolor="white", markeredgecolor=colour,
              markeredgewidth=1.5, linestyle="none", zorder=zorder)


def filled_dot(axes, z: float, value: float, colour: str) -> None:
    axes.plot([z], [value], marker="o", markersize=6, color=colour, linestyle="none", zorder=4)


def step(axes) -> None:
    # g(z) = 0 below 0, 1 from 0 on: g(0) = 1 (filled), and the 0 it leaves is open.
    axes.plot(Z[LEFT], np.zeros(LEFT.sum()), color=BLUE, label="g(z)")
    axes.plot(Z[~LEFT], np.ones((~LEFT).sum()), color=BLUE)
    open_dot(axes, 0, 0, BLUE, size=5, zorder=5)
    filled_dot(axes, 0, 1, BLUE)
    # g'(z) = 0 on both sides; the jump at 0 has no slope, so g' has a hole there (the ring around g's).
    axes.plot(Z[LEFT], np.zeros(LEFT.sum()), color=ORANGE, linestyle="--", label="g'(z)")
    axes.plot(Z[RIGHT], np.zeros(RIGHT.sum()), color=ORANGE, linestyle="--")
    open_dot(axes, 0, 0, ORANGE, size=10)
    axes.annotate("g'(0) undefined", xy=(0.12, 0.05), xytext=(0.5, 0.45), fontsize=SMALL, color=ORANGE,
                  arrowprops={"arrowstyle": "->", "color": ORANGE})


def relu(axes) -> None:
    axes.plot(Z, np.maximum(Z, 0), color=BLUE, label="g(z)")
    axes.plot(Z[LEFT], np.zeros(LEFT.sum()), color=ORANGE, linestyle="--", label="g'(z)")
    axes.plot(Z[RIGHT], np.ones(RIGHT.sum()), color=ORANGE, linestyle="--")
    open_dot(axes, 0, 0, ORANGE)
    open_dot(axes, 0, 1, ORANGE)
    axes.annotate("g'(0) undefined", xy=(0, 1), xytext=(-3.8, 2.2), fontsize=SMALL, color=ORANGE,
                  arrowprops={"arrowstyle": "->", "color": ORANGE})


# Name, how to draw it, the y range shown. Where g and g' are both 0, the dashed g' is drawn over g.
PANELS = [("tanh", tanh, (-1.2, 1.2)),
          ("step", step, (-0.3, 1.2)),
          ("logistic sigmoid", logistic, (-0.3, 1.2)),
          ("ReLU", relu, (-0.5, 4.2))]


def activations() -> bytes:
    figure = new_figure(height=4.6)
    grid = figure.subplots(2, 2)
    for axes, (name, draw, ylim) in zip(grid.flat, PANELS):
        axes.axhline(0, color="#bbbbbb", linewidth=0.8, zorder=0)
        axes.axvline(0, color="#bbbbbb", linewidth=0.8, zorder=0)
        draw(axes)
        axes.set_title(name)
        axes.set_xlim(-4, 4)
        axes.set_ylim(*ylim)
        axes.set_xticks([-4, -2, 0, 2, 4])
    for axes in grid[1]:
        axes.set_xlabel("z")
    handles, labels = grid[0, 0].get_legend_handles_labels()
    figure.legend(handles, labels, loc="outside upper center", ncols=2, frameon=False)
    return svg_bytes(figure, "Four activation functions g(z) and their slopes g'(z): tanh, the step, the logistic "
                             "sigmoid and ReLU")
