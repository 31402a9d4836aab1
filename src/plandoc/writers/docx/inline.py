"""Inline spans → runs: bold, italic, the language of a span in another language, real
hyperlinks (a web address or a heading's bookmark) and footnotes (Word's own, in
word/footnotes.xml).

Text goes into the runs as it is (python-docx escapes it), so '<font> & <b>' prints literally.
A link whose href is '#anchor' goes to the bookmark the layout gave that anchor
(`layout.targets`).
"""

from __future__ import annotations

from plandoc.model import Inline, Span
from plandoc.writers.docx.ooxml.footnotes import add_footnote
from plandoc.writers.docx.ooxml.language import set_run_language
from plandoc.writers.docx.ooxml.links import add_hyperlink
from plandoc.writers.docx.ooxml.paragraphs import add_text


def add_spans(paragraph, spans: Inline, targets: dict) -> None:
    """Append `spans` to `paragraph`."""
    for span in spans:
        if span.note is not None:
            # a Word footnote: Word numbers it, in the order the layout numbered it
            add_spans(add_footnote(paragraph), span.note, targets)
        elif span.href:
            _link(paragraph, span, targets)
        else:
            run = add_text(paragraph, span.text)
            if span.bold:
                run.bold = True
            if span.italic:
                run.italic = True
            if span.lang:
                set_run_language(run, span.lang)


def _link(paragraph, span: Span, targets: dict) -> None:
    href = span.href
    if href.startswith("#") and href[1:] in targets:
        add_hyperlink(paragraph, span.text, anchor=targets[href[1:]], bold=span.bold,
                      italic=span.italic, lang=span.lang)
    else:
        add_hyperlink(paragraph, span.text, url=href, bold=span.bold, italic=span.italic,
                      lang=span.lang)
