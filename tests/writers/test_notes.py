"""Footnotes and block quotes, read back from both formats.

DOCX: a w:footnote per note in word/footnotes.xml with its text, a w:footnoteReference in the
text, numbered in order.  PDF: each note's text on the page of its reference, below it, and a
block quote's lines further right than the body text (pdftotext -bbox).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from plandoc.layout import lay_out
from plandoc.reader.content import read_document
from plandoc.style import load_theme
from tests.conftest import ROOT

FILLER = ("Kommunen har arbeidet med planen i lang tid, og mange har bidratt med innspill "
          "til arbeidet. ") * 6

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _content(tmp: Path) -> Path:
    lines = []
    for n in range(1, 13):
        lines.append(f"Avsnitt {n}: {FILLER}Tallet stiger[^n{n}].\n")
    notes = "".join(f"[^n{n}]: Merknad nummer {n} fra SSB.\n" for n in range(1, 13))
    (tmp / "tekst.md").write_text("\n".join(lines) + "\n> Et sitat fra høringen som er "
                                  "langt nok til å vises tydelig i dokumentet.\n\n" + notes,
                                  encoding="utf-8")
    (tmp / "plan.yaml").write_text(
        "document:\n  municipality: Prøvevik kommune\n  title: Fotnoter\n  status: vedtatt\n"
        "  adopted_by: kommunestyret\n  date: 2024-05-02\n  case: 12/24\n"
        "body:\n  - chapter: Innledning\n    body:\n      - include: tekst.md\n",
        encoding="utf-8")
    return tmp / "plan.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("notes")
    content = _content(tmp)
    out = tmp / "out"
    subprocess.run([sys.executable, "-c", "from plandoc.cli import main; main()", "build",
                    str(content), "--out",
                    str(out), "-q"], check=True)
    return content, out


def test_layout_numbers_notes_in_reading_order(built):
    content, _ = built
    doc = read_document(content)
    layout = lay_out(doc, load_theme(doc.meta.style, [ROOT / "styles"]))
    numbers = [s.text for box in layout.blocks for s in getattr(box, "text", ())
               if s.note is not None]
    assert numbers == [str(n) for n in range(1, 13)]
    quote = [box for box in layout.blocks if getattr(box, "style", "") == "quote"]
    assert len(quote) == 1


def test_docx_has_word_footnotes(built):
    _, out = built
    with zipfile.ZipFile(out / "plan.docx") as z:
        notes = z.read("word/footnotes.xml").decode()
        body = z.read("word/document.xml").decode()
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert "footnotes+xml" in types and "relationships/footnotes" in rels
    refs = re.findall(r'<w:footnoteReference w:id="(\d+)"/>', body)
    assert refs == [str(n) for n in range(1, 13)]
    for n in range(1, 13):
        found = re.search(rf'<w:footnote w:id="{n}">(.*?)</w:footnote>', notes)
        assert found and f"Merknad nummer {n} fra SSB." in found.group(1)
        assert "<w:footnoteRef/>" in found.group(1) and 'w:val="FootnoteText"' in found.group(1)
    assert 'w:pStyle w:val="Quote"' in body


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    return text.split("\f")


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")
def test_pdf_notes_at_the_foot_of_their_page(built):
    _, out = built
    pages = _pages(out / "plan.pdf")
    seen = set()
    for page in pages:
        lines = page.splitlines()
        for n in range(1, 13):
            ref = next((i for i, line in enumerate(lines)
                        if f"Avsnitt {n}:" in line), None)
            note = next((i for i, line in enumerate(lines)
                         if f"Merknad nummer {n} fra SSB." in line), None)
            if note is not None:
                seen.add(n)
                # the note stands below all the text of the page, after its paragraph began
                # on this page or the one before (a paragraph may run over a page)
                body_last = max(i for i, line in enumerate(lines) if "Kommunen har" in line
                                or "Tallet stiger" in line)
                assert note > body_last
            if ref is not None and "Tallet stiger" in page.split(f"Avsnitt {n}:")[1][:2000] \
                    and f"Avsnitt {n + 1}:" in page.split(f"Avsnitt {n}:")[1]:
                # the whole paragraph is on this page: its note is too
                assert note is not None, f"note {n} is not on the page of its reference"
    assert seen == set(range(1, 13))
    assert len(pages) > 3       # the notes were spread over several pages


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")
def test_pdf_quote_is_indented(built):
    _, out = built
    xml = subprocess.run(["pdftotext", "-bbox", str(out / "plan.pdf"), "-"], check=True,
                         capture_output=True, text=True).stdout
    x_of = lambda word: min(float(m) for m in re.findall(  # noqa: E731
        rf'<word xMin="([\d.]+)"[^>]*>{word}</word>', xml))
    assert x_of("sitat") - 0 > 0
    quote_start = x_of("Et")
    body_start = x_of("Avsnitt")
    assert quote_start > body_start + 15
