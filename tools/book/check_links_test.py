"""Proves that tools/book/check_links.py fails on a broken link and on a missing anchor, and passes a sound
site, so that a clean link check of the real book means something.

usage: python3 tools/book/check_links_test.py   (exit status 0 when every case behaves)
"""

import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

CHECKER = Path(__file__).resolve().parent / "check_links.py"
PAGE = '<!DOCTYPE html><html><head><title>{title}</title></head><body>{body}</body></html>'


class CheckLinks(unittest.TestCase):
    def setUp(self) -> None:
        self.site = Path(tempfile.mkdtemp(prefix="check-links-"))
        self.addCleanup(shutil.rmtree, self.site)
        self.write("chapter.html", '<h2 id="run-it">Run it</h2>')

    def write(self, name: str, body: str) -> None:
        (self.site / name).parent.mkdir(parents=True, exist_ok=True)
        (self.site / name).write_text(PAGE.format(title=name, body=body), encoding="utf-8")

    def check(self, index_body: str) -> tuple[int, str]:
        self.write("index.html", index_body)
        result = subprocess.run([sys.executable, str(CHECKER), str(self.site)], capture_output=True, text=True)
        return result.returncode, result.stdout + result.stderr

    def test_passes_a_sound_site(self) -> None:
        code, output = self.check('<a href="chapter.html#run-it">Run it</a>')
        self.assertEqual(code, 0, output)

    def test_fails_on_a_missing_page(self) -> None:
        code, output = self.check('<a href="renamed.html">Chapter</a>')
        self.assertNotEqual(code, 0, output)
        self.assertIn("renamed.html", output)

    def test_fails_on_a_missing_anchor(self) -> None:
        code, output = self.check('<a href="chapter.html#run-this">Run it</a>')
        self.assertNotEqual(code, 0, output)
        self.assertIn("run-this", output)

    def test_fails_on_a_missing_anchor_in_the_api_reference(self) -> None:
        self.write("api/network_8hpp.html", '<h2 id="forward">forward</h2>')
        code, output = self.check('<a href="api/network_8hpp.html#backward">backward</a>')
        self.assertNotEqual(code, 0, output)
        self.assertIn("backward", output)

    def test_fails_on_a_broken_link_on_the_api_references_main_page(self) -> None:
        # The main page's text is ours (docs/api-mainpage.md), so its links are followed like the book's.
        self.write("api/index.html", '<a href="../renamed.html">the book</a>')
        code, output = self.check('<a href="api/index.html">API</a>')
        self.assertNotEqual(code, 0, output)
        self.assertIn("renamed.html", output)


if __name__ == "__main__":
    unittest.main()
