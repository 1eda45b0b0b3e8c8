"""What the compiler made of chapter 3's trainer on the GPU: for every compiled TrainGroup kernel (per shape,
one for none, one for tanh and one, "run-time", that reads any other activation when it runs), the registers a thread uses, its stack frame and its local memory, as the compiled
CUDA backend records them (cuobjdump --dump-resource-usage). A kernel with neither a stack frame nor local
memory keeps every per-network array in registers; where there is a frame, ptxas -v on the embedded PTX
says how much of it is spills.

usage: python3 tools/book/kernel_resources.py OUT_DIR [CUDA_LIBRARY]

Writes OUT_DIR/ch03-kernel-resources.txt (a table for the book) and OUT_DIR/ch03-kernel-resources.json.
CUDA_LIBRARY is the CUDA backend's library or object (libnn_batched_cuda.a); without it, or empty, the CUDA
backend was not built, which both files say. The tools are found on PATH, in /usr/local/cuda/bin or in
PyPI's nvidia-cuda-cuobjdump (scripts/install-deps.sh installs it); CUOBJDUMP, PTXAS and CXXFILT override.
"""

from __future__ import annotations  # the GPU machine's python3 may be older than this one

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

NOT_BUILT = ("The CUDA backend was not built in this configuration, so there are no GPU kernels to report\n"
             "(bash scripts/run-chapters.sh --cuda builds it where the CUDA Toolkit is, even without a GPU).")

# nn::Activation's enumerators in declaration order (src/nn/activation.hpp), as the book names them: a
# demangled template argument shows the number, "(nn::Activation)1". The test checks the order.
ACTIVATIONS = ["none", "tanh", "sigmoid", "relu", "leaky-relu", "elu", "gelu", "softplus", "sin", "step"]
# TrainGroup's nn::batched::any_activation, (nn::Activation)255: the kernel that reads the activation at run time.
RUN_TIME = "run-time"
RUN_TIME_NUMBER = 255

# nn::batched::AnyShape is the general path, sizes read at run time: its layers are reported as [] ("any").
# (The trainer's names were nn::TrainGroup and nn::Shape before it had a namespace of its own; records of
# that time, such as the test's sample, still read.)
TRAINER = re.compile(r"nn::(?:batched::)?TrainGroup<nn::(?:batched::)?(?:Shape<([0-9, ]+)>|AnyShape), (\d+), "
                     r"(?:\(nn::Activation\)(\d+)|nn::Activation::(\w+))>")


def find_tool(name: str, variable: str) -> str | None:
    """The tool's path: $variable, PATH, the CUDA Toolkit, or a PyPI nvidia package (nvidia/cu13/bin)."""
    if os.environ.get(variable):
        return os.environ[variable]
    found = shutil.which(name) or shutil.which(name, path="/usr/local/cuda/bin")
    if found:
        return found
    for folder in sys.path:
        for candidate in sorted(glob.glob(os.path.join(folder, "nvidia", "*", "bin", name)), reverse=True):
            if os.access(candidate, os.X_OK):
                return candidate
    return None


def run(command: list[str], cwd: str | None = None) -> str:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:2])} failed ({result.returncode}): {result.stderr.strip()}")
    return result.stdout + result.stderr  # ptxas -v writes its report to stderr


def parse_resource_usage(text: str) -> list[dict]:
    """cuobjdump --dump-resource-usage's report: one entry per function of each ELF (cubin)."""
    functions, arch, name = [], None, None
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("arch = "):
            arch = stripped[len("arch = "):]
        elif stripped.startswith("Function ") and stripped.endswith(":"):
            name = stripped[len("Function "):-1]
        elif name and stripped.startswith("REG:"):
            usage = dict(item.split(":", 1) for item in stripped.split())
            functions.append({"function": name, "arch": arch, "registers": int(usage["REG"]),
                              "stack_frame_bytes": int(usage["STACK"]), "shared_bytes": int(usage["SHARED"]),
                              "local_memory_bytes": int(usage["LOCAL"])})
            name = None
    return functions


def parse_ptxas_report(text: str) -> dict[str, dict]:
    """ptxas -v's report, per entry function: registers, stack frame and spill bytes."""
    report, name = {}, None
    for line in text.splitlines():
        if match := re.search(r"Function properties for (\S+)", line):
            name = match.group(1)
        elif name and (match := re.search(r"(\d+) bytes stack frame, (\d+) bytes spill stores, (\d+) bytes spill loads", line)):
            report[name] = {"stack_frame_bytes": int(match.group(1)), "spill_store_bytes": int(match.group(2)),
                            "spill_load_bytes": int(match.group(3))}
        elif name and (match := re.search(r"Used (\d+) registers", line)):
            report[name]["registers"] = int(match.group(1))
    return report


def demangle(names: list[str]) -> list[str]:
    """The names as C++ spells them, one per input, by cu++filt or binutils' c++filt."""
    tool = find_tool("cu++filt", "CXXFILT") or find_tool("c++filt", "CXXFILT")
    if not tool or not names:
        return list(names)
    result = subprocess.run([tool], input="\n".join(names) + "\n", capture_output=True, text=True, check=True)
    demangled = result.stdout.splitlines()
    return demangled if len(demangled) == len(names) else list(names)


def trainer_kernel(demangled: str) -> dict | None:
    """Shape, lanes and activation of a TrainGroup kernel, or None for Thrust's own kernels (fill, sort)."""
    match = TRAINER.search(demangled)
    if not match:
        return None
    layers, lanes, number, name = match.groups()
    if number is not None:
        activation = RUN_TIME if int(number) == RUN_TIME_NUMBER else ACTIVATIONS[int(number)]
    else:
        activation = "none" if name == "identity" else name.replace("_", "-")
    sizes = [int(size) for size in layers.split(",")] if layers else []
    return {"layers": sizes, "lanes": int(lanes), "activation": activation}


