"""An mdBook preprocessor (book.toml's [preprocessor.math]): every formula of every page, inline ($...$) and
display ($$...$$), goes to Markdown with its punctuation backslash-escaped, so that it reaches KaTeX in the
browser exactly as the page wrote it. Without it Markdown would take \\{ and \\, as escapes, * and _ as
emphasis, and turn the ' of g'(z) into a curly quote. It runs after mdBook's includes, so a formula that a
generated file brings in is covered too.

mdBook runs `python3 tools/book/math_preprocessor.py supports RENDERER` (any renderer: yes), then passes
[context, book] as JSON on standard input and reads the book back from standard output.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_math import escape_math  # noqa: E402


def escape_chapters(items: list) -> None:
    for item in items:
        chapter = item.get("Chapter") if isinstance(item, dict) else None  # not "Separator" or a "PartTitle"
        if chapter:
            chapter["content"] = escape_math(chapter["content"])
            escape_chapters(chapter["sub_items"])


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "supports":
        return 0
    _context, book = json.load(sys.stdin)
    escape_chapters(book["items"])
    json.dump(book, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
