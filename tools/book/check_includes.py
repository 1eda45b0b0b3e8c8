"""Checks what mdBook is quiet about: it leaves a broken include as text or an empty block, and says little.

usage: python3 tools/book/check_includes.py [--src DOCS_DIR] [--html BUILT_BOOK_DIR]

Prints one line per problem and exits 1 if there is any:
  * an {{#include FILE}} or {{#include FILE:ANCHOR}} whose FILE does not exist (paths relative to the page);
  * an ANCHOR that FILE lacks, or that has no ANCHOR_END, or nothing but markers between the two;
  * in every included file, any ANCHOR without its ANCHOR_END (or the reverse);
  * a SUMMARY.md entry whose page does not exist;
  * with --html, any "{{#" left in the built pages, apart from includes a page escapes on purpose (\\{{#...}}).
"""

import argparse
import os
import re
import sys
from pathlib import Path

INCLUDE = re.compile(r"(\\)?\{\{\s*#(include|rustdoc_include)\s+([^}\s]+)\s*\}\}")
MARKER = re.compile(r"ANCHOR(_END)?:\s*([\w-]+)")
SUMMARY_LINK = re.compile(r"\]\(([^)]*)\)")


def read_anchors(path: Path) -> tuple[dict[str, list[str]], list[str]]:
    """The anchored regions of a file (name -> lines between its markers, markers dropped) and its unmatched markers."""
    regions: dict[str, list[str]] = {}
    open_regions: dict[str, int] = {}
    problems = []
    for number, text in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        match = MARKER.search(text)
        if match is None:
            for name in open_regions:
                regions[name].append(text)
        elif match.group(1) is None:
            open_regions[match.group(2)] = number
            regions[match.group(2)] = []
        elif open_regions.pop(match.group(2), None) is None:
            problems.append(f"{path}:{number}: ANCHOR_END: {match.group(2)} without its ANCHOR")
    problems += [f"{path}:{number}: ANCHOR: {name} without its ANCHOR_END" for name, number in open_regions.items()]
    complete = {name: lines for name, lines in regions.items() if name not in open_regions}
    return complete, problems


def check_pages(src: Path) -> tuple[list[str], set[str]]:
    """Problems in the pages' includes, and the include texts the pages escape on purpose."""
    problems, escaped = [], set()
    checked_files: set[Path] = set()
    for page in sorted(src.rglob("*.md")):
        for number, text in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            for match in INCLUDE.finditer(text):
                if match.group(1):
                    escaped.add(match.group(0)[1:])
                    continue
                where = f"{page}:{number}"
                file_part, _, selector = match.group(3).partition(":")
                target = Path(os.path.normpath(page.parent / file_part))
                if not target.is_file():
                    problems.append(f"{where}: included file {file_part} does not exist")
                    continue
                regions, unmatched = read_anchors(target)
                if target.resolve() not in checked_files:
                    checked_files.add(target.resolve())
                    problems += unmatched
                anchor = selector.split(":")[0]
                if anchor == "" or anchor.isdigit():
                    continue  # the whole file, or a line range
                if anchor not in regions:
                    problems.append(f"{where}: anchor {anchor} is missing from {file_part}")
                elif not any(line.strip() for line in regions[anchor]):
                    problems.append(f"{where}: anchor {anchor} in {file_part} is empty")
    return problems, escaped


def check_summary(src: Path) -> list[str]:
    summary = src / "SUMMARY.md"
    if not summary.is_file():
        return [f"{summary}: missing"]
    problems = []
    for number, text in enumerate(summary.read_text(encoding="utf-8").splitlines(), start=1):
        for link in SUMMARY_LINK.findall(text):
            page = link.split("#")[0]
            if page and not (src / page).is_file():  # an empty link is a draft chapter
                problems.append(f"{summary}:{number}: entry {link} has no file")
    return problems


def check_html(html: Path, escaped: set[str]) -> list[str]:
    problems = []
    pages = sorted(html.rglob("*.html"))
    if not pages:
        problems.append(f"{html}: no HTML pages found")
    for page in pages:
        text = page.read_text(encoding="utf-8", errors="replace")
        for match in re.finditer(r"\{\{#[^}\n]*\}?\}?", text):
            if match.group(0) not in escaped:
                line = text.count("\n", 0, match.start()) + 1
                problems.append(f"{page}:{line}: left unexpanded: {match.group(0)[:80]}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=Path(__file__).resolve().parents[2] / "docs")
    parser.add_argument("--html", type=Path, help="the built book, to search for unexpanded includes")
    args = parser.parse_args()

    problems, escaped = check_pages(args.src)
    problems += check_summary(args.src)
    if args.html is not None:
        problems += check_html(args.html, escaped)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
