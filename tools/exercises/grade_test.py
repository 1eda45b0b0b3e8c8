"""The grader, graded: it runs tools/exercises/grade.py on the starters, the solutions and students made
from them, and checks the scores an instructor relies on.

usage: python3 tools/exercises/grade_test.py BUILD_DIR [UNITTEST_OPTION ...]
  BUILD_DIR: the grader's build folder, reused by every case; the options go to unittest, for example
  `-k forged` to run the cases whose names hold "forged" (the solutions are graded first all the same).
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


def worth(exercise_id: str, *tests: str) -> float:
    """The points these tests of an exercise are worth, from exercises.json's weights (1 for a test not
    listed); the solutions' run checks that every listed test exists."""
    exercise = next(e for e in EXERCISES if e["id"] == exercise_id)
    weights = exercise.get("weights", {})
    return exercise["points"] * sum(weights.get(t, 1) for t in tests) / sum(weights.values()) if weights else -1.0


class Grader(unittest.TestCase):
    def setUp(self) -> None:
        self.scratch = Path(tempfile.mkdtemp(prefix="grade-test-"))
        self.addCleanup(shutil.rmtree, self.scratch)

    @staticmethod
    def student(base: str) -> Path:
        """A student folder that starts as a copy of exercises/BASE. It is the same folder for every case with
        that BASE, and a file is rewritten only where its text differs from the last case's, so that the build
        recompiles only the files a case changes (make goes by times, and an unchanged file keeps its time)."""
        folder = BUILD.parent / f"{BUILD.name}-{base}"
        folder.mkdir(parents=True, exist_ok=True)
        wanted = {path.name: path.read_bytes() for path in (ROOT / "exercises" / base).glob("*.cpp")}
        for path in folder.iterdir():
            if path.name not in wanted:
                path.unlink()
        for name, text in wanted.items():
            if not (folder / name).is_file() or (folder / name).read_bytes() != text:
                (folder / name).write_bytes(text)
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

    @classmethod
    def setUpClass(cls) -> None:
        """The solutions, graded first: their grading builds the library and every exercise's tests, which
        the other cases reuse (each of them compiles only the student files it changes)."""
        results = BUILD.parent / f"{BUILD.name}-solutions.json"
        results.unlink(missing_ok=True)
        done = subprocess.run([sys.executable, str(GRADER), str(cls.student("solution")), "--build-dir",
                               str(BUILD), "--results", str(results)], capture_output=True, text=True)
        report = json.loads(results.read_text(encoding="utf-8")) if results.is_file() else {}
        cls.solutions = (done.returncode, report, done.stdout + done.stderr)

    def test_starters_score_zero_and_say_what_to_do(self) -> None:
        code, report, output = self.grade(self.student("starter"))
        self.assertEqual(code, 0, output)
        self.assertEqual(report["score"], 0, output)
        for e in EXERCISES:
            self.assertIn(f"TODO(student) exercise {e['id']}:", output)
        for test in report["tests"]:
            self.assertIn("TODO(student) exercise", test["output"], test["name"])

    def test_solutions_score_full_marks(self) -> None:
        code, report, output = self.solutions
        self.assertEqual(code, 0, output)
        self.assertAlmostEqual(report["score"], FULL_MARKS, places=3, msg=output)
        self.assertTrue(all(t["status"] == "passed" and t["score"] == t["max_score"] for t in report["tests"]))
        self.assertAlmostEqual(sum(t["max_score"] for t in report["tests"]), FULL_MARKS, places=3)
        self.assertIn("full report, every failure of every test:", output)
        for e in EXERCISES:  # a weight for a test that does not exist would silently change the split
            for test in e.get("weights", {}):
                self.assertTrue(any(t["name"] == f"{e['id']} {e['title']}: {test}" for t in report["tests"]),
                                f"exercises.json weighs {test} of {e['id']}, which has no such test")
                # ... and every test of a weighted exercise has its weight written down
            if e.get("weights"):
                ran = [t["name"].split(": ", 1)[1] for t in report["tests"] if t["name"].startswith(e["id"] + " ")]
                self.assertEqual(sorted(ran), sorted(e["weights"]), e["id"])

    def test_near_misses_lose_the_points_of_the_test_that_names_them(self) -> None:
        """Wrong answers a student makes, each in a different exercise of one grading: each loses the points of
        the tests the chapter's exercises section says, with the expected and actual values on the console."""
        student = self.student("solution")
        # 1.2: w1 and w2 swapped
        self.edit(student / "least_squares.cpp", "  return {w1, w2, b};", "  return {w2, w1, b};")
        # 2.1: a sign error in the derivative
        self.edit(student / "sigmoid.cpp", "  return s * (1.0f - s);", "  return -s * (1.0f - s);")
        # 2.2: softplus written as it reads, infinite once e^z overflows
        self.edit(student / "relu_softplus.cpp",
                  "  return z > 0.0f ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));",
                  "  return std::log(1.0f + std::exp(z));")
        # 3.2: the upper of the two middle losses as the median of an even count
        self.edit(student / "sweep_summary.cpp", "  if (n % 2 == 1) middle[1] = middle[0];",
                  "  middle[0] = middle[1 - n % 2];\n  middle[1] = middle[0];")
        # 5.1: dL/da passed down without the layer's weight, which the chains whose weights are all 1 cannot see
        self.edit(student / "chain_gradients.cpp", "    upstream = dz * weights[l];", "    upstream = dz;")
        # 5.2: the variance of U(-a, a) taken as a^2 / 12, which is U(0, a)'s
        self.edit(student / "he_init.cpp", "  return bound * bound / 3.0f;", "  return bound * bound / 12.0f;")
        # 4.2: a debug print, which costs nothing and shows on the console (more than ten lines: the first ten)
        self.insert_after_first_region_start(student / "dead_units.cpp", '  exercises::debug("rows: ", inputs.shape(0));')
        # 4.1: the chain rule's sigmoid written e^z / (1 + e^z), a NaN once e^z overflows; and a debug print for
        # the slope's two largest inputs, 100 and 1e4 (two lines, all shown)
        self.edit(student / "mish.cpp", "  const float sigmoid = 1.0f / (1.0f + std::exp(-z));",
                  "  const float sigmoid = std::exp(z) / (1.0f + std::exp(z));\n"
                  '  if (z >= 100.0f) exercises::debug("far right: ", z);')
        # 1.1: an accumulator never set (the bias added at the end instead of first), which the sanitizers'
        # run may well pass: memcheck's run sees it
        self.edit(student / "collapse.cpp", "    float bias = second.bias(o);", "    float bias;")
        self.edit(student / "collapse.cpp", "    single.bias(o) = bias;", "    single.bias(o) = bias + second.bias(o);")
        code, report, output = self.grade(student)
        self.assertEqual(code, 0, output)
        points = self.points(report)
        lost = {"1.2": worth("1.2", "LeastSquaresFit.GivesW1ToTheFirstInputAndW2ToTheSecond",
                             "LeastSquaresFit.TheErrorsGradientVanishesAtTheFitForAnyTargets"),
                "2.1": worth("2.1", "SigmoidDerivative.MatchesSigmoidTimesOneMinusSigmoidToOnePartInTenThousand",
                             "SigmoidDerivative.PassesTheLibrarysGradientCheckAgainstYourSigmoid"),
                "2.2": worth("2.2", "Softplus.StaysFiniteWhereTheExponentialOverflows"),
                "3.2": worth("3.2", "SummariseSweep.MedianOfAnEvenCountIsTheMeanOfTheTwoMiddleLosses"),
                "5.1": worth("5.1", "SigmoidChainGradients.MatchTheLibrarysForThreeLayers",
                             "SigmoidChainGradients.MatchTheLibrarysForEightLayers"),
                "5.2": worth("5.2", "UniformVariance.IsTheBoundSquaredOverThree",
                             "UniformVariance.MatchesTheVarianceOfManyDraws"),
                "1.1": 10.0, "4.1": 10.0 / 5}  # 4.1's five tests share its points equally
        self.assertEqual(lost, {"1.2": 4.0, "2.1": 5.0, "2.2": 4.0, "3.2": 4.0, "5.1": 4.0, "5.2": 2.0, "1.1": 10.0,
                                "4.1": 2.0}, "the splits the pages state")
        for exercise, points_lost in lost.items():
            self.assertAlmostEqual(points[exercise], 10.0 - points_lost, msg=(exercise, output))
        self.assertAlmostEqual(report["score"], FULL_MARKS - sum(lost.values()), places=3, msg=output)
        for message in ("1.2 failed 2 of 5 tests, 4 of 10 points lost",
                        "expected w1 = 1, w2 = 0, got w1 = 0, w2 = 1: w1 and w2 are swapped",
                        "2.1 failed 2 of 6 tests, 5 of 10 points lost",
                        "sigmoid'(-6) = -0.00246651, expected 0.00246651 (sigmoid(z) (1 - sigmoid(z)), in double)",
                        "every value has the expected size and the wrong sign: a sign error",
                        "exercises::softplus(100.0f) = inf, expected 100.0f = 100",
                        "Which is: 0.3",  # the upper middle, against the expected 0.25
                        "not the upper middle 0.3 nor the lower middle 0.2",
                        "4.2 printed with exercises::debug (first 10 of ", "debug: rows: ",
                        "4.1 failed 1 of 5 tests, 2 of 10 points lost",
                        "4.1 printed with exercises::debug (2 lines):\n"
                        "    debug: far right: 100\n    debug: far right: 10000\n",
                        "5.1 failed 2 of 4 tests, 4 of 10 points lost",
                        "(layer 1 of 3) = ", "(nn::Network::backward): a relative error of",
                        "5.2 failed 2 of 6 tests, 2 of 10 points lost",
                        "expected a^2 / 3 = 3.33333e-07, 0.25 times it",
                        '1.1 reads a value that was never set, so it scores zero: Valgrind\'s memcheck found '
                        '"Conditional jump or move depends on uninitialised value(s)"; the value is a local variable of '
                        "your exercises::collapse_two_layers(nn::Linear const&, nn::Linear const&) (which starts at "
                        "collapse.cpp:14)"):
            self.assertIn(message, output)
        self.assertNotIn("unknown file", json.dumps(report))
        self.assertNotIn("4.2 failed", output)
        self.assertRegex(output, r"4\.2 printed with exercises::debug \(first 10 of (\d\d+) lines\)")
        self.assertRegex(output, r"mish'\(100\) = -?nan, expected about 1 \(finite, within 0\.1\)")  # (x86's NaN: -nan)

    def test_starter_with_near_misses_scores_only_their_tests(self) -> None:
        """A starter with some exercises answered, each a near-miss: the rest still score zero."""
        student = self.student("starter")
        for name in ("sigmoid", "relu_softplus", "collapse", "mish"):
            shutil.copy(ROOT / "exercises/solution" / f"{name}.cpp", student / f"{name}.cpp")
        # 2.1: the slope 0.7% too large
        self.edit(student / "sigmoid.cpp", "  return s * (1.0f - s);", "  return 1.007f * s * (1.0f - s);")
        # 2.2: a one-sided difference for softplus' slope, in place of the formula
        self.edit(student / "relu_softplus.cpp", "  return 1.0f / (1.0f + std::exp(-z));",
                  "  return (softplus(z + 1e-3f) - softplus(z)) / 1e-3f;")
        # 1.1: nn::zero_linear's arguments swapped, so the loops write past the end of its weight
        self.edit(student / "collapse.cpp", "nn::zero_linear(first.in(), second.out())",
                  "nn::zero_linear(second.out(), first.in())")
        # 3.2: the losses copied into a std::vector and sorted on the host, which the task rules out
        self.edit(student / "sweep_summary.cpp",
                  '  todo("3.2", "count the learned networks, sort a copy of the losses for the median, take the largest");',
                  "  std::vector<float> host(final_losses.begin(), final_losses.end());\n"
                  "  for (std::size_t i = 0; i < host.size(); ++i) summary.worst_final_loss = host[i];")
        # 4.1: printf, which the grader refuses, pointing to exercises::debug
        self.edit(student / "mish.cpp", "  return z * std::tanh(softplus);", '  printf("%f", z);\n  return z * std::tanh(softplus);')
        code, report, output = self.grade(student)
        self.assertEqual(code, 0, output)
        points = self.points(report)
        scaled = worth("2.1", "SigmoidDerivative.MatchesSigmoidTimesOneMinusSigmoidToOnePartInTenThousand",
                       "SigmoidDerivative.PassesTheLibrarysGradientCheckAgainstYourSigmoid")
        one_sided = worth("2.2", "SoftplusDerivative.IsOneOverOnePlusEToTheMinusZ")
        self.assertEqual((scaled, one_sided), (5.0, 1.0), "the splits the pages state")
        self.assertAlmostEqual(points["2.1"], 10.0 - scaled, msg=output)
        self.assertAlmostEqual(points["2.2"], 10.0 - one_sided, msg=output)
        for zero in ("1.1", "1.2", "2.3", "3.1", "3.2", "4.1", "4.2", "5.1", "5.2"):
            self.assertEqual(points[zero], 0.0, (zero, output))
        self.assertAlmostEqual(report["score"], 20.0 - scaled - one_sided, places=3, msg=output)
        for message in ("every value is 1.007 times the expected one: a slope scaled by a constant factor",
                        "sigmoid'(-6) = 0.00248377, expected 0.00246651",
                        "softplus'(-6) = ", "as a finite difference's error does",
                        "1.1 makes a memory error, so it scores zero: AddressSanitizer found heap-buffer-overflow",
                        "in your exercises::collapse_two_layers(nn::Linear const&, nn::Linear const&) at collapse.cpp:",
                        "4.1 uses `printf` at mish.cpp:", "in a TODO(student) region", "exercises::debug(",
                        "3.2 uses `std::vector` at sweep_summary.cpp:",
                        ", in a TODO(student) region; 3.2 asks for Thrust algorithms on the device",
                        "TODO(student) exercise 3.1:"):
            self.assertIn(message, output)

    def test_crashes_hangs_compile_errors_and_unset_values_cost_only_their_own_exercise(self) -> None:
        student = self.student("solution")
        self.edit(student / "sigmoid.cpp", "  return 1.0f / (1.0f + std::exp(-z));", "  __builtin_trap();")
        self.edit(student / "xor_settings.cpp", "  settings.layers = {2, 5, 1};",
                  "  for (volatile unsigned spin = 0;; spin = spin + 1u) {\n  }")
        self.edit(student / "sweep_summary.cpp", "  thrust::sort(sorted.begin(), sorted.end());",
                  "  thrust::sort(sorted.begin(), sorted.end()) !;")
        # 1.1: a layer whose weight and bias are allocated but never set before the loops add to them
        self.edit(student / "collapse.cpp", "  nn::Linear single = nn::zero_linear(first.in(), second.out());",
                  "  nn::Linear single{nn::Matrix({second.out(), first.in()}), nn::Vector({second.out()})};")
        # 3.1: the functor's accumulator never set; at -O1 the functor is inlined into Thrust's code, where
        # memcheck's report named none of the student's functions
        self.edit(student / "floor_check.cpp", "    float total = 0.0f;", "    float total;")
        # 2.2: softplus's value left unset on one path, z == 0, which -O1 folds into the other paths' value
        self.edit(student / "relu_softplus.cpp",
                  "  return z > 0.0f ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));",
                  "  float softplus;\n  if (z > 0.0f) softplus = z + std::log1p(std::exp(-z));\n"
                  "  if (z < 0.0f) softplus = std::log1p(std::exp(z));\n  return softplus;")
        # 5.2: a compiler error whose message carries bytes that are not UTF-8
        variance = student / "he_init.cpp"
        variance.write_bytes(variance.read_bytes().replace(
            b"  return bound * bound / 3.0f;", b'  static_assert(sizeof(bound) == 1, "\xff\xfe");\n  return bound * bound / 3.0f;', 1))
        code, report, output = self.grade(student, "--timeout", "10")
        self.assertEqual(code, 0, output)
        points = self.points(report)
        for broken in ("1.1", "2.1", "2.2", "2.3", "3.1", "3.2", "5.2"):
            self.assertEqual(points[broken], 0.0, output)
        self.assertAlmostEqual(report["score"], FULL_MARKS - 70.0, places=3, msg=output)
        self.assertIn("1.1 reads a value that was never set, so it scores zero: Valgrind's memcheck found "
                      '"Conditional jump or move depends on uninitialised value(s)"; the value was allocated in your '
                      "exercises::collapse_two_layers(nn::Linear const&, nn::Linear const&) (collapse.cpp:", output)
        self.assertIn("3.1 reads a value that was never set, so it scores zero: Valgrind's memcheck found "
                      '"Conditional jump or move depends on uninitialised value(s)"; the value is a local variable of '
                      "your exercises::(anonymous namespace)::TruthTableL1::operator()(", output)
        self.assertRegex(output, r"3\.1 reads a value .*\(which starts at floor_check\.cpp:\d+\)")
        self.assertIn("2.2 reads a value that was never set, so it scores zero: Valgrind's memcheck found "
                      '"Conditional jump or move depends on uninitialised value(s)"; the value is a local variable of '
                      "your exercises::softplus(float) (which starts at relu_softplus.cpp:", output)
        self.assertIn("5.2 did not compile", output)
        self.assertIn("2.1 crashed", output)
        crashed = next(t for t in report["tests"] if t["name"].startswith("2.1"))
        self.assertNotRegex(crashed["output"], r"\(\d+ ms", "timings would make two gradings of one submission differ")
        self.assertIn("2.3 did not finish within 10 s", output)
        self.assertNotIn("memory error", output)  # an endless loop without undefined behaviour is only a hang
        self.assertEqual(output.count("never set"), 3, output)  # 1.1's, 2.2's and 3.1's: not the hang's nor the crash's
        self.assertIn("3.2 did not compile", output)

    def test_forged_grades_score_zero_and_honest_lookalikes_full_marks(self) -> None:
        """Forgeries score zero for their own exercise only; honest code that looks like them to a list of words
        (variables named after forbidden functions) or to a test of values (a finite difference taken in double,
        which the derivative tests cannot tell from the formula) keeps its marks, in the same grading."""
        student = self.student("solution")
        # 1.1: a main() of its own, outside the regions, which would run instead of the tests
        with (student / "collapse.cpp").open("a", encoding="utf-8") as file:
            file.write("\nint main() { return 0; }\n")
        # 1.2: the reference solution included from inside a region
        self.edit(student / "least_squares.cpp", "  const auto [t00, t01, t10, t11] = targets;",
                  '#include "../solution/least_squares.cpp"\n  const auto [t00, t01, t10, t11] = targets;')
        # 5.2: an exit handler, from which a program can rewrite its own report after the tests ran
        self.edit(student / "he_init.cpp", "  return bound * bound / 3.0f;",
                  "  const int forged = std::atexit([] {});\n  (void)forged;\n  return bound * bound / 3.0f;")
        # 2.3: an exit, called through a pointer, which no list of calls sees
        self.edit(student / "xor_settings.cpp", "  settings.layers = {2, 5, 1};",
                  "  void (*const leave)(int) = std::exit;\n  if (settings.train.epochs < 0) leave(0);\n"
                  "  settings.layers = {2, 5, 1};")
        # 4.2 and 5.1: variables and a parameter named after forbidden functions, which are not calls of them
        self.edit(student / "dead_units.cpp", "        const float sum = z(row, unit);\n"
                  "        layer[unit] = nn::activate(g, sum) == 0.0f && nn::activation_derivative(g, sum) == 0.0f;",
                  "        const float signal = z(row, unit);\n"
                  "        layer[unit] = nn::activate(g, signal) == 0.0f && "
                  "nn::activation_derivative(g, signal) == 0.0f;")
        chain = student / "chain_gradients.cpp"
        chain.write_text(chain.read_text(encoding="utf-8").replace("outputs", "environment").replace(
            "upstream", "remove").replace("const float a = environment[l + 1];",
                                          "const auto read = [](float write) { return write; };\n"
                                          "    const float a = read(environment[l + 1]);"), encoding="utf-8")
        # 2.1, 2.2 and 4.1: each derivative as a central difference taken in double, with steps across the range
        # the instructors' page names
        for file, old, function, step in (
                ("sigmoid.cpp", "  const float s = sigmoid(z);\n  return s * (1.0f - s);",
                 "1.0 / (1.0 + std::exp(-x))", "1e-8"),
                ("relu_softplus.cpp", "  return 1.0f / (1.0f + std::exp(-z));",
                 "x > 0.0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x))", "1e-6"),
                ("mish.cpp", "  return std::tanh(softplus) + z * sech * sech * sigmoid;",
                 "x * std::tanh(std::fmax(x, 0.0) + std::log1p(std::exp(-std::fabs(x))))", "1e-4")):
            self.edit(student / file, old,
                      f"  const auto in_double = [](double x) {{ return {function}; }};\n  const double h = {step};\n"
                      "  return static_cast<float>((in_double(z + h) - in_double(z - h)) / (2.0 * h));")
        # 2.1: a hidden test that skips; skipped is not passed
        hidden = self.scratch / "hidden"
        hidden.mkdir()
        (hidden / "sigmoid_hidden_test.cpp").write_text(
            "#include <gtest/gtest.h>\nTEST(SigmoidHidden, Skips) { GTEST_SKIP() << \"not today\"; }\n",
            encoding="utf-8")
        # 2.1 again: a hidden test that fails counts towards the grade (it weighs 1, the public ones 10)
        (hidden / "sigmoid_wrong_test.cpp").write_text(
            '#include <gtest/gtest.h>\n#include "exercises/sigmoid.hpp"\n'
            "TEST(SigmoidHidden, ExpectsAWrongValue) { EXPECT_EQ(exercises::sigmoid(0.0f), 0.25f); }\n",
            encoding="utf-8")
        code, report, output = self.grade(student, "--hidden-tests", str(hidden))
        self.assertEqual(code, 0, output)
        points = self.points(report)
        for forged in ("1.1", "1.2", "2.3", "5.2"):
            self.assertEqual(points[forged], 0.0, output)
        for honest in ("2.2", "4.1", "4.2", "5.1"):
            self.assertAlmostEqual(points[honest], 10.0, msg=(honest, output))
        self.assertAlmostEqual(points["2.1"], 10.0 * 10 / 12, msg=output)  # the public tests weigh 10, each hidden 1
        self.assertAlmostEqual(report["score"], FULL_MARKS - 40.0 - 20.0 / 12, places=3, msg=output)
        self.assertIn("1.1 adds or removes lines outside its TODO(student) regions", output)
        self.assertIn("1.2 uses `#` at least_squares.cpp:", output)
        self.assertRegex(output, r"5\.2 uses `atexit` at he_init\.cpp:\d+, in a TODO\(student\) region; "
                                 r"no exercise needs exits or exit handlers")
        self.assertRegex(output, r"2\.3 uses `exit` at xor_settings\.cpp:\d+, in a TODO\(student\) region;")
        skipped = next(t for t in report["tests"] if t["name"].endswith("SigmoidHidden.Skips"))
        self.assertEqual((skipped["status"], skipped["visibility"]), ("failed", "after_published"))
        self.assertIn("skipped", skipped["output"])
        public = [t for t in report["tests"] if t["name"].startswith("2.1") and "Hidden" not in t["name"]]
        self.assertTrue(public and all(t["visibility"] == "visible" for t in public))
        self.assertTrue(all(t["status"] == "passed" for t in public), output)  # the finite difference too

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
        made = self.scratch / "made"  # a build folder of the grader before it built with ninja
        made.mkdir()
        (made / "CMakeCache.txt").write_text("CMAKE_GENERATOR:INTERNAL=Unix Makefiles\n", encoding="utf-8")
        semicolon = self.scratch / "stu;dent"
        shutil.copytree(student, semicolon)
        cases = [([str(student), "--timeout", "abc"], "--timeout"),
                 ([str(student), "--build-timeout", "0"], "--build-timeout must be a positive number"),
                 ([str(student), "--results", str(self.scratch)], "is a folder; name the file to write"),
                 ([str(student), "--build-dir", str(student / "sigmoid.cpp")], "exists and is not a folder"),
                 ([str(student), "--hidden-tests", str(misspelt)], "sigmod_hidden_test.cpp is not named NAME_*.cpp"),
                 ([str(semicolon)], "has a ';' in its path"),
                 ([str(student), "--build-dir", str(made)], "was set up by an earlier grader, which built with make"),
                 ([str(student), "extra"], "unrecognized arguments: extra")]
        for arguments, message in cases:
            done = subprocess.run([sys.executable, str(GRADER), *arguments], capture_output=True, text=True)
            self.assertEqual(done.returncode, 2, (arguments, done.stderr))
            self.assertEqual(done.stdout, "", arguments)
            self.assertEqual(len(done.stderr.splitlines()), 1, (arguments, done.stderr))
            self.assertIn(message, done.stderr, arguments)

    def test_the_default_build_folder_is_one_git_ignores(self) -> None:
        """A student grades in their clone, and may commit all of it: the default --build-dir must be outside
        the clone or ignored by git, and the student's page must name the option and say where it builds."""
        sys.path.insert(0, str(GRADER.parent))
        import grade  # noqa: E402 (the grader's own default, not a copy of it)
        page = (ROOT / "docs/reference/grading.md").read_text(encoding="utf-8")
        self.assertIn("--build-dir", page)
        if not grade.DEFAULT_BUILD.resolve().is_relative_to(ROOT):
            return  # outside the clone: git never sees it
        self.assertIn(f"`{grade.DEFAULT_BUILD.relative_to(ROOT)}/`", page)
        if subprocess.run(["git", "-C", str(ROOT), "rev-parse"], capture_output=True).returncode != 0:
            self.skipTest(f"{ROOT} is not a git clone, so nothing tells which folders git ignores")
        # The trailing slash: .gitignore's build-*/ matches folders, and the folder may not exist yet.
        ignored = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "--quiet",
                                  f"{grade.DEFAULT_BUILD.relative_to(ROOT)}/"])
        self.assertEqual(ignored.returncode, 0, f"git does not ignore {grade.DEFAULT_BUILD}")

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

    def insert_after_first_region_start(self, path: Path, line: str) -> None:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        start = next(i for i, text in enumerate(lines) if "TODO(student) BEGIN" in text)
        lines.insert(start + 1, line + "\n")
        path.write_text("".join(lines), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        print("usage: grade_test.py BUILD_DIR [UNITTEST_OPTION ...]", file=sys.stderr)
        sys.exit(2)
    BUILD = Path(sys.argv[1]).resolve()
    unittest.main(argv=[sys.argv[0], *sys.argv[2:]])
