"""Draws the book's figures as SVG from the chapters' --json output, with the standard library alone.

usage: python3 tools/book/figures.py GENERATED_DIR

  loss-curves.svg  the loss on the four truth-table rows after each epoch (truth_table_loss_history):
                   chapter 1 (no activation) against chapter 2 (tanh), same seed, and the linear floor, which
                   bounds exactly this loss (a random batch's training loss can dip below it)
  sweep-rates.svg  the chapter 3 sweep: the share of networks that learned the gate, per configuration
  heat-maps.svg    chapter 1's and chapter 2's trained networks over the unit square (book-surface's JSON),
                   side by side, with the four truth-table points and what the network outputs there
  heat-map-ch01.svg  chapter 1's alone, for its own page
"""

import json
import math
import sys
from pathlib import Path

WIDTH, HEIGHT = 560, 320
LEFT, RIGHT, TOP, BOTTOM = 60, 20, 30, 50  # margins around the plot area
GREY, BLUE, RED = "#888888", "#1f77b4", "#d62728"


def svg(elements: list[str], title: str, width: int = WIDTH, height: int = HEIGHT) -> str:
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f"<title>{title}</title>",
        f'<rect width="{width}" height="{height}" fill="white"/>',
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


# Viridis at five stops, from dark purple (the lowest output drawn) to yellow (the highest). The scale runs
# from min(0, lowest output) to max(1, highest output) over all panels: it always spans AND's 0 and 1, and
# it never clips, so a plane's colour changes at one rate across the whole square, however low it dips.
VIRIDIS = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]


def colour(value: float, low: float, high: float) -> str:
    t = (value - low) / (high - low) * (len(VIRIDIS) - 1)
    i = min(max(int(t), 0), len(VIRIDIS) - 2)
    f = t - i
    r, g, b = (round(a + (c - a) * f) for a, c in zip(VIRIDIS[i], VIRIDIS[i + 1]))
    return f"#{r:02x}{g:02x}{b:02x}"


def colour_scale(panels: list[tuple[str, dict]]) -> tuple[float, float]:
    """The outputs' range over all panels, widened to take in 0 and 1."""
    values = [v for _, surface in panels for row in surface["outputs"] for v in row]
    return min(0.0, min(values)), max(1.0, max(values))


def heat_maps(panels: list[tuple[str, dict]]) -> str:
    """One square panel per network: its output at every grid point, x1 to the right and x2 up."""
    side, gap, left, top = 220, 70, 50, 56
    width = max(left + len(panels) * side + (len(panels) - 1) * gap + 90, 480)  # the colour bar, the caption
    height = top + side + 70
    low, high = colour_scale(panels)
    elements = []
    for p, (label, surface) in enumerate(panels):
        n = surface["resolution"]
        outputs = surface["outputs"]  # outputs[j][i] at x1 = i / (n - 1), x2 = j / (n - 1)
        x0 = left + p * (side + gap)
        cell = side / n
        elements.append(text(x0 + side / 2, top - 32, label, extra=' font-weight="bold"'))
        for j in range(n):
            for i in range(n):
                elements.append(f'<rect x="{x0 + i * cell:.1f}" y="{top + side - (j + 1) * cell:.1f}" '
                                f'width="{cell + 0.4:.1f}" height="{cell + 0.4:.1f}" fill="{colour(outputs[j][i], low, high)}"/>')
        for x1 in (0, 1):
            for x2 in (0, 1):
                value = outputs[x2 * (n - 1)][x1 * (n - 1)]
                cx, cy = x0 + cell / 2 + x1 * (side - cell), top + side - cell / 2 - x2 * (side - cell)
                elements.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{"white" if x1 and x2 else "black"}" '
                                f'stroke="{RED}" stroke-width="2"/>')
                dx, anchor = (8, "start") if x1 == 0 else (-8, "end")
                dy = -10 if x2 == 1 else 18
                elements.append(text(cx + dx, cy + dy, f"{value:.2f}", anchor=anchor,
                                     extra=' fill="white" stroke="black" stroke-width="3" paint-order="stroke"'))
        elements.append(text(x0 + side / 2, top + side + 36, "x1"))
        elements.append(text(x0 - 14, top + side / 2, "x2"))
    bar_x = left + len(panels) * side + (len(panels) - 1) * gap + 24
    for k in range(50):
        elements.append(f'<rect x="{bar_x}" y="{top + side - (k + 1) * side / 50:.1f}" width="16" '
                        f'height="{side / 50 + 0.4:.1f}" fill="{colour(low + (high - low) * k / 49, low, high)}"/>')
    ticks = [0, 0.5, 1] + [end for end in (low, high) if min(abs(end - t) for t in (0, 0.5, 1)) > 0.08 * (high - low)]
    for value in ticks:
        y = top + side - (value - low) / (high - low) * side
        elements.append(text(bar_x + 22, y + 4, f"{value:g}" if value in (0, 0.5, 1) else f"{value:.2f}", anchor="start"))
    elements.append(text(width / 2, height - 12,
                         "output over the unit square; circles: the truth table (white: target 1)"))
    return svg(elements, "Each network's output over the unit square, no activation against tanh", width, height)


def main() -> None:
    out = Path(sys.argv[1])
    read = lambda name: json.loads((out / name).read_text(encoding="utf-8"))
    (out / "loss-curves.svg").write_text(loss_curves(read("ch01-linear.json"), read("ch02-tanh.json")), encoding="utf-8")
    (out / "sweep-rates.svg").write_text(sweep_rates(read("ch03-sweep.json")), encoding="utf-8")
    panels = [("chapter 1: no activation", read("ch01-linear-surface.json")),
              ("chapter 2: tanh", read("ch02-tanh-surface.json"))]
    (out / "heat-maps.svg").write_text(heat_maps(panels), encoding="utf-8")
    (out / "heat-map-ch01.svg").write_text(heat_maps(panels[:1]), encoding="utf-8")


if __name__ == "__main__":
    main()
