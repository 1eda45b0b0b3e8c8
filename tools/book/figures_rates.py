"""Rates over many networks, each with its Wilson 95% interval as an error bar (the sweep computes the
intervals: learned_rate_interval and rounds_correctly_rate_interval, [low, high] fractions).

  sweep-rates.svg  the chapter 3 sweep: per configuration, the share that learned and the share whose four
                   outputs all round right
  lr-epochs.svg    the share of tanh 2,5,5,1 networks that learned, against the learning rate, one line per
                   number of epochs
"""

import numpy as np

from figures_style import BLUE, SMALL, new_figure, svg_bytes

LEARNED = "learned (all rows round right and mean L1 < 0.05)"
ROUNDS = "rounds correctly on all four rows"
LIGHT_BLUE = "#9ecae1"
# More epochs, darker (viridis from yellow-green to purple), and a marker each, for readers who see no colour.
EPOCH_STYLES = [("#7ad151", "o"), ("#22a884", "s"), ("#2a788e", "^"), ("#440154", "D")]


def percent_and_error(count: int, networks: int, interval) -> tuple[float, list[float]]:
    """A count as a percentage, and its interval as matplotlib's (below, above) error bar lengths."""
    rate = 100 * count / networks
    low, high = (100 * value for value in interval)
    return rate, [rate - low, high - rate]


def sweep_rates(sweep) -> bytes:
    configurations = list(sweep["configurations"])
    gates = sorted({c["gate"] for c in configurations})
    labels = [f"{','.join(str(n) for n in c['layers'].value)} {c['activation']}"
              + (f" {c['gate'].upper()}" if len(gates) > 1 else "") for c in configurations]
    series = [(LEARNED, "learned", "learned_rate_interval", BLUE),
              (ROUNDS, "rounds_correctly", "rounds_correctly_rate_interval", LIGHT_BLUE)]
    figure = new_figure(height=1.6 + 0.75 * len(configurations))
    axes = figure.subplots()
    bar = 0.38
    rows = np.arange(len(configurations))
    for k, (label, count_key, interval_key, colour) in enumerate(series):
        rates, errors = [], []
        for c in configurations:
            rate, error = percent_and_error(c[count_key], c["networks"], c[interval_key].value)
            rates.append(rate)
            errors.append(error)
        y = rows + (k - 0.5) * bar
        axes.barh(y, rates, height=bar, color=colour, label=label, xerr=np.array(errors).T,
                  error_kw={"ecolor": "#333333", "capsize": 3, "elinewidth": 1.2})
        for yy, rate, error in zip(y, rates, errors):
            axes.text(rate + error[1] + 1.5, yy, f"{rate:.1f}%", va="center", fontsize=SMALL)
    axes.set_yticks(rows, labels)
    axes.invert_yaxis()  # the first configuration on top, as the sweep lists them
    axes.set_xlim(0, 118)
    axes.set_xticks([0, 25, 50, 75, 100])
    axes.grid(axis="x")
    axes.set_axisbelow(True)
    networks = {c["networks"] for c in configurations}
    count = networks.pop() if len(networks) == 1 else "n"
    gate = f", gate {gates[0].upper()}" if len(gates) == 1 else ""
    axes.set_xlabel("share of the networks (%)")
    figure.legend(loc="outside upper left", frameon=False, title=f"{count} networks each{gate}, 95% intervals",
                  alignment="left")
    return svg_bytes(figure, "Share of networks that learned the gate and that round correctly, per configuration, "
                             "with 95% intervals")


def lr_epochs(sweeps: list) -> bytes:
    """sweeps: sweep JSONs, each one configuration per learning rate, all trained for the epochs in its settings."""
    figure = new_figure(height=3.6)
    axes = figure.subplots()
    by_epochs = sorted(((sweep["settings"]["epochs"], sweep) for sweep in sweeps), key=lambda pair: pair[0])
    for (colour, marker), (epochs, sweep) in zip(EPOCH_STYLES, by_epochs):
        configurations = sorted(sweep["configurations"], key=lambda c: c["lr"])
        rates, errors = [], []
        for c in configurations:
            rate, error = percent_and_error(c["learned"], c["networks"], c["learned_rate_interval"].value)
            rates.append(rate)
            errors.append(error)
        axes.errorbar([c["lr"] for c in configurations], rates, yerr=np.array(errors).T, color=colour,
                      marker=marker, markersize=6, capsize=3, label=f"{epochs} epochs")
    c = sweeps[0]["configurations"][0]
    layers = ",".join(str(n) for n in c["layers"].value)
    axes.set_xscale("log")
    rates_tried = sorted({c["lr"] for sweep in sweeps for c in sweep["configurations"]})
    axes.set_xticks(rates_tried, [f"{lr:g}" for lr in rates_tried])
    axes.minorticks_off()
    axes.set_xlabel("learning rate")
    axes.set_ylabel(f"learned {c['gate'].upper()} (%)")
    axes.set_ylim(0, 105)
    axes.grid(axis="y")
    axes.set_title(f"{c['networks']} {c['activation']} {layers} networks per point, 95% intervals",
                   fontsize=SMALL)
    axes.legend(frameon=False, loc="best")
    return svg_bytes(figure, "Share of tanh networks that learned, against the learning rate, per number of epochs")
