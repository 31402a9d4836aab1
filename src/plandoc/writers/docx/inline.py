"""Inline spans → runs: bold, italic, the language of a span in another language, real
hyperlinks (a web address or a heading's bookmark) and footnotes (Word's own, in
word/footnotes.xml).

Text goes into the runs as it is (python-docx escapes it), so '<font> & <b>' prints literally.
A link whose href is '#anchor' goes to the bookmark the layout gave that anchor
(`layout.targets`).  A cross-reference the layout wrote out ('mål\u00a01.2', 'figur\u00a03')
to a goal, heading, figure or table Word numbers itself keeps its words as a link and has its
number as a REF field to the target's bookmark (the layout's number its cached result), so it
follows when the target is renumbered in Word: a heading's number through '\\n' (its level's
text holds the levels above it), a caption's SEQ number as the bookmarked text.  A goal whose list label carries its
label ('1.2 MÅL:') keeps a typed number: a REF field would show the label too.
"""

from __future__ import annotations

from plandoc.labels import NBSP
from plandoc.model import Inline, Span
from plandoc.writers.docx.ooxml.fields import add_field
from plandoc.writers.docx.ooxml.footnotes import add_footnote
from plandoc.writers.docx.ooxml.language import set_run_language
from plandoc.writers.docx.ooxml.links import add_hyperlink
from plandoc.writers.docx.ooxml.paragraphs import add_text, emphasise


def add_spans(paragraph, spans: Inline, targets: dict) -> None:
    """Append `spans` to `paragraph`."""
    for span in spans:
        if span.note is not None:
            # a Word footnote: Word numbers it, in the order the layout numbered it
            add_spans(add_footnote(paragraph), span.note, targets)
        elif span.href:
            _link(paragraph, span, targets)
        else:
            run = emphasise(add_text(paragraph, span.text), span.bold, span.italic)
            if span.lang:
                set_run_language(run, span.lang)


class Targets(dict):
    """The layout's targets (anchor → bookmark), and `numbers`: bookmark → (the number Word
    shows there, the REF field's switches)."""

    def __init__(self, targets: dict, numbers: dict):
        super().__init__(targets)
        self.numbers = numbers


def _link(paragraph, span: Span, targets: dict) -> None:
    href = span.href
    numbered = getattr(targets, "numbers", {}).get(targets.get(href[1:])) \
        if href.startswith("#") else None
    if numbered and span.text.endswith(NBSP + numbered[0]):
        _reference(paragraph, span, targets[href[1:]], *numbered)
    elif href.startswith("#") and href[1:] in targets:
        add_hyperlink(paragraph, span.text, anchor=targets[href[1:]], bold=span.bold,
                      italic=span.italic, lang=span.lang)
    else:
        add_hyperlink(paragraph, span.text, url=href, bold=span.bold, italic=span.italic,
                      lang=span.lang)


def _reference(paragraph, span: Span, bookmark: str, number: str, switches: str) -> None:
    """'mål ' as a link to the target, then its number as a REF field to it."""
    add_hyperlink(paragraph, span.text[:-len(number)], anchor=bookmark, bold=span.bold,
                  italic=span.italic, lang=span.lang)
    add_field(paragraph, f"REF {bookmark} {switches}", number, style="Hyperlink",
              bold=span.bold)
