"""Tables that behave, read back from both formats: alignment per column, numbers that never
break, Norwegian hyphenation in cells, group rows, the header repeated, key figures whole."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from plandoc.charts import ChartRenderer
from plandoc.layout import boxes as b
from plandoc.layout import lay_out
from plandoc.layout.text import NB_HYPHEN, NBSP, WORD_JOINER, is_number, keep_together
from plandoc.model import Heading, KeyFigure, KeyFigures, Paragraph, Table, TableGroup
from plandoc.style import load_theme
from plandoc.writers.docx import write_docx
from plandoc.writers.pdf import write_pdf

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sample_doc import sample_document, t  # noqa: E402
from tests.conftest import ROOT  # noqa: E402
from tests.docxstyles import key  # noqa: E402

TOKENS = ("18.00–18.15", "21/01456-18", "64 943", "12,5 %", "350 000 kr", "1. mai 2025")
# seven columns: every token in a column of its own beside a column of long words
COLUMNS = ("Budsjettkommentarer", "Beløp", "Endring", "Sak", "Tid", "Dato", "Innbyggere")
ROW = ("Budsjettoppfølging", "350 000 kr", "12,5 %", "21/01456-18", "18.00–18.15",
       "1. mai 2025", "64 943")


def theme_with(style: str = "vefsn", hyphenate: bool = True, per_row: int | None = None):
    theme = load_theme(style, [ROOT / "styles"])
    theme = dataclasses.replace(theme, typography=dataclasses.replace(
        theme.typography, hyphenate=hyphenate))
    if per_row:
        theme = dataclasses.replace(theme, layout=dataclasses.replace(
            theme.layout, key_figures_per_row=per_row))
    return theme


def laid_out(theme, blocks):
    doc = sample_document()
    doc = dataclasses.replace(doc, blocks=tuple(blocks), meta=dataclasses.replace(
        doc.meta, toc=False, status="vedtatt"))
    return lay_out(doc, theme)


def build(theme, blocks, tmp: Path) -> tuple[Path, Path]:
    layout = laid_out(theme, blocks)
    pdf, word = tmp / "t.pdf", tmp / "t.docx"
    write_pdf(layout, ChartRenderer(theme, None, "nb"), pdf)
    write_docx(layout, ChartRenderer(theme, None, "nb"), word)
    return pdf, word


def budget(rows=5, align=()) -> Table:
    body = []
    for n in range(rows):
        if n % 3 == 0:
            body.append(TableGroup(t(f"Gruppe {n // 3 + 1}")))
        body.append(tuple(t(c) for c in ROW))
    return Table(tuple(t(c) for c in COLUMNS), tuple(body), caption=t("Driftsmidler"),
                 align=align)


def bbox_words(pdf: Path) -> list[tuple[int, str, float, float, float]]:
    """(page, word, x min, x max, y min) of every word, from poppler's pdftotext -bbox."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    out, page = [], 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*)</word>',
                      line)
        if m:
            out.append((page, m.group(4), float(m.group(1)), float(m.group(3)),
                        float(m.group(2))))
    return out


# --- the layout -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["64 943", "12,5 %", "350 000 kr", "-2,5", "1 234,50", "2024",
                                  "kr 1 200", "2,5 mill. kr"])
def test_norwegian_numbers_are_numbers(text):
    assert is_number(text)


@pytest.mark.parametrize("text", ["Barnehage", "MON", "21/01456-18", "Tiltak 3", "18.00–18.15"])
def test_words_and_references_are_not_numbers(text):
    assert not is_number(text)


def test_tokens_are_kept_together():
    assert keep_together("Møte 18.00–18.15 i salen") == f"Møte 18.00–{WORD_JOINER}18.15 i salen"
    assert keep_together("sak 21/01456-18") == f"sak 21/01456{NB_HYPHEN}18"
    assert keep_together("Folketall 64 943 i 2024") == f"Folketall 64{NBSP}943 i 2024"
    assert keep_together("12,5 % og 350 000 kr") == f"12,5{NBSP}% og 350{NBSP}000{NBSP}kr"
    assert keep_together("Frist 1. mai 2025.") == f"Frist 1.{NBSP}mai{NBSP}2025."
    assert keep_together("Ingen tall her - bare ord") == "Ingen tall her - bare ord"


def test_numeric_columns_are_right_aligned_unless_the_table_says():
    layout = laid_out(theme_with(), [budget(), budget(align=("center",) * 7)])
    auto, given = [x for x in layout.blocks if isinstance(x, b.TableBox)]
    assert auto.align == ("left", "right", "right", "left", "left", "left", "right")
    assert given.align == ("centre",) * 7
    assert isinstance(auto.rows[0], b.GroupRow) and auto.rows[0].fill != layout.palette.band


def test_a_table_without_caption_has_no_number():
    layout = laid_out(theme_with(), [Table((t("A"),), ((t("1"),),)), budget()])
    plain, numbered = [x for x in layout.blocks if isinstance(x, b.TableBox)]
    assert plain.caption is None and numbered.caption.label == "Tabell 1"


# --- both formats ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    blocks = [Heading(1, t("Økonomi"), None, "b"), Paragraph(t("Innledning. " * 40)),
              budget(rows=40)]
    return build(theme_with(), blocks, tmp_path_factory.mktemp("tables"))


def test_pdf_tokens_stay_on_one_line(outputs):
    pdf, _ = outputs
    layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                            text=True, check=True).stdout
    for token in TOKENS:
        assert layout.count(token) == 40, (token, layout[:3000])


