"""Draws the book's figures as SVG from the chapters' --json output, with the standard library alone.

usage: python3 tools/book/figures.py GENERATED_DIR

  loss-curves.svg  the loss on the four truth-table rows after each epoch (truth_table_loss_history):
                   chapter 1 (no activation) against chapter 2 (tanh), same seed, and the linear floor, which
                   bounds exactly this loss (a random batch's training loss can dip below it)
  sweep-rates.svg  the chapter 3 sweep: the share of networks that learned the gate, per configuration
"""

import json
import math
import sys
from pathlib import Path

WIDTH, HEIGHT = 560, 320
LEFT, RIGHT, TOP, BOTTOM = 60, 20, 30, 50  # margins around the plot area
GREY, BLUE, RED = "#888888", "#1f77b4", "#d62728"


def svg(elements: list[str], title: str) -> str:
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">',
        f"<title>{title}</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
        *elements,
        "</svg>",
        "",
    ])


def text(x: float, y: float, s: str, anchor: str = "middle", extra: str = "") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{extra}>{s}</text>'


def line(x1: float, y1: float, x2: float, y2: float, stroke: str, extra: str = "") -> str:
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}"{extra}/>'


def y_axis(top_value: float, ticks: int, label: str, fmt) -> list[str]:
    """A left axis from 0 to top_value with horizontal grid lines; returns its elements."""
    elements = [text(16, TOP + (HEIGHT - TOP - BOTTOM) / 2, label, extra=f' transform="rotate(-90 16 {TOP + (HEIGHT - TOP - BOTTOM) / 2:.1f})"')]
    for i in range(ticks + 1):
        value = top_value * i / ticks
        y = HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * i / ticks
        elements.append(line(LEFT, y, WIDTH - RIGHT, y, "#dddddd"))
        elements.append(text(LEFT - 6, y + 4, fmt(value), anchor="end"))
    return elements


def loss_curves(ch01: dict, ch02: dict) -> str:
    curves = [("chapter 1: no activation", ch01["truth_table_loss_history"], GREY),
              ("chapter 2: tanh", ch02["truth_table_loss_history"], BLUE)]
    floor = ch01["linear"]["l1_floor"]
    epochs = len(curves[0][1])
    step = 0.05  # grid lines every 0.05, with a free one on top for the legend
    top = step * (math.ceil(max(max(max(h) for _, h, _ in curves), floor) / step) + 1)
    x = lambda epoch: LEFT + (WIDTH - LEFT - RIGHT) * (epoch - 1) / max(epochs - 1, 1)
    y = lambda loss: HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * loss / top

    elements = y_axis(top, round(top / step), "mean L1 loss on the truth table", lambda v: f"{v:.2f}")
    for epoch in range(1, epochs + 1):
        elements.append(text(x(epoch), HEIGHT - BOTTOM + 16, str(epoch)))
    elements.append(text(LEFT + (WIDTH - LEFT - RIGHT) / 2, HEIGHT - 12, "epoch"))
    elements.append(line(LEFT, y(floor), WIDTH - RIGHT, y(floor), RED, ' stroke-dasharray="6 4"'))
    elements.append(text(WIDTH - RIGHT, y(floor) + 16, f"linear floor {floor:.4f}", anchor="end", extra=f' fill="{RED}"'))
    for i, (label, history, colour) in enumerate(curves):
        points = " ".join(f"{x(e + 1):.1f},{y(v):.1f}" for e, v in enumerate(history))
        elements.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        legend_x, legend_y = WIDTH - RIGHT - 190, TOP + 4 + 16 * i
        elements.append(line(legend_x, legend_y - 4, legend_x + 24, legend_y - 4, colour, ' stroke-width="2"'))
        elements.append(text(legend_x + 30, legend_y, label, anchor="start"))
    return svg(elements, "Loss on the truth table per epoch, no activation against tanh, same seed")


def sweep_rates(sweep: dict) -> str:
    configurations = sweep["configurations"]
    slot = (WIDTH - LEFT - RIGHT) / len(configurations)
    elements = y_axis(100, 4, "networks that learned (%)", lambda v: f"{v:.0f}")
    for i, c in enumerate(configurations):
        rate = 100 * c["learned"] / c["networks"]
        height = (HEIGHT - TOP - BOTTOM) * rate / 100
        left = LEFT + slot * i + slot * 0.2
        colour = GREY if c["activation"] == "none" else BLUE
        elements.append(f'<rect x="{left:.1f}" y="{HEIGHT - BOTTOM - height:.1f}" width="{slot * 0.6:.1f}" '
                        f'height="{height:.1f}" fill="{colour}"/>')
        elements.append(text(left + slot * 0.3, HEIGHT - BOTTOM - height - 6, f"{rate:.1f}%"))
        layers = ",".join(str(n) for n in c["layers"])
        elements.append(text(left + slot * 0.3, HEIGHT - BOTTOM + 16, f"{layers} {c['activation']}"))
    networks = configurations[0]["networks"]
    elements.append(text(LEFT + (WIDTH - LEFT - RIGHT) / 2, HEIGHT - 12,
                         f"layers and activation, {networks} networks each, gate {configurations[0]['gate'].upper()}"))
    return svg(elements, "Share of networks that learned the gate, per configuration")


def main() -> None:
    out = Path(sys.argv[1])
    read = lambda name: json.loads((out / name).read_text(encoding="utf-8"))
    (out / "loss-curves.svg").write_text(loss_curves(read("ch01-linear.json"), read("ch02-tanh.json")), encoding="utf-8")
    (out / "sweep-rates.svg").write_text(sweep_rates(read("ch03-sweep.json")), encoding="utf-8")


if __name__ == "__main__":
    main()
