"""Chapter 2's demo network, 2 -> 1 -> 1 with tanh, taken apart on the four truth-table rows from its weights
file: the hidden unit's sum z and output h, the output unit's sum u and output y. The introduction's dimmer
and chapter 2's "What the hidden unit does" quote these numbers (prose_numbers.py), and the claims check holds
them to the program's own outputs (check_claims.py).

The weights file is what the chapters write with --save-weights: {"layers": [{"weight": [[...]], "bias":
[...]}, ...]}, weights out x in. Python's tanh stands in for the library's rational_tanh here; they differ by
less than 4.11e-7, far below the two decimals the book prints, and the claims check confirms y against the
program's predictions.
"""

import math
from dataclasses import dataclass

ROWS = ((0, 0), (0, 1), (1, 0), (1, 1))  # the truth table's order, as the programs print it


@dataclass
class Row:
    z: float  # the hidden unit's sum w1 x1 + w2 x2 + b
    h: float  # tanh(z)
    u: float  # the output unit's sum v h + c
    y: float  # tanh(u), the network's output


@dataclass
class TwoUnitNetwork:
    w1: float
    w2: float
    b: float
    v: float
    c: float

    @classmethod
    def from_weights(cls, weights: dict) -> "TwoUnitNetwork":
        hidden, output = weights["layers"]
        if len(hidden["weight"]) != 1 or len(hidden["weight"][0]) != 2 or len(output["weight"]) != 1:
            raise ValueError("expected a 2,1,1 network's weights")
        (w1, w2), = hidden["weight"]
        (v,), = output["weight"]
        return cls(w1, w2, hidden["bias"][0], v, output["bias"][0])

    def row(self, x1: int, x2: int) -> Row:
        z = self.w1 * x1 + self.w2 * x2 + self.b
        h = math.tanh(z)
        u = self.v * h + self.c
        return Row(z, h, u, math.tanh(u))

    def rows(self) -> list[Row]:
        return [self.row(x1, x2) for x1, x2 in ROWS]


def signed(value: float) -> str:
    """' + 5.54' or ' - 3.19', for writing a sum term by term."""
    return f" {'-' if value < 0 else '+'} {abs(value):.2f}"


def hidden_sum_math(net: TwoUnitNetwork) -> str:
    """The hidden unit's sum as inline math, two decimals: $z = -3.11\\,x_1 - 3.19\\,x_2 + 5.54$."""
    return f"$z = {net.w1:.2f}\\,x_1{signed(net.w2)}\\,x_2{signed(net.b)}$"


def output_sum_math(net: TwoUnitNetwork) -> str:
    """The output unit as inline math: $y = \\tanh(-1.69\\,h + 1.67)$."""
    return f"$y = \\tanh({net.v:.2f}\\,h{signed(net.c)})$"


def tanh_layers(weights: dict, x: tuple[float, ...]) -> list[tuple[list[float], list[float]]]:
    """Any tanh network's sums and outputs, layer by layer, at one input: [(z, a), ...], first layer first.
    Chapter 2's XOR picture checks its claim about the hidden layer with it."""
    a = list(x)
    values = []
    for layer in weights["layers"]:
        z = [sum(w * v for w, v in zip(row, a)) + b for row, b in zip(layer["weight"], layer["bias"])]
        a = [math.tanh(s) for s in z]
        values.append((z, a))
    return values
