"""Proves that tools/book/check_claims.py fails when a claim of the prose stops being true of the programs'
output, when a claimed sentence is edited away, and when a measured number is typed into the prose. It
starts from the real generated outputs and pages (the book must have been generated) and breaks one thing.

usage: python3 tools/book/check_claims_test.py   (exit status 0 when every case behaves)
"""

import json
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECKER = ROOT / "tools/book/check_claims.py"


class CheckClaims(unittest.TestCase):
    def setUp(self) -> None:
        self.copy = Path(tempfile.mkdtemp(prefix="check-claims-"))
        self.addCleanup(shutil.rmtree, self.copy)
        shutil.copytree(ROOT / "docs", self.copy / "docs", ignore=shutil.ignore_patterns("katex"))
        self.docs, self.generated = self.copy / "docs", self.copy / "docs/generated"

    def check(self) -> tuple[int, str]:
        result = subprocess.run([sys.executable, str(CHECKER), "--docs", str(self.docs), "--generated",
                                 str(self.generated)], capture_output=True, text=True)
        return result.returncode, result.stdout + result.stderr

    def edit_json(self, name: str, change) -> None:
        path = self.generated / name
        document = json.loads(path.read_text(encoding="utf-8"))
        change(document)
        path.write_text(json.dumps(document), encoding="utf-8")

    def edit_page(self, name: str, old: str, new: str) -> None:
        path = self.docs / name
        text = path.read_text(encoding="utf-8")
        self.assertIn(old, text)
        path.write_text(text.replace(old, new), encoding="utf-8")

    def assert_fails_with(self, message: str) -> None:
        code, output = self.check()
        self.assertEqual(code, 1, output)
        self.assertIn(message, output)

    def test_passes_the_real_book(self) -> None:
        code, output = self.check()
        self.assertEqual(code, 0, output)

    def test_fails_when_a_linear_network_in_the_sweep_learns(self) -> None:
        def one_learns(sweep: dict) -> None:
            next(c for c in sweep["configurations"] if c["activation"] == "none")["learned"] = 1
        self.edit_json("ch03-sweep.json", one_learns)
        self.assert_fails_with("as chapter 1's floor says' is false")

    def test_fails_when_chapter_1s_network_rounds_to_and(self) -> None:
        def rounds_right(ch01: dict) -> None:
            ch01["predictions"][3] = 0.6
        self.edit_json("ch01-linear.json", rounds_right)
        self.assert_fails_with("yet its output at `1 1` rounds to 0' is false")

    def test_fails_when_the_printed_best_linear_map_is_off_the_floor(self) -> None:
        def lift(ch01: dict) -> None:
            # outputs 0.1, 0.35, 0.35, 0.6: they still round to AND, but their L1 loss is 0.3
            ch01["linear"]["best_linear_map"] = {"weight": [0.25, 0.25], "bias": 0.1}
        self.edit_json("ch01-linear.json", lift)
        self.assert_fails_with("one on the floor, that rounded at 0.5 gives the right answer on every row' is false")

    def test_fails_when_a_heat_map_disagrees_with_its_chapter(self) -> None:
        def bend(surface: dict) -> None:
            surface["outputs"][-1][-1] += 0.01
        self.edit_json("ch01-linear-surface.json", bend)
        self.assert_fails_with("what the network says there' is false")

    def test_fails_when_chapter_1_dips_below_the_floor(self) -> None:
        self.edit_json("ch01-linear.json", lambda result: result["truth_table_loss_history"].__setitem__(0, 0.2))
        self.assert_fails_with("under that floor, however long it runs' is false")

    def test_fails_when_no_training_batch_dips_below_the_floor(self) -> None:
        self.edit_json("ch01-linear.json", lambda result: result.__setitem__("loss_history", [0.25, 0.26]))
        self.assert_fails_with("and that one can dip below the floor' is false")

    def test_fails_when_the_dimmer_does_not_match_the_weights(self) -> None:
        def one_key_swings(weights: dict) -> None:
            weights["layers"][0]["weight"] = [[-5.0, -5.0]]  # one key alone now pulls the sum to 0.54
        self.edit_json("ch02-tanh-weights.json", one_key_swings)
        self.assert_fails_with("the bias alone turns the dimmer far past its top stop' is false")

    def test_fails_when_the_demo_network_is_not_the_program_s(self) -> None:
        self.edit_json("ch02-tanh.json", lambda result: result["predictions"].__setitem__(3, 0.9))
        self.assert_fails_with("so its outputs on the four cases are' is false")

    def test_fails_when_a_2_1_1_network_rounds_to_xor(self) -> None:
        def one_rounds(sweep: dict) -> None:
            next(c for c in sweep["configurations"] if c["gate"] == "xor" and c["layers"] == [2, 1, 1]
                 and c["activation"] == "tanh")["rounds_correctly"] = 1
        self.edit_json("ch02-shapes.json", one_rounds)
        self.assert_fails_with("`2,1,1` networks trained on XOR,' is false")

    def shapes_cell(self, layers: list[int], activation: str, gate: str, key: str, value: int) -> None:
        def change(sweep: dict) -> None:
            next(c for c in sweep["configurations"] if c["layers"] == layers and c["activation"] == activation
                 and c["gate"] == gate)[key] = value
        self.edit_json("ch02-shapes.json", change)

    def test_fails_when_no_sigmoid_unit_learns_and(self) -> None:
        self.shapes_cell([2, 1], "sigmoid", "and", "learned", 0)
        self.assert_fails_with("One sigmoid unit learns AND from' is false")

    def test_fails_when_an_elu_unit_learns_and(self) -> None:
        self.shapes_cell([2, 1], "elu", "and", "learned", 3)
        self.assert_fails_with("learned AND with one unit from no seed' is false")

    def test_fails_when_one_gelu_unit_rounds_xor(self) -> None:
        self.shapes_cell([2, 1], "gelu", "xor", "rounds_correctly", 1)
        self.assert_fails_with("rounds XOR correctly with one unit' is false")

    def test_fails_when_a_monotone_2_1_1_network_rounds_xor(self) -> None:
        self.shapes_cell([2, 1, 1], "relu", "xor", "rounds_correctly", 1)
        self.assert_fails_with("no `2,1,1` network rounds XOR correctly' is false")

    def test_fails_when_no_gelu_2_1_1_network_learns_xor(self) -> None:
        self.shapes_cell([2, 1, 1], "gelu", "xor", "learned", 0)
        self.assert_fails_with("learns XOR from some seeds' is false")

    def zoo_cell(self, name: str, activation: str, dataset: str, key: str, value) -> None:
        def change(zoo: dict) -> None:
            for c in zoo["configurations"]:
                if c["activation"] == activation and c["dataset"] == dataset:
                    c[key] = value
        self.edit_json(name, change)

    def test_fails_when_relu_s_failures_keep_their_output(self) -> None:
        self.zoo_cell("ch04-zoo.json", "relu", "ring", "dead_output_not_learned", 0)
        self.assert_fails_with("ended with a dead *output* unit' is false")

    def test_fails_when_a_linear_output_dies(self) -> None:
        self.zoo_cell("ch04-zoo-linear-output.json", "relu", "ring", "dead_output", 1)
        self.assert_fails_with("ReLU learned more often on every set' is false")

    def test_fails_when_he_s_start_leaves_relu_units_dead(self) -> None:
        self.zoo_cell("ch04-zoo-he-centred.json", "relu", "quadrants", "dead_unit_share", 0.5)
        self.assert_fails_with("few of its hidden units ended dead' is false")

    def test_fails_when_a_settings_run_changes_two_things(self) -> None:
        self.edit_json("ch04-zoo-linear-output.json", lambda zoo: zoo["settings"].__setitem__("lr", 0.01))
        self.assert_fails_with("of them changed at a time' is false")

    def test_fails_when_a_step_network_learns_the_ring(self) -> None:
        self.zoo_cell("ch04-zoo-he-centred.json", "step", "ring", "learned", 2)
        self.assert_fails_with("the comfortable rooms in any setting' is false")

    def test_fails_when_the_xor_hidden_layer_does_not_separate(self) -> None:
        self.edit_json("ch02-xor-weights.json", lambda weights: weights["layers"][1].__setitem__("bias", [9.0]))
        self.assert_fails_with("`0 0` and `1 1` on the other' is false")

    def test_fails_when_an_interval_misses_its_rate(self) -> None:
        def narrow(sweep: dict) -> None:
            sweep["configurations"][1]["learned_rate_interval"] = [0.0, 0.01]
        self.edit_json("ch03-sweep.json", narrow)
        self.assert_fails_with("Every rate carries a 95% interval' is false")

    def test_fails_when_longer_training_learns_more(self) -> None:
        def more(sweep: dict) -> None:
            next(c for c in sweep["configurations"] if abs(c["lr"] - 0.1) < 1e-6)["learned"] = 999
        self.edit_json("ch03-lr-epochs-64.json", more)
        self.assert_fails_with("makes fewer networks learn' is false")

    def test_fails_when_the_prose_rounds_an_interval_otherwise_than_the_table(self) -> None:
        # Rounded to the nearest tenth instead of outwards: the text would no longer show the table's interval.
        path = self.generated / "ch03-learned-2-1-1-tanh.txt"
        low, high = json.loads((self.generated / "ch03-sweep.json").read_text(encoding="utf-8"))[
            "configurations"][1]["learned_rate_interval"]
        count = path.read_text(encoding="utf-8").split(" (")[0]
        rate = path.read_text(encoding="utf-8").split("(")[1].split(",")[0]
        path.write_text(f"{count} ({rate}, 95% interval {100 * low:.1f}% to {100 * high:.1f}%)", encoding="utf-8")
        self.assert_fails_with("rounds it the same way' is false")

    def test_fails_when_the_mean_squared_error_keeps_its_networks(self) -> None:
        def keeps(sweep: dict) -> None:
            next(c for c in sweep["configurations"] if abs(c["lr"] - 0.1) < 1e-6)["learned"] = 1000
        self.edit_json("ch03-mse-epochs-64.json", keeps)
        self.assert_fails_with("lose it too' is false")

    def test_fails_when_full_batches_at_a_small_rate_rise(self) -> None:
        def rise(run: dict) -> None:
            run["truth_table_loss_history"][-1] = run["truth_table_loss_history"][-2] + 0.01
        self.edit_json("ch02-rises-full-batch-lr-0.01.json", rise)
        self.assert_fails_with("it falls after every epoch' is false")

    def test_fails_when_gelu_is_slower_than_leaky_relu(self) -> None:
        def slower(zoo: dict) -> None:
            next(c for c in zoo["configurations"] if (c["activation"], c["dataset"]) == ("gelu", "ring"))[
                "median_learned_epoch"] += 3
        self.edit_json("ch04-zoo.json", slower)
        self.assert_fails_with("set that both learned' is false")

    def test_fails_when_the_cpu_trainers_part_ways(self) -> None:
        def drift(result: dict) -> None:
            result["losses"]["l1"]["largest_difference"]["all"] = 3e-7
        self.edit_json("ch03-drift.json", drift)
        self.assert_fails_with("to the last bit, with either loss' is false")

    def test_fails_when_a_step_network_moves(self) -> None:
        self.edit_json("ch04-ring-step.json", lambda run: run["loss_history"].__setitem__(-1, 0.4))
        self.assert_fails_with("bit for bit, on every set' is false")

    def test_fails_when_leaky_relu_learns_the_quadrants(self) -> None:
        self.edit_json("ch04-quadrants-leaky-relu.json", lambda run: run.__setitem__("learned", True))
        self.assert_fails_with("It still did not learn the quadrants at this seed' is false")

    def test_fails_when_a_leaky_relu_unit_dies(self) -> None:
        self.edit_json("ch04-surface-ring-leaky-relu.json", lambda surface: surface["dead_units"].__setitem__("total", 1))
        self.assert_fails_with("so none of its units can die, on any set' is false")

    def test_fails_when_a_dead_unit_s_weight_moved(self) -> None:
        def nudge(weights: dict) -> None:
            weights["layers"][1]["weight"][0][0] += 1e-3  # unit 0 is dead from the start at seed 0
        self.edit_json("ch04-ring-relu-weights.json", nudge)
        self.assert_fails_with("outgoing weights are still exactly the ones they started with' is false")

    def test_fails_when_a_claimed_sentence_is_edited_away(self) -> None:
        self.edit_page("ch02-tanh.md", "Chapter 1's output is a plane", "Chapter 1's output is flat")
        self.assert_fails_with("is no longer on the page")

    def test_fails_when_a_page_shows_a_solution(self) -> None:
        self.edit_page("ch02-tanh.md", "exercises/starter/sigmoid.cpp", "exercises/solution/sigmoid.cpp")
        self.assert_fails_with("the solutions stay out of it")

    def show_starters_through_a_fragment(self, leave_out: str = "", add: str = "") -> None:
        """Takes every page's own starter listings out and shows them through fragment.md, which a chapter page
        includes: all of them but `leave_out`, and the listing `add` besides."""
        for page in self.docs.rglob("*.md"):
            page.write_text(page.read_text(encoding="utf-8").replace("exercises/starter/", "exercises/elsewhere/"),
                            encoding="utf-8")
        names = [e["name"] for e in json.loads((ROOT / "exercises/exercises.json").read_text(encoding="utf-8"))["exercises"]]
        files = [f"../exercises/starter/{name}.cpp" for name in names if name != leave_out] + ([add] if add else [])
        (self.docs / "fragment.md").write_text("".join(f"```cpp\n{{{{#include {f}}}}}\n```\n" for f in files),
                                               encoding="utf-8")
        self.edit_page("ch04-activations.md", "## Exercises", "{{#include fragment.md}}\n\n## Exercises")

    def test_counts_the_starters_that_a_page_shows_through_a_fragment(self) -> None:
        self.show_starters_through_a_fragment()
        code, output = self.check()
        self.assertNotIn("the solutions stay out of it", output)

    def test_fails_when_a_fragment_leaves_a_starter_out(self) -> None:
        self.show_starters_through_a_fragment(leave_out="mish")
        self.assert_fails_with("the solutions stay out of it")

    def test_fails_when_a_fragment_a_page_includes_shows_a_solution(self) -> None:
        self.show_starters_through_a_fragment(add="../exercises/solution/mish.cpp")
        self.assert_fails_with("the solutions stay out of it")

    def test_fails_on_a_measured_number_typed_into_the_prose(self) -> None:
        self.edit_page("ch03-gpu.md", "## A sweep", "Most tanh networks (88.6%) learn.\n\n## A sweep")
        self.assert_fails_with("'88.6%' is typed into the prose")

    def test_math_is_not_prose_but_the_words_after_it_are(self) -> None:
        self.edit_page("ch03-gpu.md", "## A sweep", "The floor is $\\tfrac{1}{4} = 0.25$, and $x$ reached 0.31.\n\n## A sweep")
        code, output = self.check()
        self.assertIn("'0.31' is typed into the prose", output)
        self.assertNotIn("'0.25'", output)


if __name__ == "__main__":
    unittest.main()
