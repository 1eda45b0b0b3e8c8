"""Grades a student's exercises: builds their code against the exercise tests, runs the tests (ctest label
`exercise`), prints a table of points, and writes a report that autograders read (Gradescope's
results.json format).

usage: python3 tools/exercises/grade.py STUDENT_DIR [--results FILE] [--build-dir DIR]
                                        [--hidden-tests DIR] [--timeout SECONDS] [--build-timeout SECONDS]

STUDENT_DIR holds one file per autograded exercise (NAME.cpp, as in exercises/starter). Each exercise is
its own program, so one that does not compile (or not within --build-timeout), crashes or runs past
--timeout scores zero and the others are graded as usual. Within an exercise its points are shared equally
among the instructor's tests, public and hidden (partial credit); a skipped test has not passed.

A student's code runs inside the program that tests it, so the grader also refuses what only a forged
grade needs: a file changed outside its TODO(student) regions (a main() of its own, extra tests, included
solutions) scores zero for that exercise, and so does a region that uses the preprocessor, static objects,
exits, threads, processes, files, the environment or GoogleTest itself. That keeps honest mistakes and the
obvious tricks from earning points; it is not a sandbox (see the instructors' page).

Exit status: 0 when grading finished, whatever the score; 2 for bad input (a missing or broken STUDENT_DIR,
an unusable option) with one line saying why; 1 when the project itself cannot be built (not the student's
fault).
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

from check_skeletons import Unbalanced, skeleton

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "exercises/exercises.json"
STARTERS = ROOT / "exercises/starter"
TESTS = ROOT / "exercises/tests"
JOBS = f"-j{os.cpu_count() or 1}"  # for cmake --build and ctest

# What no exercise needs and a forged grade does. A forgery must act after GoogleTest has written its
# report, or outside the program: so static and thread-local objects (whose destructors run at exit), exit
# functions and handlers, threads, processes, signals, files and the C library's I/O, the environment,
# assembler labels (which bind any symbol by a name in a string), the preprocessor (#include of a solution
# or a hidden test) and GoogleTest's own API are refused; and so is what would hide a name from this check:
# %: (the digraph of #), a backslash outside a literal (a line splice, or \u0061 spelling a letter) and raw
# strings (whose ends the comment stripper does not track).
FORBIDDEN = re.compile(
    r"#|%:|\\|\b(?:u8|u|U|L)?R\"\"|"
    r"\b(?:static|thread_local|thread|jthread|async|terminate|set_terminate|"
    r"FILE|fread|fwrite|fclose|fputs|fprintf|fscanf|read|write|creat|unlink|remove|rename|tmpfile|tmpnam|"
    r"fork|vfork|clone|kill|raise|ptrace|mmap|mprotect|dup|dup2|pipe|syscall|environ|signal|sigaction|dlsym)\b|"
    r"\bsystem\b(?!\s*::)|"
    r"\b\w*(?:asm|exit|Exit|open|exec|spawn|env|testing|gtest|GTEST|fstream|filebuf|filesystem|cmdline)\w*\b")


class BadInput(Exception):
    """The student folder (or another argument) is unusable: one line says why; exit status 2."""


@dataclass
class TestResult:
    name: str
    passed: bool
    output: str = ""
    hidden: bool = False  # from a --hidden-tests file: the student sees it once grades are published


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


def check_usable_in_cmake(label: str, path: Path) -> None:
    if ";" in str(path):
        raise BadInput(f"{label} {path} has a ';' in its path, which CMake reads as a list separator: rename it")


def check_hidden_tests(hidden: Path) -> None:
    names = {e["name"] for e in exercises()}
    for path in sorted(hidden.glob("*.cpp")):
        if not any(path.name.startswith(f"{name}_") for name in names):
            raise BadInput(f"--hidden-tests: {path.name} is not named NAME_*.cpp for any exercise "
                           f"({', '.join(sorted(names))})")


def strip_comments_and_literals(code: str) -> str:
    """The code without its comments and the contents of its string and character literals."""
    return re.sub(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'',
                  lambda m: '""' if m.group(0).startswith('"') else ("' '" if m.group(0).startswith("'") else " "),
                  code, flags=re.S)


def refusal(exercise: dict, student: Path) -> str:
    """Why the student's file for this exercise cannot be graded as it stands, or "" when it can."""
    name = f"{exercise['name']}.cpp"
    theirs = (student / name).read_text(encoding="utf-8", errors="replace").splitlines()
    ours = (STARTERS / name).read_text(encoding="utf-8").splitlines()
    try:
        kept, expected = skeleton(theirs), skeleton(ours)
    except Unbalanced as problem:
        return f"its TODO(student) markers are broken ({problem}); only the code between them may change"
    for (number, line), (_, starter_line) in zip(kept, expected):
        if line.rstrip() != starter_line.rstrip():
            return (f"changes line {number}, outside its TODO(student) regions; only the code between "
                    f"the markers may change:\n  yours:   {line.strip()}\n  starter: {starter_line.strip()}")
    if len(kept) != len(expected):
        return "adds or removes lines outside its TODO(student) regions; only the code between the markers may change"
    outside = {number for number, _ in kept}  # the markers included
    regions = [line for number, line in enumerate(theirs, start=1) if number not in outside]
    used = FORBIDDEN.search(strip_comments_and_literals("\n".join(regions)))
    if used:
        return (f"uses `{used.group(0)}` in a TODO(student) region; no exercise needs the preprocessor, static "
                "objects, exits, threads, processes, files, the environment or GoogleTest's API, so the grader "
                "refuses them")
    return ""


