"""Data tables: caption above (when the table has one), 'Plan Table', header row repeated.

Columns take the layout's shares of the text width; rows never split across pages; the header
row repeats on every page and stays with the first body row.
"""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH

from plandoc.layout.boxes import GroupRow, TableBox
from plandoc.writers.docx.captions import write_caption
from plandoc.writers.docx.context import Context
from plandoc.writers.docx.inline import add_spans
from plandoc.writers.docx.ooxml.tables import keep_row, repeat_row, shade, table_look

ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT,
         "centre": WD_ALIGN_PARAGRAPH.CENTER}


def table(ctx: Context, box: TableBox) -> None:
    """The table, its caption above it; cells aligned as the layout said, a group row one
    merged, tinted cell."""
    write_caption(ctx, box.caption)
    rows = ((box.header,) if box.header else ()) + box.rows
    t = ctx.table(len(rows), len(box.widths), "Plan Table",
                  [ctx.width_mm * share for share in box.widths])
    table_look(t, first_row=bool(box.header))
    for r, (row, cells) in enumerate(zip(t.rows, rows)):
        header = r == 0 and bool(box.header)
        keep_row(row)
        if header:
            repeat_row(row)
        if isinstance(cells, GroupRow):
            _group(ctx, row, cells)
        else:
            _cells(ctx, row, cells, box.align, "Table Heading" if header else "Table Text")
        if box.total and r == len(rows) - 2:      # the sum stays with the row above it
            for cell in row.cells:
                cell.paragraphs[0].paragraph_format.keep_with_next = True
    ctx.spacer()


def _group(ctx: Context, row, group: GroupRow) -> None:
    """A subheading across the row: its cells merged into one, tinted."""
    cell = row.cells[0].merge(row.cells[-1]) if len(row.cells) > 1 else row.cells[0]
    shade(cell, group.fill.hex)
    p = cell.paragraphs[0]
    p.style = "Table Group"
    add_spans(p, group.text, ctx.targets)


def _cells(ctx: Context, row, cells, align, style: str) -> None:
    for cell, spans, where in zip(row.cells, cells, align or ("left",) * len(cells)):
        p = cell.paragraphs[0]
        p.style = style
        if where != "left":
            p.alignment = ALIGN[where]
        add_spans(p, spans, ctx.targets)
