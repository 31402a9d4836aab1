"""The reference list: one paragraph per source with a hanging indent, each starting with the
named destination citations link to."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle

from plandoc.layout import boxes as b
from plandoc.writers.pdf.context import Ctx
from plandoc.writers.pdf.markup import destination


def references(ctx: Ctx, box: b.ReferencesBox) -> None:
    """Each entry as the layout wrote it; its first line starts at the margin."""
    look = ctx.look["reference"]
    hanging = ParagraphStyle("reference-entry", parent=look,
                             firstLineIndent=look.bulletIndent - look.leftIndent)
    for entry in box.entries:
        ctx.add(ctx.para(destination(entry.target) + ctx.md(entry.text), hanging))
