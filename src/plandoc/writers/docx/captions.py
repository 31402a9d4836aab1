"""Captions and source lines, as the layout wrote them.

A caption is its lead in bold ('Figur 3: ', '' for an unnumbered one) and then its text; a box
without a caption gets no caption paragraph.  The caption of a figure or table with an id is
bookmarked as the layout's target, where cross-references ('figur 3') go.  The source line is
the layout's full text ('Kilde: SSB').
"""

from __future__ import annotations

from plandoc.layout.boxes import Caption
from plandoc.writers.docx.inline import add_spans
from plandoc.writers.docx.ooxml.links import add_bookmark


def write_caption(ctx, caption: Caption | None, keep_with_next: bool = False):
    """The caption paragraph, or None when there is no caption."""
    if caption is None:
        return None
    p = ctx.paragraph("Caption")
    if caption.lead:
        p.add_run(caption.lead).bold = True
    add_spans(p, caption.text, ctx.targets)
    if caption.target:       # a figure or table that cross-references go to
        add_bookmark(p, caption.target, ctx.bookmark_id())
    p.paragraph_format.keep_with_next = keep_with_next or caption.above
    return p


def write_source(ctx, source: str | None) -> None:
    """The source line, when there is one."""
    if source:
        ctx.paragraph("Source", source)


def caption_title(caption: Caption | None) -> str | None:
    """The caption as one line of plain text (a picture's title), or None."""
    if caption is None:
        return None
    return caption.lead + "".join(span.text for span in caption.text)
