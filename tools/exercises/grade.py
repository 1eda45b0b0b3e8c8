"""Grades a student's exercises: builds their code against the exercise tests, runs the tests (ctest label
`exercise`), prints a table of points, and writes a report that autograders read (Gradescope's
results.json format).

usage: python3 tools/exercises/grade.py STUDENT_DIR [--results FILE] [--build-dir DIR]
                                        [--hidden-tests DIR] [--timeout SECONDS] [--build-timeout SECONDS]

STUDENT_DIR holds one file per autograded exercise (NAME.cpp, as in exercises/starter). Each exercise is
its own program, the student's file in it built with AddressSanitizer and UndefinedBehaviorSanitizer, and a
second program runs the same tests under Valgrind's memcheck, so one that does not compile (or not within
--build-timeout), crashes, runs past --timeout, makes a memory error the sanitizers see (an out-of-bounds
access, undefined behaviour) or reads a value it never set scores zero and the others are graded as usual.
Within an exercise its points are shared among the instructor's tests, public and hidden, in proportion to
their weights in exercises.json (1 unless it says otherwise); a skipped test has not passed.

The console shows, for each failed test, its first failure (expected and actual values, and the test's
message) and what the student's exercises::debug(...) printed; results.json, written to --results or else
into the build folder, holds every failure of every test.

A student's code runs inside the program that tests it, so the grader also refuses what only a forged
grade needs: a file changed outside its TODO(student) regions (a main() of its own, extra tests, included
solutions) scores zero for that exercise, and so does a region that uses the preprocessor or static objects
(found in its text), or whose compiled code uses exits, signals, threads, processes, files, the environment
or GoogleTest itself (found in its undefined symbols, so that what the code calls counts, not what it names
its variables). That keeps honest mistakes and the obvious tricks from earning points; it is not a sandbox
(see the instructors' page).

Exit status: 0 when grading finished, whatever the score; 2 for bad input (a missing or broken STUDENT_DIR,
an unusable option) with one line saying why; 1 when the project itself cannot be built (not the student's
fault).
"""

import argparse
import hashlib
import json
import os
import re
import shlex
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
DEFAULT_BUILD = ROOT / "build-grade"  # .gitignore's build-*/ keeps it out of a student's commits

# What no exercise needs and a forged grade does. A forgery must act after GoogleTest has written its
# report, or outside the program. Both checks go by what the code does, not by the names it chooses: a local
# variable may be called `signal`, `read`, `remove` or `environment`.
# - In the text of the regions, what is a keyword or the preprocessor's, and so cannot be a name: `static`
#   and `thread_local` objects (their destructors run at exit), `asm` (assembler labels bind any symbol by a
#   name in a string), the preprocessor (#, and %:, its digraph: #include of a solution or a hidden test);
#   and what would hide one of those from this check: a backslash outside a literal (a line splice, or
#   \u0061 spelling a letter) and raw strings (whose ends the comment stripper does not track).
FORBIDDEN_TOKENS = re.compile(r"#|%:|\\|\b(?:u8|u|U|L)?R\"|\b(?:static|thread_local|asm|__asm|__asm__)\b")
# - In the student's compiled file (both objects, the sanitizers' and memcheck's), the functions and objects
#   of the libraries it uses: nm's undefined symbols (`nm -u`), so that a call, a qualified name, a function's
#   address or one's own `extern "C"` declaration all count, as the same symbol, and a variable named after
#   one makes none. Exit functions and handlers, signals, threads, processes, files and the C library's I/O,
#   the environment, dynamic loading, GoogleTest's API and the library's own file writers. A symbol is its C
#   name, with the decorations of glibc's checked and 64-bit variants (__fprintf_chk, open64, __open_2,
#   __isoc99_fscanf), or the start of a C++ name (demangled). None of these is used by the headers the
#   starters include (Thrust's OpenMP backend, the standard library's, exercises/include): the solutions
#   reference none, and tools/exercises/grade_test.py checks that they score full marks.
FORBIDDEN_SYMBOLS = re.compile(
    r"(?:__isoc\d+_|__)?(?:exit|_exit|_Exit|quick_exit|at_quick_exit|atexit|on_exit|cxa_thread_atexit(?:_impl)?|"
    r"signal|sigaction|sigset|bsd_signal|sysv_signal|ssignal|raise|kill|killpg|tgkill|pthread_kill|alarm|"
    r"pthread_create|pthread_atfork|fork|vfork|clone|clone3|daemon|execl|execle|execlp|execv|execve|execvp|"
    r"execvpe|fexecve|posix_spawn|posix_spawnp|system|popen|pclose|ptrace|syscall|prctl|"
    r"open|openat|creat|fopen|freopen|fdopen|opendir|fdopendir|tmpfile|tmpnam|tempnam|mkstemp|mkostemp|mkdtemp|"
    r"read|pread|readv|write|pwrite|writev|sendfile|splice|unlink|unlinkat|remove|rename|renameat|renameat2|"
    r"truncate|ftruncate|link|symlink|chmod|mkdir|rmdir|chdir|fread|fwrite|fclose|fflush|fputs|fputc|putc|"
    r"fprintf|vfprintf|dprintf|fscanf|vfscanf|fgets|fgetc|getc|printf|vprintf|puts|putchar|perror|scanf|gets|"
    r"getchar|stdin|stdout|stderr|mmap|mprotect|dup|dup2|dup3|pipe|pipe2|ioctl|fcntl|socket|connect|"
    r"getenv|secure_getenv|setenv|putenv|unsetenv|clearenv|environ|dlopen|dlmopen|dlsym|dlvsym)"
    r"(?:64)?(?:_chk|_2|_unlocked)?|"
    r"(?:std::(?:__cxx11::)?(?:thread|jthread|basic_ifstream|basic_ofstream|basic_fstream|basic_filebuf|"
    r"__basic_file|filesystem|experimental::filesystem|set_terminate|set_unexpected)|testing|"
    r"program::(?:save_weights|load_weights|write_file_atomically|check_writable))\b.*")
