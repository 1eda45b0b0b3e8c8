"""Loss curves: a network's loss after each epoch, one line per network.

  loss-curves.svg      the loss on the four truth-table rows after each epoch (truth_table_loss_history),
                       chapter 1 (no activation) against chapter 2 (tanh), same seed, with the linear floor,
                       which bounds exactly this loss (a random batch's training loss can dip below it)
  ch04-step-vs-tanh.svg  chapter 2 on one point set with the step and with tanh, same seed and settings: the
                       training loss of each epoch (loss_history); the step's never moves, as its slope is 0
                       wherever it has one, so every gradient is 0
"""

import numpy as np

from figures_data import FigureDataError
from figures_style import BLUE, GREY, ORANGE, RED, SMALL, new_figure, svg_bytes


def loss_curves(ch01, ch02) -> bytes:
    figure = new_figure(height=3.4)
    axes = figure.subplots()
    floor = ch01["linear"]["l1_floor"]
    for label, run, colour in (("chapter 1: no activation", ch01, GREY), ("chapter 2: tanh", ch02, BLUE)):
        history = run.array("truth_table_loss_history")
        axes.plot(np.arange(1, len(history) + 1), history, color=colour, marker="o", markersize=4, label=label)
    axes.axhline(floor, color=RED, linestyle="--", linewidth=1.5)
    epochs = len(ch01["truth_table_loss_history"])
    axes.annotate(f"linear floor {floor:.4f}", xy=(epochs, floor), xytext=(0, -4), textcoords="offset points",
                  ha="right", va="top", color=RED, fontsize=SMALL)
    axes.set_xlabel("epoch")
    axes.set_ylabel("mean L1 loss on the truth table")
    axes.set_xticks(range(1, epochs + 1, max(1, epochs // 10)))
    axes.set_ylim(bottom=0)
    axes.grid(axis="y")
    axes.legend(loc="upper right", frameon=False)
    return svg_bytes(figure, "Loss on the truth table per epoch, no activation against tanh, same seed")


def same_training(step, tanh) -> None:
    """The two runs must differ in their activation alone, or the figure would compare more than the step."""
    # Where each saved its weights differs, and says nothing about the training.
    a, b = ({k: v for k, v in run["settings"].value.items() if k != "save_weights"} for run in (step, tanh))
    if (a.pop("activation"), b.pop("activation")) != ("step", "tanh"):
        raise FigureDataError(f"{step.where} and {tanh.where}: expected the step's run and tanh's")
    if a != b:
        differing = sorted(key for key in a.keys() | b.keys() if a.get(key) != b.get(key))
        raise FigureDataError(f"{step.where} and {tanh.where}: settings differ in {', '.join(differing)}")


def step_vs_tanh(step, tanh) -> bytes:
    same_training(step, tanh)
    figure = new_figure(height=3.2)
    axes = figure.subplots()
    for label, run, colour, style in (("step", step, ORANGE, "-"), ("tanh", tanh, BLUE, "-")):
        history = run.array("loss_history")
        line = axes.plot(np.arange(1, len(history) + 1), history, color=colour, linestyle=style, label=label)[0]
        line.set_gid(f"loss-{label}")
    epochs = len(step["loss_history"])
    flat = step["loss_history"][-1]
    axes.annotate(f"step: {flat:.4f} at every epoch", xy=(epochs, flat), xytext=(0, -5), textcoords="offset points",
                  ha="right", va="top", color=ORANGE, fontsize=SMALL)
    axes.set_xlabel("epoch")
    loss = {"mse": "mean squared error", "l1": "mean L1 loss"}[step["settings"]["loss"]]
    axes.set_ylabel(f"{loss}\non the training points")
    axes.set_xlim(0, epochs + 1)
    axes.set_ylim(bottom=0, top=max(0.55, 1.1 * max(step.array("loss_history").max(), tanh.array("loss_history").max())))
    axes.grid(axis="y")
    axes.legend(loc="center right", frameon=False)
    dataset = step["settings"]["dataset"]
    return svg_bytes(figure, f"Training loss per epoch on the {dataset} with the step and with tanh, same seed and "
                             "settings: the step's loss never moves")
