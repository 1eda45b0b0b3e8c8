"""The book in a real browser: headless Chromium (Debian's chromium and chromium-driver, driven by
python3-selenium) opens every page the SUMMARY lists from a server on 127.0.0.1, and checks what a reader
would see:

  - no errors in the browser console (a missing script, font or figure shows up there);
  - every display formula of the page's source rendered by KaTeX, and none failed to parse;
  - every figure of the page's source loaded and drawn (an image with no pixels is a broken figure);
  - the search box finds "tanh" and offers chapter 2's page.

It saves a screenshot of each page into SCREENSHOT_DIR, so a reviewer can look at what the test saw.

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
from summary import summary_pages  # noqa: E402

DOCS = Path(__file__).resolve().parents[2] / "docs"
WAIT_SECONDS = 20
SITE = SCREENSHOTS = Path()  # set from the command line


def display_formulas(source: str) -> int:
    return source.count("$$") // 2


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
        return [entry["message"] for entry in self.browser.get_log("browser") if entry["level"] == "SEVERE"]

    def screenshot(self, page: str) -> None:
        # As tall as the page, so the screenshot shows all of it.
        height = self.browser.execute_script("return document.documentElement.scrollHeight")
        self.browser.set_window_size(1280, min(max(height, 1000), 16000))
        self.browser.save_screenshot(str(SCREENSHOTS / (page.replace("/", "-").removesuffix(".md") + ".png")))
        self.browser.set_window_size(1280, 1000)

    def test_every_page_renders_with_its_math_and_figures(self) -> None:
        pages = summary_pages(DOCS)
        self.assertIn("introduction.md", pages)
        self.assertTrue(any(page.startswith("ch0") for page in pages), pages)
        for page in pages:
            with self.subTest(page=page):
                source = (DOCS / page).read_text(encoding="utf-8")
                self.open(page.removesuffix(".md") + ".html")
                self.check_page(page, source)

    def check_page(self, page: str, source: str) -> None:
        browser = self.browser
        formulas = display_formulas(source)
        if formulas:
            # KaTeX renders after the page loads (auto-render runs when its script has arrived).
            WebDriverWait(browser, WAIT_SECONDS).until(
                lambda b: len(b.find_elements(By.CSS_SELECTOR, ".katex-display")) >= formulas,
                f"{page}: {formulas} display formulas in the source, KaTeX did not render them all")
        self.assertEqual(len(browser.find_elements(By.CSS_SELECTOR, ".katex-display")), formulas, page)
        self.assertEqual(browser.find_elements(By.CSS_SELECTOR, ".katex-error"), [], f"{page}: a formula failed")
        self.assertNotIn("$$", browser.find_element(By.TAG_NAME, "main").text, f"{page}: raw TeX left")

        for figure in figures(source):
            # mdBook 0.5 shows each image twice (inline, and enlarged when clicked): check every copy.
            images = [image for image in browser.find_elements(By.CSS_SELECTOR, "main img")
                      if image.get_dom_attribute("src") == figure]
            self.assertTrue(images, f"{page}: figure {figure} is not on the page")
            for image in images:
                WebDriverWait(browser, WAIT_SECONDS).until(lambda b: image.get_property("complete"))
                self.assertGreater(image.get_property("naturalWidth"), 0, f"{page}: figure {figure} did not load")

        self.screenshot(page)
        self.assertEqual(self.console_errors(), [], f"{page}: console errors")

    def test_search_finds_tanh(self) -> None:
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
