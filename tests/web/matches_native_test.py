"""The chapter programs in the pages' WebAssembly module (src/web, run here under node) print what the
native programs print: the same --json document byte for byte, the same report, and the same one-line
refusal with exit code 2. Only what measures this machine differs and is left out: the progress lines (the
page draws them instead), chapter 3's "trained on ... in ... s" line, and a sweep's device and timings.

usage: matches_native_test.py NN_WEB_MODULE_JS CH01 CH02 CH03
"""

import json
import subprocess
import sys
import unittest
from pathlib import Path

RUNNER = Path(__file__).resolve().parent / "run_module.js"
MODULE = Path()
NATIVE: dict[str, str] = {}
ACTIVATIONS = ["none", "tanh", "sigmoid", "relu", "leaky-relu", "elu", "gelu", "softplus", "sin", "step"]
TIMINGS = {"device", "seconds", "network_steps_per_second"}


def run_both(program: str, args: list[str]) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess]:
    native = subprocess.run([NATIVE[program], *args], capture_output=True, text=True, timeout=300)
    page = subprocess.run(["node", str(RUNNER), str(MODULE), program, *args], capture_output=True, text=True,
                          timeout=300)
    return native, page


def report_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not line.startswith(("epoch ", "trained on "))]


def without_timings(value):
    if isinstance(value, dict):
        return {key: without_timings(item) for key, item in value.items() if key not in TIMINGS}
    if isinstance(value, list):
        return [without_timings(item) for item in value]
    return value


class ModuleMatchesNativePrograms(unittest.TestCase):
    def check_same_run(self, program: str, args: list[str]) -> dict:
        """The module's --json document and report are the native program's; returns the module's document
        ({} where they differ: the failure is already recorded)."""
        document = {}
        with self.subTest(program=program, args=" ".join(args)):
            native, page = run_both(program, [*args, "--json", "-"])
            self.assertEqual(native.returncode, 0, native.stderr)
            self.assertEqual(page.returncode, 0, page.stderr)
            self.assertEqual(page.stdout, native.stdout)
            self.assertEqual(report_lines(page.stderr), report_lines(native.stderr))
            document = json.loads(page.stdout)
        return document

    def test_chapter1_on_the_gates_and_a_point_set(self) -> None:
        for args in ([], ["--gate", "xor", "--loss", "mse"], ["--dataset", "ring", "--layers", "2,8,1"]):
            self.check_same_run("ch01-linear", args)

    def test_chapter2_every_activation_on_a_gate_and_point_sets(self) -> None:
        for activation in ACTIVATIONS:
            for data in ([], ["--dataset", "ring", "--layers", "2,8,1"],
                         ["--dataset", "spirals", "--layers", "2,16,16,1", "--epochs", "3"]):
                self.check_same_run("ch02-tanh", ["--activation", activation, *data])
        self.check_same_run("ch02-tanh", ["--layers", "2,7,3,1", "--gate", "xor", "--loss", "mse",
                                          "--optimizer", "sgd", "--full-batch", "--seed", "18446744073709551615"])
        self.check_same_run("ch02-tanh", ["--dataset", "comfort", "--layers", "2,8,1", "--loss", "mse",
                                          "--lr", "0.05", "--epochs", "40", "--batches-per-epoch", "10",
                                          "--full-batch", "--activation", "leaky-relu"])

    def test_chapter2_deep_traced_run(self) -> None:
        # Chapter 5's widget: six hidden layers of eight sigmoid units on the ring, every layer's gradient traced
        # at initialisation and after the last epoch: the module's document, layer_trace included, is the native
        # one byte for byte, and it holds both epochs' seven layers.
        args = ["--layers", "2,8,8,8,8,8,8,1", "--activation", "sigmoid", "--output-activation", "none",
                "--dataset", "ring", "--loss", "mse", "--lr", "0.05", "--epochs", "40", "--batches-per-epoch", "10",
                "--full-batch", "--trace-layers"]
        page_trace = self.check_same_run("ch02-tanh", args).get("layer_trace", [])
        self.assertEqual([trace["epoch"] for trace in page_trace], [0, 40])
        self.assertEqual([len(trace["layer_gradient_norms"]) for trace in page_trace], [7, 7])
        # Traced at chosen epochs, with He's weights and ReLU, and with no hidden layer at all.
        self.check_same_run("ch02-tanh", ["--layers", "2,16,16,16,16,16,16,16,16,1", "--activation", "relu",
                                          "--init", "he", "--dataset", "spirals", "--epochs", "3",
                                          "--trace-layers", "--trace-epochs", "0,1,3"])
        self.check_same_run("ch02-tanh", ["--layers", "2,1", "--activation", "tanh", "--trace-layers"])

    def test_chapter3_one_network(self) -> None:
        self.check_same_run("ch03-gpu", ["--device", "cpu", "--layers", "2,5,5,1"])

    def test_chapter3_sweep_counts(self) -> None:
        args = ["--sweep", "--device", "cpu", "--networks", "40", "--activations", "none,tanh,relu",
                "--grid-layers", "2,1,1", "--grid-layers", "2,5,5,1", "--json", "-", "--quiet"]
        native, page = run_both("ch03-gpu", args)
        self.assertEqual((native.returncode, page.returncode), (0, 0), page.stderr)
        native_document, page_document = json.loads(native.stdout), json.loads(page.stdout)
        self.assertEqual(len(page_document["configurations"]), 6)
        self.assertEqual(without_timings(page_document), without_timings(native_document))
        self.assertIn("cpu (WebAssembly", page.stdout)

    def test_refusals_are_the_same_line(self) -> None:
        cases = [("ch02-tanh", ["--lr", "-1"]), ("ch02-tanh", ["--lr", "x"]), ("ch02-tanh", ["--lr", ""]),
                 ("ch02-tanh", ["--layers", "2,0,1"]), ("ch02-tanh", ["--layers", ""]),
                 ("ch02-tanh", ["--activation", "swish"]), ("ch02-tanh", ["--epochs", "1.5"]),
                 ("ch02-tanh", ["--dataset", "ring", "--gate", "xor"]), ("ch02-tanh", ["--seed", "-1"]),
                 ("ch01-linear", ["--activation", "tanh"]), ("ch03-gpu", ["--sweep", "--networks", "0"]),
                 ("ch03-gpu", ["--sweep", "--lrs", "0.1,+0.2"]), ("ch03-gpu", ["--sweep", "--lrs", "0x1p-3"]),
                 ("ch03-gpu", ["--sweep", "--grid-layers", "2,99,1"])]
        for program, args in cases:
            with self.subTest(program=program, args=args):
                native, page = run_both(program, args)
                self.assertEqual(native.returncode, 2, native.stderr)
                self.assertEqual(page.returncode, 2, page.stderr)
                self.assertEqual(page.stderr, native.stderr)
                self.assertEqual(len(page.stderr.splitlines()), 1, page.stderr)
                self.assertEqual(page.stdout, "")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        print("usage: matches_native_test.py NN_WEB_MODULE_JS CH01 CH02 CH03", file=sys.stderr)
        sys.exit(2)
    MODULE = Path(sys.argv[1]).resolve()
    NATIVE.update(zip(["ch01-linear", "ch02-tanh", "ch03-gpu"], sys.argv[2:5]))
    unittest.main(argv=sys.argv[:1])
