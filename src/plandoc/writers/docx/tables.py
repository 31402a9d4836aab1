"""Data tables: caption above (when the table has one), 'Plan Table', header row repeated.

Columns take the layout's shares of the text width; rows never split across pages; the header
row repeats on every page and stays with the first body row.
"""

from __future__ import annotations

from plandoc.layout.boxes import TableBox
from plandoc.writers.docx.captions import write_caption
from plandoc.writers.docx.context import Context
from plandoc.writers.docx.inline import add_spans
from plandoc.writers.docx.ooxml.tables import keep_row, repeat_row, table_look


def table(ctx: Context, box: TableBox) -> None:
    """The table, its caption above it."""
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
        for cell, spans in zip(row.cells, cells):
            p = cell.paragraphs[0]
            p.style = "Table Heading" if header else "Table Text"
            add_spans(p, spans, ctx.targets)
    ctx.spacer()
