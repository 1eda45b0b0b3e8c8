"""Grades a student's exercises: builds their code against the exercise tests, runs the tests (ctest label
`exercise`), prints a table of points, and writes a report that autograders read (Gradescope's
results.json format).

usage: python3 tools/exercises/grade.py STUDENT_DIR [--results FILE] [--build-dir DIR]
                                        [--hidden-tests DIR] [--timeout SECONDS]

STUDENT_DIR holds one file per autograded exercise (NAME.cpp, as in exercises/starter). Each exercise is
its own program, so one that does not compile, crashes or runs past --timeout scores zero and the others
are graded as usual. Within an exercise its points are shared equally among its tests (partial credit).
Exit status: 0 when grading finished, whatever the score; 2 for a missing or broken STUDENT_DIR; 1 when
the project itself cannot be built (not the student's fault).
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "exercises/exercises.json"
JOBS = f"-j{os.cpu_count() or 1}"  # for cmake --build and ctest


class BadInput(Exception):
    """The student folder (or another argument) is unusable: one line says why; exit status 2."""


@dataclass
class TestResult:
    name: str
    passed: bool
    output: str = ""


@dataclass
class Grade:
    exercise: dict
    tests: list[TestResult] = field(default_factory=list)
    problem: str = ""  # set when the exercise scored zero as a whole: did not compile, crashed, hung

    @property
    def points(self) -> float:
        if self.problem or not self.tests:
            return 0.0
        return self.exercise["points"] * sum(t.passed for t in self.tests) / len(self.tests)


def exercises() -> list[dict]:
    return json.loads(CATALOGUE.read_text(encoding="utf-8"))["exercises"]


def check_student_dir(student: Path) -> None:
    if not student.exists():
        raise BadInput(f"no student folder at {student}")
    if not student.is_dir():
        raise BadInput(f"{student} is not a folder")
    missing = [f"{e['name']}.cpp" for e in exercises() if not (student / f"{e['name']}.cpp").is_file()]
    if missing:
        raise BadInput(f"{student} lacks {', '.join(missing)} (a student folder starts as a copy of "
                       "exercises/starter)")


def run(command: list[str], timeout: float | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


def errors_of(build_output: str, lines: int = 20) -> str:
    """The compiler's error lines (and their context) from a failed build, trimmed for a report."""
    wanted = [line for line in build_output.splitlines() if "error" in line or line.startswith(" ")]
    return "\n".join((wanted or build_output.splitlines())[:lines])


def configure(build: Path, student: Path, hidden: Path | None, timeout: int) -> None:
    configured = run(["cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
                      "-DNN_BUILD_TESTS=OFF", "-DNN_BOOK_TESTS=OFF", "-DNN_ENABLE_CUDA=OFF",
                      "-DNN_BUILD_EXERCISES=ON", f"-DNN_EXERCISES={student}",
                      f"-DNN_EXERCISE_HIDDEN_TESTS={hidden or ''}", f"-DNN_EXERCISE_TIMEOUT={timeout}"])
    if configured.returncode != 0:
        raise RuntimeError("cannot configure the project:\n" + configured.stdout[-2000:] + configured.stderr[-2000:])
    built = run(["cmake", "--build", str(build), "--target", "nn", JOBS])
    if built.returncode != 0:
        raise RuntimeError("cannot build the nn library:\n" + errors_of(built.stdout + built.stderr))


def build_exercise(build: Path, exercise: dict) -> str:
    """Builds one exercise's test program; returns the compiler's errors, or "" when it built."""
    target = f"exercise_{exercise['name']}"
    # A program left from an earlier student must not be graded in place of one that no longer builds.
    for stale in (build / "exercises").glob(target):
        stale.unlink()
    built = run(["cmake", "--build", str(build), "--target", target, JOBS])
    return "" if built.returncode == 0 else errors_of(built.stdout + built.stderr)


def ctest_outcomes(build: Path, timeout: int) -> dict[str, str]:
    """Runs every exercise's tests; returns, per exercise that did not finish, why: ctest's verdict from
    its summary line (Timeout, SegFault, Subprocess aborted, ...) and the end of what the program printed."""
    results = build / "exercise-results"
    shutil.rmtree(results, ignore_errors=True)
    results.mkdir()
    junit = build / "exercise-junit.xml"
    junit.unlink(missing_ok=True)
    ran = run(["ctest", "--test-dir", str(build), "-L", "exercise", JOBS,
               "--output-junit", str(junit)], timeout=timeout * len(exercises()) + 60)
    # e.g. "1/7 Test #3: Exercise.sigmoid .....Subprocess aborted***Exception:   0.01 sec"
    verdicts = {name: " ".join(verdict.replace("*", " ").split()).rstrip(":")
                for name, verdict in re.findall(r"Test +#\d+: Exercise\.(\w+) \.*(.*?) +[\d.]+ sec", ran.stdout)}
    printed = {}
    if junit.is_file():
        for case in ElementTree.parse(junit).getroot().iter("testcase"):
            output = (case.findtext("system-out") or "").strip().splitlines()
            printed[case.get("name", "").removeprefix("Exercise.")] = "\n".join(output[-8:])
    reasons = {}
    for name, verdict in verdicts.items():
        if verdict.startswith("Timeout"):
            reasons[name] = f"did not finish within {timeout} s (an endless loop?)"
        else:
            reasons[name] = f"crashed before its tests finished ({verdict}):\n" + printed.get(name, "")
    return reasons


