"""The web edition (--format html), read back as its users meet it: in a real browser.

Every example in content/ and every sample in tests/samples/ is built to DOCX and HTML once.
In headless Chromium (tests/browser.py): axe-core finds no WCAG 2.1 A/AA violation, nothing is
wider than a 320 px viewport (a wide table scrolls in its own region), every in-page link finds
its element, the page's text is the DOCX's word for word (tests/textof.py; the PDF's parity
with the DOCX is tests/test_parity.py), footnotes included, and the skip link shows when
focused.  Without a browser the tests skip on a laptop and fail in CI (CI=true), which installs
one.  The page's markup is checked with lxml: one h1, headings in order, lists and tables as
the layout made them, charts as named SVG with their numbers, no script, nothing from outside.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

from tests.browser import browser, missing
from tests.conftest import ROOT, run
from tests.textof import _read_docx, compare_texts, docx_notes, normalise

FOLDERS = {"content": ROOT / "content", "samples": ROOT / "tests" / "samples"}
DOCS = [(folder, p.stem) for folder, path in FOLDERS.items()
        for p in sorted(path.glob("*.yaml"))]
IDS = [f"{folder}/{name}" for folder, name in DOCS]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Each folder built to DOCX and HTML: {folder: output folder}."""
    out = {}
    for folder, path in FOLDERS.items():
        target = tmp_path_factory.mktemp(folder)
        result = run("build", path, "--out", target, "--format", "docx", "--format", "html",
                     "--jobs", "2", "-q")
        assert result.exit_code == 0, result.output
        out[folder] = target
    return out


@pytest.fixture(scope="module")
def chrome():
    """One headless Chromium for the module."""
    why = missing()
    if why:
        if os.environ.get("CI"):
            pytest.fail(f"the browser tests cannot run in CI: {why}")
        pytest.skip(why)
    with browser() as b:
        yield b


def page(built, folder: str, name: str) -> Path:
    return built[folder] / name / "index.html"


@pytest.mark.parametrize("folder,name", DOCS, ids=IDS)
def test_axe_finds_no_wcag_violation(built, chrome, folder, name):
    chrome.open(page(built, folder, name))
    violations = chrome.axe()
    assert violations == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"][:3]])
                              for v in violations]


@pytest.mark.parametrize("folder,name", DOCS, ids=IDS)
def test_nothing_is_wider_than_320_px(built, chrome, folder, name):
    chrome.open(page(built, folder, name), width=320)
    found = chrome.overflow()
    assert found["scrollWidth"] <= found["width"] and found["wide"] == [], found


@pytest.mark.parametrize("folder,name", DOCS, ids=IDS)
def test_every_in_page_link_finds_its_element(built, chrome, folder, name):
    chrome.open(page(built, folder, name))
    links = chrome.broken_links()
    assert links["count"] >= 1 and links["bad"] == [], links      # the skip link at least


@pytest.mark.parametrize("folder,name", DOCS, ids=IDS)
def test_the_page_has_the_words_of_the_docx(built, chrome, folder, name):
    """The page's text (without skip link, draft line, footer and chart data), list markers
    included, is the DOCX's body text; its notes are the DOCX's footnotes."""
    chrome.open(page(built, folder, name))
    notes = chrome.notes()
    text = chrome.text()
    paragraphs, _ = _read_docx(built[folder] / f"{name}.docx")
    report = compare_texts(paragraphs, [text])
    assert report is None, report.replace("PDF", "HTML")
    assert [normalise(n) for n in notes] == \
        [normalise(n) for n in docx_notes(built[folder] / f"{name}.docx")]


def test_the_skip_link_shows_when_focused(built, chrome):
    chrome.open(page(built, "content", "vefsn"))
    d = chrome.driver
    hidden = d.execute_script("return document.querySelector('.skip').getBoundingClientRect().bottom")
    d.execute_script("document.querySelector('.skip').focus()")
    box = d.execute_script("const s = document.querySelector('.skip'); const r = "
                           "s.getBoundingClientRect(); return [r.top, r.bottom, "
                           "getComputedStyle(s).outlineWidth, s.getAttribute('href')]")
    assert hidden <= 0 and box[0] >= 0 and box[1] > 0 and box[2] == "3px" and box[3] == "#main"


def test_list_markers_are_the_layouts_labels(built, chrome):
    """The goal numbers and strategy letters are drawn by ::marker from data-label, not typed."""
    chrome.open(page(built, "content", "vefsn"))
    d = chrome.driver
    first = d.execute_script(
        "const li = document.querySelector('ol.strategies > li'); return [li.dataset.label, "
        "li.innerText.trim().slice(0, 12), getComputedStyle(li, '::marker').content]")
    assert first[0] == "a)" and not first[1].startswith("a)")
    assert "attr(data-label)" in first[2] or first[2].startswith('"a)')


