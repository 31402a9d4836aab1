"""Hyphenation (nb/nn with pyphen), justification, tables that break, words that cannot break."""

from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from plandoc.charts import ChartRenderer
from plandoc.layout import lay_out
from plandoc.model import Heading, Paragraph, Span, Table
from plandoc.style import load_theme
from plandoc.writers.pdf import write_pdf

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sample_doc import sample_document, t  # noqa: E402
from tests.conftest import ROOT  # noqa: E402

COMPOUNDS = ("Næringsutviklingsarbeidet kommunestyrerepresentantene "
             "reiselivsdestinasjonsutviklingen samferdselsinfrastrukturinvesteringene "
             "kompetansearbeidsplassene fylkeskommunesamarbeidet ")


def theme_with(**typography):
    theme = load_theme("default", [ROOT / "styles"])
    return dataclasses.replace(theme, typography=dataclasses.replace(theme.typography,
                                                                     **typography))


def build(theme, blocks, out: Path, language: str = "nb") -> list[str]:
    doc = sample_document()
    doc = dataclasses.replace(doc, blocks=tuple(blocks), meta=dataclasses.replace(
        doc.meta, language=language, toc=False))
    write_pdf(lay_out(doc, theme), ChartRenderer(theme, None, language), out)
    return [p.extract_text() for p in PdfReader(out).pages]


def line_end_hyphens(pages: list[str]) -> list[str]:
    return [line for page in pages for line in page.splitlines()
            if re.search(r"\w-$", line.strip())]


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_long_compounds_are_hyphenated_at_line_ends(tmp_path, language):
    blocks = [Heading(1, t("Lange ord"), None, "l"), Paragraph(t(COMPOUNDS * 6))]
    pages = build(theme_with(hyphenate=True), blocks, tmp_path / "h.pdf", language)
    hyphenated = line_end_hyphens(pages)
    assert len(hyphenated) >= 3, pages[1]
    body = re.sub(r"-\n", "", "\n".join(pages[1:]))
    assert body.count("samferdselsinfrastrukturinvesteringene") == 6


def test_without_hyphenation_no_line_ends_with_a_hyphen(tmp_path):
    blocks = [Heading(1, t("Lange ord"), None, "l"), Paragraph(t(COMPOUNDS * 6))]
    assert line_end_hyphens(build(theme_with(hyphenate=False), blocks, tmp_path / "n.pdf")) \
        == []


def test_justified_lines_fill_the_measure(tmp_path):
    """Justified: the full lines of a paragraph end at the right margin, not ragged."""
    import pikepdf

    text = "Planen gjelder for hele kommunen og skal rulleres hvert fjerde år. " * 12
    widths = {}
    for justify in (True, False):
        out = tmp_path / f"j{justify}.pdf"
        build(theme_with(justify=justify, hyphenate=True), [Paragraph(t(text))], out)
        with pikepdf.open(out) as pdf:
            ops = pikepdf.parse_content_stream(pdf.pages[1])
            # reportlab justifies with word spacing (Tw) on every line but the last
            widths[justify] = [float(args[0]) for args, op in ops if str(op) == "Tw"]
    assert any(w > 0.1 for w in widths[True])
    assert not any(w > 0.1 for w in widths[False])


def test_forty_row_table_breaks_and_repeats_its_header(tmp_path):
    rows = tuple((t(f"Tiltak nummer {i} med tekst"), t("MON"), t(str(2020 + i % 5)))
                 for i in range(1, 41))
    blocks = [Heading(1, t("Handlingsplan"), None, "h"), Paragraph(t("Innledning. " * 80)),
              Table((t("Tiltak"), t("Ansvar"), t("Frist")), rows, caption=t("Tiltak"))]
    pages = build(theme_with(hyphenate=True), blocks, tmp_path / "t.pdf")
    with_rows = [n for n, p in enumerate(pages) if "Tiltak nummer" in p]
    assert len(with_rows) >= 2, "the table did not break across pages"
    for n in with_rows:
        lines = [line.strip() for line in pages[n].splitlines()]
        first_row = next(i for i, line in enumerate(lines) if line.startswith("Tiltak nummer"))
        assert lines[first_row - 3:first_row] == ["Tiltak", "Ansvar", "Frist"], pages[n]
    text = "\n".join(pages)
    assert all(f"Tiltak nummer {i} med tekst" in text for i in range(1, 41))


def test_unbreakable_words_and_urls_are_laid_out(tmp_path):
    word = "Næringsutviklingssamarbeidsavtaleforhandlingsmøtereferat" * 6
    url = "https://www.vefsn.kommune.no/" + "planer/naering/" * 25
    blocks = [Paragraph((Span(word), Span(" se "), Span(url, href=url))),
              Table((t("A"), t("B")), ((t(word), t(url)),))]
    pages = build(theme_with(hyphenate=True, justify=True), blocks, tmp_path / "u.pdf")
    text = re.sub(r"-?\n", "", "".join(pages))
    assert "planer/naering/planer" in text and "forhandlingsmøtereferat" in text
