"""Proves that tools/book/check_includes.py fails on each problem it is for, and passes a sound book.

usage: python3 tools/book/check_includes_test.py   (exit status 0 when every case behaves)
"""

import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECKER = ROOT / "tools/book/check_includes.py"

SOURCE = """int main() {
  // ANCHOR: body
  return 0;
  // ANCHOR_END: body
}
"""
PAGE = "# Page\n\n```cpp\n{{#include ../chapters/x/main.cpp:body}}\n```\n"


class CheckIncludes(unittest.TestCase):
    def setUp(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="check-includes-"))
        self.addCleanup(shutil.rmtree, self.root)
        self.write("docs/SUMMARY.md", "# Summary\n\n- [Page](page.md)\n")
        self.write("docs/page.md", PAGE)
        self.write("chapters/x/main.cpp", SOURCE)

    def write(self, name: str, text: str) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def check(self, *extra: str) -> tuple[int, str]:
        result = subprocess.run([sys.executable, str(CHECKER), "--src", "docs", *extra], cwd=self.root,
                                capture_output=True, text=True)
        return result.returncode, result.stdout

    def assert_fails_with(self, message: str, *extra: str) -> None:
        code, output = self.check(*extra)
        self.assertEqual(code, 1, output)
        self.assertIn(message, output)

    def test_passes_a_sound_book(self) -> None:
        self.assertEqual(self.check(), (0, ""))

    def test_fails_on_a_missing_include_file(self) -> None:
        self.write("docs/page.md", PAGE.replace("x/main.cpp", "y/main.cpp"))
        self.assert_fails_with("included file ../chapters/y/main.cpp does not exist")

    def test_fails_on_a_missing_anchor(self) -> None:
        self.write("chapters/x/main.cpp", SOURCE.replace("body", "other"))
        self.assert_fails_with("anchor body is missing from ../chapters/x/main.cpp")

    def test_fails_on_an_anchor_without_its_end(self) -> None:
        self.write("chapters/x/main.cpp", SOURCE.replace("  // ANCHOR_END: body\n", ""))
        self.assert_fails_with("ANCHOR: body without its ANCHOR_END")

    def test_fails_on_an_empty_anchor(self) -> None:
        self.write("chapters/x/main.cpp", SOURCE.replace("  return 0;\n", "\n"))
        self.assert_fails_with("anchor body in ../chapters/x/main.cpp is empty")

    def test_fails_on_a_summary_entry_without_its_page(self) -> None:
        self.write("docs/SUMMARY.md", "# Summary\n\n- [Page](page.md)\n- [Gone](gone.md)\n")
        self.assert_fails_with("entry gone.md has no file")

    def test_fails_on_an_include_left_in_the_html(self) -> None:
        self.write("out/page.html", "<pre><code>{{#include ../chapters/x/main.cpp:body}}</code></pre>\n")
        self.assert_fails_with("left unexpanded: {{#include ../chapters/x/main.cpp:body}}", "--html", "out")

    def test_passes_an_include_the_page_escapes_on_purpose(self) -> None:
        self.write("docs/page.md", PAGE + "\n```text\n\\{{#include shown/not/included.txt}}\n```\n")
        self.write("out/page.html", "<pre><code>{{#include shown/not/included.txt}}</code></pre>\n")
        self.assertEqual(self.check("--html", "out"), (0, ""))

    def test_fails_on_the_real_book_when_chapter_1_loses_an_anchor(self) -> None:
        shutil.copytree(ROOT / "docs", self.root / "docs", dirs_exist_ok=True)
        shutil.copytree(ROOT / "chapters", self.root / "chapters", dirs_exist_ok=True)
        source = self.root / "chapters/ch01-linear/main.cpp"
        lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
        source.write_text("".join(l for l in lines if "ANCHOR: train" not in l and "ANCHOR_END: train" not in l),
                          encoding="utf-8")
        self.assert_fails_with("anchor train is missing from ../chapters/ch01-linear/main.cpp")


if __name__ == "__main__":
    unittest.main()