def read_gtest_report(report: Path) -> list[TestResult]:
    document = json.loads(report.read_text(encoding="utf-8"))
    tests = []
    for suite in document.get("testsuites", []):
        for test in suite.get("testsuite", []):
            failures = [f.get("failure", "") for f in test.get("failures", [])]
            tests.append(TestResult(f"{suite['name']}.{test['name']}", not failures, "\n".join(failures)[:1500]))
    return tests


def grade(student: Path, build: Path, hidden: Path | None, timeout: int) -> list[Grade]:
    configure(build, student, hidden, timeout)
    grades = [Grade(e) for e in exercises()]
    for g in grades:
        errors = build_exercise(build, g.exercise)
        if errors:
            g.problem = "did not compile:\n" + errors
    unfinished = ctest_outcomes(build, timeout)
    for g in grades:
        if g.problem:
            continue
        report = build / "exercise-results" / f"{g.exercise['name']}.json"
        if not report.is_file():
            g.problem = unfinished.get(g.exercise["name"], "its tests did not run")
            continue
        g.tests = read_gtest_report(report)
        if not g.tests:
            g.problem = "has no tests"
    return grades


def first_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("unknown file")]
    return lines[0].strip() if lines else ""


def print_table(grades: list[Grade]) -> None:
    print(f"{'exercise':<9} {'title':<48} {'tests passed':>12} {'points':>13}")
    for g in grades:
        e = g.exercise
        passed = "-" if g.problem else f"{sum(t.passed for t in g.tests)} / {len(g.tests)}"
        print(f"{e['id']:<9} {e['title']:<48} {passed:>12} {g.points:>6.1f} / {e['points']:<4}")
    total, most = sum(g.points for g in grades), sum(g.exercise["points"] for g in grades)
    print(f"{'total':<9} {'':<48} {'':>12} {total:>6.1f} / {most:<4}")
    for g in grades:
        if g.problem:
            print(f"\n{g.exercise['id']} {g.problem.splitlines()[0]}")
            for line in g.problem.splitlines()[1:6]:
                print(f"    {line}")
        else:
            failed = [t for t in g.tests if not t.passed]
            if failed:
                print(f"\n{g.exercise['id']} failed {len(failed)} of {len(g.tests)} tests, first {failed[0].name}:")
                print(f"    {first_line(failed[0].output)}")


def gradescope_results(grades: list[Grade]) -> dict:
    """Gradescope's results.json: a score and, per test, its share of the exercise's points."""
    tests = []
    for g in grades:
        e = g.exercise
        label = f"{e['id']} {e['title']}"
        if g.problem:
            tests.append({"name": label, "score": 0.0, "max_score": float(e["points"]), "status": "failed",
                          "output": g.problem, "visibility": "visible"})
            continue
        share = e["points"] / len(g.tests)
        for t in g.tests:
            tests.append({"name": f"{label}: {t.name}", "score": share if t.passed else 0.0, "max_score": share,
                          "status": "passed" if t.passed else "failed", "output": t.output,
                          "visibility": "visible"})
    return {"score": round(sum(g.points for g in grades), 4), "tests": tests}


def main() -> int:
    parser = argparse.ArgumentParser(description="Grades a student's exercises (see the instructors' page).")
    parser.add_argument("student", type=Path, help="the student's folder, laid out as exercises/starter")
    parser.add_argument("--results", type=Path, help="write Gradescope's results.json here")
    parser.add_argument("--build-dir", type=Path, default=ROOT / "build-grade", help="where to build")
    parser.add_argument("--hidden-tests", type=Path, help="extra test files NAME_*.cpp for exercise NAME")
    parser.add_argument("--timeout", type=int, default=60, help="seconds an exercise's tests may run")
    args = parser.parse_args()
    try:
        student = args.student.resolve()
        check_student_dir(student)
        if args.hidden_tests and not args.hidden_tests.is_dir():
            raise BadInput(f"--hidden-tests: no folder at {args.hidden_tests}")
        if args.timeout <= 0:
            raise BadInput(f"--timeout must be a positive number of seconds, got {args.timeout}")
        if args.results and not args.results.resolve().parent.is_dir():
            raise BadInput(f"--results: no folder {args.results.resolve().parent} to write into")
        grades = grade(student, args.build_dir.resolve(), args.hidden_tests.resolve() if args.hidden_tests else None,
                       args.timeout)
    except BadInput as problem:
        print(f"grade: {problem}", file=sys.stderr)
        return 2
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as problem:
        print(f"grade: internal error: {problem}", file=sys.stderr)
        return 1
    print_table(grades)
    if args.results:
        temporary = args.results.with_name(args.results.name + ".partial")
        temporary.write_text(json.dumps(gradescope_results(grades), indent=2) + "\n", encoding="utf-8")
        temporary.replace(args.results)  # whole or not at all
        print(f"\nresults: {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
