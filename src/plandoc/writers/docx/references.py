"""The reference list: one paragraph per source in Word's own 'Bibliography' style (hanging
indent; Norwegian Word shows it as 'Bibliografi'), each bookmarked so citations link to it."""

from __future__ import annotations

from plandoc.layout.boxes import ReferencesBox
from plandoc.writers.docx.context import Context
from plandoc.writers.docx.inline import add_spans
from plandoc.writers.docx.ooxml.links import add_bookmark


def references(ctx: Context, box: ReferencesBox) -> None:
    """Each entry as the layout wrote it, bookmarked as its target."""
    for entry in box.entries:
        p = ctx.paragraph("Bibliography")
        add_spans(p, entry.text, ctx.targets)
        add_bookmark(p, entry.target, ctx.bookmark_id())
