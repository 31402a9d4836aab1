"""Data tables: caption above (when the table has one), 'Plan Table', header row repeated.

For screen readers the header row is a w:tblHeader row (and tblLook firstRow), and a captioned
table carries its caption as w:tblCaption and w:tblDescription too (Word's alternative text).

Columns take the layout's shares of the text width; rows never split across pages; the header
row repeats on every page and stays with the first body row, as a group's title row stays with
its first item row.  A decimal column's cells are
right-aligned with a right indent of the layout's trailing room, so the commas line up in Word
and LibreOffice alike (a decimal tab stop would follow the reader's locale: LibreOffice in an
English locale aligns '12,5' on its end).
"""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from plandoc.layout.boxes import GroupRow, TableBox
from plandoc.writers.docx.captions import caption_title, write_caption
from plandoc.writers.docx.context import Context
from plandoc.writers.docx.grid import keep_with_next_row
from plandoc.writers.docx.inline import add_spans
from plandoc.writers.docx.running import turned_running
from plandoc.writers.docx.ooxml.sections import break_section, orient_last
from plandoc.writers.docx.ooxml.tables import (describe, keep_row, merge_row, repeat_row, shade,
                                               table_look)
from plandoc.writers.docx.ooxml.paragraphs import restyle

ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT,
         "centre": WD_ALIGN_PARAGRAPH.CENTER, "decimal": WD_ALIGN_PARAGRAPH.RIGHT}


def table(ctx: Context, box: TableBox) -> None:
    """The table, its caption above it; a landscape table in a landscape section of its own
    (the running header and footer and the line numbering as in the others)."""
    if not box.landscape:
        _table(ctx, box, ctx.width_mm)
        return
    from plandoc.writers.docx.walk import WRITERS
    if box.turn_before:
        break_section(ctx.word, ctx.paragraph("Spacer"), landscape=False)
    for h in box.headings:
        WRITERS[type(h)](ctx, h)
    _table(ctx, box, ctx.layout.theme.page.landscape_width_mm)
    if box.turn_after:
        break_section(ctx.word, ctx.word.paragraphs[-1], landscape=True)
    orient_last(ctx.word, landscape=not box.turn_after)   # at the document's end: stays
    turned_running(ctx, ctx.word.sections[-2 if box.turn_after else -1])


def _table(ctx: Context, box: TableBox, width_mm: float) -> None:
    """Cells aligned as the layout said, a group row one merged, tinted cell."""
    write_caption(ctx, box.caption)
    rows = ((box.header,) if box.header else ()) + box.rows
    t = ctx.table(len(rows), len(box.widths), "Plan Table",
                  [width_mm * share for share in box.widths])
    table_look(t, first_row=bool(box.header))
    if box.caption is not None:          # the table's alternative text: its caption
        describe(t, caption_title(box.caption), caption_title(box.caption))
    trailing = ((),) * bool(box.header) + (box.trailing or ((),) * len(box.rows))
    for r, (row, cells, after) in enumerate(zip(t.rows, rows, trailing)):
        header = r == 0 and bool(box.header)
        keep_row(row)
        if header:
            repeat_row(row)
        if isinstance(cells, GroupRow):
            _group(ctx, row, cells)
        else:
            _cells(ctx, row, cells, box.align, "Table Heading" if header else "Table Text",
                   after)
        last_body = box.total and r == len(rows) - 2      # the sum stays with the row above it
        if (header or isinstance(cells, GroupRow) or last_body) and r < len(rows) - 1:
            keep_with_next_row(row)
    ctx.spacer()


def _group(ctx: Context, row, group: GroupRow) -> None:
    """A subheading across the row: its cells merged into one, tinted."""
    cell = merge_row(row)
    shade(cell, group.fill.hex)
    p = restyle(cell.paragraphs[0], "Table Group")
    add_spans(p, group.text, ctx.targets)


def _cells(ctx: Context, row, cells, align, style: str, after=()) -> None:
    after = after or (0.0,) * len(cells)
    for cell, spans, where, room in zip(row.cells, cells, align or ("left",) * len(cells),
                                        after):
        p = restyle(cell.paragraphs[0], style)
        if where != "left":
            p.alignment = ALIGN[where]
        if room > 0:
            p.paragraph_format.right_indent = Pt(room)
        add_spans(p, spans, ctx.targets)
