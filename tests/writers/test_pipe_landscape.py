"""Tables from tests/samples/tabeller.yaml read back from both formats: a Markdown pipe table
from an included file is a real table (alignment from the colons), a wide budget table and a
table marked `landscape: true` stand on landscape pages (running footer, page numbers, line
numbers and crop marks intact) with portrait pages after them, and a decimal column's commas
line up."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from pypdf import PdfReader

from tests.conftest import ROOT, run

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="pdftotext (poppler-utils) is not installed")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tabeller")
    for name in ("tabeller.yaml", "tabeller.md"):
        shutil.copy(ROOT / "tests/samples" / name, folder / name)
    result = run("build", folder / "tabeller.yaml", "--out", folder / "out", "-j", "1",
                 "--line-numbers", "--print", "--force")
    assert result.exit_code == 0, result.output
    return folder / "out"


def _landscape(pdf: Path) -> list[bool]:
    return [float(p.trimbox.width) > float(p.trimbox.height) for p in PdfReader(pdf).pages]


def _cells(table) -> list[list[str]]:
    return [[c.text.replace("\u00a0", " ").replace("\u00ad", "") for c in row.cells]
            for row in table.rows]


def test_a_pipe_table_is_a_docx_table_aligned_by_its_colons(built):
    d = docx.Document(str(built / "tabeller.docx"))
    kostra, tiltak = d.tables[0], d.tables[1]
    assert _cells(kostra)[0] == ["Indikator", "Testvik", "Kommunegruppe 11", "Landet"]
    assert _cells(kostra)[3][:2] == ["Netto lånegjeld i prosent av brutto driftsinntekter",
                                     "98,25"]
    assert _cells(tiltak)[1] == ["Ny skolebruksplan", "Kommunalsjef oppvekst", "1. mai 2025"]
    jc = [c.paragraphs[0]._p.xpath("string(./w:pPr/w:jc/@w:val)") for c in tiltak.rows[1].cells]
    assert jc == ["", "center", ""]
    assert any(r.italic for r in tiltak.rows[2].cells[0].paragraphs[0].runs)


@needs_poppler
def test_a_pipe_table_reads_in_order_in_the_pdf(built):
    text = subprocess.run(["pdftotext", "-layout", "-f", "3", "-l", "3",
                           str(built / "tabeller.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout.replace("\u00a0", " ")
    lines = [" ".join(x.split()) for x in text.splitlines()]
    assert "Indikator Testvik Kommunegruppe Landet" in lines
    assert "Ny skolebruksplan Kommunalsjef oppvekst 1. mai 2025" in lines


def test_wide_and_marked_tables_stand_on_landscape_pages_in_the_pdf(built):
    pages = _landscape(built / "tabeller-print.pdf")
    assert pages == _landscape(built / "tabeller.pdf")
    assert pages == [False, False, False, True, False, True, False, True]
    reader = PdfReader(built / "tabeller-print.pdf")
    assert all(p.get("/Rotate", 0) == 0 for p in reader.pages)     # turned paper, not content
    text = reader.pages[3].extract_text()
    assert "Side 4 av 8" in text and "Økonomiplan 2025–2028" in text
    body = [line for line in text.splitlines() if line.strip()]
    assert body.index("2 Budsjett") < body.index(next(x for x in body if "Driftsbudsjett" in x))
    assert "1" in [line.strip() for line in body]                   # a line number
    last = reader.pages[7].extract_text()                           # two in a row share it,
    assert "Gebyrer og satser" in last and "Tilskudd til lag" in last   # with the appendix
    assert "Vedlegg 1 Satser og tilskudd" in last                   # heading before them


def test_landscape_tables_are_landscape_sections_in_the_docx(built):
    d = docx.Document(str(built / "tabeller.docx"))
    body = [s for s in d.sections][1:]          # the cover's section first
    assert [s.orientation for s in body] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE,
                                             WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE,
                                             WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    wide = body[1]
    assert wide.page_width > wide.page_height
    assert all(s._sectPr.find(qn("w:lnNumType")) is not None for s in body)
    assert all(s.footer.paragraphs[0].text.startswith("Utkast") for s in body)
    assert all(re.search(r"\bPAGE\b", s.footer._element.xml) for s in body)
    stops = [t.position for t in wide.header.paragraphs[0].paragraph_format.tab_stops
             if t.alignment != 0]                                   # the right margin's
    text_width = wide.page_width - wide.left_margin - wide.right_margin
    assert any(abs(x - text_width) < 20000 for x in stops)
    assert "2 Budsjett" in [p.text for p in d.paragraphs]
    budget = [t for t in d.tables if _cells(t)[0][0].startswith("Tjeneste")][0]
    width = sum(c.width for c in budget.columns)
    assert abs(width - (wide.page_width - wide.left_margin - wide.right_margin)) < 20000


@needs_poppler
def test_decimal_commas_line_up_in_the_pdf(built):
    html = subprocess.run(["pdftotext", "-f", "3", "-l", "3", "-bbox", str(built / "tabeller.pdf"),
                           "-"], capture_output=True, text=True, check=True).stdout
    words = {m.group(2): float(m.group(1)) for m in re.finditer(
        r'xMin="([\d.]+)"[^>]*>([\d,]+)</word>', html)}
    digit = (words["98,25"] - words["12,5"]) / 1     # both start a column: '98' vs '12'
    assert abs(digit) < 0.1
    comma = lambda w: words[w] + len(w.split(",")[0]) * 6.01   # noqa: E731  (digits 6.01 pt)
    assert abs(comma("1,8") - comma("12,5")) < 0.3
    assert abs(comma("1,8") - comma("98,25")) < 0.3
    assert abs(words["14"] + 2 * 6.01 - comma("12,5")) < 0.3      # '14' ends at the comma


def test_decimal_cells_in_the_docx_keep_room_for_the_fraction(built):
    d = docx.Document(str(built / "tabeller.docx"))
    kostra = d.tables[0]
    indents = [row.cells[1].paragraphs[0].paragraph_format.right_indent for row in
               kostra.rows[1:]]
    values = [row.cells[1].text for row in kostra.rows[1:]]
    assert values == ["1,8", "12,5", "98,25", "92,1", "14"]
    pt = [round(i.pt, 1) if i else 0 for i in indents]
    assert pt[2] == 0 and pt[0] == pt[1] == pt[3] > 0 and pt[4] > pt[0]


def test_the_layout_turns_ten_columns_and_drops_a_page_break_before_the_turn():
    from tests.writers.test_tables import laid_out, theme_with
    from plandoc.layout import boxes as b
    from plandoc.model import PageBreak, Paragraph, Table
    from sample_doc import t

    nine = Table(tuple(t(f"Kolonne {n}") for n in range(10)), ((t("x"),) * 10,))  # 10 × 18 mm
    three = Table((t("A"), t("B"), t("C")), ((t("1,5"), t("x"), t("3,25")),
                                             (t("12"), t("y"), t("3,5"))))
    boxes = laid_out(theme_with(), [Paragraph(t("Før.")), PageBreak(), nine, three]).blocks
    tables = [x for x in boxes if isinstance(x, b.TableBox)]
    assert [x.landscape for x in tables] == [True, False]
    assert not any(isinstance(x, b.PageBreakBox) for x in boxes)
    assert tables[0].turn_before and tables[0].turn_after
    assert tables[1].align == ("decimal", "left", "decimal")


def _starts(pdf: Path, page: int) -> dict[str, float]:
    """Where each word of figures starts (x, points) on `page`, from pdftotext -bbox."""
    html = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf),
                           "-"], capture_output=True, text=True, check=True).stdout
    return {m.group(2): float(m.group(1)) for m in re.finditer(
        r'xMin="([\d.]+)"[^>]*>([\d,]+)</word>', html)}


@needs_poppler
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_lines_up_the_docx_decimal_commas(built, tmp_path):
    """The DOCX through LibreOffice: '1,8', '12,5' and '98,25' have their commas at one x,
    and '14' ends there (a digit is as wide as any other)."""
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(built / "tabeller.docx")], capture_output=True, check=True, timeout=180)
    words = _starts(tmp_path / "tabeller.pdf", 3)
    digit = (words["12,5"] - words["1,8"]) * -1
    commas = [words[w] + len(w.split(",")[0]) * digit for w in ("1,8", "12,5", "98,25", "92,1")]
    assert max(commas) - min(commas) < 0.5 and digit > 3
