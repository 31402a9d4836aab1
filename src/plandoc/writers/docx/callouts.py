"""Callouts: slogan, values, vision and note — styled paragraphs and shaded one-cell tables.

slogan: the line set large and centred in the primary colour, its taglines as a row of cards.
values: a title, the words as a row of cards, then the text.
vision / note: title and text in a tinted box with a coloured rule at the left.
"""

from __future__ import annotations

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH

from plandoc.model import Callout
from plandoc.writers.docx.context import Context
from plandoc.writers.docx.inline import add_spans
from plandoc.writers.docx.ooxml import (borders, cell_margins, cell_shading, column_gutters,
                                        row_cant_split, tint)

RULE = 24  # eighths of a point: the left rule of a box


def callout(ctx: Context, block: Callout) -> None:
    """Dispatch on the callout kind; unknown kinds are drawn as a note."""
    {"slogan": slogan, "values": values, "vision": vision}.get(block.kind, note)(ctx, block)


def slogan(ctx: Context, block: Callout) -> None:
    add_spans(ctx.paragraph("Slogan"), block.title, ctx.anchors)
    _paragraphs(ctx, block, centred=True)
    if block.items:
        _card_row(ctx, block.items)


def values(ctx: Context, block: Callout) -> None:
    if block.title:
        add_spans(ctx.paragraph("Callout Title"), block.title, ctx.anchors)
    if block.items:
        _card_row(ctx, block.items)
    _paragraphs(ctx, block)


def vision(ctx: Context, block: Callout) -> None:
    _box(ctx, block, ctx.theme.colors["light"], ctx.theme.colors["primary"])


def note(ctx: Context, block: Callout) -> None:
    accent = ctx.theme.colors["accent"]
    _box(ctx, block, tint(accent, 0.12), accent)


def _paragraphs(ctx, block: Callout, centred: bool = False) -> None:
    for text in block.paragraphs:
        p = ctx.paragraph("Normal")
        if centred:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_spans(p, text, ctx.anchors)


def _card_row(ctx, items) -> None:
    """Words or taglines side by side, each on a light card."""
    n = len(items)
    t = ctx.table(1, n, "Layout Table", [ctx.text_width_mm / n] * n)
    column_gutters(t)
    row_cant_split(t.rows[0])
    for cell, item in zip(t.rows[0].cells, items):
        cell_shading(cell, ctx.theme.colors["light"])
        cell_margins(cell._tc.get_or_add_tcPr(), "w:tcMar", top=2.5, bottom=2.5, left=2, right=2)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cell.paragraphs[0].style = "Tagline"
        add_spans(cell.paragraphs[0], item, ctx.anchors)
    ctx.spacer()


def _box(ctx, block: Callout, fill: str, rule: str) -> None:
    t = ctx.table(1, 1, "Layout Table", [ctx.text_width_mm])
    cell = t.rows[0].cells[0]
    cell_shading(cell, fill)
    tc_pr = cell._tc.get_or_add_tcPr()
    borders(tc_pr, "w:tcBorders", {"left": (RULE, rule, 0)})
    cell_margins(tc_pr, "w:tcMar", top=4, bottom=3, left=6, right=5)
    first = cell.paragraphs[0]
    if block.title:
        first.style = "Callout Title"
        add_spans(first, block.title, ctx.anchors)
    for i, text in enumerate(block.paragraphs):
        p = first if (i == 0 and not block.title) else cell.add_paragraph(style="Normal")
        add_spans(p, text, ctx.anchors)
    ctx.spacer()
