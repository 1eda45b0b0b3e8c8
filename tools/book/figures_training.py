"""loss-curves.svg: the loss on the four truth-table rows after each epoch (truth_table_loss_history),
chapter 1 (no activation) against chapter 2 (tanh), same seed, with the linear floor, which bounds exactly
this loss (a random batch's training loss can dip below it)."""

import numpy as np

from figures_style import BLUE, GREY, RED, SMALL, new_figure, svg_bytes


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
