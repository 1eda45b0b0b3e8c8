"""The grader, graded: it runs tools/exercises/grade.py on the starters, the solutions and students made
from them, and checks the scores an instructor relies on.

usage: python3 tools/exercises/grade_test.py BUILD_DIR   (the grader's build folder, reused by every case)
"""

import json
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GRADER = ROOT / "tools/exercises/grade.py"
EXERCISES = json.loads((ROOT / "exercises/exercises.json").read_text(encoding="utf-8"))["exercises"]
FULL_MARKS = sum(e["points"] for e in EXERCISES)
BUILD = Path()  # from the command line


class Grader(unittest.TestCase):
    def setUp(self) -> None:
        self.scratch = Path(tempfile.mkdtemp(prefix="grade-test-"))
        self.addCleanup(shutil.rmtree, self.scratch)

    def student(self, base: str) -> Path:
        """A student folder that starts as a copy of exercises/BASE."""
        folder = self.scratch / "student"
        shutil.copytree(ROOT / "exercises" / base, folder)
        return folder

    def grade(self, student: Path, *extra: str) -> tuple[int, dict, str]:
        results = self.scratch / "results.json"
        done = subprocess.run([sys.executable, str(GRADER), str(student), "--build-dir", str(BUILD),
                               "--results", str(results), *extra], capture_output=True, text=True)
        report = json.loads(results.read_text(encoding="utf-8")) if results.is_file() else {}
        return done.returncode, report, done.stdout + done.stderr

    @staticmethod
    def points(report: dict) -> dict[str, float]:
        """Points per exercise id, summed over its tests in the results.json."""
        totals: dict[str, float] = {}
        for test in report["tests"]:
            exercise = test["name"].split(" ")[0]
            totals[exercise] = totals.get(exercise, 0.0) + test["score"]
        return totals

    def test_starters_score_zero_and_say_what_to_do(self) -> None:
        code, report, output = self.grade(ROOT / "exercises/starter")
        self.assertEqual(code, 0, output)
        self.assertEqual(report["score"], 0, output)
        for e in EXERCISES:
            self.assertIn(f"TODO(student) exercise {e['id']}:", output)
        for test in report["tests"]:
            self.assertIn("TODO(student) exercise", test["output"], test["name"])

    def test_solutions_score_full_marks(self) -> None:
        code, report, output = self.grade(ROOT / "exercises/solution")
        self.assertEqual(code, 0, output)
        self.assertAlmostEqual(report["score"], FULL_MARKS, places=3, msg=output)
        self.assertTrue(all(t["status"] == "passed" and t["score"] == t["max_score"] for t in report["tests"]))
        self.assertAlmostEqual(sum(t["max_score"] for t in report["tests"]), FULL_MARKS, places=3)

    def test_a_starter_with_one_exercise_solved_scores_exactly_that_one(self) -> None:
        student = self.student("starter")
        shutil.copy(ROOT / "exercises/solution/collapse.cpp", student / "collapse.cpp")
        code, report, output = self.grade(student)
        self.assertEqual(code, 0, output)
        points = self.points(report)
        self.assertAlmostEqual(points["1.1"], 10.0, msg=output)
        self.assertAlmostEqual(report["score"], 10.0, msg=output)

    def test_crashes_hangs_and_compile_errors_cost_only_their_own_exercise(self) -> None:
        student = self.student("solution")
        self.edit(student / "sigmoid.cpp", "  return 1.0f / (1.0f + std::exp(-z));", "  __builtin_trap();")
        self.edit(student / "xor_settings.cpp", "  settings.layers = {2, 5, 1};",
                  "  for (volatile int spin = 0;; spin = spin + 1) {\n  }")
        self.edit(student / "floor_check.cpp", "total += error", "total += error;;;; !")
        # a compiler error whose message carries bytes that are not UTF-8
        softplus = student / "relu_softplus.cpp"
        softplus.write_bytes(softplus.read_bytes().replace(
            b"  return z > 0.0f ? z : 0.0f;", b'  static_assert(sizeof(z) == 1, "\xff\xfe");\n  return z > 0.0f ? z : 0.0f;', 1))
        code, report, output = self.grade(student, "--timeout", "10")
        self.assertEqual(code, 0, output)
        points = self.points(report)
        for broken in ("2.1", "2.2", "2.3", "3.1"):
            self.assertEqual(points[broken], 0.0, output)
        self.assertAlmostEqual(report["score"], FULL_MARKS - 40.0, places=3, msg=output)
        self.assertIn("2.2 did not compile", output)
        self.assertIn("2.1 crashed", output)
        crashed = next(t for t in report["tests"] if t["name"].startswith("2.1"))
        self.assertNotRegex(crashed["output"], r"\(\d+ ms", "timings would make two gradings of one submission differ")
        self.assertIn("2.3 did not finish within 10 s", output)
        self.assertIn("3.1 did not compile", output)

    def test_hidden_tests_count_towards_the_grade(self) -> None:
        hidden = self.scratch / "hidden"
        hidden.mkdir()
        (hidden / "sigmoid_hidden_test.cpp").write_text(
            '#include <gtest/gtest.h>\n#include "exercises/sigmoid.hpp"\n'
            "TEST(SigmoidHidden, ExpectsAWrongValue) { EXPECT_EQ(exercises::sigmoid(0.0f), 0.25f); }\n",
            encoding="utf-8")
        code, report, output = self.grade(ROOT / "exercises/solution", "--hidden-tests", str(hidden))
        self.assertEqual(code, 0, output)
        self.assertAlmostEqual(self.points(report)["2.1"], 8.0, msg=output)  # 4 of its 5 tests

    def test_forged_grades_score_zero_for_their_exercise_only(self) -> None:
        student = self.student("solution")
        # 1.1: a main() of its own, outside the regions, which would run instead of the tests
        with (student / "collapse.cpp").open("a", encoding="utf-8") as file:
            file.write("\nint main() { return 0; }\n")
        # 1.2: the reference solution included from inside a region
        self.edit(student / "least_squares.cpp", "  const auto [t00, t01, t10, t11] = targets;",
                  '#include "../solution/least_squares.cpp"\n  const auto [t00, t01, t10, t11] = targets;')
        # 2.2: an exit handler, from which a program can rewrite its own report after the tests ran
        self.edit(student / "relu_softplus.cpp", "  return z > 0.0f ? z : 0.0f;",
                  "  const int forged = std::atexit([] {});\n  (void)forged;\n  return z > 0.0f ? z : 0.0f;")
        # 2.1: a hidden test that skips; skipped is not passed
        hidden = self.scratch / "hidden"
        hidden.mkdir()
        (hidden / "sigmoid_hidden_test.cpp").write_text(
            "#include <gtest/gtest.h>\nTEST(SigmoidHidden, Skips) { GTEST_SKIP() << \"not today\"; }\n",
            encoding="utf-8")
        code, report, output = self.grade(student, "--hidden-tests", str(hidden))
        self.assertEqual(code, 0, output)
        points = self.points(report)
        for forged in ("1.1", "1.2", "2.2"):
            self.assertEqual(points[forged], 0.0, output)
        self.assertAlmostEqual(points["2.1"], 8.0, msg=output)  # 4 of its 5 tests
        self.assertAlmostEqual(report["score"], FULL_MARKS - 32.0, places=3, msg=output)
        self.assertIn("1.1 adds or removes lines outside its TODO(student) regions", output)
        self.assertIn("1.2 uses `#` in a TODO(student) region", output)
        self.assertIn("2.2 uses `atexit` in a TODO(student) region", output)
        skipped = next(t for t in report["tests"] if t["name"].endswith("SigmoidHidden.Skips"))
        self.assertEqual((skipped["status"], skipped["visibility"]), ("failed", "after_published"))
        self.assertIn("skipped", skipped["output"])
        public = [t for t in report["tests"] if t["name"].startswith("2.1") and "Hidden" not in t["name"]]
        self.assertTrue(public and all(t["visibility"] == "visible" for t in public))

    def test_an_exercise_that_compiles_too_long_scores_zero(self) -> None:
        student = self.student("solution")
        # Each constant makes g++ evaluate loops until its operation limit: seconds each, minutes in all.
        spin = ("  constexpr auto spin = [](long k) { long n = 0; for (long i = 0; i < 200000; ++i) "
                "for (long j = 0; j < 200000; ++j) n += i ^ j ^ k; return n; };\n"
                + "".join(f"  constexpr long spun{k} = spin({k});\n  (void)spun{k};\n" for k in range(40)))
        self.edit(student / "xor_settings.cpp", "  settings.layers = {2, 5, 1};", spin + "  settings.layers = {2, 5, 1};")
        code, report, output = self.grade(student, "--build-timeout", "15")
        self.assertEqual(code, 0, output)
        self.assertEqual(self.points(report)["2.3"], 0.0, output)
        self.assertIn("2.3 did not compile within 15 s (--build-timeout)", output)
        self.assertAlmostEqual(report["score"], FULL_MARKS - 10.0, places=3, msg=output)

    def test_bad_options_are_one_line_and_status_2(self) -> None:
        student = self.student("starter")
        misspelt = self.scratch / "misspelt"
        misspelt.mkdir()
        (misspelt / "sigmod_hidden_test.cpp").write_text("", encoding="utf-8")
        semicolon = self.scratch / "stu;dent"
        shutil.copytree(student, semicolon)
        cases = [([str(student), "--timeout", "abc"], "--timeout"),
                 ([str(student), "--build-timeout", "0"], "--build-timeout must be a positive number"),
                 ([str(student), "--results", str(self.scratch)], "is a folder; name the file to write"),
                 ([str(student), "--build-dir", str(student / "sigmoid.cpp")], "exists and is not a folder"),
                 ([str(student), "--hidden-tests", str(misspelt)], "sigmod_hidden_test.cpp is not named NAME_*.cpp"),
                 ([str(semicolon)], "has a ';' in its path"),
                 ([str(student), "extra"], "unrecognized arguments: extra")]
        for arguments, message in cases:
            done = subprocess.run([sys.executable, str(GRADER), *arguments], capture_output=True, text=True)
            self.assertEqual(done.returncode, 2, (arguments, done.stderr))
            self.assertEqual(done.stdout, "", arguments)
            self.assertEqual(len(done.stderr.splitlines()), 1, (arguments, done.stderr))
            self.assertIn(message, done.stderr, arguments)

    def test_a_missing_student_folder_is_bad_input(self) -> None:
        code, report, output = self.grade(self.scratch / "nobody")
        self.assertEqual(code, 2, output)
        self.assertIn("no student folder at", output)
        self.assertEqual(report, {})

    def test_a_student_folder_lacking_a_file_is_bad_input(self) -> None:
        student = self.student("starter")
        (student / "sigmoid.cpp").unlink()
        code, report, output = self.grade(student)
        self.assertEqual(code, 2, output)
        self.assertIn("lacks sigmoid.cpp", output)
        self.assertEqual(report, {})

    def edit(self, path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        self.assertIn(old, text)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: grade_test.py BUILD_DIR", file=sys.stderr)
        sys.exit(2)
    BUILD = Path(sys.argv[1]).resolve()
    unittest.main(argv=sys.argv[:1])
