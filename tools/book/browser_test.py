"""The book in a real browser: headless Chromium (Debian's chromium and chromium-driver, driven by
python3-selenium) opens every page the SUMMARY lists from a server on 127.0.0.1, and checks what a reader
would see:

  - no errors in the browser console (a missing script, font or figure shows up there);
  - every display and inline formula of the page's source rendered by KaTeX, none failed to parse, and
    KaTeX warned about none;
  - every figure of the page's source loaded and drawn (an image with no pixels is a broken figure);
  - in a 1280 px window with the sidebar open, no listing or program output scrolls sideways;
  - on a 390 px phone, nothing is cut off: a display formula fits or scrolls on its own, no figure is wider
    than its column, and the page itself does not scroll sideways;
  - the search box finds "tanh" and offers chapter 2's page.

It saves a screenshot of each page at both widths into SCREENSHOT_DIR (PAGE-1280.png, PAGE-390.png), so a
reviewer can look at what the test saw.

usage: /usr/bin/python3 tools/book/browser_test.py SITE_DIR SCREENSHOT_DIR
"""

import re
import sys
import unittest
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve import serve  # noqa: E402
from page_math import display_formulas, inline_formulas  # noqa: E402
from summary import summary_pages  # noqa: E402

DOCS = Path(__file__).resolve().parents[2] / "docs"
WAIT_SECONDS = 20
WIDE, NARROW = 1280, 390  # a laptop's window and a phone's (issue 11's screenshots)
SITE = SCREENSHOTS = Path()  # set from the command line

# The listings and outputs (a <pre>, or the <code> in it, which is what scrolls) wider than their box, each
# as its longest line and that line's length.
SIDEWAYS_LISTINGS = """
return [...document.querySelectorAll('main pre, main pre > code')]
  .filter(e => e.scrollWidth > e.clientWidth + 1)
  .map(e => e.textContent.split('\\n').reduce((a, b) => a.length >= b.length ? a : b))
  .map(line => `${line.length} characters: ${line}`);
"""

# The page's text outside code, whose dollars are not math.
PROSE = """
const main = document.querySelector('main').cloneNode(true);
main.querySelectorAll('pre, code').forEach(code => code.remove());
return main.textContent;
"""

# What a phone's reader would find cut off: each problem as one line.
CUT_OFF = """
const view = document.documentElement.clientWidth, problems = [];
for (const formula of document.querySelectorAll('main .katex-display')) {
  const scrolls = ['auto', 'scroll'].includes(getComputedStyle(formula).overflowX);
  if (formula.getBoundingClientRect().right > view + 1 || (formula.scrollWidth > formula.clientWidth + 1 && !scrolls))
    problems.push('formula cut off: ' + formula.textContent.slice(0, 60));
}
for (const image of document.querySelectorAll('main img')) {
  const box = image.getBoundingClientRect(), column = image.parentElement.getBoundingClientRect();
  if (box.width === 0) continue;  // mdBook's enlarged copy, hidden until clicked
  if (box.right > Math.min(view, column.right) + 1) problems.push('figure wider than its column: ' + image.src);
}
const page = document.scrollingElement;
if (page.scrollWidth > page.clientWidth + 1)
  problems.push(`the page scrolls sideways: ${page.scrollWidth} px wide in a ${page.clientWidth} px window`);
return problems;
"""


def with_includes(page: str, source: str) -> str:
    """SOURCE with the files it includes whole (generated numbers and sentences, which can hold math) in place."""
    folder = (DOCS / page).parent
    return re.sub(r"\{\{#include ([^}:\s]+)\}\}",
                  lambda m: (folder / m[1]).read_text(encoding="utf-8") if (folder / m[1]).is_file() else "", source)


def figures(source: str) -> list[str]:
    """The paths of the page's figures, as its source writes them."""
    return re.findall(r"!\[[^\]]*\]\(([^)]+)\)", source)


def start_browser() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,1000"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # so get_log("browser") sees everything
    return webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)