# Printing: harmless, but the instructors' page promises that the C library's I/O is refused, and one way
# to print is enough. The refusal, before the build, says which: exercises::debug(...), whose lines the
# grader shows. (std::cout is a name here, not a symbol: exercises::debug uses it too.)
PRINTING = re.compile(r"\b(?:printf|vprintf|puts|putchar|perror|scanf|gets|getchar|cout|cerr|clog|wcout|wcerr)\b")


class BadInput(Exception):
    """The student folder (or another argument) is unusable: one line says why; exit status 2."""


@dataclass
class TestResult:
    name: str
    passed: bool
    output: str = ""  # every failure, tidied (see tidy_failure)
    hidden: bool = False  # from a --hidden-tests file: the student sees it once grades are published
    failures: list[str] = field(default_factory=list)
    weight: float = 1.0  # from exercises.json's "weights"; 1 unless it says otherwise


@dataclass
class Grade:
    exercise: dict
    tests: list[TestResult] = field(default_factory=list)
    problem: str = ""  # set when the exercise scored zero as a whole: did not compile, crashed, hung
    debug: list[str] = field(default_factory=list)  # what the student's exercises::debug(...) printed

    def share(self, test: TestResult) -> float:
        """The points this test is worth: the exercise's points in proportion to the test's weight."""
        return self.exercise["points"] * test.weight / sum(t.weight for t in self.tests)

    @property
    def points(self) -> float:
        if self.problem or not self.tests:
            return 0.0
        return sum(self.share(t) for t in self.tests if t.passed)


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
    """The code without its comments and the contents of its string and character literals, each line where
    it was (a comment over several lines leaves its line breaks)."""
    def blank(found: re.Match) -> str:
        text = found.group(0)
        return '""' if text.startswith('"') else "' '" if text.startswith("'") else " " + "\n" * text.count("\n")
    return re.sub(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', blank, code, flags=re.S)


def refusal(exercise: dict, student: Path) -> str:
    """Why the student's file for this exercise cannot be graded as it stands, or "" when it can: a change
    outside its regions, or in them, printing, what the exercise's task rules out, or a token of
    FORBIDDEN_TOKENS. (What the compiled file uses is checked after the build: forbidden_use.)"""
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
    # The regions' code, each line at its number in the file (the lines outside the regions left empty).
    code = strip_comments_and_literals("\n".join("" if number in outside else line
                                                  for number, line in enumerate(theirs, start=1)))

    def found(match: re.Match) -> str:
        """What was found and where: `TEXT` at FILE:LINE."""
        line = code.count("\n", 0, match.start()) + 1
        return f"`{match.group(0)}` at {name}:{line}, in a TODO(student) region"

    printing = PRINTING.search(code)
    if printing:
        return (f"uses {found(printing)}; the grader refuses the C library's I/O and the streams: to print while "
                "debugging, write exercises::debug(\"z = \", z) and the grader shows its lines under the exercise")
    for rule in exercise.get("refuse", []):  # what one exercise's task rules out, as exercises.json says
        broken = re.search(rule["pattern"], code)
        if broken:
            return f"uses {found(broken)}; {rule['why']}"
    used = FORBIDDEN_TOKENS.search(code)
    if used:
        return (f"uses {found(used)}; no exercise needs the preprocessor, static or thread-local objects, "
                "assembler, backslashes outside strings or raw strings, so the grader refuses them")
    return ""


def forbidden_use(build: Path, exercise: dict, student_file: Path) -> str:
    """Why the student's compiled file for this exercise cannot be graded, or "": the first symbol of
    FORBIDDEN_SYMBOLS among those its objects use, with the line that uses it (nm -l: one line per symbol, in
    the student's file, or in a header whose inline code the student's code called)."""
    for obj in objects_of(build, exercise, student_file):
        listed = run(["nm", "--undefined-only", "--line-numbers", "--demangle", str(obj)])
        if listed.returncode != 0:  # an object nm cannot read would pass unchecked
            raise RuntimeError(f"nm cannot read {obj}:\n{listed.stderr[-2000:]}")
        for line in listed.stdout.splitlines():
            entry = re.match(r"\s*[Uw] (.+?)(?:\t(.*):(\d+))?$", line)
            if not entry or not FORBIDDEN_SYMBOLS.fullmatch(entry.group(1)):
                continue
            symbol, file, number = entry.groups()
            theirs = file and Path(file) == student_file
            where = (f" at {student_file.name}:{number}, in a TODO(student) region" if theirs
                     else f" through {Path(file).name}:{number}, which your code calls" if file else "")
            return (f"uses `{symbol}`{where}; no exercise needs exits or exit handlers, signals, threads, "
                    "processes, files, the C library's I/O, the environment or GoogleTest's API, so the grader "
                    "refuses the functions that reach them (it looks at what the compiled code calls, not at "
                    "the names of your variables)")
    return ""


def objects_of(build: Path, exercise: dict, student_file: Path) -> list[Path]:
    """The object files compiled from the student's file for this exercise (exercise_NAME_plain's, then
    exercise_NAME_code's), as the build's compile_commands.json names them; those not built are left out."""
    try:
        commands = json.loads((build / "compile_commands.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as problem:
        raise RuntimeError(f"cannot read {build / 'compile_commands.json'} to check the student's objects") from problem
    found = {}
    for entry in commands:
        if Path(entry.get("file", "")) != student_file:
            continue
        words = shlex.split(entry.get("command", ""))
        output = words[words.index("-o") + 1] if "-o" in words[:-1] else ""
        part = re.search(rf"(?:^|/)exercise_{exercise['name']}_(plain|code)\.dir/", output)
        if part:
            found[part.group(1)] = Path(entry.get("directory", build)) / output
    if "code" not in found or not found["code"].is_file():  # it built, so a miss is the grader's
        raise RuntimeError(f"cannot find the object compiled from {student_file} for exercise_{exercise['name']}")
    return [found[part] for part in ("plain", "code") if part in found and found[part].is_file()]


def run(command: list[str], timeout: float | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Runs command with no input (and env added to the environment); past timeout, stops it and everything it
    started, then raises TimeoutExpired."""
    with subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, errors="replace", start_new_session=True,
                          env={**os.environ, **(env or {})}) as process:
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


def say(message: str) -> None:
    """A progress line on the console, shown at once."""
    print(message, flush=True)


def configure(build: Path, student: Path, hidden: Path | None, timeout: int) -> None:
    cache = build / "CMakeCache.txt"
    made_by = cache.read_text(encoding="utf-8", errors="replace") if cache.is_file() else ""
    if made_by and "CMAKE_GENERATOR:INTERNAL=Ninja\n" not in made_by:
        raise BadInput(f"--build-dir: {build} was set up by an earlier grader, which built with make; delete it "
                       "or name another folder")
    if not any(build.glob("src/**/libnn_validate.*")):
        say(f"grade: building the library into {build} as well (the first grading only: about a minute on 2 "
            "cores, more on a busy machine; later gradings compile only the files that changed, in seconds to half "
            "a minute) ...")
    configured = run(["cmake", "-G", "Ninja", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
                      "-DNN_BUILD_TESTS=OFF", "-DNN_BOOK_TESTS=OFF", "-DNN_WEB=OFF", "-DNN_ENABLE_CUDA=OFF",
                      "-DNN_BUILD_EXERCISES=ON", f"-DNN_EXERCISES={student}", "-DNN_EXERCISE_SANITIZE=ON",
                      "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON",  # read by objects_of
                      f"-DNN_EXERCISE_HIDDEN_TESTS={hidden or ''}", f"-DNN_EXERCISE_TIMEOUT={timeout}"])
    if configured.returncode != 0:
        raise RuntimeError("cannot configure the project:\n" + configured.stdout[-2000:] + configured.stderr[-2000:])


def remove_programs(build: Path, exercise: dict, kinds: tuple[str, ...] = ("", "_memcheck")) -> None:
    """A program left from an earlier grading must not run in place of one that did not build this time."""
    for kind in kinds:
        (build / "exercises" / f"exercise_{exercise['name']}{kind}").unlink(missing_ok=True)


def build_programs(build: Path, wanted: list[dict], timeout: int) -> dict[str, str]:
    """Builds the library and, for each wanted exercise, its two programs: the student's file with the
    sanitizers, and again without them for memcheck. One build for all, so that both cores are busy (ninja
    compiles a program's files while the library links, and goes on past a file that does not compile);
    compile_within.sh stops each compile of a student's file after `timeout` seconds. Returns, per exercise
    whose sanitizers' program did not build, why it scores zero; a memcheck program that did not build is
    removed, and its exercise is graded on the sanitizers' run alone."""
    targets = ["nn_validate"] + [f"exercise_{e['name']}{kind}" for e in wanted for kind in ("", "_memcheck")]
    try:  # the student's compiles are limited one by one; this only guards against a build that never ends
        built = run(["ninja", "-C", str(build), JOBS, "-k", "0", *targets], timeout=2 * timeout * len(wanted) + 1800,
                    env={"NN_GRADE_BUILD_TIMEOUT": str(timeout)})  # read by compile_within.sh
    except subprocess.TimeoutExpired as stopped:
        raise RuntimeError(f"the build ran past {stopped.timeout:g} s") from stopped
    why: dict[str, str] = {}
    # ninja prints each failed step as "FAILED: OUTPUTS", its command, then what the command printed.
    for step in re.split(r"^(?=FAILED: |\[\d+/\d+\] |ninja: )", built.stdout + built.stderr, flags=re.M):
        if not step.startswith("FAILED: "):
            continue
        outputs, _, printed = step.partition("\n")
        printed = printed.partition("\n")[2]  # without the command
        # The step's first output: an object, exercises/CMakeFiles/exercise_NAME_PART.dir/..., or a program,
        # exercises/exercise_NAME or exercises/exercise_NAME_memcheck.
        output = re.sub(r"^FAILED: (?:\[code=\d+\] )?", "", outputs)  # (newer ninjas print the exit code)
        owner, kind = None, ""
        for e in wanted:
            found = re.match(rf"exercises/(?:CMakeFiles/)?exercise_{e['name']}"
                             r"(_code|_tests|_plain|_memcheck)?(?:\.dir/|$)", output)
            if found:
                owner, kind = e, found.group(1) or ""
        if owner is None:
            raise RuntimeError("cannot build the library:\n" + errors_of(printed))
        if kind in ("_plain", "_memcheck"):  # the sanitizers' program tells the student the same
            remove_programs(build, owner, ("_memcheck",))
            drop_objects(build, f"exercise_{owner['name']}", ("plain",))
            continue
        remove_programs(build, owner)
        if "nn-grade: the compiler ran past" in printed:
            drop_objects(build, f"exercise_{owner['name']}", ("code", "plain"))
            why[owner["name"]] = f"did not compile within {timeout} s (--build-timeout)"
        else:
            why.setdefault(owner["name"], "did not compile:\n" + errors_of(printed))
    return why


def drop_objects(build: Path, target: str, parts: tuple[str, ...]) -> None:
    """Deletes the object files of exercise_NAME_PART targets, which a stopped compiler may have left half
    written."""
    for part in parts:
        for partial in (build / f"exercises/CMakeFiles/{target}_{part}.dir").rglob("*.o"):
            partial.unlink()


def ctest_outcomes(build: Path, timeout: int) -> tuple[dict[str, str], dict[str, str]]:
    """Runs every exercise's tests; returns, per exercise whose program did not exit cleanly, why: ctest's
    verdict from its summary line (Failed, Timeout, SegFault, Subprocess aborted, ...) and the end of what
    the program printed, without GoogleTest's timings, so that the same submission gets the same report;
    and, per exercise, everything its program printed."""
    results = build / "exercise-results"
    shutil.rmtree(results, ignore_errors=True)
    results.mkdir()
    junit = build / "exercise-junit.xml"
    junit.unlink(missing_ok=True)
    programs = {e["name"]: build / "exercises" / f"exercise_{e['name']}_memcheck" for e in exercises()}
    reused = reuse_memcheck_logs(build, programs)
    skip = ["-E", "^Memcheck\\.(" + "|".join(sorted(reused)) + ")$"] if reused else []
    ran = run(["ctest", "--test-dir", str(build), "-L", "exercise", *skip, JOBS,
               "--output-junit", str(junit)], timeout=2 * timeout * len(exercises()) + 60)  # two programs each
    # e.g. "1/7 Test #3: Exercise.sigmoid .....Subprocess aborted***Exception:   0.01 sec"
    outcomes = {(kind, name): " ".join(verdict.replace("*", " ").split()).rstrip(":") for kind, name, verdict
                in re.findall(r"Test +#\d+: (Exercise|Memcheck)\.(\w+) \.*(.*?) +[\d.]+ sec", ran.stdout)}
    verdicts = {name: verdict for (kind, name), verdict in outcomes.items() if kind == "Exercise"}
    keep_memcheck_logs(build, {name: programs[name] for (kind, name), verdict in outcomes.items()
                               if kind == "Memcheck" and verdict in ("Passed", "Failed")})  # not cut short
    printed, everything = {}, {}
    try:
        cases = list(ElementTree.parse(junit).getroot().iter("testcase")) if junit.is_file() else []
    except ElementTree.ParseError:  # a program's output that ctest could not put into XML: no excerpt then
        cases = []
    for case in cases:
        output = re.sub(r" \(\d+ ms( total)?\)", "", case.findtext("system-out") or "").strip().splitlines()
        name = case.get("name", "").removeprefix("Exercise.")
        printed[name] = "\n".join(output[-8:])
        everything[name] = "\n".join(output)
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
    return reasons, everything


def memcheck_cache(build: Path, name: str) -> Path:
    return build / "memcheck-cache" / f"{name}.json"


def reuse_memcheck_logs(build: Path, programs: dict[str, Path]) -> set[str]:
    """Memcheck's run is the slow part of a regrade (a program runs a hundred times slower under it), and a
    program that has not changed since it last ran under memcheck, byte for byte, gets the same report: so
    its last log is copied in as this run's. Returns the exercises whose log was reused."""
    reused = set()
    for name, program in programs.items():
        cache = memcheck_cache(build, name)
        if not program.is_file() or not cache.is_file():
            continue
        try:
            kept = json.loads(cache.read_text(encoding="utf-8"))
            if kept["program_sha256"] != sha256(program):
                continue
            (build / "exercise-results" / f"{name}.memcheck.reused").write_text(kept["log"], encoding="utf-8")
        except (OSError, ValueError, KeyError, TypeError):
            continue  # an unreadable cache is no cache: the program runs again
        reused.add(name)
    return reused


def keep_memcheck_logs(build: Path, finished: dict[str, Path]) -> None:
    """Keeps the log of each memcheck run that finished (not one cut short), with its program's digest."""
    (build / "memcheck-cache").mkdir(exist_ok=True)
    for name, program in finished.items():
        logs = sorted((build / "exercise-results").glob(f"{name}.memcheck.*"))
        if len(logs) == 1 and program.is_file():
            entry = {"program_sha256": sha256(program), "log": logs[0].read_text(encoding="utf-8", errors="replace")}
            memcheck_cache(build, name).write_text(json.dumps(entry), encoding="utf-8")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sanitizer_report(build: Path, name: str, student_file: Path, printed: str) -> str:
    """What AddressSanitizer or UndefinedBehaviorSanitizer reported for this exercise's program, or "": its
    first line, the first frame in the student's file (their function and line), and the report's start.
    ASan writes to its log file; UBSan, in the same program, to the program's output."""
    logs = [log.read_text(encoding="utf-8", errors="replace")
            for log in sorted((build / "exercise-results").glob(f"{name}.sanitizer.*"))]
    # In the output, only UBSan's own line counts ("file:line:column: runtime error: ..."), not a student's
    # debug line nor a test's message that happens to hold the words.
    ubsan = [line for line in printed.splitlines() if re.match(r"[^ ]+:\d+:\d+: runtime error: ", line)]
    for text in [*logs, printed[printed.index(ubsan[0]):] if ubsan else ""]:
        lines = text.splitlines()
        found = next((i for i, line in enumerate(lines) if "ERROR: AddressSanitizer" in line
                      or "runtime error:" in line or "ERROR: UndefinedBehaviorSanitizer" in line), None)
        if found is None:
            continue
        first = re.sub(r"^==\d+==", "", lines[found]).strip()
        first = re.sub(r"\s+on address 0x[0-9a-f]+.*", "", first)
        access = next((re.sub(r" at 0x[0-9a-f]+.*", "", line) for line in lines[found + 1:found + 3]
                       if re.match(r"(READ|WRITE) of size", line)), "")
        theirs = next((line for line in lines[found:] if str(student_file) in line), "")
        where = re.search(r" in (.+?) " + re.escape(str(student_file)) + r":(\d+)", theirs)
        at = (f"in your {where.group(1)} at {student_file.name}:{where.group(2)}" if where
              else f"at {student_file.name}:{m.group(1)}" if (m := re.search(re.escape(str(student_file)) + r":(\d+)", theirs))
              else "outside your file (see the report)")
        kind = "AddressSanitizer" if "AddressSanitizer" in lines[found] else "UndefinedBehaviorSanitizer"
        summary = re.sub(r"^.*?(ERROR: AddressSanitizer: |runtime error: |ERROR: UndefinedBehaviorSanitizer: )", "",
                         first)
        body = [re.sub(r"0x[0-9a-f]+", "0x...", line) for line in lines[found:found + 12]]
        return (f"makes a memory error, so it scores zero: {kind} found {summary}"
                + (f" ({access})" if access else "") + f" {at}:\n" + "\n".join(body))
    return ""


def memcheck_report(build: Path, name: str, student_file: Path) -> str:
    """What Valgrind's memcheck reported, in this exercise's second program, that involves the student's file,
    or "": above all a value read before it was set, with the student's function that created it (a local
    variable's is the function itself: memcheck knows the frame, not the variable) or that read it."""
    mine = f"({student_file}:"
    for log in sorted((build / "exercise-results").glob(f"{name}.memcheck.*")):
        # Each report is a block of "==PID== " lines, ended by a line holding only that prefix.
        text = re.sub(r"^==\d+== ?", "", log.read_text(encoding="utf-8", errors="replace"), flags=re.M)
        for block in (b.splitlines() for b in re.split(r"\n\s*\n", text)):
            reported = r"Conditional jump|Use of uninitialised|Syscall param|Invalid (read|write|free)"
            if not block or not re.match(reported, block[0]):
                continue
            if not any(mine in line for line in block):
                continue  # the libraries' or the tests' own (memcheck finds none in the solutions' programs)
            origin = next((i for i, line in enumerate(block) if "was created by" in line), len(block))
            read_in = next((line for line in block[1:origin] if mine in line), "")
            created_in = next((line for line in block[origin:] if mine in line), "")
            if block[0].startswith("Invalid"):
                first = (f"makes a memory error, so it scores zero: Valgrind's memcheck found "
                         f"{block[0][0].lower() + block[0][1:]} in {place(read_in or created_in, student_file)}")
            else:
                first = (f"reads a value that was never set, so it scores zero: Valgrind's memcheck found "
                         f"\"{block[0].strip()}\"")
                if created_in and "stack allocation" in block[origin]:
                    first += f"; the value is a local variable of {place(created_in, student_file, 'starts')}"
                elif created_in:
                    first += f"; the value was allocated in {place(created_in, student_file)}"
                if read_in:
                    first += f"; it is read in {place(read_in, student_file)}"
            # The report's start, the student's frames and where the value came from; no addresses nor folders.
            shown = dict.fromkeys([*block[:3], read_in, *block[origin:origin + 1], created_in])
            body = [re.sub(r"0x[0-9A-F]+", "0x...", re.sub(r"\((?:in )?/[^:()]*/([\w.+-]+(?::\d+)?)\)", r"(\1)", line))
                    for line in shown if line]
            return first + ":\n" + "\n".join(body)
    return ""


def place(frame: str, student_file: Path, verb: str = "") -> str:
    """`your FUNCTION (FILE:LINE)`, or with a verb `your FUNCTION (which VERB at FILE:LINE)`, from a frame of
    memcheck's report in the student's file."""
    found = re.search(r"0x[0-9A-F]+: (.+) \(" + re.escape(str(student_file)) + r":(\d+)\)", frame)
    if not found:
        return f"your {student_file.name}"
    where = f"{student_file.name}:{found.group(2)}"
    return f"your {found.group(1)} ({'which ' + verb + ' at ' if verb else ''}{where})"


def tidy_failure(text: str) -> str:
    """One GoogleTest failure as a student reads it: the test file's name and line without its folders, no
    "unknown file" line (GoogleTest's for an exception), and a predicate's message without its source text."""
    text = re.sub(r"^unknown file\n?", "", text)
    text = re.sub(r"^(?:/[^\n:]*/)?([\w.-]+\.(?:cpp|hpp)):(\d+)$", r"\1:\2:", text, flags=re.M)
    # EXPECT_TRUE(check(...)) on a ::testing::AssertionResult: its message is what matters.
    text = re.sub(r"Value of: [^\n]*(?:\n(?!  Actual: )[^\n]*)*\n  Actual: false \((.*)\)\nExpected: true",
                  r"\1", text, flags=re.S)
    # EXPECT_TRUE(condition) << message: the message says what was expected.
    text = re.sub(r"Value of: [^\n]*(?:\n(?!  Actual: )[^\n]*)*\n  Actual: false\nExpected: true\n(?=.)", "", text,
                  flags=re.S)
    # EXPECT_NEAR's four lines, in one.
    text = re.sub(r"The difference between (.+?) and (.+?) is (\S+), which exceeds (.+?), where\n"
                  r"\1 evaluates to (\S+),\n\2 evaluates to (\S+), and\n\4 evaluates to (\S+)\.",
                  lambda m: f"{m[1]} = {short(m[5])}, expected {m[2]} = {short(m[6])}: off by {short(m[3])}, "
                            f"more than the {short(m[7])} allowed", text)
    return text.strip()


def short(number: str) -> str:
    """A number GoogleTest printed to 17 digits, to 6."""
    try:
        return f"{float(number):.6g}"
    except ValueError:
        return number


def read_gtest_report(report: Path, instructor_files: dict[str, bool], weights: dict[str, float]) -> list[TestResult]:
    """The results of the instructor's tests from GoogleTest's JSON report; instructor_files maps each test
    file's path to whether it is hidden, weights a test's name to its weight (1 if absent). Tests from any
    other file do not count; a skipped test has not passed. Raises ValueError when the report cannot be read."""
    try:
        document = json.loads(report.read_text(encoding="utf-8"))
        tests = []
        for suite in document["testsuites"]:
            for test in suite["testsuite"]:
                file = str(Path(test.get("file", "")).resolve()) if test.get("file") else ""
                if file not in instructor_files:
                    continue
                failures = [tidy_failure(f.get("failure", "")) for f in test.get("failures", [])]
                skipped = test.get("result") == "SKIPPED"
                output = "\n\n".join(failures)[:3000] or ("skipped, so not passed" if skipped else "")
                name = f"{suite['name']}.{test['name']}"
                tests.append(TestResult(name, not failures and not skipped and test.get("result") == "COMPLETED",
                                        output, instructor_files[file], failures, float(weights.get(name, 1))))
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
            remove_programs(build, g.exercise)
    unbuilt = build_programs(build, [g.exercise for g in grades if not g.problem], build_timeout)
    for g in grades:
        if g.problem:
            continue
        g.problem = (unbuilt.get(g.exercise["name"], "")
                     or forbidden_use(build, g.exercise, student / f"{g.exercise['name']}.cpp"))
        if g.problem:
            remove_programs(build, g.exercise)  # a forgery's programs do not run
    unfinished, printed = ctest_outcomes(build, timeout)
    for g in grades:
        if g.problem:
            continue
        name = g.exercise["name"]
        g.debug = [line for line in printed.get(name, "").splitlines() if line.startswith("debug: ")]
        report = build / "exercise-results" / f"{name}.json"
        verdict = unfinished.get(name, "")
        g.problem = (sanitizer_report(build, name, student / f"{name}.cpp", printed.get(name, ""))
                     or memcheck_report(build, name, student / f"{name}.cpp"))
        if g.problem:
            continue
        if not report.is_file():
            g.problem = verdict if verdict and verdict != "Failed" else "its tests did not run"
            continue
        files = {str((TESTS / f"{name}_test.cpp").resolve()): False}
        if hidden:
            files.update({str(path.resolve()): True for path in hidden.glob(f"{name}_*.cpp")})
        try:
            g.tests = read_gtest_report(report, files, g.exercise.get("weights", {}))
        except ValueError as problem:
            g.problem = str(problem)
            continue
        if not g.tests:
            g.problem = "has none of the instructor's tests in its report"
        elif verdict and all(t.passed for t in g.tests):
            g.problem = ("its program did not exit cleanly although its report says every test passed"
                         + ("" if verdict == "Failed" else f": {verdict}"))
    return grades


def excerpt(failure: str, lines: int = 8, width: int = 200) -> list[str]:
    """The first lines of one failure, each cut to a console's width."""
    kept = [line.rstrip() for line in failure.splitlines() if line.strip()]
    cut = [line if len(line) <= width else line[:width - 3] + "..." for line in kept[:lines]]
    return cut + (["..."] if len(kept) > lines else [])


def plural(count: float, word: str) -> str:
    shown = f"{count:g}"
    return f"{shown} {word}" + ("" if shown == "1" else "s")


def print_table(grades: list[Grade], report: Path) -> None:
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
        failed = [t for t in g.tests if not t.passed] if not g.problem else []
        if failed:
            lost = sum(g.share(t) for t in failed)
            print(f"\n{g.exercise['id']} failed {len(failed)} of {len(g.tests)} tests, "
                  f"{round(lost, 2):g} of {g.exercise['points']} points lost:")
            messages = {t.failures[0] if t.failures else t.output for t in failed}
            if len(failed) > 1 and len(messages) == 1:  # a starter: the same TODO message from every test
                print(f"  all {len(failed)}: " + "\n    ".join(excerpt(messages.pop())))
                failed = []
            for t in failed:
                more = len(t.failures) - 1
                print(f"  {t.name} ({plural(round(g.share(t), 2), 'point')})"
                      + (f", {plural(more + 1, 'failure')}, the first:" if more > 0 else ":"))
                for line in excerpt(t.failures[0] if t.failures else t.output):
                    print(f"    {line}")
        if g.debug:
            shown = "first 10 of " if len(g.debug) > 10 else ""
            print(f"\n{g.exercise['id']} printed with exercises::debug ({shown}{plural(len(g.debug), 'line')}):")
            for line in g.debug[:10]:
                print(f"    {line[:160]}")
    print(f"\nfull report, every failure of every test: {report}")


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
        for t in g.tests:
            share = g.share(t)
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
    parser.add_argument("--results", type=Path,
                        help="write Gradescope's results.json here (default: results.json in the build folder)")
    parser.add_argument("--build-dir", type=Path, default=DEFAULT_BUILD,
                        help="where to build (default: build-grade/ in the clone, which git ignores)")
    parser.add_argument("--hidden-tests", type=Path, help="extra test files NAME_*.cpp for exercise NAME")
    parser.add_argument("--timeout", type=int, default=60, help="seconds an exercise's tests may run")
    parser.add_argument("--build-timeout", type=int, default=300,
                        help="seconds each compile of a student's file may take")
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
        missing = [tool for tool in ("cmake", "ninja", "valgrind", "nm") if shutil.which(tool) is None]
        if missing:
            raise RuntimeError(f"{' and '.join(missing)} not found (bash scripts/install-deps.sh installs "
                               f"{'them' if len(missing) > 1 else 'it'})")
        grades = grade(student, build, hidden, args.timeout, args.build_timeout)
    except BadInput as problem:
        print(f"grade: {problem}", file=sys.stderr)
        return 2
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as problem:
        print(f"grade: internal error: {problem}", file=sys.stderr)
        return 1
    results = args.results or build / "results.json"
    temporary = results.with_name(results.name + ".partial")
    try:
        temporary.write_text(json.dumps(gradescope_results(grades), indent=2) + "\n", encoding="utf-8")
        temporary.replace(results)  # whole or not at all
    except OSError as problem:
        temporary.unlink(missing_ok=True)
        print(f"grade: --results: cannot write {results}: {problem.strerror}", file=sys.stderr)
        return 2
    print_table(grades, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
