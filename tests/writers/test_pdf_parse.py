"""plandoc's paragraph markup is split into reportlab's tuple tree by one regular expression
(writers/pdf/parse.py) instead of html.parser: the same fragments, faster; markup it does not
take whole goes to reportlab's own parse."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText

from plandoc.model import Span
from plandoc.writers.pdf.flowables import CellParagraph, LinedParagraph
from plandoc.writers.pdf.markup import destination, inline, label
from plandoc.writers.pdf.parse import tree

STYLE = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12,
                       bulletFontName="Helvetica")
TARGETS = {"mal-1": "goal-1"}
MARKUP = [
    "Planen gjelder 2025–2028.",
    "  Mellomrom   i\n teksten  ",
    inline((Span("Fet "), Span("og kursiv", bold=True, italic=True), Span(" < & > 'x' \"y\"")),
           "#1f4e79", TARGETS),
    inline((Span("lenke", href="https://example.org/?a=1&b=<2>"), Span(" og "),
            Span("mål", href="#mal-1")), "#1f4e79", TARGETS),
    inline((Span("Tekst"), Span("1", note=(Span("Kilde"),))), "#000000", TARGETS),
    inline((Span("norsk "), Span("English words", lang="en"), Span(" igjen")), "#000", TARGETS),
    label("a)") + "Strategi med &amp; og linje<br/>skift",
    label("❖", "Courier") + "Styrke",
    destination("goal-1") + "1.1 MÅL: Flere arbeidsplasser",
    "<font name=\"Courier\" color='#ff0000'>farget</font> &nbsp;&ugyldig;",
]


def _frags(paragraph) -> list:
    bullets = paragraph.bulletText if isinstance(paragraph.bulletText, list) else []
    return [sorted((k, repr(v)) for k, v in vars(f).items())
            for f in [*paragraph.frags, *bullets]]


@pytest.mark.parametrize("markup", MARKUP)
def test_the_same_fragments_as_reportlabs_parse(markup):
    assert tree(cleanBlockQuotedText(markup)) is not None
    quick, theirs = LinedParagraph(markup, STYLE), Paragraph(markup, STYLE)
    assert _frags(quick) == _frags(theirs) and quick.text == theirs.text
    assert quick.frags[0].text == theirs.frags[0].text


@pytest.mark.parametrize("markup", ["&#169; 2025", "a < b", "<b>ikke lukket", "<i>kryss</b>",
                                    "<a href=ikke-sitert>x</a>", "</b>"])
def test_markup_it_does_not_take_whole_goes_to_reportlab(markup):
    assert tree(cleanBlockQuotedText(markup)) is None
    try:
        theirs = _frags(Paragraph(markup, STYLE))
    except ValueError:                  # reportlab refuses it: so does the paragraph
        with pytest.raises(ValueError):
            CellParagraph(markup, STYLE)
    else:
        assert _frags(CellParagraph(markup, STYLE)) == theirs


def test_html_parser_is_not_used(monkeypatch):
    monkeypatch.setattr(HTMLParser, "goahead", lambda self, end: 1 / 0)
    for markup in MARKUP:
        LinedParagraph(markup, STYLE)
    with pytest.raises(ZeroDivisionError):
        Paragraph(MARKUP[2], STYLE)