def test_pdf_numbers_are_right_aligned_words_left(tmp_path):
    amounts = ("5 kr", "350 000 kr", "1 234 567 kr", "–")
    rows = tuple((t(f"Post {'ABCD'[n]}"), t(a), t(f"{n},5 %")) for n, a in enumerate(amounts))
    pdf, _ = build(theme_with(), [Table((t("Post"), t("Beløp"), t("Andel")), rows)], tmp_path)
    words = bbox_words(pdf)
    ends = {round(x1, 1) for _, w, _, x1, _ in words if w == "kr"}
    shares = {round(x1, 1) for _, w, _, x1, _ in words if w == "%"}
    lines = {(page, round(y, 1)) for page, w, _, _, y in words if w == "kr"}
    firsts = {round(x0, 1) for page, w, x0, _, y in words
              if w in ("5", "350", "1") and (page, round(y, 1)) in lines}
    posts = {round(x0, 1) for _, w, x0, _, _ in words if w == "Post"}
    assert len(ends) == 1 and len(shares) == 1 and len(posts) == 1
    assert len(firsts) == 3                    # amounts of different lengths end together
    header = {w: (x0, x1) for _, w, x0, x1, _ in words if w in ("Beløp", "Andel")}
    assert abs(header["Andel"][1] - max(shares)) < 0.6    # the header goes right with them


def test_pdf_cells_are_hyphenated_never_broken_raw(outputs):
    text = "\n".join(p.extract_text() for p in PdfReader(outputs[0]).pages)
    lines = [line.strip() for line in text.splitlines()]
    for word in ("Budsjettkommentarer", "Budsjettoppfølging"):
        raw = [x for x in lines if x and word.startswith(x) and x != word]
        assert raw == [], raw                          # a head without a hyphen: a raw break
    assert any(line.endswith("-") and "Budsjettoppfølging".startswith(line[:-1])
               for line in lines)


def test_pdf_long_table_repeats_header_and_group_rows(outputs):
    pages = [p.extract_text() for p in PdfReader(outputs[0]).pages]
    with_rows = [p for p in pages if "21/01456" in p]
    assert len(with_rows) >= 2
    for page in with_rows:
        assert "Beløp" in page and "Innbyggere" in page
    assert all(f"Gruppe {n}" in "\n".join(pages) for n in range(1, 15))


def test_docx_alignment_group_rows_header_and_no_break_hyphen(outputs):
    word = docx.Document(outputs[1])
    table = word.tables[-1]
    header, group, row = table.rows[0], table.rows[1], table.rows[2]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None

    def jc(cell):
        found = cell.paragraphs[0]._p.pPr.find(qn("w:jc"))
        return None if found is None else found.get(qn("w:val"))

    assert [jc(c) for c in row.cells] == [None, "right", "right", None, None, None, "right"]
    assert jc(header.cells[1]) == "right"
    span = group._tr.tc_lst[0].tcPr.find(qn("w:gridSpan"))
    assert len(group._tr.tc_lst) == 1 and span.get(qn("w:val")) == "7"
    assert key(group.cells[0].paragraphs[0].style) == "Table Group"
    assert group._tr.tc_lst[0].tcPr.find(qn("w:shd")) is not None
    assert row.cells[3]._tc.xpath(".//w:noBreakHyphen")
    assert row.cells[3].text == "21/01456-18" and row.cells[1].text == f"350{NBSP}000{NBSP}kr"


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice needed")
def test_docx_through_libreoffice_keeps_tokens_whole(outputs, tmp_path):
    """The DOCX as LibreOffice lays it out (no-break spaces, w:noBreakHyphen, word joiner):
    every token on one line in every row, the long words hyphenated at proper points."""
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(outputs[1])], check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "t.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    for token in TOKENS:
        assert text.count(token) == 40, (token, text[:3000])
    lines = [line.split()[0] for line in text.splitlines() if line.strip()]
    assert not [x for x in lines if "Budsjettoppfølging".startswith(x) and len(x) > 3
                and x != "Budsjettoppfølging"], "a raw break"


@pytest.mark.parametrize("per_row", [3, 6])
def test_key_figures_never_break_inside_a_number(tmp_path, per_row):
    values = ("13 278", "350 000 kr", "1 234 567 kr", "12,5 %", "21/01456-18", "64 943")
    blocks = [KeyFigures(tuple(KeyFigure(keep_together(v), t("Etikett")) for v in values))]
    pdf, word = build(theme_with(per_row=per_row), blocks, tmp_path)
    layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                            text=True, check=True).stdout
    for value in values:
        assert value in layout, (value, layout)
    runs = [r for table in docx.Document(word).tables for c in table._cells
            for r in c.paragraphs[0].runs]
    sizes = {r.font.size.pt for r in runs if r.font.size}
    assert len(sizes) == 1


def test_a_word_too_long_for_its_column_is_hyphenated_in_both_formats(tmp_path):
    """Eight columns leave ~21 mm each: 'Kompetansearbeidsplassene' gets soft hyphens at the
    dictionary's points, so Word and LibreOffice break it as the PDF does, never raw."""
    word = "Kompetansearbeidsplassene"
    table = Table(tuple(t(f"K{n}") for n in range(8)), ((t(word),) + (t("x"),) * 7,))
    pdf, docx_file = build(theme_with(hyphenate=False), [table], tmp_path)
    cell = docx.Document(docx_file).tables[-1].rows[1].cells[0].text
    assert "\u00ad" in cell and cell.replace("\u00ad", "") == word
    heads = cell.split("\u00ad")
    lines = [x.strip() for p in PdfReader(pdf).pages for x in p.extract_text().splitlines()]
    broken = [x for x in lines if word.startswith(x.rstrip("-")) and x != word and x]
    assert broken and all(x.endswith("-") for x in broken), broken
    points = {"".join(heads[:n]) for n in range(1, len(heads))}
    assert any(x[:-1] in points for x in broken), (broken, points)   # at a dictionary point