class BookInChromium(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.server = serve(SITE)
        cls.root_url = cls.server.__enter__()
        cls.browser = start_browser()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.browser.quit()
        cls.server.__exit__(None, None, None)

    def open(self, page: str) -> None:
        self.browser.get(self.root_url + page)
        WebDriverWait(self.browser, WAIT_SECONDS).until(
            lambda b: b.execute_script("return document.readyState") == "complete")

    def console_errors(self) -> list[str]:
        # KaTeX only warns about a formula that is not LaTeX (a curly quote where a prime should be, say): that
        # counts as an error here.
        return [entry["message"] for entry in self.browser.get_log("browser")
                if entry["level"] == "SEVERE" or "LaTeX-incompatible" in entry["message"]]

    def viewport(self, width: int, height: int = 1000) -> None:
        """The page as a window WIDTH px wide shows it; under 600 px as a phone does (Chromium's own windows
        have a minimum width, so the width is emulated)."""
        self.browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})

    def screenshot(self, page: str, width: int) -> None:
        # As tall as the page, so the screenshot shows all of it.
        height = self.browser.execute_script("return document.documentElement.scrollHeight")
        self.viewport(width, min(max(height, 1000), 16000))
        name = page.replace("/", "-").removesuffix(".md")
        self.browser.save_screenshot(str(SCREENSHOTS / f"{name}-{width}.png"))
        self.viewport(width)

    def test_every_page_renders_with_its_math_and_figures(self) -> None:
        pages = summary_pages(DOCS)
        self.assertIn("introduction.md", pages)
        self.assertTrue(any(page.startswith("ch0") for page in pages), pages)
        for page in pages:
            source = (DOCS / page).read_text(encoding="utf-8")
            with self.subTest(page=page, width=WIDE):
                self.open_at(WIDE, page, source)
                self.check_page(page, source)
                self.check_wide(page)
            with self.subTest(page=page, width=NARROW):
                self.open_at(NARROW, page, source)
                self.check_narrow(page)

    def open_at(self, width: int, page: str, source: str) -> None:
        """Opens PAGE WIDTH px wide, waits for its math, and takes its screenshot before any check fails."""
        self.viewport(width)
        self.open(page.removesuffix(".md") + ".html")
        try:
            self.wait_for_math(page, source)
        finally:
            self.screenshot(page, width)

    def wait_for_math(self, page: str, source: str) -> tuple[int, int]:
        """The page's display and inline formulas, once KaTeX has rendered as many: it renders after the page
        loads (auto-render runs when its script has arrived); a display formula is a .katex inside a
        .katex-display, an inline one a .katex on its own."""
        source = with_includes(page, source)
        display, inline = len(display_formulas(source)), len(inline_formulas(source))
        WebDriverWait(self.browser, WAIT_SECONDS).until(
            lambda b: len(b.find_elements(By.CSS_SELECTOR, "main .katex")) >= display + inline,
            f"{page}: {display} display and {inline} inline formulas in the source, KaTeX did not render them all")
        return display, inline

    def check_page(self, page: str, source: str) -> None:
        browser = self.browser
        display, inline = self.wait_for_math(page, source)
        self.assertEqual(len(browser.find_elements(By.CSS_SELECTOR, ".katex-display")), display, page)
        self.assertEqual(len(browser.find_elements(By.CSS_SELECTOR, "main .katex")), display + inline, page)
        failed = [error.get_attribute("title") for error in browser.find_elements(By.CSS_SELECTOR, ".katex-error")]
        self.assertEqual(failed, [], f"{page}: a formula failed to parse")
        self.assertNotIn("$$", browser.execute_script(PROSE), f"{page}: raw TeX left")

        for figure in figures(source):
            # mdBook 0.5 shows each image twice (inline, and enlarged when clicked): check every copy.
            images = [image for image in browser.find_elements(By.CSS_SELECTOR, "main img")
                      if image.get_dom_attribute("src") == figure]
            self.assertTrue(images, f"{page}: figure {figure} is not on the page")
            for image in images:
                WebDriverWait(browser, WAIT_SECONDS).until(lambda b: image.get_property("complete"))
                self.assertGreater(image.get_property("naturalWidth"), 0, f"{page}: figure {figure} did not load")

        self.assertEqual(self.console_errors(), [], f"{page}: console errors")

    def check_wide(self, page: str) -> None:
        # The hardest case for the listings: the sidebar open beside them, as it is at this width by default.
        self.assertIn("sidebar-visible", self.browser.find_element(By.TAG_NAME, "html").get_attribute("class"))
        self.assertEqual(self.browser.execute_script(SIDEWAYS_LISTINGS), [],
                         f"{page}: listings or outputs scroll sideways at {WIDE} px")

    def check_narrow(self, page: str) -> None:
        self.assertEqual(self.browser.execute_script(CUT_OFF), [], f"{page}: cut off at {NARROW} px")
        self.assertEqual(self.console_errors(), [], f"{page}: console errors at {NARROW} px")

    def test_search_finds_tanh(self) -> None:
        self.viewport(WIDE)
        self.open("introduction.html")
        self.browser.find_element(By.ID, "mdbook-search-toggle").click()
        self.browser.find_element(By.ID, "mdbook-searchbar").send_keys("tanh")
        results = WebDriverWait(self.browser, WAIT_SECONDS).until(
            lambda b: b.find_elements(By.CSS_SELECTOR, "#mdbook-searchresults li a"),
            "the search found nothing for tanh")
        targets = [link.get_attribute("href") for link in results]
        self.assertTrue(any("ch02-tanh.html" in target for target in targets), targets)
        self.browser.save_screenshot(str(SCREENSHOTS / "search-tanh.png"))
        self.assertEqual(self.console_errors(), [], "console errors while searching")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print("usage: browser_test.py SITE_DIR SCREENSHOT_DIR", file=sys.stderr)
        sys.exit(2)
    SITE, SCREENSHOTS = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    unittest.main(argv=sys.argv[:1])
