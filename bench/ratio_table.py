"""Turns trainer_benchmark's JSON and torch_peers.py's lines into one table of rates and ratios."""
import json
import platform
import sys


def cpu_description():
    """The CPU's model and widest vector extension: -march=native results differ between, say, AVX2 and
    AVX-512 machines of the same core count."""
    try:
        info = open("/proc/cpuinfo").read()
    except OSError:
        return platform.processor() or "unknown CPU"
    fields = {}
    for line in info.splitlines():
        key, _, value = line.partition(":")
        fields.setdefault(key.strip(), value.strip())
    flags = set(fields.get("flags", "").split())
    model = fields.get("model name", "unknown CPU")
    widest = next((f for f in ("avx512f", "avx2", "avx", "sse2") if f in flags), "no SIMD flags")
    return f"{model}, widest vector extension {widest}"


SHALLOW, DEEP = "2,5,5,1", "2,16x6,1"  # the two workloads of bench/workload.hpp
cpp = json.load(open(sys.argv[1]))
rows, peak = [], None
gates = {"0": "and", "1": "xor"}
for b in cpp["benchmarks"]:
    if b.get("error_occurred"):
        rows.append((b["name"], "-", "-", 0, 0.0, None, b.get("error_message", "error")))
        continue
    if b["name"].startswith("FmaPeak"):
        peak = b["GFLOP_per_s"]
        continue
    # A benchmark run several times reports its mean, median, stddev and cv; the table takes the median.
    if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
        continue
    name, networks, gate = b.get("run_name", b["name"]).split("/")[:3]
    shape = DEEP if name.startswith("Deep") else SHALLOW
    if b.get("run_type") == "aggregate":
        name += f" (median of {b['repetitions']})"
    networks = int(networks)
    rows.append((name, shape, gates[gate], networks, b["network_steps_per_s"], b["GFLOP_per_s"],
                 f"{round(b['learned_fraction'] * networks)} / {networks} learned"))
for line in open(sys.argv[2]):
    r = json.loads(line)
    rows.append((r["peer"], r.get("shape", SHALLOW), r["gate"], r["networks"], r["network_steps_per_s"], None,
                 f"{r['learned']} / {r['networks']} learned"))


ctx = cpp["context"]
print(f"# Trainer benchmark, {ctx['date']}, {platform.node()}, {ctx['num_cpus']} CPUs at {ctx['mhz_per_cpu']} MHz")
print(f"# CPU: {cpu_description()}")
print("# Workloads: 2,5,5,1 tanh networks, full batch, Adam lr 0.1, L1, 1000 steps; and 2,16x6,1 (six hidden "
      "layers of 16) tanh, full batch on AND, Adam lr 0.01, MSE, 1000 steps, which only the general path trains")
print(f"# fp32 FMA peak measured in the same run: {peak:.1f} GFLOP/s" if peak else "# no FMA peak measured")
try:  # the peers' ratios move with PyTorch's version as much as with the trainer
    import torch
    print(f"# PyTorch {torch.__version__}, {torch.get_num_threads()} threads")
except ImportError:
    pass
# Each row is compared with the PyTorch peers on its own shape and gate.
reference = {(r[1], r[2]): r[4] for r in rows if r[0].startswith("pytorch batched")}
single = {(r[1], r[2]): r[4] for r in rows if r[0].startswith("pytorch one")}
print(f"{'peer':38} {'shape':9} {'gate':4} {'networks':>9} {'net-steps/s':>12} {'GFLOP/s':>8} {'of peak':>8} "
      f"{'vs torch batched':>17} {'vs torch 1-at-a-time':>21}  check")
for name, shape, gate, networks, rate, gflops, check in rows:
    if not rate:
        print(f"{name:38} {shape:9} {gate:4} {networks:>9} {'-':>12}  {check}")
        continue
    of_peak = f"{100 * gflops / peak:7.2f}%" if gflops and peak else "-"
    vs_batched = f"{rate / reference[shape, gate]:16.2f}x" if reference.get((shape, gate)) else "-"
    vs_single = f"{rate / single[shape, gate]:20.1f}x" if single.get((shape, gate)) else "-"
    gf = f"{gflops:8.2f}" if gflops else "-"
    print(f"{name:38} {shape:9} {gate:4} {networks:>9} {rate:12.3g} {gf:>8} {of_peak:>8} {vs_batched:>17} "
          f"{vs_single:>21}  {check}")


def find(prefix, gate="and"):
    return next((r for r in rows if r[0].startswith(prefix) and r[2] == gate and r[4]), None)


cpu1, cpun = find("ThrustCpu1Thread"), find("ThrustCpuAllThreads")
if cpu1 and cpun:
    print(f"# OpenMP scaling, all threads vs 1 thread on AND: {cpun[4] / cpu1[4]:.2f}x")
general = find("ThrustCpuGeneralPath")
if cpun and general:
    print(f"# General path vs compiled 2,5,5,1 on AND, all threads: {general[4] / cpun[4]:.2f}x "
          f"({general[6]} vs {cpun[6]}: the same networks, so the same count)")
