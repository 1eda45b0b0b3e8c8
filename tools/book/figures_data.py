"""Reading the generated JSON for the figures: a key that is missing is reported with the file and the
place it was looked for, in one line, instead of a KeyError deep inside a plotting call.
"""

import json
from pathlib import Path

import numpy as np


class FigureDataError(Exception):
    """The generated data lack something a figure needs; the message names the file and the key."""


class Document:
    """A JSON object or array from a generated file that knows where it came from, e.g.
    `ch03-sweep.json: configurations[2]`, so that a missing key can be named."""

    def __init__(self, value, where: str) -> None:
        self.value, self.where = value, where

    def __getitem__(self, key):
        if isinstance(self.value, dict):
            if key not in self.value:
                raise FigureDataError(f"{self.where} has no key '{key}'")
            return wrap(self.value[key], f"{self.where}.{key}" if ":" in self.where else f"{self.where}: {key}")
        if not isinstance(key, int) or not -len(self.value) <= key < len(self.value):
            raise FigureDataError(f"{self.where} has no item {key!r} (it has {len(self.value)})")
        return wrap(self.value[key], f"{self.where}[{key}]")

    def __len__(self) -> int:
        return len(self.value)

    def __iter__(self):
        return (self[i] for i in range(len(self.value))) if isinstance(self.value, list) else iter(self.value)

    def array(self, key) -> np.ndarray:
        """The value under `key` as a float array (e.g. a surface's [row][col] outputs)."""
        item = self[key]
        return np.asarray(item.value if isinstance(item, Document) else item, dtype=float)


def wrap(value, where: str):
    return Document(value, where) if isinstance(value, (dict, list)) else value


def read(folder: Path, name: str) -> Document:
    """A generated JSON file, by name, from the folder generate.sh writes."""
    path = folder / name
    if not path.is_file():
        raise FigureDataError(f"{name} is missing from {folder} (tools/book/generate.sh writes it)")
    return Document(json.loads(path.read_text(encoding="utf-8")), name)


# The truth tables the figures mark, row by row for (x1, x2) = 00, 01, 10, 11.
INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))
TARGETS = {"and": (0, 0, 0, 1), "or": (0, 1, 1, 1), "xor": (0, 1, 1, 0), "nand": (1, 1, 1, 0)}


def targets(gate: str) -> tuple[int, ...]:
    if gate.lower() not in TARGETS:
        raise FigureDataError(f"no truth table for gate '{gate}' (known: {', '.join(TARGETS)})")
    return TARGETS[gate.lower()]


def corners(grid: np.ndarray) -> list[float]:
    """A [row][col] surface's values at the truth table's inputs 00, 01, 10, 11: row x2, column x1, and
    the grid's last row and column are exactly 1."""
    last = grid.shape[-1] - 1
    return [float(grid[x2 * last, x1 * last]) for x1, x2 in INPUTS]


def input_labels(points, near) -> list[tuple[float, float, str]]:
    """The truth-table inputs ("01") as labels at their points, one label for inputs whose points are near each
    other ("01, 10"), so that labels do not print over each other. `points` are the four inputs' (x, y), in
    INPUTS' order; `near(a, b)` says whether two points share a label."""
    labels: list[tuple[float, float, str]] = []
    for (x1, x2), point in zip(INPUTS, points):
        shared = next((k for k, (x, y, _) in enumerate(labels) if near((x, y), point)), None)
        if shared is None:
            labels.append((point[0], point[1], f"{x1}{x2}"))
        else:
            x, y, text = labels[shared]
            labels[shared] = (x, y, f"{text}, {x1}{x2}")
    return labels
