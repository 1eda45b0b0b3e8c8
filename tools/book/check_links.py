"""The link check: Debian's linkchecker crawls the served book, and fails on any broken link or missing
anchor (`#name` with no such id on the page), links into the API reference included. Of the reference's
pages only the main page is crawled in turn (linkcheckerrc says why).

usage: python3 tools/book/check_links.py SITE_DIR

External links are not followed (CI has no internet, and a remote page going down is not a broken book);
linkchecker reports them as skipped. Warnings count as failures: a missing anchor is only a warning to
linkchecker, and it is exactly what goes wrong when a heading is renamed.
"""

import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve import serve  # noqa: E402

CONFIG = Path(__file__).resolve().parent / "linkcheckerrc"


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: check_links.py SITE_DIR", file=sys.stderr)
        return 2
    linkchecker = shutil.which("linkchecker")
    if linkchecker is None:
        print("check_links: linkchecker is missing (apt-get install linkchecker)", file=sys.stderr)
        return 1
    with serve(Path(sys.argv[1])) as root_url:
        # It prints only what is wrong (--no-status: no progress lines), then the totals.
        checked = subprocess.run([linkchecker, "--config", str(CONFIG), "--no-status", "-o", "text", root_url],
                                 check=False)
    print("links: every link and anchor resolved" if checked.returncode == 0 else "links: broken links above")
    return checked.returncode


if __name__ == "__main__":
    sys.exit(main())
