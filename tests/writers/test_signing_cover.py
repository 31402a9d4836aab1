"""A cover photo, photo credits, a signed foreword and signature blocks, read back from both
formats of tests/samples/forord.yaml (and its print file)."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pikepdf
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from plandoc.layout import boxes as b
from plandoc.layout import lay_out
from plandoc.reader.content import read_document
from plandoc.style import load_theme
from tests.conftest import ROOT, run
from tests.writers.pdfops import drawn_xobjects
from tests.writers.test_tables import bbox_words
from tests.docxstyles import key
from tests.textof import shown_paragraphs

SAMPLE = ROOT / "tests/samples/forord.yaml"
ALT = "Fjorden og fjellene ved Mosjøen en sommerkveld, med hus langs stranda"
MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("forord")
    result = run("build", SAMPLE, "--print", "--no-pdfa", "--out", folder)
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture(scope="module")
def word(out):
    return docx.Document(str(out / "forord.docx"))


@pytest.fixture(scope="module")
def pages(out) -> list[str]:
    return [p.extract_text() for p in PdfReader(out / "forord.pdf").pages]


def _images(pdf: Path, page: int = 0):
    """(x0, y0, x1, y1) of every image XObject the page draws."""
    with pikepdf.open(pdf) as doc:
        p = doc.pages[page]
        kinds = {k: str(v.Subtype) for k, v in p.obj.Resources.XObject.items()}
        return [rect for name, rect in drawn_xobjects(p) if kinds.get(name) == "/Image"]


# --- the cover photo -------------------------------------------------------------------------


def test_docx_cover_photo_is_page_wide_with_its_alt_text_and_cropped_to_fill(word):
    cover = word.inline_shapes[0]
    doc_pr = cover._inline.docPr
    assert doc_pr.get("descr") == ALT
    assert cover.width.mm == pytest.approx(210, abs=0.5)
    rect = next(cover._inline.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}"
                                   "srcRect"))
    # a 16:9 photo in a wider band loses equal parts of its top and foot, nothing at the sides
    assert int(rect.get("t")) == int(rect.get("b")) > 0 and not rect.get("l", "0").strip("0")
    assert word.sections[0].top_margin == 0      # the photo starts at the page's top edge
    assert cover._inline.get("distL") == cover._inline.get("distR") == "0"   # edge to edge


def test_pdf_cover_photo_spans_the_page_width_from_its_top(out):
    (x0, y0, x1, y1), = _images(out / "forord.pdf")
    assert (x0, x1) == pytest.approx((0, A4[0]), abs=0.5)
    assert y1 >= A4[1] - 0.5


def test_print_cover_photo_runs_3_mm_past_the_trim(out):
    (x0, y0, x1, y1), = _images(out / "forord-print.pdf")
    with pikepdf.open(out / "forord-print.pdf") as pdf:
        trim = [float(v) for v in pdf.pages[0].obj.TrimBox]
    assert x0 <= trim[0] - 3 * MM + 0.1 and x1 >= trim[2] + 3 * MM - 0.1
    assert y1 >= trim[3] + 3 * MM - 0.1


def _all_paragraphs(word) -> list[str]:
    """The text of every paragraph of the body, the cover's (in its content control) too."""
    return ["".join(t.text or "" for t in p.iter(qn("w:t")))
            for p in word.element.body.iter(qn("w:p"))]


def test_the_cover_credits_the_photographer_in_both_formats(word, pages):
    texts = _all_paragraphs(word)
    assert texts.index("Foto: Ola Nordmann") < texts.index("Vefsn kommune")   # under the photo
    assert pages[0].startswith("Foto: Ola Nordmann\nVefsn kommune\n")


def test_a_wide_photo_loses_its_sides():
    from plandoc.layout.frame import fill_crop

    assert fill_crop((3000, 1000), (200, 100)) == pytest.approx((1 / 6, 0, 1 / 6, 0), abs=1e-5)
    assert fill_crop((1000, 1000), (200, 100)) == (0, 0.25, 0, 0.25)


# --- photo credits -------------------------------------------------------------------------


def test_image_credit_is_its_own_unnumbered_line_under_the_picture(word, pages):
    styles = [(key(p.style), p.text) for p in word.paragraphs]
    credit = styles.index(("Photo Credit", "Foto: Vefsn kommune"))
    assert styles[credit + 1] == ("Caption", "Figur 1: Fjorden er en viktig del av identiteten "
                                  "til Vefsn.")
    text = "\n".join(pages)
    assert "Foto: Vefsn kommune\nFigur 1: Fjorden" in text
    assert "Figur 2" not in text and "Figur 1: Foto" not in text


# --- the foreword ----------------------------------------------------------------------------