def test_screenshots_at_1280_and_375_px(built, chrome, tmp_path):
    """Whole-page screenshots of the plan, as the README tells how to look at them."""
    from PIL import Image

    chrome.open(page(built, "content", "vefsn"))
    for width in (1280, 375):
        shot = tmp_path / f"vefsn-{width}.png"
        chrome.screenshot(shot, width)
        image = Image.open(shot)
        assert image.width == width and image.height > 3000
        assert len(image.convert("RGB").getcolors(1 << 20) or ()) > 50   # not blank


# --- the markup -------------------------------------------------------------------------------


def tree(built, folder, name):
    return lxml_html.fromstring(page(built, folder, name).read_bytes())


@pytest.mark.parametrize("folder,name", DOCS, ids=IDS)
def test_one_h1_and_headings_in_order(built, folder, name):
    root = tree(built, folder, name)
    levels = [int(h.tag[1]) for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6")
              if not h.xpath("ancestor::nav or ancestor::*[@data-notes]")]
    assert levels.count(1) == 1 and levels[0] == 1, levels
    skips = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    assert skips == [], skips


@pytest.mark.parametrize("folder,name", DOCS, ids=IDS)
def test_nothing_from_outside_and_no_script(built, folder, name):
    text = page(built, folder, name).read_text(encoding="utf-8")
    root = lxml_html.fromstring(text)
    assert root.xpath("//script") == [] and root.xpath("//link") == []
    sources = root.xpath("//@src")
    assert sources and all(s.startswith("data:") for s in sources) or not sources
    assert not re.search(r"url\((?!data:|#)", text)


def test_language_and_landmarks(built):
    nn = tree(built, "content", "nn-bustadplan")
    assert nn.get("lang") == "nn"
    plan = tree(built, "content", "vefsn")
    assert plan.get("lang") == "nb"
    assert [n.xpath("string(h2)") for n in plan.iter("nav")] == ["Innhold"]
    assert len(plan.xpath("//main")) == 1 and plan.xpath("//a[@class='skip']/@href") == ["#main"]
    assert plan.xpath("string(//p[@class='draft'])") == "UTKAST"


def test_goals_and_strategies_are_real_lists(built):
    plan = tree(built, "content", "vefsn")
    goals = plan.xpath("//ol[contains(@class,'goals')]/li")
    assert [g.get("data-label") for g in goals][:3] == ["1.1", "1.2", "1.3"]
    first = goals[0]
    assert first.xpath("string(p[@class='goal-text'])").startswith("MÅL: Etableringer")
    letters = first.xpath("ol[contains(@class,'strategies')]/li/@data-label")
    assert letters == ["a)", "b)", "c)", "d)", "e)", "f)"]
    assert not first.xpath("string(ol/li[1])").startswith("a)")


def test_swot_is_a_table_with_four_header_cells(built):
    plan = tree(built, "content", "vefsn")
    swot = plan.xpath("//table[@class='swot']")[0]
    assert [(th.text, th.get("scope")) for th in swot.iter("th")] == [
        ("Styrker", "col"), ("Svakheter", "col"), ("Muligheter", "col"), ("Trusler", "col")]


def test_chart_is_named_svg_with_its_numbers(built):
    plan = tree(built, "content", "vefsn")
    figure = plan.xpath("//figure[.//svg]")[0]
    svg = figure.xpath(".//svg")[0]
    assert svg.get("role") == "img" and svg.get("aria-label").startswith("Søylediagram")
    details = figure.xpath(".//details")[0]
    assert details.get("open") is None and details.xpath("string(summary)") == \
        "Tallene i figuren"
    rows = [[c.text_content() for c in tr] for tr in details.xpath(".//tr")]
    assert rows[1] == ["2020", "13\u00a0278"], rows
    assert figure.xpath("string(figcaption/span[@class='caption'])").startswith("Figur 1:")


def test_data_tables_have_caption_and_header_scope(built):
    root = tree(built, "samples", "tabeller")
    tables = root.xpath("//table[contains(@class,'data')]")
    assert tables
    for t in tables:
        assert t.xpath("thead/tr/th/@scope") and set(t.xpath("thead/tr/th/@scope")) == {"col"}
    assert any(t.xpath("caption") for t in tables)


