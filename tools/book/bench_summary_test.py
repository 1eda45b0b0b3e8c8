"""bench_summary.py on the committed records: its ratios agree with the ones the CPU record printed itself
and with the GPU record's rates; a record that lacks a step leaves its rows out and says so; a file that
is not a record fails with one line.

usage: python3 tools/book/bench_summary_test.py
"""

import json
import re
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools/book/bench_summary.py"
GPU_RECORD = ROOT / "docs/reference/gpu-check.txt"
# The latest CPU record by its date, as generate.sh picks it.
CPU_RECORD = max((ROOT / "bench/results").glob("*.txt"), key=lambda path: path.stem.rsplit("-", 1)[-1])


def run(gpu: Path, cpu: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOL), str(gpu), str(cpu)], capture_output=True, text=True)


def ratio_in(summary: str, trainer: str, table: str) -> float:
    """The last column of TRAINER's row in the table after "**TABLE:**"."""
    part = summary.split(f"**{table}:**", 1)[1]
    row = next(line for line in part.splitlines() if line.startswith(f"| {trainer} |"))
    return float(row.split("|")[-2].strip().removesuffix("×").replace(",", ""))


def three_digits(value: float) -> float:
    return float(f"{value:.3g}")


class CommittedRecords(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        result = run(GPU_RECORD, CPU_RECORD)
        assert result.returncode == 0, result.stderr
        cls.summary = result.stdout

    def test_cpu_ratios_are_the_ones_the_record_printed(self) -> None:
        record = CPU_RECORD.read_text(encoding="utf-8")
        thrust = next(line for line in record.splitlines() if line.startswith("ThrustCpuAllThreads") and " and " in line)
        vs_batched = float(re.findall(r"([\d.]+)x", thrust)[0])  # the record's "vs torch batched" column
        scaling = float(re.search(r"# OpenMP scaling.*: ([\d.]+)x", record).group(1))
        self.assertEqual(ratio_in(self.summary, "PyTorch, batched", "CPU"), three_digits(vs_batched))
        self.assertEqual(ratio_in(self.summary, "Thrust, OpenMP, 1 thread", "CPU"), three_digits(scaling))
        self.assertIn(f"{three_digits(scaling)} times as fast as one", self.summary)

    def test_deep_shape_ratio_is_the_one_the_record_printed(self) -> None:
        record = CPU_RECORD.read_text(encoding="utf-8")
        deep = next(line for line in record.splitlines() if line.startswith("DeepThrustCpuAllThreads"))
        vs_batched = float(re.findall(r"\s([\d.]+)x\s", deep)[0])  # not the shape's "16x6"
        deep_table = self.summary.split("**CPU, deep shape", 1)[1]
        self.assertEqual(ratio_in("**CPU, deep shape" + deep_table, "PyTorch, batched", "CPU, deep shape 2,16x6,1"),
                         three_digits(vs_batched))
        self.assertIn(f"on the CPU at {three_digits(vs_batched)} times the rate of batched PyTorch", self.summary)

    def test_gpu_ratio_is_thrust_over_pytorch_from_the_record(self) -> None:
        record = GPU_RECORD.read_text(encoding="utf-8")
        benchmark = record.split("## benchmark", 1)[1].split("\n## ", 1)[0]
        thrust = float(re.search(r"^2,5,5,1 tanh and .*?([\d.e+]+) network-steps/s", benchmark, flags=re.M).group(1))
        peers = [json.loads(line) for line in record.splitlines() if line.startswith('{"peer"')]
        batched = next(p for p in peers if p["peer"].startswith("pytorch batched"))["network_steps_per_s"]
        self.assertEqual(ratio_in(self.summary, "PyTorch, batched", "GPU"), three_digits(thrust / batched))
        self.assertIn(f"{three_digits(thrust / batched)} times the rate of PyTorch", self.summary)

    def test_names_machines_and_dates(self) -> None:
        gpu_date = re.match(r"# GPU check, (\d{4}-\d\d-\d\d)", GPU_RECORD.read_text(encoding="utf-8")).group(1)
        cpu_date = re.match(r"# Trainer benchmark, (\d{4}-\d\d-\d\d)", CPU_RECORD.read_text(encoding="utf-8")).group(1)
        self.assertIn(f"GPU check of {gpu_date}", self.summary)
        self.assertIn(f"benchmark of {cpu_date}", self.summary)


def run_with_gpu_record(text: str) -> subprocess.CompletedProcess:
    """The tool on the committed CPU record and a GPU record with this text."""
    with tempfile.TemporaryDirectory() as folder:
        gpu = Path(folder) / "gpu-check.txt"
        gpu.write_text(text, encoding="utf-8")
        return run(gpu, CPU_RECORD)


class IncompleteRecords(unittest.TestCase):
    def test_a_gpu_record_without_pytorch_leaves_its_rows_out(self) -> None:
        record = GPU_RECORD.read_text(encoding="utf-8")
        without = re.sub(r'^\{"peer".*\n', "", record, flags=re.M)
        self.assertNotEqual(without, record)
        result = run_with_gpu_record(without)
        self.assertEqual(result.returncode, 0, result.stderr)
        gpu_table = result.stdout.split("**GPU:**", 1)[1].split("**CPU:**", 1)[0]
        self.assertIn("| PyTorch, batched (not in the record) |", gpu_table)
        self.assertNotIn("times the rate of PyTorch training the same networks", result.stdout)

    def test_a_gpu_record_with_the_newer_sweep_table_is_read_the_same(self) -> None:
        # Since the sweep gained intervals, a row reads "count  % [interval]" under "Sweep: N networks".
        record = GPU_RECORD.read_text(encoding="utf-8")
        newer = re.sub(r"^(2,5,5,1\s+tanh\s+and\s+\S+\s+)(\d+) / \d+\s+([\d.]+)%",
                       lambda m: f"{m.group(1)}{m.group(2)}  {m.group(3)} [0.0, 100.0]", record, flags=re.M)
        self.assertNotEqual(newer, record)
        result = run_with_gpu_record(newer)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, run(GPU_RECORD, CPU_RECORD).stdout)

    def test_a_gpu_record_with_the_deep_shape_shows_its_rows(self) -> None:
        # A newer check (scripts/gpu-check.sh) times the general path on the deep shape, and its PyTorch peers
        # name their shape; made here from the committed record, with made-up rates, until a card runs it.
        record = GPU_RECORD.read_text(encoding="utf-8").replace("## PyTorch peer on", "## PyTorch peers on")
        general = ("## benchmark, general path: N = 2^18 networks 2,16x6,1\nSweep: 262144 networks per configuration\n"
                   "2,16,16,16,16,16,16,1 tanh       and  0.01     261000  99.6 [99.5, 99.6]\n"
                   "2,16,16,16,16,16,16,1 tanh and lr 0.01: 10 s, 2.0e+07 network-steps/s on cuda (H100)\n\n")
        peer = json.dumps({"peer": "pytorch batched (baddbmm)", "shape": "2,16x6,1", "gate": "and", "networks": 262144,
                           "seconds": 50, "network_steps_per_s": 5.0e6, "learned": 260000})
        newer = record.replace("## PyTorch peers on", general + "## PyTorch peers on", 1)
        newer = re.sub(r'^(\{"peer": "pytorch batched.*)$', lambda m: m.group(1) + "\n" + peer, newer, count=1,
                       flags=re.M)
        result = run_with_gpu_record(newer)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("**GPU, deep shape 2,16x6,1:**", result.stdout)
        self.assertEqual(ratio_in(result.stdout, "PyTorch, batched", "GPU, deep shape 2,16x6,1"), 4.0)
        self.assertIn("on the card at 4 times the rate of batched PyTorch", result.stdout)
        # The 2,5,5,1 table reads the same as before: the deep peer is not taken for the shallow one.
        shallow = result.stdout.split("**GPU:**", 1)[1].split("**CPU:**", 1)[0]
        self.assertEqual(shallow, run(GPU_RECORD, CPU_RECORD).stdout.split("**GPU:**", 1)[1].split("**CPU:**", 1)[0])

    def test_a_file_that_is_not_a_record_fails_with_one_line(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            other = Path(folder) / "notes.txt"
            other.write_text("nothing measured here\n", encoding="utf-8")
            result = run(GPU_RECORD, other)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)
        self.assertIn("CPU record", result.stderr)


if __name__ == "__main__":
    unittest.main()
