"""SVG emblems and pictures (issue 16): the sample tests/samples/vapen-svg.yaml has its style's
emblem as SVG and the same drawing as an image block.  Read back: the PDF draws both as paths
(no raster image at all) inside Figures with their alt text and stays PDF/A-2a and PDF/UA-1;
the DOCX holds a PNG of each, sharp at 600 dpi, with the alt text and the SVG beside it as
Word 2016+ keeps one; the web page holds the SVG
itself.  What the check refuses in an SVG is in tests/malformed (cases_style, cases_content).
"""

from __future__ import annotations

import base64
import io
import re

import docx
import pikepdf
import pytest
from PIL import Image

from tests.conftest import ROOT, run
from tests.writers.pdfops import elements

SAMPLE = ROOT / "tests/samples/vapen-svg.yaml"
SVG = ROOT / "tests/samples/styles/skjold/skjold.svg"
EMBLEM_ALT = "Testvik kommune, kommunevåpen"
PICTURE_ALT = "Testvik kommunevåpen, et hvitt fyrtårn over bølger på rød bunn"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PATH_PAINT = {"f", "f*", "B", "B*", "S", "b", "b*", "sh"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("svg")
    result = run("build", SAMPLE, "--out", out, "--format", "pdf", "--format", "docx",
                 "--format", "html", "--pdfa", "--jobs", "1")
    assert result.exit_code == 0, result.output
    return out


def figure_paint(page) -> list[set[str]]:
    """For each Figure's marked content on `page`, the operators drawn inside it."""
    figures, stack = [], []
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op in ("BDC", "BMC"):
            stack.append(set() if str(operands[0]) == "/Figure" else None)
        elif op == "EMC":
            done = stack.pop()
            if done is not None:
                figures.append(done)
        elif stack and stack[-1] is not None:
            stack[-1].add(op)
    return figures


def xobject_subtypes(resources) -> list[str]:
    """Every XObject's subtype under `resources`, forms' own resources followed."""
    found = []
    for xobject in (resources.get("/XObject") or {}).values():
        found.append(str(xobject.get("/Subtype")))
        if "/Resources" in xobject:
            found += xobject_subtypes(xobject.Resources)
    return found


def test_the_pdf_draws_the_svg_as_paths_in_figures(built):
    with pikepdf.open(built / "vapen-svg.pdf") as pdf:
        assert [s for page in pdf.pages for s in xobject_subtypes(page.Resources)
                if s == "/Image"] == []
        cover, body = figure_paint(pdf.pages[0]), figure_paint(pdf.pages[2])
        alts = [str(e.Alt) for e in elements(pdf.Root.StructTreeRoot)
                if e.get("/S") == "/Figure" and "/Alt" in e]
    assert len(cover) == 1 and cover[0] & PATH_PAINT and "Do" not in cover[0]
    assert len(body) == 1 and body[0] & PATH_PAINT and "Do" not in body[0]
    assert alts == [EMBLEM_ALT, PICTURE_ALT]


def test_the_pdf_with_svg_stays_pdf_a_and_pdf_ua(built):
    page = pytest.importorskip("page")
    for profile in ("ua1", "2a"):
        report = page.validate_pdf(str(built / "vapen-svg.pdf"), profile=profile)
        assert sorted({f"{f.rule_id}: {f.message}" for f in report.failures}) == []


def test_the_docx_holds_sharp_pngs_with_alt_text(built):
    document = docx.Document(str(built / "vapen-svg.docx"))
    shapes = document.element.body.xpath(".//w:drawing//wp:docPr")
    assert [s.get("descr") for s in shapes] == [EMBLEM_ALT, PICTURE_ALT]
    blips = document.element.body.xpath(".//a:blip/@r:embed")
    sizes = [Image.open(io.BytesIO(document.part.related_parts[rid].blob)).size
             for rid in blips]
    extents = document.element.body.xpath(".//wp:extent/@cy")
    for (_, px_high), emu_high in zip(sizes, extents):
        assert px_high / (int(emu_high) / 914400) == pytest.approx(600, abs=2)  # dpi
    assert sizes[0][1] == 520          # 22 mm on the cover at 600 dpi
    svgs = document.element.body.xpath(".//a:blip//*[local-name()='svgBlip']")
    parts = [document.part.related_parts[e.get(f"{{{R}}}embed")] for e in svgs]
    assert [(p.content_type, p.blob) for p in parts] == [("image/svg+xml", SVG.read_bytes())] * 2


def test_the_web_page_holds_the_svg_itself(built):
    page = (built / "vapen-svg" / "index.html").read_text(encoding="utf-8")
    images = re.findall(r'<img (?:class="(\w+)" )?src="data:([^;]+);base64,([^"]+)" '
                        r'alt="([^"]*)"', page)
    assert [(cls, kind, alt) for cls, kind, _, alt in images] == [
        ("emblem", "image/svg+xml", EMBLEM_ALT), ("", "image/svg+xml", PICTURE_ALT)]
    assert all(base64.b64decode(data) == SVG.read_bytes() for _, _, data, _ in images)


def test_check_refuses_what_build_would(tmp_path):
    """An SVG picture with an outside reference: `check` says so, as `build` does, and
    nothing is fetched or read (the file:// address is never opened)."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "v.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9">'
        '<image href="file:///etc/passwd" width="9" height="9"/></svg>', encoding="utf-8")
    (content / "doc.yaml").write_text(
        "document: {title: T, municipality: Testvik kommune, date: 2027-01-01}\n"
        "body:\n  - image: {file: v.svg, alt: V}\n", encoding="utf-8")
    message = ("content/doc.yaml:3: image 'v.svg' refers to something outside the drawing "
               "(<image> 'file:///etc/passwd')")
    for command in (("check",), ("build", "--out", tmp_path / "out")):
        result = run(*command, content / "doc.yaml")
        assert result.exit_code == 2 and message in result.output.replace(str(tmp_path) + "/", "")


ILLUSTRATOR = """<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 24.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg version="1.1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     x="0px" y="0px" width="100%" height="100%" viewBox="0 0 100 120" xml:space="preserve">
<path fill="#0B4F6C" d="M5 5 H95 V60 C95 90 70 108 50 115 C30 108 5 90 5 60 Z"/>
</svg>
"""


def test_an_emblem_as_illustrator_saves_it_is_taken(tmp_path):
    """Illustrator's SVG names the SVG 1.1 DTD (never fetched) and sizes itself 100 %: its
    viewBox gives the size, and the drawing is drawn and rasterised at it."""
    from plandoc import svg

    path = tmp_path / "vapen.svg"
    path.write_text(ILLUSTRATOR, encoding="utf-8")
    assert svg.problem(path) is None
    assert svg.size(path) == (75, 90)
    assert Image.open(io.BytesIO(svg.png(path, 22))).size == (434, 520)
