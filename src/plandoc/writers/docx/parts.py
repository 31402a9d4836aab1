"""A part's title page: the label over the title, lower on a page of its own, and its intro.

The label and title are one 'Part Title' paragraph (outline level 1, so the TOC field and the
navigation pane list the part like a chapter), bookmarked with the part's target; the part's
body starts on the next page.
"""

from __future__ import annotations

from docx.shared import Mm

from plandoc.layout.boxes import PartBox
from plandoc.writers.docx.context import Context
from plandoc.writers.docx.inline import add_spans
from plandoc.writers.docx.ooxml.links import add_bookmark


def part(ctx: Context, box: PartBox) -> None:
    """The part page; the next block starts a new page."""
    ctx.break_pending = True
    p = ctx.paragraph("Part Title")
    p.paragraph_format.space_before = Mm(ctx.layout.theme.page.text_height_mm * box.drop)
    if box.label:
        p.add_run(box.label, style="Part Label").add_break()
    add_spans(p, box.text, ctx.targets)
    add_bookmark(p, box.target, ctx.bookmark_id())
    if box.intro:
        add_spans(ctx.paragraph("Part Intro"), box.intro, ctx.targets)
    ctx.break_pending = True
