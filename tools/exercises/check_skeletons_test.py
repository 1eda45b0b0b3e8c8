"""Proves that tools/exercises/check_skeletons.py fails when a starter drifts from its solution outside the
marked regions, when the markers do not pair up, and when a starter would not say what to do; and that it
passes the real exercises.

usage: python3 tools/exercises/check_skeletons_test.py   (exit status 0 when every case behaves)
"""

import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECKER = ROOT / "tools/exercises/check_skeletons.py"


class CheckSkeletons(unittest.TestCase):
    def setUp(self) -> None:
        self.copy = Path(tempfile.mkdtemp(prefix="check-skeletons-"))
        self.addCleanup(shutil.rmtree, self.copy)
        for variant in ("starter", "solution"):
            shutil.copytree(ROOT / "exercises" / variant, self.copy / variant)

    def check(self) -> tuple[int, str]:
        result = subprocess.run([sys.executable, str(CHECKER), "--starter", str(self.copy / "starter"),
                                 "--solution", str(self.copy / "solution")], capture_output=True, text=True)
        return result.returncode, result.stdout + result.stderr

    def edit(self, variant: str, name: str, old: str, new: str) -> None:
        path = self.copy / variant / name
        text = path.read_text(encoding="utf-8")
        self.assertIn(old, text)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def assert_fails_with(self, message: str) -> None:
        code, output = self.check()
        self.assertEqual(code, 1, output)
        self.assertIn(message, output)

    def test_passes_the_real_exercises(self) -> None:
        code, output = self.check()
        self.assertEqual(code, 0, output)

    def test_fails_when_a_starter_drifts_outside_its_regions(self) -> None:
        self.edit("starter", "sigmoid.cpp", "float sigmoid_derivative(float z) {", "float sigmoid_derivative(float x) {")
        self.assert_fails_with("sigmoid.cpp: starter line")

    def test_fails_when_a_solution_drifts_outside_its_regions(self) -> None:
        self.edit("solution", "collapse.cpp", "#include \"exercises/todo.hpp\"\n", "")
        self.assert_fails_with("collapse.cpp: starter line")

    def test_changes_inside_a_region_are_allowed(self) -> None:
        self.edit("starter", "sigmoid.cpp", "  (void)z;\n", "  (void)z;  // the student's own comment\n  (void)z;\n")
        code, output = self.check()
        self.assertEqual(code, 0, output)

    def test_fails_when_a_region_never_ends(self) -> None:
        self.edit("starter", "least_squares.cpp", "  // TODO(student) END\n", "")
        self.assert_fails_with("least_squares.cpp: a region never ends")

    def test_fails_when_a_starter_would_not_say_what_to_do(self) -> None:
        self.edit("starter", "sweep_summary.cpp", 'todo("3.2",', 'exercises::todo("other",')
        self.assert_fails_with('never calls todo("3.2"')


if __name__ == "__main__":
    unittest.main()
