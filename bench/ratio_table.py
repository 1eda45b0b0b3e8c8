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


cpp = json.load(open(sys.argv[1]))
rows, peak = [], None
gates = {"0": "and", "1": "xor"}
for b in cpp["benchmarks"]:
    if b.get("error_occurred"):
        rows.append((b["name"], "-", 0, 0.0, None, b.get("error_message", "error")))
        continue
    if b["name"].startswith("FmaPeak"):
        peak = b["GFLOP_per_s"]
        continue
    # A benchmark run several times reports its mean, median, stddev and cv; the table takes the median.
    if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
        continue
    name, networks, gate = b.get("run_name", b["name"]).split("/")[:3]
    if b.get("run_type") == "aggregate":
        name += f" (median of {b['repetitions']})"
    networks = int(networks)
    rows.append((name, gates[gate], networks, b["network_steps_per_s"], b["GFLOP_per_s"],
                 f"{round(b['learned_fraction'] * networks)} / {networks} learned"))
for line in open(sys.argv[2]):
    r = json.loads(line)
    rows.append((r["peer"], r["gate"], r["networks"], r["network_steps_per_s"], None,
                 f"{r['learned']} / {r['networks']} learned"))


ctx = cpp["context"]
print(f"# Trainer benchmark, {ctx['date']}, {platform.node()}, {ctx['num_cpus']} CPUs at {ctx['mhz_per_cpu']} MHz")
print(f"# CPU: {cpu_description()}")
print(f"# Workload: 2-5-5-1 tanh networks, full batch, Adam lr 0.1, L1, 1000 steps")
print(f"# fp32 FMA peak measured in the same run: {peak:.1f} GFLOP/s" if peak else "# no FMA peak measured")
reference = {g: max((r[3] for r in rows if r[1] == g and r[0].startswith("pytorch batched")), default=None)
             for g in ("and", "xor")}
single = {g: max((r[3] for r in rows if r[1] == g and r[0].startswith("pytorch one")), default=None) for g in ("and", "xor")}
print(f"{'peer':34} {'gate':4} {'networks':>9} {'net-steps/s':>12} {'GFLOP/s':>8} {'of peak':>8} "
      f"{'vs torch batched':>17} {'vs torch 1-at-a-time':>21}  check")
for name, gate, networks, rate, gflops, check in rows:
    if not rate:
        print(f"{name:34} {gate:4} {networks:>9} {'-':>12}  {check}")
        continue
    of_peak = f"{100 * gflops / peak:7.2f}%" if gflops and peak else "-"
    vs_batched = f"{rate / reference[gate]:16.2f}x" if reference.get(gate) else "-"
    vs_single = f"{rate / single[gate]:20.1f}x" if single.get(gate) else "-"
    gf = f"{gflops:8.2f}" if gflops else "-"
    print(f"{name:34} {gate:4} {networks:>9} {rate:12.3g} {gf:>8} {of_peak:>8} {vs_batched:>17} {vs_single:>21}  {check}")
cpu1 = next((r[3] for r in rows if r[0].startswith("ThrustCpu1Thread") and r[1] == "and"), None)
cpun = next((r[3] for r in rows if r[0].startswith("ThrustCpuAllThreads") and r[1] == "and"), None)
if cpu1 and cpun:
    print(f"# OpenMP scaling, all threads vs 1 thread on AND: {cpun / cpu1:.2f}x")
compiled = next((r for r in rows if r[0].startswith("ThrustCpuAllThreads") and r[1] == "and"), None)
general = next((r for r in rows if r[0].startswith("ThrustCpuGeneralPath") and r[1] == "and"), None)
if compiled and general and compiled[3] and general[3]:
    print(f"# General path vs compiled 2,5,5,1 on AND, all threads: {general[3] / compiled[3]:.2f}x "
          f"({general[5]} vs {compiled[5]}: the same networks, so the same count)")
