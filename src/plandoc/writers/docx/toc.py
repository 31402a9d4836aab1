"""The table of contents: a real TOC field whose cached result already lists the headings.

Each entry is a TOC 1–3 paragraph whose text ('1 Slagkraft for næringsutvikling') links to the
heading's bookmark.  Page numbers cannot be known when writing, so the cached entries carry none
(no dot leaders running to an empty place either): Word rebuilds the field with page numbers
when it opens the file (settings.xml asks it to), LibreOffice when the index is updated.
"""

from __future__ import annotations

from plandoc.writers.docx.context import heading_text
from plandoc.writers.docx.fields import (TOC_INSTR, add_hyperlink, field_begin, field_end,
                                         set_update_fields)


def write_toc(ctx) -> None:
    """Heading 'Innhold' (not itself in the TOC), the TOC field, then a page break."""
    ctx.paragraph("TOC Heading", ctx.words["contents"])
    entries = ctx.toc or [(None, None)]
    for i, (heading, bookmark) in enumerate(entries):
        p = ctx.paragraph(f"toc {heading.level if heading else 1}")
        if i == 0:
            field_begin(p._p, TOC_INSTR, dirty=True)
        if heading is not None:
            _entry(p, heading_text(heading), bookmark)
        if i == len(entries) - 1:
            field_end(p._p)
    set_update_fields(ctx.doc.settings)
    ctx.break_pending = True


def _entry(paragraph, text: str, bookmark: str) -> None:
    add_hyperlink(paragraph, text, anchor=bookmark, style="")
