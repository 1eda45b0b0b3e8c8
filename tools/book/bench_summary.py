"""The benchmarks page's opening: one sentence and one table of rates and ratios, read from the latest GPU
check record (docs/reference/gpu-check.txt, scripts/gpu-check.sh) and the latest CPU benchmark record
(bench/results/HOST-YYYYMMDD.txt, bench/run.sh). Every number is one the records printed, or a ratio of two
of them; the records themselves follow on the page.

usage: python3 tools/book/bench_summary.py GPU_RECORD CPU_RECORD > docs/generated/benchmark-summary.md

Both records time the same workloads (bench/workload.hpp): 2-5-5-1 tanh networks on AND, full batch, Adam,
1000 steps; and, in newer records, a deep shape (2,16x6,1) that only the trainer's general path trains. A
step a record lacks (no PyTorch on the card, no GPU check yet, no deep shape) leaves its rows out and the
text says so; a record that is not a record at all is an error, one line, exit status 1.
"""

import json
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path


# The rows' names, as the tables show them.
BATCHED, ONE_AT_A_TIME, ONE_THREAD = "PyTorch, batched", "PyTorch, one at a time", "Thrust, OpenMP, 1 thread"
# The workloads' shapes as the records spell them; rows of records older than the deep shape have none.
SHALLOW, DEEP = "2,5,5,1", "2,16x6,1"


class RecordError(Exception):
    """A record that lacks what every record has (its date, its machine)."""


@dataclass
class Row:
    trainer: str
    networks: int
    learned: int
    rate: float  # network-steps per second, as the record printed it
    speedup: float | None  # the Thrust trainer's rate on the same machine divided by this row's


@dataclass
class Machine:
    name: str  # the card or the CPU, as the record names it
    date: str  # YYYY-MM-DD
    rows: list[Row]
    missing: list[str]  # the peers the record has no measurement of, with why
    threads: str = ""  # the CPU record's CPU count, which its OpenMP rows use
    deep: list[Row] | None = None  # the deep shape's rows, where the record has them


def sections(record: str) -> dict[str, str]:
    """The record's "## title" sections by the title's first words (up to a colon or a parenthesis)."""
    parts = re.split(r"^## ", record, flags=re.M)
    return {re.split(r"[:(]", part, maxsplit=1)[0].strip(): part for part in parts[1:]}


def learned_of_networks(benchmark: str) -> tuple[int, int] | None:
    """How many tanh 2,5,5,1 networks learned AND, of how many, from a sweep's table in the record: the older
    table's "907092 / 1048576", or the newer one's "907092  86.5 [86.4, 86.6]" under "Sweep: N networks"."""
    old = re.search(r"^2,5,5,1\s+tanh\s+and\s+\S+\s+(\d+) / (\d+)", benchmark, flags=re.M)
    if old:
        return int(old.group(1)), int(old.group(2))
    new = re.search(r"^2,5,5,1\s+tanh\s+and\s+\S+\s+(\d+)\s+[\d.]+ \[", benchmark, flags=re.M)
    networks = re.search(r"^Sweep: (\d+) networks per configuration", benchmark, flags=re.M)
    return (int(new.group(1)), int(networks.group(1))) if new and networks else None


def gpu_machine(record: str) -> Machine:
    header = re.match(r"# GPU check, (\d{4}-\d{2}-\d{2})T", record)
    card = re.search(r"^name, .*\n([^,\n]+),", record, flags=re.M)
    if not header or not card:
        raise RecordError("the GPU record has no '# GPU check, DATE' line or no nvidia-smi line naming its card")
    parts = sections(record)
    rows, missing = [], []

    benchmark = parts.get("benchmark", "")
    timed = re.search(r"^2,5,5,1 tanh and lr \S+: \S+ s, (\S+) network-steps/s on cuda", benchmark, flags=re.M)
    counted = learned_of_networks(benchmark)
    if not timed or not counted:
        return Machine(card.group(1), header.group(1), [], ["the Thrust trainer (the record has no CUDA benchmark)"])
    thrust = float(timed.group(1))
    rows.append(Row("Thrust, CUDA", counted[1], counted[0], thrust, None))

    # The peers by their name's first words ("pytorch batched (bmm)" in older records, "(baddbmm)" in newer)
    # and their shape.
    peers = {}
    peer_lines = parts.get("PyTorch peers on the same card", parts.get("PyTorch peer on the same card", ""))
    for line in peer_lines.splitlines():
        if line.startswith("{"):
            peer = json.loads(line)
            if peer.get("gate") == "and":
                name = "pytorch batched" if peer["peer"].startswith("pytorch batched") else peer["peer"]
                peers[name, peer.get("shape", SHALLOW)] = peer
    for key, trainer in (("pytorch batched", BATCHED), ("pytorch one at a time", ONE_AT_A_TIME)):
        if (key, SHALLOW) in peers:
            peer = peers[key, SHALLOW]
            rate = peer["network_steps_per_s"]
            rows.append(Row(trainer, peer["networks"], peer["learned"], rate, thrust / rate))
        else:
            missing.append(f"{trainer} (not in the record)")

    deep = None
    general = parts.get("benchmark, general path", "")
    timed = re.search(r"^2,16,16,16,16,16,16,1 tanh and lr \S+: \S+ s, (\S+) network-steps/s on cuda", general,
                      flags=re.M)
    counted = re.search(r"^2,16,16,16,16,16,16,1\s+tanh\s+and\s+\S+\s+(\d+)\s+[\d.]+ \[", general, flags=re.M)
    networks = re.search(r"^Sweep: (\d+) networks per configuration", general, flags=re.M)
    if timed and counted and networks:
        rate = float(timed.group(1))
        deep = [Row("Thrust, CUDA, general path", int(networks.group(1)), int(counted.group(1)), rate, None)]
        if ("pytorch batched", DEEP) in peers:
            peer = peers["pytorch batched", DEEP]
            deep.append(Row(BATCHED, peer["networks"], peer["learned"], peer["network_steps_per_s"],
                            rate / peer["network_steps_per_s"]))
    return Machine(card.group(1), header.group(1), rows, missing, deep=deep)


