"""The print file (`plandoc build --print`): boxes, bleed, crop marks, CMYK, resolution warning."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pikepdf
import pytest
from PIL import Image as PILImage

from plandoc.charts import ChartRenderer
from plandoc.errors import InputWarning
from plandoc.layout import lay_out
from plandoc.style import load_theme
from plandoc.style.theme import Typography
from plandoc.writers.pdf import write_pdf
from plandoc.writers.pdf.profile import PdfProfile
from tests.writers.pdfops import numbers

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sample_doc import sample_document  # noqa: E402
from tests.conftest import ROOT, run, write  # noqa: E402

MM = 72 / 25.4


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("print")
    result = run("build", ROOT / "content" / "vefsn.yaml", "--format", "pdf", "--print",
                 "--pdfa", "--out", out)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-2] == f"wrote {out / 'vefsn-print.pdf'}"  # then the sum
    return out


@pytest.fixture(scope="module")
def press(built) -> pikepdf.Pdf:
    with pikepdf.open(built / "vefsn-print.pdf") as pdf:
        yield pdf


def box(page, name) -> list[float]:
    return [float(v) for v in page.obj[name]]


def test_trim_and_bleed_boxes_3_mm_apart_on_every_page(press):
    assert len(press.pages) > 10
    for page in press.pages:
        trim, bleed, media = box(page, "/TrimBox"), box(page, "/BleedBox"), box(page, "/MediaBox")
        assert trim == pytest.approx([0, 0, 210 * MM, 297 * MM], abs=0.01)      # A4 trimmed
        assert [b - t for b, t in zip(bleed, trim)] == pytest.approx(
            [-3 * MM, -3 * MM, 3 * MM, 3 * MM], abs=0.01)
        assert media[0] < bleed[0] - 8 * MM and media[2] > bleed[2] + 8 * MM    # room for marks


def mark_lines(page) -> list[tuple[float, float, float, float]]:
    """The lines stroked in registration colour (1 1 1 1 K): the crop marks."""
    lines, registration, start = [], False, None
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op == "K":
            registration = [float(v) for v in operands] == [1, 1, 1, 1]
        elif op == "m":
            start = [float(v) for v in operands]
        elif op == "l" and registration:
            lines.append((*start, *(float(v) for v in operands)))
    return lines


def test_crop_marks_outside_the_bleed_on_every_page(press):
    for page in press.pages:
        x0, y0, x1, y1 = box(page, "/BleedBox")
        m0, n0, m1, n1 = box(page, "/MediaBox")
        lines = mark_lines(page)
        assert len(lines) == 8                       # two per corner
        for ax, ay, bx, by in lines:
            for x, y in ((ax, ay), (bx, by)):
                assert not (x0 <= x <= x1 and y0 <= y <= y1), (x, y)   # never in the bleed
                assert m0 <= x <= m1 and n0 <= y <= n1                  # but on the sheet


def test_crop_marks_line_up_with_the_trim_edges(press):
    tx0, ty0, tx1, ty1 = box(press.pages[0], "/TrimBox")
    lines = mark_lines(press.pages[0])
    horizontal = sorted({round(ay, 2) for ax, ay, bx, by in lines if ay == by})
    vertical = sorted({round(ax, 2) for ax, ay, bx, by in lines if ax == bx})
    assert horizontal == [round(ty0, 2), round(ty1, 2)]
    assert vertical == [round(tx0, 2), round(tx1, 2)]


def ops(page) -> list[tuple[str, list[float]]]:
    return [(str(op), numbers(operands)) for operands, op in pikepdf.parse_content_stream(page)]


def test_cover_band_reaches_into_the_bleed(press):
    page = press.pages[0]
    bx0, by0, bx1, _ = box(page, "/BleedBox")
    rects = [args for op, args in ops(page) if op == "re"]
    assert any(r[0] == pytest.approx(bx0, abs=0.01) and r[1] == pytest.approx(by0, abs=0.01)
               and r[0] + r[2] == pytest.approx(bx1, abs=0.01) for r in rects), rects


def test_style_cmyk_colours_are_cmyk_operators(press):
    """Vefsn's style gives primary [90, 27, 0, 58] and text [0, 0, 0, 90]."""
    cover = ops(press.pages[0])
    assert ("k", pytest.approx([0.9, 0.27, 0, 0.58])) in cover      # the band and the title
    body = ops(press.pages[3])
    assert ("k", pytest.approx([0, 0, 0, 0.9])) in body             # running text
    assert not [args for op, args in cover if op == "rg" and args == pytest.approx(
        [11 / 255, 79 / 255, 108 / 255], abs=0.003)]                # no RGB primary left


