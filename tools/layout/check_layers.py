"""Checks that each folder of src/ includes only what its layer may use, so the folders keep showing the layers.

usage: python3 tools/layout/check_layers.py [SRC_DIR]   (default: src/ beside tools/)

Prints one line per forbidden #include, as FILE:LINE: the header and why, and exits 1 if there is any:
  * src/nn/, the teachable core: its own headers, the standard library but not its I/O, xtensor, and Thrust's
    random engine; no command-line, JSON, file or report code, and nothing from the folders below;
  * src/thrust_trainer/, the Thrust trainer: the core, its own headers, Thrust, CUDA, OpenMP and the
    system's memory query; nothing from src/program/, and no command-line, JSON, file or stream code;
  * src/program/ may use everything, and so may src/web/, the chapter programs built for the pages.

and that each layer names its code by its own namespace, so that a listing shows which lines are the network:
  * src/nn/ opens only `namespace nn`, src/thrust_trainer/ only `nn::batched` (and its backends,
    `nn::batched::NAME`), src/program/ and src/web/ only `program` (an unnamed namespace is always allowed);
  * the core names nothing of `nn::batched::` or `program::`, and the trainer nothing of `program::`.
"""

import re
import sys
from pathlib import Path

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SOURCES = {".hpp", ".cpp", ".inl", ".cu"}
NAMESPACE = re.compile(r"^\s*namespace\s+([\w:]+)\s*\{")
# The namespaces each layer may open, and the ones above it whose names it may not use.
OPENS = {"nn": re.compile(r"^nn$"), "thrust_trainer": re.compile(r"^nn::batched(::\w+)?$"),
         "program": re.compile(r"^program$"), "web": re.compile(r"^(program|nn::batched::\w+)$")}
ABOVE = {"nn": re.compile(r"\b(nn::batched|program)::"), "thrust_trainer": re.compile(r"\bprogram::")}

# Headers that bring command lines, JSON, files or streams.
PLUMBING = re.compile(r"^(CLI/|nlohmann/|iostream$|fstream$|ostream$|istream$|sstream$|cstdio$|stdio\.h$|"
                      r"filesystem$|print$)")
# The operating system's interfaces: the trainer asks it for free memory; the core never needs it.
SYSTEM = re.compile(r"^(sys/|fcntl\.h$|unistd\.h$)")


def problem(layer: str, header: str) -> str | None:
    """Why `layer` may not include `header`, or None when it may."""
    if header.startswith("program/") and layer not in ("program", "web"):
        return "the programs' plumbing is above this layer"
    if header.startswith("thrust_trainer/") and layer == "nn":
        return "the Thrust trainer is above the core"
    if layer in ("nn", "thrust_trainer") and PLUMBING.match(header):
        return "command-line, JSON, file and stream code belongs in src/program/"
    if layer == "nn" and SYSTEM.match(header):
        return "the core does arithmetic on arrays; it does not call the operating system"
    if layer == "nn" and header.startswith(("thrust/", "cuda", "omp")) and not header.startswith("thrust/random"):
        return "the core takes only Thrust's random engine; the rest of Thrust is the trainer's"
    return None


def check(src: Path) -> list[str]:
    problems = []
    for path in sorted(src.rglob("*")):
        if path.suffix not in SOURCES:
            continue
        layer = path.relative_to(src).parts[0]
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = INCLUDE.match(line)
            if match and (why := problem(layer, match.group(2))):
                problems.append(f"{path}:{number}: {match.group(2)}: {why}")
            opened = NAMESPACE.match(line)
            if opened and layer in OPENS and not OPENS[layer].match(opened.group(1)):
                problems.append(f"{path}:{number}: namespace {opened.group(1)}: src/{layer}/ names its code "
                                f"{OPENS[layer].pattern.strip('^$')}")
            code = line.split("//")[0]
            if layer in ABOVE and (used := ABOVE[layer].search(code)):
                problems.append(f"{path}:{number}: {used.group(0)}: a layer above src/{layer}/")
    return problems


def main() -> int:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "src"
    if not (src / "nn").is_dir():
        print(f"check_layers: {src}/nn is not a folder", file=sys.stderr)
        return 2
    problems = check(src)
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
