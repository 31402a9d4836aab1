"""Callouts, by the variant the layout chose: 'slogan', 'values' or 'box'.

slogan: the title set large and centred between two rules in the bar colour, the items as a row
of taglines, the text centred.  values: a title, the items as cards in the layout's rows, then
the text.  box: a tinted one-cell table with a bar at its left: title, text and the items as
bulleted lines.  Colours are the box's `bar` and `fill`.
"""

from __future__ import annotations

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

from plandoc.layout.boxes import CalloutBox
from plandoc.writers.docx.context import Context, even_widths
from plandoc.writers.docx.grid import cards, cell_paragraph, first_paragraph
from plandoc.writers.docx.inline import add_spans
from plandoc.writers.docx.ooxml.tables import (cell_borders, keep_row, merge_row, padding, shade,
                                               table_borders)
from plandoc.writers.docx.ooxml.paragraphs import add_run

RULE_PT, SEPARATOR_PT, BAR_PT = 1.2, 0.8, 3.5
SLOGAN_PAD_MM = 5.5       # between the rules and the slogan's content
BOX_PAD_MM = (4.2, 5.6, 3.5)    # top, sides, bottom of a box's content


def callout(ctx: Context, box: CalloutBox) -> None:
    """Draw the callout in its variant."""
    VARIANTS[box.variant](ctx, box)


def slogan(ctx: Context, box: CalloutBox) -> None:
    """Title, text and taglines, in that order, in one borderless table between two rules."""
    n_text = len(box.paragraphs)
    ctx.gap()
    t = ctx.table(1 + n_text + len(box.item_rows), box.columns, "Layout Table",
                  even_widths(ctx.width_mm, box.columns))
    rule = (RULE_PT, box.bar.hex)
    table_borders(t, top=rule, bottom=rule, insideV=(SEPARATOR_PT, box.bar.hex))
    whole = [merge_row(row) for row in t.rows[:1 + n_text]]
    add_spans(first_paragraph(whole[0], "Slogan"), box.title, ctx.targets)
    for cell, text in zip(whole[1:], box.paragraphs):
        add_spans(first_paragraph(cell, "Slogan Text"), text, ctx.targets)
    _taglines(ctx, t.rows[1 + n_text:], box.item_rows)
    padding(whole[0], top=SLOGAN_PAD_MM)
    for cell in t.rows[-1].cells:
        padding(cell, bottom=SLOGAN_PAD_MM)
    for row in t.rows:
        keep_row(row)
    ctx.spacer()


def _taglines(ctx: Context, rows, item_rows) -> None:
    for row, items in zip(rows, item_rows):
        for cell, item in zip(row.cells, items):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            add_spans(first_paragraph(cell, "Tagline"), item, ctx.targets)


def values(ctx: Context, box: CalloutBox) -> None:
    """Title, the value words as cards, then the text."""
    if box.title:
        add_spans(ctx.paragraph("Panel Title"), box.title, ctx.targets)
    if box.item_rows:
        cards(ctx, box.item_rows, box.columns, box.fill.hex,
              lambda cell, item: add_spans(first_paragraph(cell, "Value Word"), item,
                                           ctx.targets))
    for text in box.paragraphs:
        add_spans(ctx.paragraph("Panel Text"), text, ctx.targets)
    if not box.paragraphs:
        ctx.spacer()


def panel(ctx: Context, box: CalloutBox) -> None:
    """A tinted box with a bar at its left: title, text, bulleted items."""
    ctx.gap()
    t = ctx.table(1, 1, "Layout Table", [ctx.width_mm])
    cell = t.rows[0].cells[0]
    shade(cell, box.fill.hex)
    cell_borders(cell, left=(BAR_PT, box.bar.hex))
    top, side, bottom = BOX_PAD_MM
    padding(cell, top=top, left=side, right=side, bottom=bottom)
    keep_row(t.rows[0])
    lines = [("Panel Title", "", box.title)] if box.title else []
    lines += [("Panel Text", "", text) for text in box.paragraphs]
    lines += [("Panel Item", f"{box.bullet}\t", item) for item in box.items]
    for i, (style, lead, spans) in enumerate(lines):
        p = cell_paragraph(cell, style, first=i == 0)
        if lead:
            add_run(p, lead)
        add_spans(p, spans, ctx.targets)
    ctx.spacer()


VARIANTS = {"slogan": slogan, "values": values, "box": panel}