def test_screen_file_stays_rgb_without_boxes(built):
    with pikepdf.open(built / "vefsn.pdf") as pdf:
        page = pdf.pages[0]
        assert "/TrimBox" not in page.obj and "/BleedBox" not in page.obj
        assert not [a for op, a in ops(page) if op == "k"]
        assert "/OutputIntents" in pdf.Root                          # --pdfa applies here


def test_print_file_is_not_pdfa(press):
    """CMYK ink with an sRGB output intent would break PDF/A; the print file is for the press."""
    assert "/OutputIntents" not in press.Root


def test_charts_stay_vectors(press):
    forms = [x for page in press.pages for name, x in (page.Resources.get("/XObject") or
                                                       {}).items()
             if x.Subtype == "/Form" and name.startswith("/Chart")]   # not the footer's
    assert forms
    for form in forms:
        inner = (form.Resources.get("/XObject") or {}).values()
        assert not [x for x in inner if x.Subtype == "/Image"]
        assert {"re", "f"} <= {op for op, _ in ops(form)} or {"m", "l"} <= {op for op, _ in
                                                                             ops(form)}


def test_low_resolution_image_is_a_warning_not_a_failure(tmp_path):
    image = tmp_path / "vaapen.png"
    PILImage.new("RGB", (300, 360), (31, 78, 121)).save(image)
    theme = load_theme("default", [ROOT / "styles"])
    doc = sample_document(image)
    out = tmp_path / "p.pdf"
    with pytest.warns(InputWarning) as caught:
        write_pdf(lay_out(doc, theme), ChartRenderer(theme, None, "nb"), out,
                  profile=PdfProfile(press=True))
    assert out.is_file()
    messages = {str(w.message) for w in caught}
    assert messages == {f"{image}: image is 191 dpi at its printed size (40 mm wide) — print "
                        "needs at least 300 dpi, that is 472 pixels across; it is used as it is"}


def test_cli_prints_the_warning_and_succeeds(project):
    PILImage.new("RGB", (200, 100), (31, 78, 121)).save(project / "content" / "kart.png")
    write(project / "content" / "plan.yaml", """
        document: {municipality: Testvik kommune, title: Plan}
        body:
          - image: {file: kart.png, alt: Kart, width: 10}
        """)
    result = run("build", "content", "--format", "pdf", "--print")
    assert result.exit_code == 0, result.output
    assert ("warning: content/kart.png: image is 51 dpi at its printed size (100 mm wide) — "
            "print needs at least 300 dpi, that is 1181 pixels across; it is used as it is"
            ) in result.output
    assert (project / "output" / "plan-print.pdf").is_file()


def test_style_print_section_writes_the_print_file(project):
    write(project / "styles" / "trykk" / "style.yaml", """
        print: {enabled: true}
        cmyk: {primary: [100, 45, 0, 55]}
        """)
    write(project / "content" / "plan.yaml", """
        document: {municipality: Testvik kommune, title: Plan, style: trykk}
        body:
          - paragraph: Tekst.
        """)
    result = run("build", "content", "--format", "pdf")
    assert result.exit_code == 0, result.output
    with pikepdf.open(project / "output" / "plan-print.pdf") as pdf:
        assert ("k", pytest.approx([1, 0.45, 0, 0.55])) in ops(pdf.pages[0])


def test_theme_keeps_cmyk_values():
    theme = load_theme("vefsn", [ROOT / "styles"])
    assert theme.colours.primary.cmyk == (90, 27, 0, 58)
    assert theme.colours.swot.threats.cmyk == (0, 36, 79, 21)
    assert dataclasses.replace(theme).typography == Typography(justify=True, hyphenate=True)


def test_a_warning_met_in_a_worker_is_shown_once_by_the_build(project):
    """DOCX and PDF are written by two forked workers; the building process shows what they
    warned about, once, whichever worker met it (with --jobs 1 nothing is forked)."""
    PILImage.new("RGB", (200, 100), (31, 78, 121)).save(project / "content" / "kart.png")
    write(project / "content" / "plan.yaml", """
        document: {municipality: Testvik kommune, title: Plan}
        body:
          - image: {file: kart.png, alt: Kart, width: 10}
        """)
    for jobs in ("2", "1"):
        result = run("build", "content", "--print", "--force", "--jobs", jobs)
        assert result.exit_code == 0, result.output
        assert result.output.count("warning: content/kart.png: image is 51 dpi") == 1, jobs