def run(command: list[str], timeout: float | None = None) -> subprocess.CompletedProcess:
    """Runs command with no input; past timeout, stops it and everything it started, then raises TimeoutExpired."""
    with subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, errors="replace", start_new_session=True) as process:
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


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
    built = run(["cmake", "--build", str(build), "--target", "nn_program", JOBS])  # what the exercises link
    if built.returncode != 0:
        raise RuntimeError("cannot build the library:\n" + errors_of(built.stdout + built.stderr))


def remove_program(build: Path, exercise: dict) -> None:
    """A program left from an earlier student must not be graded in place of one not built this time."""
    for stale in (build / "exercises").glob(f"exercise_{exercise['name']}"):
        stale.unlink()


def build_exercise(build: Path, exercise: dict, timeout: int) -> str:
    """Builds one exercise's test program; returns why it scores zero, or "" when it built."""
    target = f"exercise_{exercise['name']}"
    remove_program(build, exercise)
    try:
        built = run(["cmake", "--build", str(build), "--target", target, JOBS], timeout=timeout)
    except subprocess.TimeoutExpired:
        # The compiler was killed mid-write: drop its objects, or the next build would take them as done.
        for partial in (build / "exercises/CMakeFiles" / f"{target}.dir").rglob("*.o"):
            partial.unlink()
        remove_program(build, exercise)
        return f"did not compile within {timeout} s (--build-timeout)"
    return "" if built.returncode == 0 else "did not compile:\n" + errors_of(built.stdout + built.stderr)


def ctest_outcomes(build: Path, timeout: int) -> dict[str, str]:
    """Runs every exercise's tests; returns, per exercise whose program did not exit cleanly, why: ctest's
    verdict from its summary line (Failed, Timeout, SegFault, Subprocess aborted, ...) and the end of what
    the program printed, without GoogleTest's timings, so that the same submission gets the same report."""
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
    try:
        cases = list(ElementTree.parse(junit).getroot().iter("testcase")) if junit.is_file() else []
    except ElementTree.ParseError:  # a program's output that ctest could not put into XML: no excerpt then
        cases = []
    for case in cases:
        output = re.sub(r" \(\d+ ms( total)?\)", "", case.findtext("system-out") or "").strip().splitlines()
        printed[case.get("name", "").removeprefix("Exercise.")] = "\n".join(output[-8:])
    reasons = {}
    for name, verdict in verdicts.items():
        if verdict == "Passed":
            continue
        if verdict == "Failed":  # it exited with a failure status, as it does when a test fails
            reasons[name] = "Failed"
        elif verdict.startswith("Timeout"):
            reasons[name] = f"did not finish within {timeout} s (an endless loop?)"
        else:
            reasons[name] = f"crashed before its tests finished ({verdict}):\n" + printed.get(name, "")
    return reasons


