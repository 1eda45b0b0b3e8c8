"""How the book's figures look and how they are written: one font, sizes that stay readable on a phone, a
few colours, and SVG that is the same, byte for byte, whenever the data are the same.

The phone rule (tools/book/figures_test.py checks it on every figure): every text is at least 9 CSS px tall
when the figure is shown 350 px wide, and at least 11 px at its natural size. A figure is WIDTH inches wide,
so the smallest font, SMALL points, is SMALL * 350 / (WIDTH * 72) px on a phone.
"""

import io

import matplotlib

matplotlib.use("Agg")  # no window: the figures are files

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402  (after the backend is chosen)
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Text  # noqa: E402

WIDTH = 5.0  # inches; 360 SVG units, 480 CSS px at natural size
SMALL, NORMAL, LARGE = 10.5, 11.5, 12.5  # points: tick labels and notes, labels, panel titles

# Colours: grey for the network without an activation, blue for tanh (as chapter 1 and 2 are drawn), orange
# for a second series, red for marks on top of a heat map, and the truth table's two targets.
GREY, BLUE, ORANGE, RED = "#7f7f7f", "#1f77b4", "#ff7f0e", "#d62728"
TARGET_COLOURS = {0: "#222222", 1: "#ffffff"}  # a truth-table point's fill: black for target 0, white for 1

matplotlib.rcParams.update({
    "svg.fonttype": "none",  # text stays text: searchable, and its size is in the file
    "svg.hashsalt": "nn-book",  # fixed ids for clip paths and images, so the same data give the same bytes
    "font.family": "DejaVu Sans",  # matplotlib ships it, so the layout is the same on every machine
    "font.size": NORMAL,
    "axes.titlesize": LARGE,
    "axes.labelsize": NORMAL,
    "xtick.labelsize": SMALL,
    "ytick.labelsize": SMALL,
    "legend.fontsize": SMALL,
    "legend.title_fontsize": SMALL,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "grid.color": "#dddddd",
    "lines.linewidth": 2.0,
    "image.cmap": "viridis",
})


def new_figure(height: float, width: float = WIDTH) -> Figure:
    """A blank figure of the book's width (inches), laid out by matplotlib's constrained layout."""
    return Figure(figsize=(width, height), layout="constrained")


def texts_outside(figure: Figure) -> list[str]:
    """The texts of the figure that reach past its edges, where the SVG cuts them off: a label wider than the
    figure, an annotation at its border. Measured as matplotlib lays the figure out (the same fonts as the SVG)."""
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    width, height = canvas.get_width_height()
    # An axis keeps labels for ticks beyond its limits too, and draws only those within them (and none when it
    # is switched off).
    tick_labels, drawn = set(), set()
    for axes in figure.axes:
        for axis in (axes.xaxis, axes.yaxis):
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                tick_labels |= {tick.label1, tick.label2}
            if axes.axison and axis.get_visible():
                for tick in axis._update_ticks():  # the ticks it draws
                    drawn |= {tick.label1, tick.label2}
    outside = []
    for text in figure.findobj(Text):
        if not text.get_visible() or not text.get_text().strip() or (text in tick_labels and text not in drawn):
            continue
        box = text.get_window_extent(renderer)
        if box.x0 < -1 or box.y0 < -1 or box.x1 > width + 1 or box.y1 > height + 1:  # 1 px of rounding
            outside.append(" ".join(text.get_text().split()))
    return outside


def svg_bytes(figure: Figure, title: str) -> bytes:
    """The figure as SVG; `title` is its description for screen readers and the file's metadata. A text cut off
    at the figure's edge fails here, naming the text, rather than in a reader's browser."""
    outside = texts_outside(figure)
    if outside:
        raise ValueError(f"figure '{title}': text cut off at the figure's edge: {'; '.join(outside)}")
    buffer = io.BytesIO()
    # No date in the metadata: it would change the bytes at every build.
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Title": title})
    return buffer.getvalue()


def two_decimals(value: float) -> str:
    """A value as the figures write it: 2 decimals, and 0.00 rather than -0.00."""
    text = f"{value:.2f}"
    return "0.00" if text == "-0.00" else text