def spills_from_ptxas(library: str, entries: list[dict], cuobjdump: str) -> None:
    """Adds ptxas's spill counts to the entries that have a stack frame or local memory: ptxas compiles the
    library's PTX for those entries again, with the options the build recorded beside it."""
    ptxas = find_tool("ptxas", "PTXAS")
    if not ptxas:
        return
    with tempfile.TemporaryDirectory(prefix="kernel-resources-") as folder:
        listing = run([cuobjdump, "-xptx", "all", os.path.abspath(library)], cwd=folder)
        ptx_files = {}  # arch -> (file, options)
        for match in re.finditer(r"Extracting PTX file and ptxas options\s+\d+:\s+(\S+\.ptx)(.*)", listing):
            arch = re.search(r"(sm_\d+a?)\.ptx$", match.group(1))
            ptx_files[arch.group(1) if arch else None] = (match.group(1), match.group(2).split())
        for entry in entries:
            ptx = ptx_files.get(entry["arch"]) or ptx_files.get(None)
            if not ptx:
                continue
            file, options = ptx
            if not any(option.startswith("-arch") for option in options):
                options = options + [f"-arch={entry['arch']}"]
            report = parse_ptxas_report(run([ptxas, "-v", *options, "-e", entry["function"], file, "-o", os.devnull],
                                            cwd=folder)).get(entry["function"])
            # The spill counts hold for the build's own code only if ptxas made the same choices again.
            if report and report.get("registers") == entry["registers"] \
                    and report["stack_frame_bytes"] == entry["stack_frame_bytes"]:
                entry["spill_store_bytes"] = report["spill_store_bytes"]
                entry["spill_load_bytes"] = report["spill_load_bytes"]
                entry["spills_from"] = "ptxas -v"


def measure(library: str) -> dict:
    """The library's trainer kernels and their resources, as the JSON file holds them."""
    cuobjdump = find_tool("cuobjdump", "CUOBJDUMP")
    if not cuobjdump:
        raise RuntimeError("cuobjdump is missing (scripts/install-deps.sh installs it, from PyPI's "
                           "nvidia-cuda-cuobjdump)")
    functions = parse_resource_usage(run([cuobjdump, "--dump-resource-usage", library]))
    kernels, others = [], 0
    for function, demangled in zip(functions, demangle([f["function"] for f in functions])):
        trainer = trainer_kernel(demangled)
        if trainer is None:
            others += 1
            continue
        kernel = {**trainer, **{key: function[key] for key in
                                ("arch", "registers", "stack_frame_bytes", "local_memory_bytes", "function")}}
        # Spills live in the stack frame (or, without the ABI, in local memory): with neither there are none.
        if kernel["stack_frame_bytes"] == 0 and kernel["local_memory_bytes"] == 0:
            kernel.update(spill_store_bytes=0, spill_load_bytes=0, spills_from="no stack frame or local memory")
        else:
            kernel.update(spill_store_bytes=None, spill_load_bytes=None, spills_from="not measured")
        kernels.append(kernel)
    spills_from_ptxas(library, [k for k in kernels if k["spills_from"] == "not measured"], cuobjdump)
    kernels.sort(key=lambda k: (k["arch"] or "", not k["layers"], k["layers"], ACTIVATIONS.index(k["activation"])
                                if k["activation"] in ACTIVATIONS else len(ACTIVATIONS)))
    return {"built": True, "library": Path(library).name, "tool": "cuobjdump --dump-resource-usage",
            "kernels": kernels, "other_kernels": others}


def table(resources: dict) -> str:
    """The book's table: one line per kernel, at most 110 characters."""
    if not resources["built"]:
        return NOT_BUILT + "\n"
    lines = [f"{resources['library']}: chapter 3's trainer kernels, per thread (cuobjdump --dump-resource-usage;",
             "spills from ptxas -v where a kernel has a stack frame). One kernel per shape for none, one for tanh,",
             "and one, run-time, that reads any other activation when it runs; \"any\" is the general path, for",
             "every other shape (sizes read at run time, parameters in memory).",
             "",
             "layers    activation  arch     registers  stack frame  local memory  spill stores  spill loads"]
    for k in resources["kernels"]:
        spills = [f"{k[key]} B" if k[key] is not None else "?" for key in ("spill_store_bytes", "spill_load_bytes")]
        lines.append(f"{','.join(map(str, k['layers'])) or 'any':<9} {k['activation']:<11} {k['arch'] or '?':<8}"
                     f" {k['registers']:>9}  {k['stack_frame_bytes']:>9} B  {k['local_memory_bytes']:>10} B"
                     f"  {spills[0]:>12}  {spills[1]:>11}")
    lines.append(f"({resources['other_kernels']} other kernels, Thrust's fill, count and sort, are not listed.)")
    return "\n".join(lines) + "\n"


def write(out: Path, resources: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "ch03-kernel-resources.txt").write_text(table(resources), encoding="utf-8")
    (out / "ch03-kernel-resources.json").write_text(json.dumps(resources, indent=2) + "\n", encoding="utf-8")


def main(arguments: list[str]) -> int:
    if len(arguments) not in (1, 2):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    library = arguments[1] if len(arguments) == 2 else ""
    try:
        write(Path(arguments[0]), measure(library) if library else {"built": False})
    except (RuntimeError, OSError) as error:
        print(f"kernel_resources: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
