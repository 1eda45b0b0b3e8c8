"""Proves that tools/book/kernel_resources.py reads what cuobjdump and ptxas report, on a captured sample of
cuobjdump --dump-resource-usage (CUDA 13, sm_90, trimmed to six of the CUDA backend's 25 kernels), and
writes the book's files; fake tools stand in for cuobjdump and ptxas, so no CUDA Toolkit is needed.

usage: python3 tools/book/kernel_resources_test.py   (exit status 0 when every case behaves)
"""

import json
import os
import re
import shutil
import stat
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools/book"))
import kernel_resources  # noqa: E402  (found through the path above)

TRAINER = "_ZN3cub17CUB_300001_SM_9006detail8for_each13static_kernelINS2_12policy_hub_t12policy_500_tElNS2_12op_wrapper_tIlN2nn10TrainGroupINS7_5ShapeIJ{shape}EEELi1ELNS7_10ActivationE{activation}EEEN6thrust23THRUST_300001_SM_900_NS17counting_iteratorIlNSE_11use_defaultESG_SG_EEEEEEvT0_T1_"

# The 2,2,1 kernel without an activation: what ptxas -v printed for it (its 48-byte frame holds no spills).
IDENTITY_2_2_1 = TRAINER.format(shape="Li2ELi2ELi1E", activation="0")
PTXAS_REPORT = f"""ptxas info    : 0 bytes gmem
ptxas info    : Compiling entry function '{IDENTITY_2_2_1}' for 'sm_90'
ptxas info    : Function properties for {IDENTITY_2_2_1}
    48 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
ptxas info    : Used 79 registers, used 0 barriers, 48 bytes cumulative stack size
ptxas info    : Compile time = 2221.970 ms
"""