def test_foreword_has_a_page_of_its_own_after_the_contents(pages):
    contents = next(i for i, p in enumerate(pages) if "\nInnhold\n" in p)
    assert "\nForord" in pages[contents]                # listed in the contents
    foreword = pages[contents + 1].splitlines()
    assert foreword[4] == "Forord"                      # first under the running lines
    assert "1 Innledning" not in foreword


def test_foreword_is_signed_with_place_date_name_and_title_in_order(word, pages):
    foreword = pages[2]
    found = [foreword.index(s) for s in ("Mosjøen, 12. november 2026", "Kari Nordmann",
                                         "Ordfører")]
    assert found == sorted(found)
    texts = [t for t in shown_paragraphs(word).values() if t]   # Word's numbers included
    start = texts.index("Forord", texts.index("Forord") + 1)    # after its contents entry
    assert texts[start + 3:start + 6] == ["Mosjøen, 12. november 2026", "Kari Nordmann",
                                          "Ordfører"]
    assert texts[start + 6] == "1 Innledning"


def test_the_foreword_comes_first_wherever_it_stands():
    doc = read_document(SAMPLE)
    moved = doc.__class__(doc.meta, doc.blocks[1:] + doc.blocks[:1], doc.source)
    layout = lay_out(moved, load_theme("default", [ROOT / "styles"]))
    assert isinstance(layout.blocks[0], b.ForewordBox)
    assert isinstance(layout.blocks[1], b.PageBreakBox)
    assert layout.contents.entries[0].text == "Forord"


# --- signatures ------------------------------------------------------------------------------


def test_pdf_signers_stand_two_to_a_row(out):
    words = [w for w in bbox_words(out / "forord.pdf") if w[1] in ("Kari", "Per", "Anne")]
    page = max(w[0] for w in words)
    kari, per, anne = (next(w for w in words if w[0] == page and w[1] == n)
                       for n in ("Kari", "Per", "Anne"))
    assert kari[4] == pytest.approx(per[4], abs=0.5) and per[2] > kari[3] + 100
    assert anne[4] > kari[4] + 30 and anne[2] == pytest.approx(kari[2], abs=0.5)


def test_docx_signers_stand_two_to_a_row(word):
    table = word.tables[-1]
    names = [[c.paragraphs[0].text for c in row.cells] for row in table.rows]
    assert names[1] == ["Kari Nordmann", "", "Per Hansen"]
    assert names[3] == ["Anne Berg", "", ""]
    assert [p.text for p in word.paragraphs if key(p.style) == "Signature Place"] == [
        "Mosjøen, 12. november 2026", "Mosjøen, 13. november 2026"]


@pytest.mark.parametrize("lang, title", [("nb", "Forord"), ("nn", "Føreord"),
                                         ("en", "Foreword")])
def test_the_foreword_is_titled_in_the_documents_language(lang, title):
    doc = read_document(SAMPLE)
    meta = dataclasses.replace(doc.meta, language=lang)
    layout = lay_out(dataclasses.replace(doc, meta=meta), load_theme("default", [ROOT / "styles"]))
    foreword = layout.blocks[0]
    assert foreword.heading.toc_text == title and foreword.heading.number is None
    assert foreword.signature.place_date == {"en": "Mosjøen, 12 November 2026"}.get(
        lang, "Mosjøen, 12. november 2026")


def test_print_warns_when_the_cover_photo_is_too_coarse(tmp_path):
    result = run("build", SAMPLE, "--print", "--format", "pdf", "--out", tmp_path)
    assert result.exit_code == 0
    # a 16:9 photo in a wider band loses its top and foot: all 1600 pixels span 210 mm
    assert ("forside.jpg: image is 194 dpi at its printed size (210 mm wide) — print needs at "
            "least 300 dpi") in result.output


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_draft_with_a_cover_photo_keeps_its_cover_on_one_page_in_libreoffice(tmp_path):
    """A draft's watermark header would push a cover that starts at the top edge (a photo)
    down, onto two pages; such a cover holds the mark itself and the title stays on page 1."""
    src = tmp_path / "content"
    src.mkdir()
    shutil.copy(ROOT / "tests/samples/forside.jpg", src / "forside.jpg")
    text = (ROOT / "tests/samples/forord.yaml").read_text(encoding="utf-8")
    text = re.sub(r"  status: vedtatt\n  adopted_by: [^\n]*\n", "  status: utkast\n", text)
    text = re.sub(r"  style: \w+\n", "", text).replace("  kind: plan\n",
                                                        "  kind: plan\n  style: vefsn\n")
    (src / "plan.yaml").write_text(text, encoding="utf-8")
    result = run("build", src / "plan.yaml", "--out", tmp_path / "out", "--format", "docx",
                 "--styles", ROOT / "styles")
    assert result.exit_code == 0, result.output
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / "out/plan.docx")], check=True, capture_output=True, timeout=180)
    first = PdfReader(tmp_path / "plan.pdf").pages[0].extract_text()
    assert "Sammen skaper vi framtidas Vefsn" in first and "Utkast" in first
