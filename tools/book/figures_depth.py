"""Chapter 5's figures, from ch05-depth's --json and book-regions':

  ch05-gradients.svg        at initialisation, 8 hidden layers of 16 units: the median norm of the loss's
                            gradient for each layer's weights, layer by layer, one line per activation (log
                            scale), with PyTorch's starting weights and with the rule matched to the activation
  ch05-learned-vs-depth.svg the share of the networks that learned against the number of hidden layers, one line
                            per activation, with 95% intervals: PyTorch's rule, the matched rule, and the matched
                            rule with the output squashed as in the demo
  ch05-regions.svg          trained ReLU networks' flat pieces over the unit square at 1, 2, 4 and 8 hidden layers of
                            8 units (seed 0), with the 0.5 line of each one's output, and the median number of
                            pieces against depth for 4, 8 and 16 units
"""

import math

import numpy as np
from matplotlib.ticker import FuncFormatter, LogLocator

from depth_numbers import SUPERSCRIPT
from figures_data import FigureDataError
from figures_style import SMALL, new_figure, svg_bytes

# The chapter's five, in the order the page discusses them, with a marker each for readers who see no colour.
DEPTH_ACTIVATIONS = [("sigmoid", "#d62728", "o"), ("tanh", "#ff7f0e", "s"), ("relu", "#1f77b4", "^"),
                     ("leaky-relu", "#17becf", "v"), ("gelu", "#2ca02c", "D")]
# Every other activation in the gradient figure, in grey shades: present, but not the story.
OTHER_STYLES = {"none": ("#000000", "x"), "elu": ("#7f7f7f", "<"), "softplus": ("#9467bd", ">"),
                "sin": ("#8c564b", "P")}


def rows_of(document, **match):
    rows = [c for c in document["configurations"] if all(c[key] == value for key, value in match.items())]
    if not rows:
        raise FigureDataError(f"{document.where}: configurations: no row with {match}")
    return rows


def power_label(value: float, _position=None) -> str:
    """10⁻⁷ in plain text: matplotlib's math superscripts print at two thirds of the size, too small on a phone."""
    return "10" + str(round(math.log10(value))).translate(SUPERSCRIPT) if value > 0 else ""


def gradients(document) -> bytes:
    figure = new_figure(height=4.6)
    panels = figure.subplots(1, 2, sharey=True)
    inits = [("PyTorch's rule", lambda c: c["init"] == "pytorch"), ("matched rule", lambda c: c["init"] != "pytorch")]
    styles = {name: (colour, marker) for name, colour, marker in DEPTH_ACTIVATIONS} | OTHER_STYLES
    for axes, (title, chosen) in zip(panels, inits):
        for c in document["configurations"]:
            if not chosen(c) or c["activation"] not in styles:
                continue
            colour, marker = styles[c["activation"]]
            norms = c["layer_trace"][0]
            if norms["epoch"] != 0:
                raise FigureDataError(f"{norms.where}: the first trace is not at initialisation")
            values = np.asarray(norms["median_layer_gradient_norms"].value, dtype=float)
            layers = np.arange(1, len(values) + 1)
            axes.semilogy(layers, values, color=colour, marker=marker, markersize=4, linewidth=1.4,
                          label=c["activation"])
        axes.set_title(title, fontsize=SMALL)
        axes.set_xlabel("layer (9: output)")
        axes.set_xticks(range(1, 10))
        axes.yaxis.set_major_locator(LogLocator(base=10, numticks=12))
        axes.yaxis.set_major_formatter(FuncFormatter(power_label))
        axes.grid(axis="y", which="major")
    panels[0].set_ylabel("gradient norm of the layer's weights")
    handles, labels = panels[0].get_legend_handles_labels()
    figure.legend(handles, labels, loc="outside lower center", ncol=4, frameon=False, fontsize=SMALL)
    return svg_bytes(figure, "At initialisation, each layer's gradient norm in networks of 8 hidden layers of 16 "
                             "units, one line per activation, for PyTorch's starting weights and the matched rule")


