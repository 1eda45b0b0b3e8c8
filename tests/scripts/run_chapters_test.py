"""The main job's order: scripts/run-chapters.sh builds and runs chapter 1 before it compiles anything of chapter
3, runs each chapter right after building it, builds chapter 3's CUDA backend only where a GPU is present or
--cuda asks for it, and builds the book last. The script's SCRIPT_DRY_RUN=1 prints, in order, the commands its
real run executes; the build folder's link line shows what chapter 1's program is made of.

usage: python3 tests/scripts/run_chapters_test.py BUILD_DIR   (a configured build: its link lines are read)
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts/run-chapters.sh"
BUILD = Path()  # from the command line
CHAPTERS = ["ch01-linear", "ch02-tanh", "ch03-gpu", "ch04-zoo", "ch05-depth"]


def dry_run(*arguments: str, path: str | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "SCRIPT_DRY_RUN": "1"}
    if path is not None:
        environment["PATH"] = path
    return subprocess.run(["bash", str(SCRIPT), *arguments], capture_output=True, text=True, env=environment)


def commands(*arguments: str, path: str | None = None) -> list[str]:
    done = dry_run(*arguments, path=path)
    assert done.returncode == 0, done.stdout + done.stderr
    return [line[2:] for line in done.stdout.splitlines() if line.startswith("+ ")]


def built_targets(command: str) -> list[str]:
    """The targets of a `cmake --build ... --target A B` command, or [] for any other command."""
    words = command.split()
    if words[:2] != ["cmake", "--build"] or "--target" not in words:
        return []
    return words[words.index("--target") + 1:]


class MainJob(unittest.TestCase):
    def setUp(self) -> None:
        # A PATH with no nvidia-smi on it: the machine has no GPU as far as the script can tell.
        self.no_gpu = tempfile.mkdtemp(prefix="no-gpu-")
        self.addCleanup(shutil.rmtree, self.no_gpu)
        for tool in ("bash", "dirname", "nproc", "grep", "mkdir"):  # what the dry run calls
            found = shutil.which(tool)
            if found:
                os.symlink(found, Path(self.no_gpu) / tool)
        self.steps = commands(path=self.no_gpu)

    def index(self, predicate, what: str) -> int:
        found = [i for i, command in enumerate(self.steps) if predicate(command)]
        self.assertTrue(found, f"the main job never {what}:\n" + "\n".join(self.steps))
        return found[0]

    def test_chapter_1_runs_before_anything_of_chapter_3_is_compiled(self) -> None:
        first_build = self.index(lambda c: bool(built_targets(c)), "builds")
        self.assertEqual(built_targets(self.steps[first_build]), ["ch01-linear"])
        runs_ch01 = self.index(lambda c: c == "build/chapters/ch01-linear", "runs chapter 1")
        builds_ch03 = self.index(lambda c: "ch03-gpu" in built_targets(c), "builds chapter 3")
        self.assertLess(first_build, runs_ch01)
        self.assertLess(runs_ch01, builds_ch03)
        # ... and chapter 1's program links nothing of the Thrust trainer (its CUDA backend included).
        link = (BUILD / "chapters/CMakeFiles/ch01-linear.dir/link.txt").read_text(encoding="utf-8")
        self.assertIn("libnn_program", link)
        self.assertNotIn("nn_batched", link)

    def test_each_chapter_runs_right_after_it_is_built_and_the_book_comes_last(self) -> None:
        order = []
        for command in self.steps:
            order += [f"build {target}" for target in built_targets(command)]
            for chapter in CHAPTERS:
                if f"build/chapters/{chapter}" in command.split() and not built_targets(command):
                    order.append(f"run {chapter}")
        for chapter, following in zip(CHAPTERS, CHAPTERS[1:] + [None]):
            built, ran = order.index(f"build {chapter}"), order.index(f"run {chapter}")
            self.assertLess(built, ran, chapter)
            if following:
                self.assertLess(ran, order.index(f"build {following}"), f"{chapter} runs before {following} builds")
        self.assertEqual(order[-1], "build book")

    def test_the_cuda_backend_is_configured_only_with_a_gpu_or_when_asked(self) -> None:
        configure = [c for c in self.steps if c.startswith("cmake --preset release")]
        self.assertEqual(configure, ["cmake --preset release -DNN_ENABLE_CUDA=OFF"])
        asked = [c for c in commands("--cuda", path=self.no_gpu) if c.startswith("cmake --preset release")]
        self.assertEqual(asked, ["cmake --preset release -DNN_ENABLE_CUDA=ON"])
        # A machine where nvidia-smi lists a GPU.
        (Path(self.no_gpu) / "nvidia-smi").write_text("#!/bin/sh\necho 'GPU 0: NVIDIA H100'\n", encoding="utf-8")
        (Path(self.no_gpu) / "nvidia-smi").chmod(0o755)
        with_gpu = [c for c in commands(path=self.no_gpu) if c.startswith("cmake --preset release")]
        self.assertEqual(with_gpu, ["cmake --preset release -DNN_ENABLE_CUDA=ON"])
        # The test suite's release build turns it back on in the same build folder: its preset sets it, and
        # scripts/test.sh configures with the preset alone.
        presets = json.loads((ROOT / "CMakePresets.json").read_text(encoding="utf-8"))
        release = next(p for p in presets["configurePresets"] if p["name"] == "release")
        self.assertEqual(release["cacheVariables"].get("NN_ENABLE_CUDA"), "ON")
        self.assertIn('cmake --preset "${preset}" >/dev/null', (ROOT / "scripts/test.sh").read_text(encoding="utf-8"))

    def test_an_unknown_argument_is_one_line_and_exit_status_2(self) -> None:
        done = dry_run("--gpu", path=self.no_gpu)
        self.assertEqual(done.returncode, 2)
        self.assertEqual(len(done.stderr.strip().splitlines()), 1, done.stderr)
        self.assertIn("--gpu", done.stderr)
        self.assertEqual(done.stdout, "")


if __name__ == "__main__":
    BUILD = Path(sys.argv.pop(1))
    unittest.main()
