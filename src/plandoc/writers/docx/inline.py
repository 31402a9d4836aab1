"""Inline spans → runs: bold, italic and real hyperlinks (external URL or a heading's bookmark).

Text goes into w:t as is (python-docx escapes it), so '<font> & <b>' prints literally.
"""

from __future__ import annotations

from plandoc.model import Inline
from plandoc.writers.docx.fields import add_hyperlink


def add_spans(paragraph, spans: Inline, anchors: dict | None = None) -> None:
    """Append `spans` to `paragraph`; '#anchor' links go to that heading's bookmark."""
    for span in spans:
        if span.href:
            _link(paragraph, span, anchors or {})
        else:
            run = paragraph.add_run(span.text)
            if span.bold:
                run.bold = True
            if span.italic:
                run.italic = True


def _link(paragraph, span, anchors: dict) -> None:
    target = span.href
    if target.startswith("#") and target[1:] in anchors:
        add_hyperlink(paragraph, span.text, anchor=anchors[target[1:]], bold=span.bold,
                      italic=span.italic)
    else:
        add_hyperlink(paragraph, span.text, url=target, bold=span.bold, italic=span.italic)