def test_same_inputs_give_the_same_bytes(tmp_path):
    source = ROOT / "content" / "vefsn.yaml"
    for n in (1, 2):
        assert run("build", source, "--out", tmp_path / str(n), "--format", "html",
                   "-q").exit_code == 0
    assert (tmp_path / "1/vefsn/index.html").read_bytes() == \
        (tmp_path / "2/vefsn/index.html").read_bytes()


def test_an_unchanged_page_is_not_built_again(tmp_path):
    source = ROOT / "content" / "sak-budsjett.yaml"
    first = run("build", source, "--out", tmp_path, "--format", "html")
    again = run("build", source, "--out", tmp_path, "--format", "html")
    assert "1 built" in first.output and "0 built, 1 unchanged" in again.output


def test_the_style_can_ask_for_the_web_page(project):
    """`web: {enabled: true}` adds html to the default formats; --format still chooses."""
    (project / "styles" / "nett").mkdir()
    (project / "styles" / "nett" / "style.yaml").write_text("extends: default\nweb: {enabled: "
                                                            "true}\n", encoding="utf-8")
    (project / "content" / "plan.yaml").write_text(
        "document: {title: Plan, municipality: Testvik kommune, style: nett}\n"
        "body:\n  - text: Hei.\n", encoding="utf-8")
    assert run("build", "content", "--out", "out").exit_code == 0
    assert sorted(p.name for p in (project / "out").iterdir() if not p.name.startswith(".")) \
        == ["plan", "plan.docx", "plan.pdf"]
    assert run("build", "content", "--out", "only", "--format", "pdf").exit_code == 0
    assert not (project / "only" / "plan").exists()


def test_a_file_where_the_page_folder_goes_is_refused(project):
    (project / "content" / "plan.yaml").write_text(
        "document: {title: Plan, municipality: Testvik kommune}\nbody:\n  - text: Hei.\n",
        encoding="utf-8")
    (project / "out").mkdir()
    (project / "out" / "plan").write_text("not a folder", encoding="utf-8")
    result = run("build", "content", "--out", "out", "--format", "html", "--format", "pdf")
    assert result.exit_code == 2
    assert "out/plan: is a file — expected the folder of the document's web page here " \
           "(move the file away)" in result.output
    assert not (project / "out" / "plan.pdf").exists()


def test_words_in_another_language_carry_their_lang(built):
    root = tree(built, "samples", "every-block")
    spans = {s.get("lang"): s.text_content() for s in root.xpath("//main//span[@lang]")}
    assert spans.get("se") == "Sámi giella" and spans.get("sma") == "åarjelsaemien gïele"
    assert "en" in spans


def test_a_light_brand_colour_is_darkened_for_text(project, chrome):
    """A style whose primary colour is a light yellow: links, headings and the white text on
    table headers still reach 4.5:1 (the layout's palette), so axe finds no contrast failure."""
    (project / "styles" / "gul").mkdir()
    (project / "styles" / "gul" / "style.yaml").write_text(
        'extends: default\ncolors: {primary: "#F6D04D", secondary: "#FFE680", '
        'accent: "#FFB000", light: "#FFF8DC"}\n', encoding="utf-8")
    source = ROOT / "tests" / "samples" / "every-block.yaml"
    text = re.sub(r"(?m)^  style: .*$", "  style: gul", source.read_text(encoding="utf-8"))
    for extra in source.parent.iterdir():
        if extra.suffix in (".md", ".csv", ".png", ".jpg", ".yaml"):
            (project / "content" / extra.name).write_bytes(extra.read_bytes())
    (project / "content" / "plan.yaml").write_text(text, encoding="utf-8")
    result = run("build", "content/plan.yaml", "--out", "out", "--format", "html")
    assert result.exit_code == 0, result.output
    chrome.open(project / "out" / "plan" / "index.html")
    assert [v["id"] for v in chrome.axe()] == []


# --- the edition split by chapter (web: {chapters: true}) ---------------------------------------


@pytest.fixture(scope="module")
def chapters(tmp_path_factory):
    """The Vefsn plan built with a style that asks for a page per chapter: (folder, out)."""
    root = tmp_path_factory.mktemp("chapters")
    (root / "styles").mkdir()
    for style in (ROOT / "styles").iterdir():
        shutil.copytree(style, root / "styles" / style.name)
    (root / "styles" / "kapitler").mkdir()
    (root / "styles" / "kapitler" / "style.yaml").write_text(
        "extends: vefsn\nweb: {enabled: true, chapters: true}\n", encoding="utf-8")
    shutil.copytree(ROOT / "content", root / "content")
    plan = root / "content" / "vefsn.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("  style: vefsn", "  style: kapitler"),
                    encoding="utf-8")
    result = run("build", plan, "--out", root / "out", "-q")
    assert result.exit_code == 0, result.output
    return root


