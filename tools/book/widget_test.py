"""The chapter programs' widgets (theme/widget.js) in a real browser: headless Chromium (Debian's chromium and
chromium-driver, driven by python3-selenium) opens the built pages from disk, as a reader who downloaded the
site would, runs the programs in them, and checks each run against the native program with the same flags:

  - chapter 2's page, a gate: the page's --json document is the native one (predictions, losses, all of it);
  - chapter 4's page, a point set with chapter 4's defaults: the same (accuracies included);
  - chapter 1's page: the run stops on chapter 1's floor, and its document is the native one;
  - a refused setting (lr -1, abc or empty; layers 2,0,1; an activation the list does not offer): the message
    beside the field is the native program's one line, the earlier result is gone, and nothing is thrown;
  - chapter 3's sweep, run by the page in blocks of networks: every configuration's counts are the native
    sweep's, also where the seeds wrap past 2^64 - 1;
  - a link: the fragment's settings fill the fields and the copy command is the expected command line, an
    unknown setting is a note, a heading anchor is no setting, and the fields' defaults are the programs';
  - without WebAssembly: the page keeps its figures and the widget says why in one line.
  - chapter 5's depth widget (chapter 2's program with a depth and a width for --layers, and --trace-layers):
    its document is the native one, its outcome line, gradient bars, ratio and table show the program's
    numbers, its link round-trips the depth and the width, a width the program refuses is refused beside the
    width field, and its fields' defaults and options are the program's.

It saves a screenshot of each widget after its run into SCREENSHOT_DIR (widget-NAME.png) and prints how long
chapter 2's run and the sweep took in the page (performance.now(), the widget's data-seconds).

usage: /usr/bin/python3 tools/book/widget_test.py SITE_DIR SCREENSHOT_DIR CH01 CH02 CH03
"""

import json
import re
import subprocess
import sys
import unittest
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser_test import start_browser  # noqa: E402  the same headless Chromium as the page test

ROOT = Path(__file__).resolve().parents[2]
DOCS = Path(__file__).resolve().parents[2] / "docs"
WAIT_SECONDS = 30
SWEEP_SECONDS = 120  # the page's sweep runs on one thread of WebAssembly, several times slower than native
SITE = SCREENSHOTS = Path()  # set from the command line
CH01 = CH02 = CH03 = ""

NO_WASM = "This browser has no WebAssembly: the figures above are the program's output."
FINISHED = ("done", "refused", "failed", "stopped")

# The widgets' fields in their order with the programs' defaults (checked against --help below).
CH02_DEFAULTS = {"activation": "tanh", "output-activation": "same", "layers": "2,1,1", "dataset": "gate",
                 "gate": "and", "loss": "l1", "optimizer": "adam", "lr": "0.1", "epochs": "8", "init": "pytorch",
                 "inputs": "unit", "seed": "0"}
CH01_DEFAULTS = {name: value for name, value in CH02_DEFAULTS.items() if "activation" not in name}
# Chapter 4's widget: chapter 2's program with the panels' training (docs/generated/ch04-training.txt).
CH04_DEFAULTS = {"activation": "relu", "output-activation": "same", "layers": "2,8,1", "dataset": "ring",
                 "loss": "mse", "optimizer": "adam", "lr": "0.05", "epochs": "40", "batches-per-epoch": "10",
                 "full-batch": None, "init": "pytorch", "inputs": "unit", "seed": "0"}
# Fields at these values are the programs' own defaults: the widget leaves them out of the command and the link.
UNSET = {"output-activation": "same", "init": "pytorch", "inputs": "unit"}
# Chapter 5's widget: chapter 2's program with the depth and the width of its hidden layers in place of
# --layers, and --trace-layers. Its div for docs/ch05-depth.md, whose fields must start at CH05_DEFAULTS:
# chapter 5's training is chapter 4's with a linear output, as chapter 5's program trains (checked below
# against CH04_DEFAULTS). The page includes chapter 4's training rather than type its numbers (the claims
# check refuses a typed 0.05); its --layers is no field of the depth widget, which leaves it out.
CH05_MARKUP = {"data-program": "ch02-tanh", "data-mode": "depth",
               "data-defaults": "activation=sigmoid&output-activation=none&depth=6&width=8&dataset=ring",
               "data-flags": "{{#include generated/ch04-training.txt}}"}
CH05_DEFAULTS = {"activation": "sigmoid", "output-activation": "none", "depth": "6", "width": "8", "dataset": "ring",
                 "loss": "mse", "optimizer": "adam", "lr": "0.05", "epochs": "40", "batches-per-epoch": "10",
                 "full-batch": None, "init": "pytorch", "inputs": "unit", "seed": "0"}
