"""Page flow of the PDF: headings start where there is room, groups stay whole, parts keep
their first item, part pages stand alone, bare and empty blocks still lay out — read back page
by page with pypdf."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from plandoc.charts import ChartRenderer
from plandoc.layout import lay_out
from plandoc.model import (Callout, Goal, Heading, KeyFigures, ListBlock, ListItem, Paragraph,
                           PartTitle, Program, ProgramItem, ProgramPart, Span, Swot, SwotGroup,
                           SwotQuadrant, Table)
from plandoc.writers.pdf import write_pdf

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sample_doc import sample_document, t  # noqa: E402


def pages_of(blocks, theme, out: Path, **meta) -> list[list[str]]:
    """The stripped text lines of every page of the sample document with `blocks`."""
    doc = sample_document()
    doc = dataclasses.replace(doc, blocks=tuple(blocks),
                              meta=dataclasses.replace(doc.meta, **meta))
    write_pdf(lay_out(doc, theme), ChartRenderer(theme, None, "nb"), out)
    return [[line.strip() for line in p.extract_text().splitlines() if line.strip()]
            for p in PdfReader(out).pages]


def page_of(pages, text: str) -> int:
    return next(n for n, page in enumerate(pages) if text in page)


def body(page: list[str]) -> list[str]:
    """A page's lines without the running header and footer (drawn first: four lines)."""
    return page[4:]


def test_heading_before_a_long_paragraph_starts_on_the_same_page(theme, tmp_path):
    blocks = [Heading(1, t("Innledning"), None, "i"), Paragraph(t("Kort tekst. " * 150)),
              Heading(2, t("Lang del"), None, "l"), Paragraph(t("Lang tekst her. " * 400))]
    pages = pages_of(blocks, theme, tmp_path / "l.pdf", toc=False)
    start = page_of(pages, "Innledning")
    assert page_of(pages, "Lang del") == start              # not moved to the next page
    assert body(pages[start])[-1].startswith("Lang tekst")  # and its text begins under it


def test_swot_that_fits_on_a_page_is_not_split_and_keeps_its_heading(theme, tmp_path):
    group = SwotGroup(t("Gruppe"), tuple(t(f"Punkt {i}") for i in range(8)))
    swot = Swot(tuple(SwotQuadrant(k, (group,)) for k in
                      ("strengths", "weaknesses", "opportunities", "threats")))
    for filler in range(8, 34, 2):                            # the SWOT lands lower and lower
        blocks = [Heading(1, t("Innledning"), None, "i"), Paragraph(t("Tekst. " * 20 * filler)),
                  Heading(2, t("Analyse"), None, "a"), swot]
        pages = pages_of(blocks, theme, tmp_path / f"s{filler}.pdf", toc=False)
        first = page_of(pages, "Analyse")
        assert all(title in pages[first] for title in ("Styrker", "Svakheter", "Muligheter",
                                                        "Trusler")), filler
        assert sum(line.endswith("Punkt 7") for line in pages[first]) == 4, filler   # whole


def test_table_rows_move_to_the_next_page_whole(theme, tmp_path):
    """As Word's rows (cantSplit): a row that fits a page is never cut; a taller one splits."""
    row = lambda n: (t(f"rad{n}tekst " * 60), t(f"ansvar{n} " * 12))  # noqa: E731
    for filler in range(20, 44, 3):                          # the table lands lower and lower
        blocks = [Paragraph(t("Tekst. " * 20 * filler)),
                  Table((t("Tiltak"), t("Ansvar")), tuple(row(n) for n in range(4)))]
        pages = pages_of(blocks, theme, tmp_path / f"t{filler}.pdf", toc=False)
        for n in range(4):
            holding = [i for i, page in enumerate(pages)
                       if any(f"rad{n}" in x or f"ansvar{n}" in x for x in page)]
            assert len(holding) == 1, (filler, n, holding)
    huge = Table((t("A"), t("B")), ((t("enorm " * 2500), t("x")),))
    pages = pages_of([huge], theme, tmp_path / "huge.pdf", toc=False)
    assert sum("enorm" in " ".join(page) for page in pages) >= 2


def test_program_part_is_never_the_last_row_of_a_page(theme, tmp_path):
    item = ProgramItem(t("Innlegg med en tittel"), None, t("en innleder"), (t("Punkt"),) * 2)
    parts = tuple(ProgramPart(t(f"Del {n}: Tema"), (item,) * 3) for n in range(1, 9))
    for filler in (4, 9, 14, 19):
        blocks = [Paragraph(t("Tekst. " * 40 * filler)),
                  Program((ProgramItem(t("Velkommen"), "18.00"),) + parts, title=t("Program"))]
        pages = pages_of(blocks, theme, tmp_path / f"p{filler}.pdf", toc=False)
        for page in pages[1:]:
            assert not body(page)[-1].startswith("Del "), (filler, body(page)[-1])


def test_part_page_stands_alone(theme, tmp_path):
    blocks = [Heading(1, t("Innledning"), None, "i"), Paragraph(t("Kort tekst.")),
              PartTitle("Del 2", t("Naturbruksplan"), "p2", t("Natur og friluftsliv")),
              Paragraph((Span("Første avsnitt i del 2."),))]
    pages = pages_of(blocks, theme, tmp_path / "part.pdf", toc=False)
    part = page_of(pages, "Naturbruksplan")
    assert body(pages[part]) == ["DEL 2", "Naturbruksplan", "Natur og friluftsliv"]
    assert body(pages[part + 1])[0] == "Første avsnitt i del 2."
    assert "Innledning" in pages[part - 1]


def deep_list(depth: int) -> ListBlock:
    children = (deep_list(depth - 1),) if depth else ()
    return ListBlock((ListItem(t(f"Nivå {depth}"), children),), ordered=True, start=10)


@pytest.mark.parametrize("block", [
    KeyFigures(()), Callout("values", t("Verdier")), Callout("slogan", t("Slagord")),
    Callout("note"), Swot(()), Table((), ()), Table((t("Bare overskrift"),), ()),
    Goal("1.1", t("Mål uten strategier")), Program(()), deep_list(4),
    Heading(4, t("Fjerde nivå"), "1.1.1.1", "h4"), Paragraph((Span("ukjent", href="#ingen"),))],
    ids=lambda b: type(b).__name__)
def test_bare_and_empty_blocks_lay_out(theme, tmp_path, block):
    pages = pages_of([Heading(1, t("Kapittel"), None, "k"), block, Paragraph(t("Slutt."))],
                     theme, tmp_path / "e.pdf", toc=False)
    assert body(pages[1])[0] == "Kapittel" and "Slutt." in pages[-1]
