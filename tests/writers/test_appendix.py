"""Appendices read back from both formats: 'Vedlegg 1 Kartgrunnlag' starts a page of its own,
its sections are numbered V1.1 (A.1 when lettered), the contents lists the appendices after the
chapters, the list of appendices gives number and title (and the page, in the PDF), a
cross-reference reads 'vedlegg 1', and figures and tables inside keep the document's numbers."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pypdf
import pytest
from docx.oxml.ns import qn

from plandoc.layout import boxes as b
from plandoc.layout import lay_out
from plandoc.reader.content import read_document
from plandoc.style import load_theme
from tests.conftest import ROOT, run, write
from tests.docxstyles import key, style_of
from tests.textof import shown_paragraphs

HEAD = """\
document:
  title: Plan
  municipality: Testvik kommune
  language: {lang}
  status: vedtatt
  adopted_by: kommunestyret
  date: 2025-05-12
  case: 38/25
{extra}body:
"""

BODY = """\
  - chapter: Innledning
    body:
      - paragraph: "Kartene står i [](#kart), innspillene i [](#innspill)."
      - appendix_list: {}
      - table:
          caption: Tiltak
          columns: [A, B]
          rows: [[x, y]]
  - chapter: Tiltak
  - appendix:
      title: Kartgrunnlag
      id: kart
      body:
        - paragraph: Kartet viser planområdet.
        - section: Kilder
          body:
            - table:
                caption: Kartdata
                columns: [Datasett, År]
                rows: [[Arealplan, "2024"]]
  - appendix:
      title: Innspill
      id: innspill
      body:
        - section: Sammendrag
          body:
            - paragraph: "Se [](#kart)."
"""


def build(project: Path, lang: str = "nb", extra: str = "") -> Path:
    write(project / "content/doc.yaml", HEAD.format(lang=lang, extra=extra) + BODY)
    result = run("build", "content/doc.yaml", "--out", "out", "-j", "1", "--force")
    assert result.exit_code == 0, result.output
    return project / "out"


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout.replace("\u00a0", " ")
    return text.split("\f")


def _lines(page: str) -> list[str]:
    return [" ".join(line.split()) for line in page.splitlines() if line.strip()]


needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="pdftotext (poppler-utils) is not installed")


def _starts(pages: list[str], heading: str) -> int:
    """The 1-based page whose body begins with `heading` (after the running header)."""
    found = [n for n, p in enumerate(pages, 1) if heading in _lines(p)[:2]]
    assert found, heading
    return found[0]


@needs_poppler
def test_the_pdf_starts_each_appendix_on_a_page_of_its_own(project):
    pages = _pages(build(project) / "doc.pdf")
    first = _starts(pages, "Vedlegg 1 Kartgrunnlag")
    second = _starts(pages, "Vedlegg 2 Innspill")
    assert second > first > next(n for n, p in enumerate(pages, 1) if "2 Tiltak" in _lines(p)
                                 and n > 2)
    text = " ".join(_lines(pages[first - 1]))
    assert "V1.1 Kilder" in text and "Tabell 2: Kartdata" in text   # the document's numbers
    assert "V2.1 Sammendrag" in " ".join(_lines(pages[second - 1]))
    assert "Se vedlegg 1." in " ".join(_lines(pages[second - 1]))


@needs_poppler
def test_the_pdf_contents_and_list_of_appendices_give_the_pages(project):
    pages = _pages(build(project) / "doc.pdf")
    first, second = _starts(pages, "Vedlegg 1 Kartgrunnlag"), _starts(pages, "Vedlegg 2 Innspill")
    entries = [(m.group(1), int(m.group(2))) for line in _lines(pages[1])
               if (m := re.match(r"^(.+?)[ .]*\.\s*(\d+)$", line))]
    assert entries[2:] == [("Vedlegg 1 Kartgrunnlag", first), ("V1.1 Kilder", first),
                           ("Vedlegg 2 Innspill", second), ("V2.1 Sammendrag", second)]
    assert [e for e, _ in entries[:2]] == ["1 Innledning", "2 Tiltak"]
    listing = " ".join(_lines(pages[2]))
    assert "Kartene står i vedlegg 1, innspillene i vedlegg 2." in listing
    rows = [(m.group(1), int(m.group(2))) for line in _lines(pages[2])
            if (m := re.match(r"^(.+?)[ .]*\.\s*(\d+)$", line))]
    assert rows == [("Vedlegg 1 Kartgrunnlag", first), ("Vedlegg 2 Innspill", second)]
    assert "Vedlegg" in _lines(pages[2])                     # the list's title


def test_the_docx_has_the_heading_in_heading_1_and_the_list(project):
    d = docx.Document(str(build(project) / "doc.docx"))
    paras = [(key(p.style), p.text.replace("\u00a0", " ")) for p in d.paragraphs]
    assert ("Heading 1", "Vedlegg 1 Kartgrunnlag") in paras
    shown = shown_paragraphs(d)           # a section's 'V1.1' is Word's list label
    headings = [(key(p.style), shown[p._p]) for p in d.paragraphs]
    assert ("Heading 2", "V1.1 Kilder") in headings
    assert ("Heading 2", "V2.1 Sammendrag") in headings
    (kilder,) = [p for p in d.paragraphs if key(p.style) == "Heading 2" and p.text == "Kilder"]
    assert kilder._p.pPr.numPr is not None      # 'V1.1' is Word's: a list per appendix
    toc = [t for s, t in paras if s.startswith("toc ")]
    assert toc[:6] == ["1 Innledning", "2 Tiltak", "Vedlegg 1 Kartgrunnlag", "V1.1 Kilder",
                       "Vedlegg 2 Innspill", "V2.1 Sammendrag"]
    assert toc[6:] == []
    assert [t for s, t in paras if s == "Appendix List"] == ["Vedlegg 1 Kartgrunnlag\t",
                                                             "Vedlegg 2 Innspill\t"]
    texts = [t for _, t in paras]
    assert "Kartene står i vedlegg 1, innspillene i vedlegg 2." in texts
    assert "Se vedlegg 1." in texts
    assert "Tabell 2: Kartdata" in [p.text for p in d.paragraphs]


def test_the_docx_list_of_appendices_has_page_fields_after_a_dot_leader(project):
    """Each entry: the linked text, a tab to the style's right-hand dot-leader stop, and a
    PAGEREF field to the appendix heading's bookmark (Word fills it when fields update)."""
    d = docx.Document(str(build(project) / "doc.docx"))
    entries = [p for p in d.paragraphs if key(p.style) == "Appendix List"]
    marks = {el.get(qn("w:name")) for el in d.element.body.iter(qn("w:bookmarkStart"))}
    refs = [" ".join(t.text for t in p._p.iter(qn("w:instrText"))).split() for p in entries]
    assert [r[0] for r in refs] == ["PAGEREF", "PAGEREF"]
    assert all(r[1] in marks and r[2] == "\\h" for r in refs) and refs[0][1] != refs[1][1]
    assert [p._p.xpath("string(.//w:hyperlink/@w:anchor)") for p in entries] == \
        [r[1] for r in refs]
    stops = style_of(d, "Appendix List").element.xpath(".//w:tabs/w:tab")
    assert [(t.get(qn("w:val")), t.get(qn("w:leader"))) for t in stops] == [("right", "dot")]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_fills_in_the_appendix_pages(project, tmp_path):
    """LibreOffice computes the PAGEREF fields: its PDF of the DOCX lists the appendices with
    the pages they start on in that PDF."""
    out = build(project)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(out / "doc.docx")], capture_output=True, check=True, timeout=180)
    pages = _pages(tmp_path / "doc.pdf")
    first, second = _starts(pages, "Vedlegg 1 Kartgrunnlag"), _starts(pages, "Vedlegg 2 Innspill")
    listing = next(p for p in pages if "Kartene står i vedlegg 1" in p)   # not the contents
    rows = [(m.group(1), int(m.group(2))) for line in _lines(listing)
            if (m := re.match(r"^(Vedlegg \d \w+)[ .]*\.\s*(\d+)$", line))]
    assert rows == [("Vedlegg 1 Kartgrunnlag", first), ("Vedlegg 2 Innspill", second)]