def edition(root) -> list[Path]:
    """The pages in reading order: the front page, then the chapters by their number."""
    folder = root / "out" / "vefsn"
    return [folder / "index.html"] + sorted(p for p in folder.glob("*.html")
                                            if p.name != "index.html")


def test_a_page_per_chapter_with_previous_and_next(chapters):
    pages = edition(chapters)
    assert [p.name for p in pages][:3] == ["index.html", "01-hva-er-strategisk-naeringsplan.html",
                                          "02-arbeidsprosessen.html"]
    assert len(pages) == 11        # the front page and ten chapters
    for n, path in enumerate(pages):
        root = lxml_html.fromstring(path.read_bytes())
        assert len(root.xpath("//h1")) == 1, path.name
        prev = root.xpath("//nav[@class='pager']/a[@rel='prev']/@href")
        nxt = root.xpath("//nav[@class='pager']/a[@rel='next']/@href")
        assert prev == ([pages[n - 1].name] if n else [])
        assert nxt == ([pages[n + 1].name] if n + 1 < len(pages) else [])
    chapter = lxml_html.fromstring(pages[8].read_bytes())
    assert chapter.xpath("string(//h1)") == "1 Slagkraft for næringsutvikling"
    assert chapter.xpath("string(//title)") == \
        "1 Slagkraft for næringsutvikling – Strategisk næringsplan – Vefsn kommune"


def test_links_reach_across_the_pages(chapters):
    pages = edition(chapters)
    ids = {p.name: set(lxml_html.fromstring(p.read_bytes()).xpath("//@id")) for p in pages}
    crossing = 0
    for path in pages:
        for href in lxml_html.fromstring(path.read_bytes()).xpath("//a/@href"):
            page_name, _, anchor = href.partition("#")
            if href.startswith(("http", "mailto:", "tel:")):
                continue
            target = page_name or path.name
            assert target in ids, href
            assert not anchor or anchor in ids[target], (path.name, href)
            crossing += bool(page_name and anchor)
    assert crossing >= 10          # the contents at least


def test_the_pages_together_have_the_words_of_the_docx(chapters, chrome):
    texts = []
    for path in edition(chapters):
        chrome.open(path)
        assert chrome.axe() == [], path.name
        texts.append(chrome.text())
    paragraphs, _ = _read_docx(chapters / "out" / "vefsn.docx")
    report = compare_texts(paragraphs, texts)
    assert report is None, report.replace("PDF", "HTML")


def test_a_chapter_taken_out_leaves_no_page_behind(chapters):
    plan = chapters / "content" / "vefsn.yaml"
    before = {p.name for p in edition(chapters)}
    text = plan.read_text(encoding="utf-8")
    start = text.index("  - chapter: Arbeidsprosessen")
    end = text.index("  - chapter:", start + 10)
    plan.write_text(text[:start] + text[end:], encoding="utf-8")
    assert run("build", plan, "--out", chapters / "out", "-q").exit_code == 0
    after = {p.name for p in edition(chapters)}
    assert "02-arbeidsprosessen.html" in before and "02-arbeidsprosessen.html" not in after
    assert len(after) == len(before) - 1
    again = run("build", plan, "--out", chapters / "out")
    assert "0 built, 1 unchanged" in again.output


def test_text_that_looks_like_markup_stays_text(project):
    """Author text with '<', '&' and quotes is printed as typed, never run as markup."""
    (project / "content" / "plan.yaml").write_text(
        'document: {title: "Plan <b>&</b> \\"sitat\\"", municipality: Testvik kommune}\n'
        "body:\n  - chapter: 'Kapittel <script>alert(1)</script>'\n"
        "    body:\n      - text: 'A < B & C > D, \"<img src=x onerror=alert(1)>\"'\n",
        encoding="utf-8")
    assert run("build", "content", "--out", "out", "--format", "html").exit_code == 0
    text = (project / "out" / "plan" / "index.html").read_text(encoding="utf-8")
    root = lxml_html.fromstring(text)
    assert root.xpath("//script") == [] and root.xpath("//main//img") == []
    assert root.xpath("string(//h1)") == 'Plan <b>&</b> "sitat"'
    assert root.xpath("string(//main//h2)") == "1 Kapittel <script>alert(1)</script>"
    assert root.xpath("string(//main//p)") == 'A < B & C > D, "<img src=x onerror=alert(1)>"'
    assert root.xpath("string(//title)") == 'Plan <b>&</b> "sitat" – Testvik kommune'