# The depth widget's fields with the program's defaults: --layers 2,1,1 is one hidden layer of one unit.
DEPTH_DEFAULTS = {"activation": "tanh", "output-activation": "same", "depth": "1", "width": "1", "dataset": "gate",
                  "gate": "and", "loss": "l1", "optimizer": "adam", "lr": "0.1", "epochs": "8", "init": "pytorch",
                  "inputs": "unit", "seed": "0"}
DEPTHS, WIDTHS = [str(k) for k in range(0, 9)], [str(k) for k in range(1, 17)]
DEPTH_ORDER = ["activation", "output-activation", "depth", "width", "dataset", "gate", "loss", "optimizer", "lr",
               "epochs", "batches-per-epoch", "full-batch", "init", "inputs", "seed"]
# The depth widget's own refusal, for a depth its list does not offer (the program never sees it).
DEPTH_REFUSAL = "depth: the number of hidden layers, 0 to 8, got '{}'"


def settings(defaults: dict, **changes) -> dict:
    """DEFAULTS with CHANGES (keyword names with _ for -), in the fields' order; a point set drops the gate."""
    result = dict(defaults)
    result.update({name.replace("_", "-"): value for name, value in changes.items()})
    if result.get("dataset", "gate") != "gate":
        result.pop("gate", None)
    return result


def flags(values: dict) -> list[str]:
    """The settings as a command line's flags: --name value, or --name alone for a switch (None)."""
    words = []
    for name, value in values.items():
        if name in UNSET and UNSET[name] == value:
            continue
        words += [f"--{name}"] if value is None else [f"--{name}", value]
    return words


def expanded(markup: dict) -> dict:
    """MARKUP's attributes as mdBook writes them into the page: each {{#include generated/FILE}} replaced by the
    file the book's build generated."""
    return {name: re.sub(r"\{\{#include (generated/[^}]+)\}\}", lambda m: (DOCS / m[1]).read_text(encoding="utf-8"),
                         value) for name, value in markup.items()}


def depth_settings(**changes) -> dict:
    """Chapter 5's page's settings with CHANGES, in the order of the depth widget's fields (a gate after the
    data set), without the width where there is no hidden layer (the field is then disabled)."""
    values = settings(CH05_DEFAULTS, **changes)
    if values["depth"] == "0":
        values.pop("width")
    return {name: values[name] for name in DEPTH_ORDER if name in values}


def depth_flags(values: dict) -> list[str]:
    """The depth widget's settings as the program's flags: the depth and the width as --layers 2,W,...,W,1 in
    their place (no width without a hidden layer), and --trace-layers last."""
    words = []
    for name, value in values.items():
        if name == "depth":
            words += ["--layers", ",".join(["2"] + [values.get("width", "")] * int(value) + ["1"])]
        elif name != "width":
            words += flags({name: value})
    return words + ["--trace-layers"]


def link(values: dict) -> str:
    """The fragment Train writes: every field but those at the program's own default, then run."""
    return "#" + "&".join(name if value is None else f"{name}={value}" for name, value in values.items()
                          if name not in UNSET or UNSET[name] != value) + "&run"


def close_to(text: str, value) -> bool:
    """Whether TEXT, a number as the widget prints the program's (three significant digits), is VALUE."""
    if value is None:
        return text == "n/a"
    return text == "0" if value == 0 else abs(float(text) - value) <= 0.005 * abs(value)


def command(program: str, words: list[str]) -> str:
    quoted = [w if re.fullmatch(r"[A-Za-z0-9_,./=:+-]+", w) else "'" + w.replace("'", "'\\''") + "'" for w in words]
    return " ".join([f"build/chapters/{program}"] + quoted)


def native(binary: str, args: list[str], code: int = 0) -> subprocess.CompletedProcess:
    run = subprocess.run([binary, *args, "--json", "-"], capture_output=True, text=True, check=False)
    assert run.returncode == code, f"{binary} {args}: exit code {run.returncode}, expected {code}: {run.stderr}"
    return run


