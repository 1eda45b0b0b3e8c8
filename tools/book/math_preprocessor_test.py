"""math_preprocessor.py in a real mdBook build: each formula of a small book, inline and display, written as
plain TeX with the characters Markdown would eat, reaches the HTML exactly as written, a formula that an
include brings in too; code keeps its dollars and backslashes; and without the preprocessor the same page
loses them, so the test can fail.

usage: python3 tools/book/math_preprocessor_test.py   (needs mdbook on PATH)
"""

import html
import re
import subprocess
import tempfile
import unittest
from pathlib import Path

PREPROCESSOR = Path(__file__).resolve().parent / "math_preprocessor.py"
EATEN = [  # each loses something to Markdown when written into a page as it is
    r"$g'(z) = 1 - \tanh^2(z)$",  # ' becomes a curly quote
    r"$z = -3.11\,x_1 - 3.19\,x_2$",  # \, becomes ,
    r"$\{0, 1\}$",  # \{ becomes {
    r"$a*b*c$",  # *b* becomes emphasis
    "$$\n\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}\n$$",  # \\ becomes \
]
FORMULAS = EATEN + [r"$x_1 + y_1$", r"$a \le b < c$"]  # and two that Markdown leaves alone anyway
PAGE = ("# Math\n\n" + "\n\n".join(FORMULAS) + "\n\nIncluded: {{#include formula.txt}}\n\n"
        "Code: `${HOME}\\,` and\n\n```sh\necho \"$x $y\" \\\\\n```\n")
INCLUDED = r"$y = \tanh(-1.69\,h + 1.67)$"


def build(with_preprocessor: bool) -> str:
    """The text of the built page's <main>, entities decoded."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "src").mkdir()
        (root / "src/SUMMARY.md").write_text("# Summary\n\n- [Math](math.md)\n", encoding="utf-8")
        (root / "src/math.md").write_text(PAGE, encoding="utf-8")
        (root / "src/formula.txt").write_text(INCLUDED, encoding="utf-8")
        config = '[book]\ntitle = "math"\n'
        if with_preprocessor:
            config += f'[preprocessor.math]\ncommand = "python3 {PREPROCESSOR}"\nafter = ["links"]\n'
        (root / "book.toml").write_text(config, encoding="utf-8")
        subprocess.run(["mdbook", "build", str(root)], check=True, capture_output=True)
        page = (root / "book/math.html").read_text(encoding="utf-8")
    main = re.search(r"<main>(.*)</main>", page, flags=re.S)[1]
    return html.unescape(main)


class MathReachesKatexAsWritten(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.with_preprocessor, cls.without = build(True), build(False)

    def test_every_formula_arrives_as_written(self) -> None:
        for formula in FORMULAS + [INCLUDED]:
            with self.subTest(formula=formula):
                self.assertIn(formula, self.with_preprocessor)

    def test_code_is_left_alone(self) -> None:
        self.assertIn("<code>${HOME}\\,</code>", self.with_preprocessor)
        self.assertIn('echo "$x $y" \\\\', self.with_preprocessor)

    def test_without_it_markdown_changes_them(self) -> None:
        kept = [formula for formula in EATEN + [INCLUDED] if formula in self.without]
        self.assertEqual(kept, [], "Markdown no longer changes these: the preprocessor may not be needed")

if __name__ == "__main__":
    unittest.main()