def read_gtest_report(report: Path, instructor_files: dict[str, bool]) -> list[TestResult]:
    """The results of the instructor's tests from GoogleTest's JSON report; instructor_files maps each test
    file's path to whether it is hidden. Tests from any other file do not count; a skipped test has not
    passed. Raises ValueError when the report cannot be read."""
    try:
        document = json.loads(report.read_text(encoding="utf-8"))
        tests = []
        for suite in document["testsuites"]:
            for test in suite["testsuite"]:
                file = str(Path(test.get("file", "")).resolve()) if test.get("file") else ""
                if file not in instructor_files:
                    continue
                failures = [f.get("failure", "") for f in test.get("failures", [])]
                skipped = test.get("result") == "SKIPPED"
                output = "\n".join(failures)[:1500] or ("skipped, so not passed" if skipped else "")
                tests.append(TestResult(f"{suite['name']}.{test['name']}", not failures and not skipped
                                        and test.get("result") == "COMPLETED", output, instructor_files[file]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as problem:
        raise ValueError(f"its test report cannot be read ({type(problem).__name__})") from problem
    names = [t.name for t in tests]
    if len(set(names)) != len(names):  # GoogleTest never reports a test twice; an edited report might
        raise ValueError("its test report lists a test twice, which GoogleTest never does")
    return tests


def grade(student: Path, build: Path, hidden: Path | None, timeout: int, build_timeout: int) -> list[Grade]:
    configure(build, student, hidden, timeout)
    grades = [Grade(e) for e in exercises()]
    for g in grades:
        g.problem = refusal(g.exercise, student)
        if g.problem:
            remove_program(build, g.exercise)
        else:
            g.problem = build_exercise(build, g.exercise, build_timeout)
    unfinished = ctest_outcomes(build, timeout)
    for g in grades:
        if g.problem:
            continue
        name = g.exercise["name"]
        report = build / "exercise-results" / f"{name}.json"
        verdict = unfinished.get(name, "")
        if not report.is_file():
            g.problem = verdict if verdict and verdict != "Failed" else "its tests did not run"
            continue
        files = {str((TESTS / f"{name}_test.cpp").resolve()): False}
        if hidden:
            files.update({str(path.resolve()): True for path in hidden.glob(f"{name}_*.cpp")})
        try:
            g.tests = read_gtest_report(report, files)
        except ValueError as problem:
            g.problem = str(problem)
            continue
        if not g.tests:
            g.problem = "has none of the instructor's tests in its report"
        elif verdict and all(t.passed for t in g.tests):
            g.problem = ("its program did not exit cleanly although its report says every test passed"
                         + ("" if verdict == "Failed" else f": {verdict}"))
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
                          "visibility": "after_published" if t.hidden else "visible"})
    return {"score": round(sum(g.points for g in grades), 4), "tests": tests}


class Parser(argparse.ArgumentParser):
    """argparse, but a bad argument is one line on stderr and exit status 2, like every other bad input."""

    def error(self, message: str) -> None:
        print(f"grade: {message} (see --help)", file=sys.stderr)
        sys.exit(2)


def main() -> int:
    parser = Parser(description="Grades a student's exercises (see the instructors' page).")
    parser.add_argument("student", type=Path, help="the student's folder, laid out as exercises/starter")
    parser.add_argument("--results", type=Path, help="write Gradescope's results.json here")
    parser.add_argument("--build-dir", type=Path, default=ROOT / "build-grade", help="where to build")
    parser.add_argument("--hidden-tests", type=Path, help="extra test files NAME_*.cpp for exercise NAME")
    parser.add_argument("--timeout", type=int, default=60, help="seconds an exercise's tests may run")
    parser.add_argument("--build-timeout", type=int, default=300, help="seconds an exercise may take to compile")
    args = parser.parse_args()
    try:
        student = args.student.resolve()
        check_student_dir(student)
        check_usable_in_cmake("the student folder", student)
        build = args.build_dir.resolve()
        if build.exists() and not build.is_dir():
            raise BadInput(f"--build-dir: {build} exists and is not a folder")
        check_usable_in_cmake("--build-dir", build)
        hidden = args.hidden_tests.resolve() if args.hidden_tests else None
        if hidden:
            if not hidden.is_dir():
                raise BadInput(f"--hidden-tests: no folder at {args.hidden_tests}")
            check_usable_in_cmake("--hidden-tests", hidden)
            check_hidden_tests(hidden)
        for flag, seconds in (("--timeout", args.timeout), ("--build-timeout", args.build_timeout)):
            if seconds <= 0:
                raise BadInput(f"{flag} must be a positive number of seconds, got {seconds}")
        if args.results:
            if not args.results.resolve().parent.is_dir():
                raise BadInput(f"--results: no folder {args.results.resolve().parent} to write into")
            if args.results.is_dir():
                raise BadInput(f"--results: {args.results} is a folder; name the file to write")
        grades = grade(student, build, hidden, args.timeout, args.build_timeout)
    except BadInput as problem:
        print(f"grade: {problem}", file=sys.stderr)
        return 2
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as problem:
        print(f"grade: internal error: {problem}", file=sys.stderr)
        return 1
    print_table(grades)
    if args.results:
        temporary = args.results.with_name(args.results.name + ".partial")
        try:
            temporary.write_text(json.dumps(gradescope_results(grades), indent=2) + "\n", encoding="utf-8")
            temporary.replace(args.results)  # whole or not at all
        except OSError as problem:
            temporary.unlink(missing_ok=True)
            print(f"grade: --results: cannot write {args.results}: {problem.strerror}", file=sys.stderr)
            return 2
        print(f"\nresults: {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
