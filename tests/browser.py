"""A real browser for the web edition's tests: Debian's Chromium driven by Selenium, headless.

    with browser() as b: b.open(path, width); b.axe(); b.overflow(); b.broken_links(); b.text()

`axe()` runs axe-core (npm package; its axe.min.js is found at $PLANDOC_AXE, else in .node/ at
the repository's top, where .ci/run installs it) with the WCAG 2.0/2.1 A and AA rules.
`missing()` says what is not installed, for a skip on a developer's laptop; CI installs both.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("PLANDOC_CHROMIUM", "/usr/bin/chromium")
DRIVER = os.environ.get("PLANDOC_CHROMEDRIVER", "/usr/bin/chromedriver")
AXE = Path(os.environ.get("PLANDOC_AXE", ROOT / ".node" / "node_modules" / "axe-core" /
                          "axe.min.js"))
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1"]

# Elements wider than the viewport that are not inside a region that scrolls on its own
# (a wide table scrolls inside its own focusable region, which WCAG 1.4.10 allows).
OVERFLOW_JS = """
const w = document.documentElement.clientWidth, out = [];
for (const el of document.body.querySelectorAll('*')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.right <= w + 1 && r.left >= -1) continue;
  let p = el.parentElement, scrolled = false;
  while (p) { const o = getComputedStyle(p).overflowX;
    if (o === 'auto' || o === 'scroll') { scrolled = true; break; } p = p.parentElement; }
  if (!scrolled && !el.closest('.skip')) out.push(el.tagName.toLowerCase() + (el.className ?
    '.' + String(el.className).split(' ')[0] : '') + ' ' + Math.round(r.left) + '–' +
    Math.round(r.right));
}
return {scrollWidth: document.documentElement.scrollWidth, width: w, wide: out.slice(0, 10)};
"""

LINKS_JS = """
const bad = [];
for (const a of document.querySelectorAll('a[href^="#"]')) {
  const id = decodeURIComponent(a.getAttribute('href').slice(1));
  if (!document.getElementById(id)) bad.push(a.getAttribute('href'));
}
return {count: document.querySelectorAll('a[href^="#"]').length, bad: bad};
"""

# The text a reader sees in document order, as the parity test compares it: furniture
# (skip link, draft line, footer, chart data) and the footnotes left out, each list item's
# marker (the layout's label, drawn by ::marker from data-label) put before its text.
TEXT_JS = """
for (const el of document.querySelectorAll('[data-furniture], [data-notes]')) el.remove();
for (const li of document.querySelectorAll('li[data-label]'))
  li.insertBefore(document.createTextNode(li.dataset.label + ' '), li.firstChild);
return document.body.innerText;
"""

NOTES_JS = """
return Array.from(document.querySelectorAll('[data-notes] li')).map(li =>
  li.id.replace('fn-', '') + ' ' + li.textContent.replace('↩', '').trim());
"""


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    for path, what in ((CHROMIUM, "chromium"), (DRIVER, "chromium-driver")):
        if not Path(path).exists() and not shutil.which(path):
            return f"{what} is not installed ({path}); .ci/run installs it"
    if not AXE.is_file():
        return f"axe-core is not installed ({AXE}); .ci/run installs it with npm"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (the test extras have it)"
    return None


class Browser:
    """One headless Chromium."""

    def __init__(self, driver):
        self.driver = driver

    def open(self, path: Path, width: int = 1280, height: int = 900) -> None:
        self.driver.set_window_size(width, height)
        self.driver.get(Path(path).absolute().as_uri())

    def axe(self) -> list[dict]:
        """axe-core's violations of the WCAG 2.1 A/AA rules on the open page."""
        self.driver.execute_script(AXE.read_text(encoding="utf-8"))
        self.driver.set_script_timeout(60)
        result = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
            ".then(r => done(r.violations)).catch(e => done([{id: 'error', help: String(e)}]));",
            WCAG_TAGS)
        return result

    def overflow(self) -> dict:
        return self.driver.execute_script(OVERFLOW_JS)

    def broken_links(self) -> dict:
        return self.driver.execute_script(LINKS_JS)

    def text(self) -> str:
        """The page's text for the parity test (changes the open page: open it again after)."""
        return self.driver.execute_script(TEXT_JS)

    def notes(self) -> list[str]:
        return self.driver.execute_script(NOTES_JS)

    def screenshot(self, path: Path, width: int) -> None:
        """The whole page at `width` px wide as a PNG."""
        self.driver.set_window_size(width, 900)
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(width, min(height, 16000))
        self.driver.save_screenshot(str(path))


@contextlib.contextmanager
def browser():
    """A headless Chromium for the block; quit afterwards."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="plandoc-chromium-")
    for flag in FLAGS + [f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        yield Browser(driver)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