class WidgetsInChromium(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.browser = start_browser()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.browser.quit()

    def setUp(self) -> None:
        self.browser.get_log("browser")  # each test sees only its own console entries

    # --- helpers ---

    def open(self, page: str, fragment: str = "", built: bool = True) -> None:
        """Opens PAGE of the site from disk with FRAGMENT (a fresh load: about:blank first, since a change of
        fragment alone does not reload) and waits for its widget's fields (BUILT) or for the page."""
        self.browser.get("about:blank")
        self.browser.get((SITE / page).as_uri() + (f"#{fragment}" if fragment else ""))
        WebDriverWait(self.browser, WAIT_SECONDS).until(
            lambda b: b.execute_script("return document.readyState") == "complete")
        if built:
            WebDriverWait(self.browser, WAIT_SECONDS).until(
                lambda b: b.find_elements(By.CSS_SELECTOR, ".nn-widget .nn-fields"), f"{page}: no widget was built")

    def open_depth(self, fragment: str = "", markup: dict | None = None) -> None:
        """Opens chapter 2's page with its widget's div given MARKUP's data- attributes (chapter 5's div by
        default) before the widget reads them: the depth widget on a built page, whichever page holds it (the
        chapter 5 page's own div is checked against CH05_MARKUP below)."""
        replace = ("new MutationObserver((changes, observer) => {"
                   "  const div = document.querySelector('.nn-widget');"
                   "  if (!div) return;"
                   "  observer.disconnect();"
                   "  for (const name of div.getAttributeNames())"
                   "    if (name.startsWith('data-')) div.removeAttribute(name);"
                   f"  for (const [name, value] of Object.entries({json.dumps(expanded(markup or CH05_MARKUP))}))"
                   "    div.setAttribute(name, value);"
                   "}).observe(document, {childList: true, subtree: true});")
        script = self.browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": replace})
        try:
            self.open("ch02-tanh.html", fragment)
        finally:
            self.browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", script)
        self.assertEqual(self.widget().get_attribute("data-mode"), (markup or CH05_MARKUP)["data-mode"])

    def widget(self):
        return self.browser.find_element(By.CSS_SELECTOR, ".nn-widget")

    def finished(self, seconds: float = WAIT_SECONDS) -> str:
        """The widget's state once its run has ended."""
        WebDriverWait(self.browser, seconds).until(
            lambda b: self.widget().get_attribute("data-state") in FINISHED, "the run did not finish")
        return self.widget().get_attribute("data-state")

    def result(self) -> dict:
        state = self.finished()
        self.assertEqual(state, "done", self.widget().text)
        return json.loads(self.widget().get_attribute("data-result"))

    def field(self, name: str):
        return self.browser.find_element(By.ID, f"nn-{name}")

    def field_values(self) -> dict:
        values = {}
        for field in self.browser.find_elements(By.CSS_SELECTOR, ".nn-field"):
            control = field.find_element(By.CSS_SELECTOR, "input, select")
            if not control.is_enabled():
                continue
            name = field.get_attribute("data-field")
            values[name] = (None if control.is_selected() else False) if control.get_attribute("type") == "checkbox" \
                else control.get_attribute("value")
        return {name: value for name, value in values.items() if value is not False}

    def command_text(self) -> str:
        return self.browser.find_element(By.CSS_SELECTOR, ".nn-command").text

    def console_errors(self) -> list[str]:
        return [entry["message"] for entry in self.browser.get_log("browser") if entry["level"] == "SEVERE"]

    def screenshot(self, name: str, width: int = 1280) -> None:
        """The whole widget, in a window WIDTH px wide and tall enough to hold it, below mdBook's menu bar."""
        widget = self.widget()
        height = widget.size["height"] + 200
        self.browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": max(1000, height), "deviceScaleFactor": 1, "mobile": width < 600})
        try:
            self.browser.execute_script(
                "window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY - 100)", widget)
            widget.screenshot(str(SCREENSHOTS / f"widget-{name}.png"))
        finally:
            self.browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def seconds(self) -> float:
        return float(self.widget().get_attribute("data-seconds"))

    def check_run_equals_native(self, binary: str, values: dict, words: list[str] | None = None) -> dict:
        """The page's document and report are the native program's with VALUES as flags (or WORDS)."""
        result = self.result()
        expected = native(binary, flags(values) if words is None else words)
        self.assertEqual(result, json.loads(expected.stdout))
        # The report is the native one without its per-epoch progress lines (the page draws those instead).
        report = self.browser.find_element(By.CSS_SELECTOR, ".nn-report").text
        progress = re.compile(r"^epoch \d+/\d+ ")
        self.assertEqual(report.strip(), "\n".join(line for line in expected.stderr.splitlines()
                                                    if not progress.match(line)).strip())
        self.assertEqual(self.console_errors(), [])
        return result

    def map_is_drawn(self) -> bool:
        """Whether the heat map's centre is painted opaque (the surface, not the empty square's grey)."""
        return self.browser.execute_script("""
          const canvas = document.querySelector('.nn-map');
          const pixel = canvas.getContext('2d').getImageData(canvas.width / 2, canvas.height / 2, 1, 1).data;
          return pixel[3] === 255;""")

    # --- tests ---

    def test_chapter_2_runs_the_native_program(self) -> None:
        values = settings(CH02_DEFAULTS, layers="2,5,5,1", seed="7")
        self.open("ch02-tanh.html", "activation=tanh&layers=2,5,5,1&seed=7&run")
        result = self.check_run_equals_native(CH02, values)
        self.assertTrue(result["learned"])
        self.assertTrue(self.map_is_drawn())
        self.assertEqual(self.command_text(), command("ch02-tanh", flags(values)))
        # Train wrote every field into the address, so the link reproduces the run.
        self.assertEqual(self.browser.execute_script("return location.hash"),
                         "#" + "&".join(f"{name}={value}" for name, value in values.items()
                                        if name not in UNSET or UNSET[name] != value) + "&run")
        print(f"\nchapter 2's run in the page: {self.seconds():.3f} s", flush=True)
        self.screenshot("ch02")
        self.check_phone("ch02-tanh.html", "layers=2,5,5,1&seed=7&run", "ch02")

    def check_phone(self, page: str, fragment: str, name: str, depth: bool = False) -> None:
        """On a 390 px phone, after a run, the widget stays in its column and the page does not scroll
        sideways (the page opened at that width, as a phone opens it: mdBook's sidebar starts closed); DEPTH:
        with chapter 5's widget in it."""
        self.browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                     {"width": 390, "height": 1000, "deviceScaleFactor": 1, "mobile": True})
        try:
            if depth:
                self.open_depth(fragment)
            else:
                self.open(page, fragment)
            self.result()
            problems = self.browser.execute_script("""
              const page = document.scrollingElement, widget = document.querySelector('.nn-widget');
              const problems = [];
              if (page.scrollWidth > page.clientWidth + 1) problems.push('page ' + page.scrollWidth + ' px wide');
              for (const e of widget.querySelectorAll('*'))
                if (e.getBoundingClientRect().right > widget.getBoundingClientRect().right + 1)
                  problems.push(e.tagName + '.' + e.className + ' sticks out: ' + e.getBoundingClientRect().right + ' > ' + widget.getBoundingClientRect().right);
              return problems;""")
            self.assertEqual(problems, [], "at 390 px")
            self.screenshot(f"{name}-390", 390)
        finally:
            self.browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def test_chapter_4_runs_a_point_set(self) -> None:
        # The defaults are the panels' training, which the page includes from the book's generated file.
        training = (ROOT / "docs/generated/ch04-training.txt").read_text(encoding="utf-8").strip("`\n ")
        panels = {name: value for name, value in CH04_DEFAULTS.items() if name not in ("activation", "dataset", "seed")}
        self.assertEqual(sorted(training.split()), sorted(flags(panels)),
                         "chapter 4's training changed: update CH04_DEFAULTS")
        values = settings(CH04_DEFAULTS, seed="3")
        self.open("ch04-activations.html", "seed=3&run")
        result = self.check_run_equals_native(CH02, values)
        self.assertIn("test_accuracy", result)
        self.assertTrue(self.map_is_drawn())
        # A point set chooses the data: the command names the set and no gate.
        self.assertEqual(self.command_text(), command("ch02-tanh", flags(values)))
        self.assertNotIn("--gate", self.command_text())
        self.screenshot("ch04")

    def test_chapter_1_stops_on_the_floor(self) -> None:
        self.open("ch01-linear.html", "run")
        result = self.check_run_equals_native(CH01, CH01_DEFAULTS)
        self.assertGreaterEqual(result["final_loss"], result["linear"]["l1_floor"] - 1e-6)
        self.assertFalse(result["learned"])
        self.screenshot("ch01")

    def test_a_refusal_is_the_programs_own_line(self) -> None:
        self.open("ch02-tanh.html", "seed=7&run")
        self.result()
        for name, value in (("lr", "-1"), ("lr", "abc"), ("lr", ""), ("layers", "2,0,1")):
            with self.subTest(field=name, value=value):
                field = self.field(name)
                field.clear()
                field.send_keys(value)
                self.browser.find_element(By.XPATH, "//div[@class='nn-buttons']/button[1]").click()
                self.assertEqual(self.finished(), "refused")
                expected = native(CH02, flags(settings(CH02_DEFAULTS, seed="7", **{name: value})), code=2)
                message = self.browser.find_element(By.ID, f"nn-{name}-message").text
                self.assertEqual(message, expected.stderr.strip())
                self.assertEqual(field.get_attribute("aria-invalid"), "true")
                self.assertIsNone(self.widget().get_attribute("data-result"), "the earlier result is still there")
                field.clear()
                field.send_keys(CH02_DEFAULTS[name])
        self.screenshot("ch02-refused")
        # A value no field names (--activation's message names no flag) is shown at the top of the widget.
        self.open("ch02-tanh.html", "activation=softsign&run")
        self.assertEqual(self.finished(), "refused")
        expected = native(CH02, flags(settings(CH02_DEFAULTS, activation="softsign")), code=2)
        self.assertEqual(self.browser.find_element(By.CSS_SELECTOR, ".nn-message").text, expected.stderr.strip())
        self.assertEqual(self.console_errors(), [])

    def check_sweep(self, fragment: str, sweep_flags: list[str]) -> float:
        """Runs the page's sweep with FRAGMENT; its counts and its command are the native sweep's with
        SWEEP_FLAGS. Returns the page's seconds."""
        self.open("ch03-gpu.html", fragment)
        self.assertEqual(self.finished(SWEEP_SECONDS), "done", self.widget().text)
        page = json.loads(self.widget().get_attribute("data-result"))["configurations"]
        words = ["--sweep", "--device", "cpu"] + sweep_flags
        self.assertEqual(self.command_text(), command("ch03-gpu", words))
        expected = json.loads(native(CH03, words).stdout)["configurations"]
        keys = ("activation", "gate", "layers", "lr", "networks", "learned", "rounds_correctly")
        self.assertEqual(page, [{key: c[key] for key in keys} for c in expected])
        self.assertEqual(self.console_errors(), [])
        return self.seconds()

    def test_the_sweep_counts_what_the_native_sweep_counts(self) -> None:
        # 300 networks: blocks of 256 and 44.
        seconds = self.check_sweep("networks=300&grid-layers=2,1,1&grid-layers=2,5,5,1&run",
                                   ["--networks", "300", "--activations", "none,tanh", "--gates", "and",
                                    "--grid-layers", "2,1,1", "--grid-layers", "2,5,5,1",
                                    "--lr", "0.1", "--epochs", "8", "--seed", "0"])
        print(f"\nthe sweep of 4 configurations x 300 networks in the page: {seconds:.3f} s", flush=True)
        self.screenshot("ch03")
        self.check_phone("ch03-gpu.html", "networks=20&run", "ch03")
        # The second block's seeds pass 2^64 - 1 and wrap, as the native sweep's do.
        self.check_sweep("activations=tanh&grid-layers=2,1,1&networks=300&seed=18446744073709551500&run",
                         ["--networks", "300", "--activations", "tanh", "--gates", "and", "--grid-layers", "2,1,1",
                          "--lr", "0.1", "--epochs", "8", "--seed", "18446744073709551500"])

    def test_the_sweeps_defaults_train_the_pages_table(self) -> None:
        # The page says: with --networks 1000 (the default) the widget trains the networks the table above
        # counts. Its default command, run natively, gives the counts of the book's own sweep.
        self.open("ch03-gpu.html")
        words = self.command_text().split()[1:]
        self.assertEqual(words[words.index("--networks") + 1], "1000")
        ours = json.loads(native(CH03, [*words, "--quiet"]).stdout)["configurations"]
        book = json.loads((DOCS / "generated" / "ch03-sweep.json").read_text())["configurations"]
        keys = ("activation", "gate", "layers", "lr", "networks", "learned", "rounds_correctly")
        self.assertEqual([{key: c[key] for key in keys} for c in ours], [{key: c[key] for key in keys} for c in book])

    def test_stop_ends_the_run(self) -> None:
        self.open("ch03-gpu.html", "networks=100000&run")
        WebDriverWait(self.browser, WAIT_SECONDS).until(
            lambda b: "Training networks" in b.find_element(By.CSS_SELECTOR, ".nn-status").text)
        self.browser.find_element(By.XPATH, "//div[@class='nn-buttons']/button[2]").click()
        self.assertEqual(self.finished(), "stopped")
        self.assertIsNone(self.widget().get_attribute("data-result"))
        self.assertTrue(self.browser.find_element(By.XPATH, "//div[@class='nn-buttons']/button[1]").is_enabled())
        self.assertEqual(self.console_errors(), [])

    def test_a_link_fills_the_fields(self) -> None:
        values = settings(CH02_DEFAULTS, activation="relu", layers="2,5,5,1", gate="or", loss="mse",
                          optimizer="sgd", lr="0.3", epochs="12", seed="42")
        self.open("ch02-tanh.html", "activation=relu&layers=2,5,5,1&gate=or&loss=mse&optimizer=sgd&lr=0.3"
                                    "&epochs=12&seed=42")
        self.assertEqual(self.field_values(), values)
        self.assertEqual(self.widget().get_attribute("data-state"), "idle")
        self.assertEqual(self.command_text(), command("ch02-tanh", flags(values)))
        # A switch is a bare key, and an optional field appears when the link names it.
        self.open("ch02-tanh.html", "full-batch&batches-per-epoch=4")
        self.assertEqual(self.field_values(), {**CH02_DEFAULTS, "batches-per-epoch": "4", "full-batch": None})
        # An unknown setting is a note; the rest of the link still applies.
        self.open("ch02-tanh.html", "widht=3&seed=3")
        self.assertIn("widht", self.browser.find_element(By.CSS_SELECTOR, ".nn-link-note").text)
        self.assertEqual(self.field("seed").get_attribute("value"), "3")
        # A heading's anchor is not a setting.
        self.open("ch02-tanh.html", "where-the-bend-must-be")
        self.assertEqual(self.browser.find_element(By.CSS_SELECTOR, ".nn-link-note").text, "")
        self.assertEqual(self.field_values(), CH02_DEFAULTS)
        self.assertEqual(self.console_errors(), [])

    def test_the_fields_defaults_are_the_programs(self) -> None:
        self.open("ch02-tanh.html")
        self.assertEqual(self.field_values(), CH02_DEFAULTS)
        text = subprocess.run([CH02, "--help"], capture_output=True, text=True, check=True).stdout
        for name, value in CH02_DEFAULTS.items():
            self.assertRegex(text, rf"--{name} \w+={re.escape(value)}\s", name)
        self.check_options(text)
        self.open("ch01-linear.html")
        self.assertEqual(self.field_values(), CH01_DEFAULTS)
        self.open("ch04-activations.html")
        self.assertEqual(self.field_values(), settings(CH04_DEFAULTS))

    def check_options(self, text: str) -> None:
        """The open widget's select fields offer what chapter 2's --help (TEXT) lists."""
        activations = re.search(r"--activation .*otherwise\): (.*)", text)[1].replace(" or ", ", ").split(", ")
        options = [o.get_attribute("value") for o in self.field("activation").find_elements(By.TAG_NAME, "option")]
        self.assertEqual(options, activations)
        outputs = [o.get_attribute("value") for o in self.field("output-activation").find_elements(By.TAG_NAME, "option")]
        self.assertEqual(outputs, ["same"] + activations)
        for name, pattern in (("init", r"--init .*: (pytorch) .*, (xavier) .* or (he) "),
                              ("inputs", r"--inputs .*: (unit) .* or (centred) "),
                              ("optimizer", r"--optimizer .*: (adam) .* or (sgd)\s")):
            options = [o.get_attribute("value") for o in self.field(name).find_elements(By.TAG_NAME, "option")]
            self.assertEqual(options, list(re.search(pattern, text).groups()), name)
        gates = re.search(r"--gate .*to learn: (.*)", text)[1].replace(" or ", ", ").split(", ")
        self.assertEqual([o.get_attribute("value") for o in self.field("gate").find_elements(By.TAG_NAME, "option")],
                         gates)
        datasets = re.search(r"--dataset .*point set in the unit square: (.*)", text)[1]
        options = [o.get_attribute("value") for o in self.field("dataset").find_elements(By.TAG_NAME, "option")]
        self.assertEqual(options, ["gate"] + datasets.replace(" or ", ", ").split(", "))

    # --- chapter 5's depth widget ---

    def check_depth_run(self, values: dict) -> dict:
        """The open depth widget's run: its document and report are the native program's with VALUES as the
        depth widget's flags, and so are its command, its link and what it shows (check_shown)."""
        words = depth_flags(values)
        result = self.check_run_equals_native(CH02, values, words)
        self.assertEqual(self.command_text(), command("ch02-tanh", words))
        self.assertEqual(self.browser.execute_script("return location.hash"), link(values))
        self.check_shown(result)
        return result

    def check_shown(self, result: dict) -> None:
        """Every number the depth widget shows is its program's: the outcome line is the JSON's learned with
        the report's test accuracy and rule, the ratio and the table are the JSON's layer_trace (to the three
        digits shown), and the bars are drawn in both epochs' colours."""
        report = self.browser.find_element(By.CSS_SELECTOR, ".nn-report").text
        data = result["settings"].get("dataset", result["settings"].get("gate"))
        accuracy = re.search(r"^test accuracy (\S+%)", report, re.MULTILINE)
        rule = re.search(r"\(learned means: [^)]*\)", report)[0]
        expected = f"{'Learned' if result['learned'] else 'Did not learn'} {data}" + \
            (f": test accuracy {accuracy[1]}" if accuracy else "") + f" {rule}."
        self.assertEqual(self.browser.find_element(By.CSS_SELECTOR, ".nn-outcome").text, expected)
        traces = result["layer_trace"]
        first, last = traces[0], traces[-1]
        layers = len(first["layer_gradient_norms"])
        caption = self.browser.find_element(By.CSS_SELECTOR, ".nn-gradient-caption").text
        ratios = re.search(r"last hidden layer's: (\S+) at epoch 0, (\S+) after epoch (\d+)\.", caption)
        if layers >= 3:  # two hidden layers or more
            self.assertIsNotNone(ratios, caption)
            self.assertTrue(close_to(ratios[1], first["first_to_last_hidden_gradient_ratio"]), caption)
            self.assertTrue(close_to(ratios[2], last["first_to_last_hidden_gradient_ratio"]), caption)
            self.assertEqual(int(ratios[3]), last["epoch"])
        else:
            self.assertIsNone(ratios, caption)
        self.browser.find_element(By.CSS_SELECTOR, ".nn-gradient-numbers summary").click()
        rows = [[cell.text for cell in row.find_elements(By.CSS_SELECTOR, "th, td")]
                for row in self.browser.find_elements(By.CSS_SELECTOR, ".nn-gradient-table tr")]
        self.assertEqual(rows[0], ["layer", "gradient norm at epoch 0", f"gradient norm after epoch {last['epoch']}",
                                   "stalled share at epoch 0", f"stalled share after epoch {last['epoch']}"])
        self.assertEqual([row[0] for row in rows[1:]], [str(k) for k in range(1, layers)] + ["output"])
        for layer, row in enumerate(rows[1:]):
            shown = zip(row[1:], [first["layer_gradient_norms"][layer], last["layer_gradient_norms"][layer],
                                  first["stalled_shares"][layer], last["stalled_shares"][layer]])
            for text, value in shown:
                self.assertTrue(close_to(text, value), f"layer {layer + 1}: {text} is not {value}")
        painted = self.browser.execute_script("""
          const canvas = document.querySelector('.nn-gradients');
          const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
          const count = {'31,119,180': 0, '255,127,14': 0};  // the bars' blue and orange
          for (let i = 0; i < pixels.length; i += 4) {
            const key = pixels[i] + ',' + pixels[i + 1] + ',' + pixels[i + 2];
            if (pixels[i + 3] === 255 && key in count) ++count[key];
          }
          return count;""")
        self.assertGreater(min(painted.values()), 10 * layers, painted)

    def test_chapter_5_traces_every_layer(self) -> None:
        # Six hidden layers of eight sigmoid units from PyTorch's weights: the page's defaults.
        values = depth_settings()
        self.open_depth("run")
        result = self.check_depth_run(values)
        self.assertEqual([trace["epoch"] for trace in result["layer_trace"]], [0, 40])
        self.assertEqual([len(trace["layer_gradient_norms"]) for trace in result["layer_trace"]], [7, 7])
        self.assertEqual(self.field_values(), values)
        self.assertTrue(self.map_is_drawn())
        print(f"\nchapter 5's run in the page (6 hidden layers of 8): {self.seconds():.3f} s", flush=True)
        self.screenshot("ch05")
        self.check_phone("ch02-tanh.html", "run", "ch05", depth=True)

    def test_chapter_5_link_round_trips_the_depth_and_width(self) -> None:
        values = depth_settings(activation="relu", init="he", depth="8", width="16", seed="3")
        self.open_depth("activation=relu&init=he&depth=8&width=16&seed=3&run")
        self.check_depth_run(values)
        # The link Train wrote fills the same fields.
        written = self.browser.execute_script("return location.hash")
        self.open_depth(written[1:].removesuffix("&run"))
        self.assertEqual(self.field_values(), values)
        self.assertEqual(self.widget().get_attribute("data-state"), "idle")
        # No hidden layer: --layers 2,1, the width has nothing to say, and there is no ratio to show.
        values = depth_settings(depth="0")
        self.open_depth("depth=0&run")
        self.assertFalse(self.field("width").is_enabled())
        result = self.check_depth_run(values)
        self.assertIn("--layers 2,1 ", self.command_text())
        self.assertEqual([len(trace["layer_gradient_norms"]) for trace in result["layer_trace"]], [1, 1])
        # A point set's widget on a gate: the outcome names the gate, without a test accuracy.
        values = depth_settings(dataset="gate", gate="xor", depth="2", width="4")
        self.open_depth("dataset=gate&gate=xor&depth=2&width=4&run")
        self.check_depth_run(values)
        # --layers is no field of this widget: a link naming it is told so.
        self.open_depth("layers=2,8,1")
        self.assertIn("layers", self.browser.find_element(By.CSS_SELECTOR, ".nn-link-note").text)
        self.assertEqual(self.field_values(), depth_settings())
        self.assertEqual(self.console_errors(), [])

    def test_chapter_5_refusals(self) -> None:
        # A width the program refuses: its --layers line, beside the width field.
        self.open_depth("width=0&run")
        self.assertEqual(self.finished(), "refused")
        expected = native(CH02, depth_flags(depth_settings(width="0")), code=2)
        self.assertEqual(self.browser.find_element(By.ID, "nn-width-message").text, expected.stderr.strip())
        self.assertEqual(self.field("width").get_attribute("aria-invalid"), "true")
        self.assertIsNone(self.widget().get_attribute("data-result"))
        # A depth the list does not offer: the widget's own line beside the depth field, and nothing ran.
        for depth in ("9", "two"):
            with self.subTest(depth=depth):
                self.open_depth(f"depth={depth}&run")
                self.assertEqual(self.finished(), "refused")
                self.assertEqual(self.browser.find_element(By.ID, "nn-depth-message").text,
                                 DEPTH_REFUSAL.format(depth))
                self.assertIsNone(self.widget().get_attribute("data-result"))
        self.screenshot("ch05-refused")
        self.assertEqual(self.console_errors(), [])

    def test_the_depth_fields_defaults_are_the_programs(self) -> None:
        self.open_depth(markup={"data-program": "ch02-tanh", "data-mode": "depth"})
        self.assertEqual(self.field_values(), DEPTH_DEFAULTS)
        self.assertEqual(self.command_text(), command("ch02-tanh", depth_flags(DEPTH_DEFAULTS)))
        text = subprocess.run([CH02, "--help"], capture_output=True, text=True, check=True).stdout
        for name, value in DEPTH_DEFAULTS.items():
            if name not in ("depth", "width"):
                self.assertRegex(text, rf"--{name} \w+={re.escape(value)}\s", name)
        # The depth and the width make the program's --layers default, and --trace-layers is its flag.
        layers = depth_flags({"depth": DEPTH_DEFAULTS["depth"], "width": DEPTH_DEFAULTS["width"]})
        self.assertRegex(text, rf"--layers \w+={re.escape(layers[1])}\s")
        self.assertRegex(text, r"--trace-layers\s")
        self.check_options(text)
        for name, options in (("depth", DEPTHS), ("width", WIDTHS)):
            self.assertEqual([o.get_attribute("value") for o in self.field(name).find_elements(By.TAG_NAME, "option")],
                             options)
        # Chapter 5's page: chapter 4's training (whose defaults the chapter 4 test checks against the page's
        # generated file) with a linear output.
        training = ("loss", "optimizer", "lr", "epochs", "batches-per-epoch", "full-batch")
        self.assertEqual({name: CH05_DEFAULTS[name] for name in training},
                         {name: CH04_DEFAULTS[name] for name in training})
        self.open_depth()
        self.assertEqual(self.field_values(), depth_settings())

    def test_chapter_5s_page_holds_the_depth_widget(self) -> None:
        page = SITE / "ch05-depth.html"
        if not page.exists():
            self.skipTest("chapter 5's page is not in this build of the book")
        # The page may type its flags or include them from a generated file: what must hold is the widget and
        # the settings its fields start from.
        self.open("ch05-depth.html")
        for name in ("data-program", "data-mode"):
            self.assertEqual(self.widget().get_attribute(name), CH05_MARKUP[name], name)
        self.assertEqual(self.field_values(), depth_settings())
        self.assertEqual(self.command_text(), command("ch02-tanh", depth_flags(depth_settings())))

    def test_without_webassembly_the_figures_stay(self) -> None:
        hide = self.browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                                            {"source": "delete window.WebAssembly;"})
        try:
            self.open("ch02-tanh.html", "run", built=False)
            self.assertEqual(self.browser.execute_script("return typeof WebAssembly"), "undefined")
            WebDriverWait(self.browser, WAIT_SECONDS).until(lambda b: self.widget().text == NO_WASM)
            self.assertEqual(self.browser.find_elements(By.CSS_SELECTOR, "script[src*='nn-web']"), [])
            figures = [image for image in self.browser.find_elements(By.CSS_SELECTOR, "main img")
                       if image.is_displayed()]
            self.assertTrue(figures)
            for image in figures:
                WebDriverWait(self.browser, WAIT_SECONDS).until(lambda b: image.get_property("complete"))
                self.assertGreater(image.get_property("naturalWidth"), 0, image.get_attribute("src"))
            self.screenshot("no-wasm")
            self.assertEqual(self.console_errors(), [])
        finally:
            self.browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", hide)


if __name__ == "__main__":
    if len(sys.argv) != 6:
        print("usage: widget_test.py SITE_DIR SCREENSHOT_DIR CH01 CH02 CH03", file=sys.stderr)
        sys.exit(2)
    SITE, SCREENSHOTS = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    CH01, CH02, CH03 = (str(Path(binary).resolve()) for binary in sys.argv[3:6])
    unittest.main(argv=sys.argv[:1], verbosity=2)
