"""Cards in rows: key figures, value words and taglines as shaded cells of a Layout Table.

The layout decided the rows (5 key figures → 3 + 2) and how many cards a row holds; a short
last row leaves its remaining cells empty and unshaded.  Cards are separated by white gutters.
"""

from __future__ import annotations

from plandoc.writers.docx.context import Context, even_widths
from plandoc.writers.docx.ooxml.tables import keep_row, padding, shade, table_borders
from plandoc.writers.docx.ooxml.paragraphs import keep_next, new_paragraph, restyle

GUTTER_PT = 2.5


def cards(ctx: Context, rows, columns: int, fill: str | None, write, pad_mm=(3, 2)):
    """A table of `columns` cards per row; `write(cell, item)` fills one card."""
    t = ctx.table(len(rows), columns, "Layout Table", even_widths(ctx.width_mm, columns))
    white = (GUTTER_PT, ctx.palette.white.hex)
    table_borders(t, insideV=white, insideH=white)
    for row, items in zip(t.rows, rows):
        keep_row(row)
        for cell, item in zip(row.cells, items):
            if fill:
                shade(cell, fill)
            padding(cell, top=pad_mm[0], bottom=pad_mm[0], left=pad_mm[1], right=pad_mm[1])
            write(cell, item)
    return t


def keep_with_next_row(row) -> None:
    """Every paragraph of the row keeps with the next: Word then keeps the row on the page of
    the row after it (a header, a group title, a program's part over its first item) — set on
    the paragraphs themselves, so a template's styles cannot lose it."""
    for cell in row.cells:
        for p in cell.paragraphs:
            keep_next(p, True)


def first_paragraph(cell, style: str):
    """The cell's first paragraph, in `style`."""
    return restyle(cell.paragraphs[0], style)


def cell_paragraph(cell, style: str, first: bool):
    """The cell's first paragraph (`first`) or a new one after the others, in `style`."""
    return first_paragraph(cell, style) if first else new_paragraph(cell, style)
