"""Marks of a draft: the watermark in every section's header, line numbers in the body.

The watermark text is the layout's (`layout.watermark`, '' for none), in the heading font and the
palette's watermark grey, across the text width.  Line numbering is Word's own section property;
cover-only styles leave it out (styles.py), since LibreOffice numbers every section alike.
"""

from __future__ import annotations

from plandoc.writers.docx.ooxml.sections import number_lines
from plandoc.writers.docx.ooxml.watermark import add_watermark


def mark_draft(ctx) -> None:
    """Watermark and line numbers, as the layout says."""
    layout, sections = ctx.layout, ctx.word.sections
    if layout.watermark:
        font = layout.theme.fonts.heading.family
        for n, section in enumerate(sections, start=1):
            if n == 1 and layout.cover is not None and layout.cover.photo is not None:
                continue          # its cover holds the mark (cover.py): no header over a photo
            section.header.is_linked_to_previous = False   # the cover: a header of its own
            add_watermark(section.header, layout.watermark, font, ctx.width_mm,
                          layout.palette.watermark.hex, n)
    if layout.line_numbers:
        number_lines(sections[-1])