def learned_vs_depth(linear, squashed) -> bytes:
    figure = new_figure(height=4.4)
    panels = figure.subplots(1, 3, sharey=True)
    setups = [("PyTorch's rule", linear, lambda c: c["init"] == "pytorch"),
              ("matched rule", linear, lambda c: c["init"] != "pytorch"),
              ("matched, squashed", squashed, lambda c: True)]
    for axes, (title, document, chosen) in zip(panels, setups):
        for k, (activation, colour, marker) in enumerate(DEPTH_ACTIVATIONS):
            rows = sorted((c for c in rows_of(document, activation=activation) if chosen(c)),
                          key=lambda c: c["hidden_layers"])
            depths = np.array([c["hidden_layers"] for c in rows], dtype=float) + (k - 2) * 0.08
            rates = np.array([100 * c["learned"] / c["networks"] for c in rows])
            low = np.array([100 * c["learned_rate_interval"][0] for c in rows])
            high = np.array([100 * c["learned_rate_interval"][1] for c in rows])
            axes.errorbar(depths, rates, yerr=[rates - low, high - rates], color=colour, marker=marker,
                          markersize=4, linewidth=1.4, elinewidth=0.8, capsize=2, label=activation)
        axes.set_title(title, fontsize=SMALL)
        axes.set_xlabel("hidden layers")
        axes.set_xticks(sorted({c["hidden_layers"] for c in document["configurations"]}))
        axes.set_ylim(-3, 103)
        axes.grid(axis="y")
    panels[0].set_ylabel("networks that learned (%)")
    handles, labels = panels[0].get_legend_handles_labels()
    figure.legend(handles, labels, loc="outside lower center", ncol=3, frameon=False, fontsize=SMALL)
    return svg_bytes(figure, "The share of the networks that learned the ring against the number of hidden layers, "
                             "per activation, with 95% intervals")


def piece_colours(regions: np.ndarray) -> np.ndarray:
    """Each piece a colour of its own, the same at every build: piece k's hue from a fixed shuffle."""
    count = int(regions.max()) + 1
    shuffle = np.random.default_rng(5).permutation(max(count, 1))
    return (shuffle[regions] % 20) / 19.0


def regions(document) -> bytes:
    maps = list(document["maps"])
    figure = new_figure(height=4.8)
    grid = figure.add_gridspec(2, len(maps))
    for k, m in enumerate(maps):
        axes = figure.add_subplot(grid[0, k])
        axes.imshow(piece_colours(m.array("regions").astype(int)), origin="lower", extent=(0, 1, 0, 1),
                    cmap="tab20", vmin=0, vmax=1, interpolation="nearest")
        outputs = m.array("outputs")
        if outputs.min() < 0.5 < outputs.max():  # the boundary the network drew between the classes
            axes.contour(outputs, levels=[0.5], colors="#000000", linewidths=1.2, origin="lower", extent=(0, 1, 0, 1))
        axes.set_title(f"{m['hidden_layers']} x {m['width']}: {m['count']}", fontsize=SMALL)
        axes.set_xticks([])
        axes.set_yticks([])
    axes = figure.add_subplot(grid[1, :])
    widths = sorted({c["width"] for c in document["counts"]})
    for width, (colour, marker) in zip(widths, [("#9ecae1", "o"), ("#3182bd", "s"), ("#08306b", "^")]):
        rows = sorted((c for c in document["counts"] if c["width"] == width), key=lambda c: c["hidden_layers"])
        axes.plot([c["hidden_layers"] for c in rows], [c["median"] for c in rows], color=colour, marker=marker,
                  label=f"{width} units a layer")
    axes.set_xlabel("hidden layers")
    axes.set_ylabel("pieces (median)")
    axes.set_xticks(sorted({c["hidden_layers"] for c in document["counts"]}))
    axes.legend(frameon=False, fontsize=SMALL)
    axes.grid(axis="y")
    return svg_bytes(figure, "Trained ReLU networks' flat pieces over the unit square: four networks of 8 units a "
                             "layer with their 0.5 lines, and the median count against depth for three widths")