def test_the_docx_appendix_starts_a_page(project):
    d = docx.Document(str(build(project) / "doc.docx"))
    headings = [p for p in d.paragraphs if key(p.style) == "Heading 1"
                and p.text.startswith("Vedlegg")]
    assert [p.paragraph_format.page_break_before for p in headings] == [True, True]


@pytest.mark.parametrize("lang, heading, ref", [
    ("nb", "Vedlegg 1 Kartgrunnlag", "Se vedlegg 1."),
    ("nn", "Vedlegg 1 Kartgrunnlag", "Se vedlegg 1."),
    ("en", "Appendix 1 Kartgrunnlag", "Se appendix 1."),
])
def test_words_per_language(project, lang, heading, ref):
    d = docx.Document(str(build(project, lang) / "doc.docx"))
    texts = [p.text.replace("\u00a0", " ") for p in d.paragraphs]
    assert heading in texts and ref in texts
    section = "A1.1 Kilder" if lang == "en" else "V1.1 Kilder"
    assert section in texts


def test_lettered_appendices(project):
    out = build(project, extra="  appendix_numbering: letters\n")
    texts = [p.text.replace("\u00a0", " ")
             for p in docx.Document(str(out / "doc.docx")).paragraphs]
    assert "Vedlegg A Kartgrunnlag" in texts and "Vedlegg B Innspill" in texts
    assert "A.1 Kilder" in texts and "B.1 Sammendrag" in texts and "Se vedlegg A." in texts
    if shutil.which("pdftotext"):
        assert "Vedlegg B Innspill" in _pages(out / "doc.pdf")[-2] + _pages(out / "doc.pdf")[-1]


def test_the_layout_decides_labels_targets_and_contents(project):
    build(project)
    layout = lay_out(read_document(project / "content/doc.yaml"),
                     load_theme("default", [ROOT / "styles"]))
    apps = [x for x in layout.blocks if isinstance(x, b.AppendixBox)]
    assert [(a.label, a.toc_text) for a in apps] == [
        ("Vedlegg 1", "Vedlegg 1 Kartgrunnlag"), ("Vedlegg 2", "Vedlegg 2 Innspill")]
    assert all(a.flow.new_page for a in apps)
    listing = next(x for x in layout.blocks if isinstance(x, b.AppendixListBox))
    assert [e.target for e in listing.entries] == [a.target for a in apps]
    assert layout.targets["kart"] == apps[0].target
    assert [e.text for e in layout.contents.entries][-4:] == [
        "Vedlegg 1 Kartgrunnlag", "V1.1 Kilder", "Vedlegg 2 Innspill", "V2.1 Sammendrag"]


def test_the_pdf_outline_lists_the_appendices(project):
    reader = pypdf.PdfReader(str(build(project) / "doc.pdf"))
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert titles[-2:] == ["Vedlegg 1 Kartgrunnlag", "Vedlegg 2 Innspill"]