CPU_ROW = re.compile(r"^(?P<peer>\S.*?)\s+(?:(?P<shape>2,\S+)\s+)?(?P<gate>and|xor)\s+(?P<networks>\d+)\s+(?P<rate>\d\S*)\s+\S+\s+\S+\s+"
                     r"(?P<vs_batched>\S+)\s+(?P<vs_single>\S+)\s+(?P<learned>\d+) / \d+ learned$")
CPU_TRAINERS = {  # the record's peer, as it starts, and the book's name for it
    "ThrustCpuAllThreads": "Thrust, OpenMP, {cpus} threads",
    "ThrustCpu1Thread": ONE_THREAD,
    "ThrustCpuGeneralPath": "Thrust, OpenMP, {cpus} threads, general path",
    "XtensorOneAtATime": "xtensor (chapter 2), one at a time",
    "pytorch batched": BATCHED,
    "pytorch one at a time": ONE_AT_A_TIME,
}


def cpu_machine(record: str) -> Machine:
    header = re.match(r"# Trainer benchmark, (\d{4}-\d{2}-\d{2})T[^,]*, ([^,]+), (\d+) CPUs at (\d+) MHz", record)
    cpu = re.search(r"^# CPU: (.*)$", record, flags=re.M)
    if not header or not cpu:
        raise RecordError("the CPU record has no '# Trainer benchmark, DATE, HOST, N CPUs' line or no '# CPU:' line")
    date, host, cpus, mhz = header.groups()
    measured, deep_measured = {}, {}
    for line in record.splitlines():
        row = CPU_ROW.match(line)
        if row and row["gate"] == "and":
            if row["shape"] == DEEP:
                key = next((k for k in ("DeepThrustCpuAllThreads", "pytorch batched") if row["peer"].startswith(k)),
                           None)
                if key:
                    deep_measured[key] = row
                continue
            key = next((k for k in CPU_TRAINERS if row["peer"].startswith(k)), None)
            if key:
                measured[key] = row
    name = f"{host}, {cpus} CPUs at {mhz} MHz, {cpu.group(1)}"
    thrust = measured.get("ThrustCpuAllThreads")
    if thrust is None:
        return Machine(name, date, [], ["the Thrust trainer (the record has no OpenMP row)"])

    # The speed-ups come from the record's "vs torch 1-at-a-time" column, the one it prints with the most
    # digits: Thrust's ratio there divided by the row's is Thrust's rate divided by the row's.
    def speedup(row) -> float | None:
        try:
            return float(thrust["vs_single"].rstrip("x")) / float(row["vs_single"].rstrip("x"))
        except ValueError:  # "-": the record has no PyTorch one at a time to compare with
            return float(thrust["rate"]) / float(row["rate"])

    rows, missing = [], []
    for key, trainer in CPU_TRAINERS.items():
        trainer = trainer.format(cpus=cpus)
        if key not in measured:
            missing.append(f"{trainer} (not in the record)")
            continue
        row = measured[key]
        rows.append(Row(trainer, int(row["networks"]), int(row["learned"]), float(row["rate"]),
                        None if row is thrust else speedup(row)))

    # The deep shape: the general path's rate over batched PyTorch's, from the record's "vs torch batched"
    # column (both rows of one shape are compared with that shape's PyTorch row).
    deep = None
    if "DeepThrustCpuAllThreads" in deep_measured:
        general = deep_measured["DeepThrustCpuAllThreads"]
        deep = [Row(f"Thrust, OpenMP, {cpus} threads, general path", int(general["networks"]), int(general["learned"]),
                    float(general["rate"]), None)]
        if "pytorch batched" in deep_measured:
            peer = deep_measured["pytorch batched"]
            deep.append(Row(BATCHED, int(peer["networks"]), int(peer["learned"]), float(peer["rate"]),
                            float(general["vs_batched"].rstrip("x"))))
    return Machine(name, date, rows, missing, cpus, deep)


