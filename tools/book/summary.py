"""The pages of the book: the Markdown files SUMMARY.md links to, in reading order (e.g. "reference/api.md").
The browser test opens them, the claims check reads them."""

import re
from pathlib import Path


def summary_pages(docs: Path) -> list[str]:
    summary = (docs / "SUMMARY.md").read_text(encoding="utf-8")
    return re.findall(r"\]\(([^)]+\.md)\)", summary)
