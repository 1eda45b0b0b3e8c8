"""Proves that tools/layout/check_layers.py fails on each include that crosses a layer, and passes sound ones.

usage: python3 tools/layout/check_layers_test.py   (exit status 0 when every case behaves)
"""

import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

CHECKER = Path(__file__).resolve().parent / "check_layers.py"


class CheckLayers(unittest.TestCase):
    def setUp(self) -> None:
        self.src = Path(tempfile.mkdtemp(prefix="check-layers-")) / "src"
        self.addCleanup(shutil.rmtree, self.src.parent)
        self.write("nn/network.hpp", '#include <vector>\n#include <thrust/random.h>\n#include "nn/tensor.hpp"\n')
        self.write("thrust_trainer/train_group.hpp", '#include <thrust/for_each.h>\n#include <unistd.h>\n'
                                                     '#include "nn/network.hpp"\n')
        self.write("program/report.cpp", '#include <iostream>\n#include <CLI/CLI.hpp>\n'
                                         '#include "thrust_trainer/train_group.hpp"\n#include "nn/network.hpp"\n')

    def write(self, name: str, text: str) -> None:
        path = self.src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def check(self) -> tuple[int, str]:
        result = subprocess.run([sys.executable, str(CHECKER), str(self.src)], capture_output=True, text=True)
        return result.returncode, result.stdout

    def assert_refused(self, name: str, include: str, reason: str) -> None:
        self.write(name, f"#include {include}\n")
        code, out = self.check()
        self.assertEqual(code, 1, out)
        header = include.strip('<>"')
        self.assertIn(f"{name}:1: {header}", out)
        self.assertIn(reason, out)

    def test_sound_layers_pass(self) -> None:
        self.assertEqual(self.check(), (0, ""))

    def test_the_core_takes_no_command_line(self) -> None:
        self.assert_refused("nn/settings.hpp", "<CLI/CLI.hpp>", "belongs in src/program/")

    def test_the_core_takes_no_json(self) -> None:
        self.assert_refused("nn/weights.cpp", "<nlohmann/json.hpp>", "belongs in src/program/")

    def test_the_core_prints_nothing(self) -> None:
        self.assert_refused("nn/train.cpp", "<iostream>", "belongs in src/program/")

    def test_the_core_calls_no_operating_system(self) -> None:
        self.assert_refused("nn/data.cpp", "<fcntl.h>", "does not call the operating system")

    def test_the_core_takes_only_thrusts_random_engine(self) -> None:
        self.assert_refused("nn/train.cpp", "<thrust/device_vector.h>", "only Thrust's random engine")

    def test_the_core_does_not_reach_up_to_the_trainer(self) -> None:
        self.assert_refused("nn/outcome.cpp", '"thrust_trainer/batched_job.hpp"', "above the core")

    def test_the_trainer_does_not_reach_up_to_the_programs(self) -> None:
        self.assert_refused("thrust_trainer/batched_trainer.cpp", '"program/settings.hpp"', "plumbing is above")

    def test_the_trainer_writes_no_json(self) -> None:
        self.assert_refused("thrust_trainer/batched_job.hpp", "<nlohmann/json.hpp>", "belongs in src/program/")

    def assert_namespace_refused(self, name: str, text: str, reason: str) -> None:
        self.write(name, text)
        code, out = self.check()
        self.assertEqual(code, 1, out)
        self.assertIn(f"{name}:", out)
        self.assertIn(reason, out)

    def test_each_layer_opens_its_own_namespace(self) -> None:
        self.write("nn/loss.cpp", "namespace nn {\nnamespace {\n}\n}\n")
        self.write("thrust_trainer/batched_trainer.cpp", "namespace nn::batched {\n}\nnamespace nn::batched::omp_backend {\n}\n")
        self.write("program/grid.cpp", "namespace program {\nusing namespace nn;\n}\n")
        self.assertEqual(self.check(), (0, ""))

    def test_the_core_opens_no_other_namespace(self) -> None:
        self.assert_namespace_refused("nn/loss.cpp", "namespace program {\n}\n", "namespace program")

    def test_the_trainer_is_nn_batched(self) -> None:
        self.assert_namespace_refused("thrust_trainer/batched_job.hpp", "namespace nn {\n}\n", "namespace nn")

    def test_the_plumbing_is_program(self) -> None:
        self.assert_namespace_refused("program/report.cpp", "namespace nn {\n}\n", "namespace nn")

    def test_the_core_names_nothing_above_it(self) -> None:
        self.assert_namespace_refused("nn/train.cpp", "void f() { program::validate(); }\n", "program::")
        self.assert_namespace_refused("nn/train.cpp", "void f() { nn::batched::train_batched(); }\n",
                                      "nn::batched::")

    def test_the_trainer_names_no_plumbing(self) -> None:
        self.assert_namespace_refused("thrust_trainer/batched_trainer.cpp", "int x = program::z_95;\n", "program::")

    def test_a_missing_core_folder_is_a_usage_error(self) -> None:
        shutil.rmtree(self.src / "nn")
        self.assertEqual(self.check()[0], 2)


if __name__ == "__main__":
    unittest.main()