SAMPLE = """
member libnn_batched_cuda.a:batched_backend_cuda.cu.o:

Fatbin ptx code:
================
arch = sm_90
code version = [9,0]
host = linux
compile_size = 64bit
compressed
ptxasOptions = 

Fatbin elf code:
================
arch = sm_90
code version = [1,8]
host = linux
compile_size = 64bit

Resource usage:
 Common:
  GLOBAL:45 CONSTANT[4]:360
 Function _ZN3cub17CUB_300001_SM_9006detail10radix_sort29DeviceRadixSortOnesweepKernelINS1_5radix10policy_hubIfNS0_8NullTypeEyE10Policy1000ELNS0_9SortOrderE0EfS6_yiiNS1_21identity_decomposer_tEEEvPT5_SC_PT3_PKSD_PT1_PKSH_PT2_PKSL_T4_iiT6_:
  REG:56 STACK:0 SHARED:30720 LOCAL:0 CONSTANT[0]:605 TEXTURE:0 SURFACE:0 SAMPLER:0
 Function _ZN3cub17CUB_300001_SM_9006detail8for_each13static_kernelINS2_12policy_hub_t12policy_500_tElNS2_12op_wrapper_tIlN2nn10TrainGroupINS7_5ShapeIJLi2ELi5ELi5ELi1EEEELi1ELNS7_10ActivationE0EEEN6thrust23THRUST_300001_SM_900_NS17counting_iteratorIlNSE_11use_defaultESG_SG_EEEEEEvT0_T1_:
  REG:251 STACK:0 SHARED:0 LOCAL:0 CONSTANT[2]:72 CONSTANT[0]:664 TEXTURE:0 SURFACE:0 SAMPLER:0
 Function _ZN3cub17CUB_300001_SM_9006detail8for_each13static_kernelINS2_12policy_hub_t12policy_500_tElNS2_12op_wrapper_tIlN2nn10TrainGroupINS7_5ShapeIJLi2ELi5ELi5ELi1EEEELi1ELNS7_10ActivationE1EEEN6thrust23THRUST_300001_SM_900_NS17counting_iteratorIlNSE_11use_defaultESG_SG_EEEEEEvT0_T1_:
  REG:251 STACK:0 SHARED:0 LOCAL:0 CONSTANT[2]:72 CONSTANT[0]:664 TEXTURE:0 SURFACE:0 SAMPLER:0
 Function _ZN3cub17CUB_300001_SM_9006detail8for_each13static_kernelINS2_12policy_hub_t12policy_500_tElNS2_12op_wrapper_tIlN2nn10TrainGroupINS7_5ShapeIJLi2ELi2ELi1EEEELi1ELNS7_10ActivationE0EEEN6thrust23THRUST_300001_SM_900_NS17counting_iteratorIlNSE_11use_defaultESG_SG_EEEEEEvT0_T1_:
  REG:79 STACK:48 SHARED:0 LOCAL:0 CONSTANT[2]:24 CONSTANT[0]:664 TEXTURE:0 SURFACE:0 SAMPLER:0
 Function _ZN3cub17CUB_300001_SM_9006detail8for_each13static_kernelINS2_12policy_hub_t12policy_500_tElNS2_12op_wrapper_tIlN2nn10TrainGroupINS7_5ShapeIJLi2ELi2ELi1EEEELi1ELNS7_10ActivationE1EEEN6thrust23THRUST_300001_SM_900_NS17counting_iteratorIlNSE_11use_defaultESG_SG_EEEEEEvT0_T1_:
  REG:78 STACK:0 SHARED:0 LOCAL:0 CONSTANT[0]:664 TEXTURE:0 SURFACE:0 SAMPLER:0
 Function _ZN3cub17CUB_300001_SM_9006detail8for_each13static_kernelINS2_12policy_hub_t12policy_500_tElNS2_12op_wrapper_tIlN2nn10TrainGroupINS7_5ShapeIJLi2ELi1ELi1EEEELi1ELNS7_10ActivationE0EEEN6thrust23THRUST_300001_SM_900_NS17counting_iteratorIlNSE_11use_defaultESG_SG_EEEEEEvT0_T1_:
  REG:56 STACK:0 SHARED:0 LOCAL:0 CONSTANT[2]:48 CONSTANT[0]:664 TEXTURE:0 SURFACE:0 SAMPLER:0
 Function _ZN3cub17CUB_300001_SM_9006detail8for_each13static_kernelINS2_12policy_hub_t12policy_500_tElNS2_12op_wrapper_tIlN2nn10TrainGroupINS7_5ShapeIJLi2ELi1ELi1EEEELi1ELNS7_10ActivationE1EEEN6thrust23THRUST_300001_SM_900_NS17counting_iteratorIlNSE_11use_defaultESG_SG_EEEEEEvT0_T1_:
  REG:59 STACK:0 SHARED:0 LOCAL:0 CONSTANT[0]:664 TEXTURE:0 SURFACE:0 SAMPLER:0
 Function _ZN3cub17CUB_300001_SM_9006detail11EmptyKernelIvEEvv:
  REG:4 STACK:0 SHARED:0 LOCAL:0 CONSTANT[0]:528 TEXTURE:0 SURFACE:0 SAMPLER:0
"""