def significant(value: float, digits: int = 3) -> str:
    """value to `digits` significant digits, grouped by thousands: 6.75, 22.1, 9,220, 1.1 million."""
    if value >= 1e6:
        return significant(value / 1e6, digits) + " million"
    magnitude = math.floor(math.log10(abs(value)))
    rounded = round(value, digits - 1 - magnitude)
    if magnitude >= digits - 1:
        return f"{rounded:,.0f}"
    return f"{rounded:.{digits - 1 - magnitude}f}".rstrip("0").rstrip(".")  # 1.2e+06 stays 1.2, not 1.20


def table(machine: Machine, rows: list[Row] | None = None) -> str:
    lines = ["| trainer | networks | learned AND | network-steps/s | Thrust's rate ÷ this |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for row in machine.rows if rows is None else rows:
        ratio = "1×" if row.speedup is None else f"{significant(row.speedup)}×"
        lines.append(f"| {row.trainer} | {row.networks:,} | {row.learned:,} | {significant(row.rate)} | {ratio} |")
    for what in machine.missing if rows is None else []:
        lines.append(f"| {what} | | | | |")
    return "\n".join(lines)


def summary(gpu: Machine, cpu: Machine, workload: str) -> str:
    def versus(machine: Machine, *peers: tuple[str, str]) -> str:
        """ "6.75 times the rate of PyTorch ... and ...", for the peers the record measured."""
        rows = {row.trainer: row for row in machine.rows}
        found = [f"{significant(rows[trainer].speedup)} times the rate of {words}"
                 for trainer, words in peers if trainer in rows]
        return " and ".join(found) if found else f"{significant(machine.rows[0].rate)} network-steps/s (the record " \
            "has no PyTorch run to compare with)"

    sentences = []
    if gpu.rows:
        sentences.append(f"On an {gpu.name}, the Thrust trainer ran at " + versus(
            gpu, (BATCHED, "PyTorch training the same networks batched on the same card"),
            (ONE_AT_A_TIME, "PyTorch training them one at a time")) + ".")
    if cpu.rows:
        threads = next((r for r in cpu.rows if r.trainer == ONE_THREAD), None)
        scaling = (f"; its {cpu.threads} threads ran {significant(threads.speedup)} times as fast as one"
                   if threads else "")
        sentences.append(f"On the {cpu.threads}-CPU machine of the CPU benchmark, it ran at " + versus(
            cpu, (BATCHED, "batched PyTorch"), (ONE_AT_A_TIME, "PyTorch one network at a time")) + scaling + ".")
    deep = [machine for machine in (gpu, cpu) if machine.deep and len(machine.deep) > 1]
    for machine in deep:
        where = "on the card" if machine is gpu else "on the CPU"
        sentences.append(f"On the deep shape ({DEEP}: six hidden layers of 16 units, Adam at lr 0.01, MSE), which "
                         f"only its general path trains, it ran {where} at {significant(machine.deep[1].speedup)} "
                         "times the rate of batched PyTorch.")
    sentences.append("Each row says how many of its networks learned AND, so a fast trainer that learned less would "
                     f"show. The workloads, as the CPU record names them: {workload}.")
    parts = [" ".join(sentences),
             f"**GPU:** {gpu.name}, GPU check of {gpu.date}.", table(gpu),
             f"**CPU:** {cpu.name}, benchmark of {cpu.date}.", table(cpu)]
    for machine, label in ((gpu, "GPU"), (cpu, "CPU")):
        if machine.deep:
            parts += [f"**{label}, deep shape {DEEP}:** the same record.", table(machine, machine.deep)]
    return "\n\n".join(parts) + "\n"


def main() -> int:
    if len(sys.argv) != 3:
        print("usage: bench_summary.py GPU_RECORD CPU_RECORD", file=sys.stderr)
        return 2
    try:
        gpu = gpu_machine(Path(sys.argv[1]).read_text(encoding="utf-8"))
        cpu_record = Path(sys.argv[2]).read_text(encoding="utf-8")
        cpu = cpu_machine(cpu_record)
        workload = re.search(r"^# Workloads?: (.*)$", cpu_record, flags=re.M)
        workload = workload.group(1) if workload else "the networks of bench/workload.hpp"
    except (OSError, RecordError) as error:
        print(f"bench_summary: {error}", file=sys.stderr)
        return 1
    sys.stdout.write(summary(gpu, cpu, workload))
    return 0


if __name__ == "__main__":
    sys.exit(main())
