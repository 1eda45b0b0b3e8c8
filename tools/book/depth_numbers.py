"""Writes the numbers chapter 5's prose quotes, one small file each, from ch05-depth's and book-regions' --json
(generate.sh runs them): counts with their intervals, gradient ratios, dead and stalled shares, piece counts.

usage: python3 tools/book/depth_numbers.py GENERATED_DIR
"""

import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from prose_numbers import interval_percent, write  # noqa: E402

ACTIVATIONS = ["sigmoid", "tanh", "relu", "leaky-relu", "gelu"]
SUPERSCRIPT = str.maketrans("-0123456789", "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


def depth_row(document: dict, activation: str, init: str, hidden_layers: int) -> dict:
    """The row of ch05-depth's --json for one activation, rule ("matched" for the activation's own) and depth;
    the claims check finds rows the same way."""
    matched = init == "matched"
    return next(c for c in document["configurations"]
                if c["activation"] == activation and c["hidden_layers"] == hidden_layers
                and ((c["init"] != "pytorch") if matched else (c["init"] == init)))


def learned_text(c: dict) -> str:
    """'17 of 32 (53.1%, 95% interval 36.4% to 69.2%)', rounded as the program's table rounds it."""
    low, high = interval_percent(c["learned_rate_interval"])
    return f"{c['learned']} of {c['networks']} ({100.0 * c['learned'] / c['networks']:.1f}%, 95% interval {low} to {high})"


def power_of_ten(value: float) -> str:
    """1.6e-05 as '1.6 × 10⁻⁵' (two significant figures), for a ratio spanning many powers of ten; from 0.01 up
    to 10, plainly: '0.31'."""
    if value == 0:
        return "0"
    if 0.01 <= abs(value) < 10:
        return f"{value:.2g}"
    exponent = math.floor(math.log10(abs(value)))
    mantissa = value / 10 ** exponent
    if round(mantissa, 1) >= 10:
        mantissa, exponent = mantissa / 10, exponent + 1
    return f"{mantissa:.1f} × 10{str(exponent).translate(SUPERSCRIPT)}"


def main() -> int:
    out = Path(sys.argv[1])
    depth = json.loads((out / "ch05-depth.json").read_text(encoding="utf-8"))
    squashed = json.loads((out / "ch05-depth-squashed.json").read_text(encoding="utf-8"))
    gradients = json.loads((out / "ch05-gradients.json").read_text(encoding="utf-8"))
    pieces = json.loads((out / "ch05-regions.json").read_text(encoding="utf-8"))

    settings = depth["settings"]
    depths = sorted({c["hidden_layers"] for c in depth["configurations"]})
    write(out, "ch05-networks.txt", str(depth["configurations"][0]["networks"]))
    write(out, "ch05-width.txt", str(settings["width"]))
    write(out, "ch05-depths.txt", ", ".join(str(d) for d in depths[:-1]) + f" and {depths[-1]}")
    write(out, "ch05-deepest.txt", str(depths[-1]))
    write(out, "ch05-dataset.txt", settings["dataset"] if "dataset" in settings else "ring")
    write(out, "ch05-training.txt", f"{settings['epochs']} epochs of {settings['batches_per_epoch']} full-batch Adam "
                                    f"steps at a learning rate of {settings['lr']:g}")
    for activation in ACTIVATIONS:
        for init in ("pytorch", "matched"):
            for hidden in (depths[0], depths[-1]):
                c = depth_row(depth, activation, init, hidden)
                stem = f"ch05-{activation}-{init}-{hidden}"
                write(out, f"{stem}-learned.txt", learned_text(c))
                write(out, f"{stem}-ratio.txt", power_of_ten(c["median_first_to_last_hidden_gradient_ratio_at_start"]))
                write(out, f"{stem}-dead.txt", f"{100 * c['dead_unit_share']:.0f}%")
                write(out, f"{stem}-stalled.txt", f"{100 * c['median_hidden_stalled_share_at_end']:.0f}%")
        for hidden in (depths[0], depths[-1]):
            write(out, f"ch05-{activation}-squashed-{hidden}-learned.txt",
                  learned_text(depth_row(squashed, activation, "matched", hidden)))
    for activation in ("none", "sigmoid", "tanh", "relu", "leaky-relu", "gelu", "step"):
        for init in ("pytorch", "matched"):
            c = depth_row(gradients, activation, init, 8)
            write(out, f"ch05-gradients-{activation}-{init}-ratio.txt",
                  power_of_ten(c["median_first_to_last_hidden_gradient_ratio_at_start"]))
    write(out, "ch05-gradients-width.txt", str(gradients["settings"]["width"]))
    write(out, "ch05-gradients-networks.txt", str(gradients["configurations"][0]["networks"]))
    for c in pieces["counts"]:
        write(out, f"ch05-pieces-{c['hidden_layers']}x{c['width']}.txt", f"{c['median']:g}")
    write(out, "ch05-pieces-seeds.txt", str(len(pieces["counts"][0]["per_seed"])))
    write(out, "ch05-pieces-resolution.txt", str(pieces["resolution"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