def fake_tool(folder: Path, name: str, script: str) -> str:
    path = folder / name
    path.write_text("#!/usr/bin/env python3\n" + script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


class KernelResources(unittest.TestCase):
    def setUp(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="kernel-resources-test-"))
        self.addCleanup(shutil.rmtree, self.folder)
        (self.folder / "sample.txt").write_text(SAMPLE, encoding="utf-8")
        (self.folder / "ptxas.txt").write_text(PTXAS_REPORT, encoding="utf-8")
        # cuobjdump: the sample for --dump-resource-usage; for -xptx, a PTX file and its options, as it lists them.
        cuobjdump = fake_tool(self.folder, "cuobjdump", f"""import sys
if sys.argv[1] == "--dump-resource-usage":
    print(open({str(self.folder / "sample.txt")!r}).read())
else:
    open("libnn_batched_cuda.1.sm_90.ptx", "w").write("// ptx")
    print("member x.a:x.o:\\nExtracting PTX file and ptxas options    1: libnn_batched_cuda.1.sm_90.ptx -arch=sm_90 ")
""")
        # ptxas: records each call, then prints the captured report to stderr, as ptxas -v does.
        ptxas = fake_tool(self.folder, "ptxas", f"""import sys
open({str(self.folder / "ptxas-calls.txt")!r}, "a").write(" ".join(sys.argv[1:]) + "\\n")
sys.stderr.write(open({str(self.folder / "ptxas.txt")!r}).read())
""")
        self.environment = {"CUOBJDUMP": cuobjdump, "PTXAS": ptxas}
        self.saved = {name: os.environ.get(name) for name in self.environment}
        os.environ.update(self.environment)
        self.addCleanup(self.restore_environment)

    def restore_environment(self) -> None:
        for name, value in self.saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value

    def kernel(self, resources: dict, layers: list, activation: str) -> dict:
        return next(k for k in resources["kernels"] if k["layers"] == layers and k["activation"] == activation)

    def test_reads_every_function_of_the_sample(self) -> None:
        functions = kernel_resources.parse_resource_usage(SAMPLE)
        self.assertEqual(len(functions), 8)
        self.assertEqual({f["arch"] for f in functions}, {"sm_90"})
        self.assertEqual([f["registers"] for f in functions], [56, 251, 251, 79, 78, 56, 59, 4])
        self.assertEqual([f["stack_frame_bytes"] for f in functions], [0, 0, 0, 48, 0, 0, 0, 0])
        self.assertEqual(functions[0]["shared_bytes"], 30720)  # the radix sort's tiles

    def test_names_each_trainer_kernel_by_shape_and_activation(self) -> None:
        resources = kernel_resources.measure("libnn_batched_cuda.a")
        self.assertEqual([(k["layers"], k["activation"]) for k in resources["kernels"]],
                         [([2, 1, 1], "none"), ([2, 1, 1], "tanh"), ([2, 2, 1], "none"), ([2, 2, 1], "tanh"),
                          ([2, 5, 5, 1], "none"), ([2, 5, 5, 1], "tanh")])
        self.assertEqual(resources["other_kernels"], 2)  # the radix sort's kernel and the empty kernel
        self.assertEqual(self.kernel(resources, [2, 5, 5, 1], "tanh")["registers"], 251)
        self.assertEqual(self.kernel(resources, [2, 1, 1], "none")["lanes"], 1)

    def test_asks_ptxas_for_spills_only_where_there_is_a_stack_frame(self) -> None:
        resources = kernel_resources.measure("libnn_batched_cuda.a")
        framed = self.kernel(resources, [2, 2, 1], "none")
        self.assertEqual((framed["stack_frame_bytes"], framed["spill_store_bytes"], framed["spills_from"]),
                         (48, 0, "ptxas -v"))
        calls = (self.folder / "ptxas-calls.txt").read_text(encoding="utf-8").splitlines()
        self.assertEqual(len(calls), 1)
        self.assertIn(f"-e {IDENTITY_2_2_1}", calls[0])
        self.assertIn("-arch=sm_90", calls[0])
        frameless = self.kernel(resources, [2, 5, 5, 1], "tanh")
        self.assertEqual((frameless["spill_store_bytes"], frameless["spill_load_bytes"]), (0, 0))

    def test_takes_the_spills_ptxas_reports(self) -> None:
        (self.folder / "ptxas.txt").write_text(PTXAS_REPORT.replace("0 bytes spill stores, 0 bytes spill loads",
                                                                    "24 bytes spill stores, 16 bytes spill loads"))
        framed = self.kernel(kernel_resources.measure("libnn_batched_cuda.a"), [2, 2, 1], "none")
        self.assertEqual((framed["spill_store_bytes"], framed["spill_load_bytes"]), (24, 16))

    def test_leaves_spills_unknown_when_ptxas_compiles_the_kernel_differently(self) -> None:
        (self.folder / "ptxas.txt").write_text(PTXAS_REPORT.replace("Used 79 registers", "Used 80 registers"))
        framed = self.kernel(kernel_resources.measure("libnn_batched_cuda.a"), [2, 2, 1], "none")
        self.assertEqual((framed["spill_store_bytes"], framed["spills_from"]), (None, "not measured"))

    def test_activation_numbers_follow_the_enum(self) -> None:
        header = (ROOT / "src/nn/activation.hpp").read_text(encoding="utf-8")
        body = re.search(r"enum class Activation(?: : [\w:]+)? \{(.*?)\};", header, re.S).group(1)
        enumerators = re.findall(r"^\s*(\w+),", body, re.M)
        self.assertEqual(enumerators[:2], ["identity", "tanh"])  # the two the trainer compiles one by one
        # The flag names: identity is the book's "none", and a flag has hyphens where C++ has underscores.
        self.assertEqual(kernel_resources.ACTIVATIONS,
                         ["none" if e == "identity" else e.replace("_", "-") for e in enumerators])

    def test_names_the_kernel_that_reads_the_activation_at_run_time(self) -> None:
        # TrainGroup's A = nn::batched::any_activation, (nn::Activation)255.
        name = kernel_resources.demangle([TRAINER.format(shape="Li2ELi5ELi5ELi1E", activation="255")])[0]
        if name.startswith("_Z"):
            self.skipTest("no demangler (cu++filt or c++filt) on this machine")
        self.assertEqual(kernel_resources.trainer_kernel(name),
                         {"layers": [2, 5, 5, 1], "lanes": 1, "activation": "run-time"})
        self.assertEqual(kernel_resources.trainer_kernel("nn::batched::TrainGroup<nn::batched::Shape<2, 1>, 16, (nn::Activation)3>"),
                         {"layers": [2, 1], "lanes": 16, "activation": "relu"})
        # The general path's kernel: any shape, its sizes read at run time.
        self.assertEqual(kernel_resources.trainer_kernel("nn::batched::TrainGroup<nn::batched::AnyShape, 1, (nn::Activation)255>"),
                         {"layers": [], "lanes": 1, "activation": "run-time"})

    def test_writes_the_table_and_the_json(self) -> None:
        self.assertEqual(kernel_resources.main([str(self.folder / "out"), "libnn_batched_cuda.a"]), 0)
        text = (self.folder / "out/ch03-kernel-resources.txt").read_text(encoding="utf-8")
        self.assertTrue(all(len(line) <= 110 for line in text.splitlines()), text)
        self.assertRegex(text, r"\n2,5,5,1 +tanh +sm_90 +251 +0 B +0 B +0 B +0 B\n")
        self.assertRegex(text, r"\n2,2,1 +none +sm_90 +79 +48 B +0 B +0 B +0 B\n")
        document = json.loads((self.folder / "out/ch03-kernel-resources.json").read_text(encoding="utf-8"))
        self.assertTrue(document["built"])
        self.assertEqual(set(document["kernels"][0]),
                         {"layers", "activation", "lanes", "arch", "registers", "stack_frame_bytes",
                          "local_memory_bytes", "spill_store_bytes", "spill_load_bytes", "spills_from", "function"})

    def test_says_so_when_the_cuda_backend_was_not_built(self) -> None:
        self.assertEqual(kernel_resources.main([str(self.folder / "out"), ""]), 0)
        self.assertEqual((self.folder / "out/ch03-kernel-resources.txt").read_text(encoding="utf-8"),
                         kernel_resources.NOT_BUILT + "\n")
        self.assertEqual(json.loads((self.folder / "out/ch03-kernel-resources.json").read_text(encoding="utf-8")),
                         {"built": False})

    def test_fails_without_cuobjdump(self) -> None:
        os.environ["CUOBJDUMP"] = str(self.folder / "no-such-tool")
        self.assertEqual(kernel_resources.main([str(self.folder / "out"), "libnn_batched_cuda.a"]), 1)


if __name__ == "__main__":
    unittest.main()
