"""The SWOT: two rows of two quadrants (S W / O T), in the order and colours the layout gave.

Each quadrant is a title bar in its colour over a body in its fill, with its groups and their
bulleted points.  Rows never split (as the layout says of every row) and title rows stay with
their bodies; only a body row taller than a page is broken, by Word or LibreOffice itself.
"""

from __future__ import annotations

from plandoc.layout.boxes import Quadrant, SwotBox
from plandoc.writers.docx.captions import write_caption
from plandoc.writers.docx.context import Context, even_widths
from plandoc.writers.docx.grid import cell_paragraph, first_paragraph
from plandoc.writers.docx.inline import add_spans
from plandoc.writers.docx.ooxml.tables import (cell_borders, keep_row, padding, shade,
                                               table_borders)
from plandoc.writers.docx.ooxml.paragraphs import add_run, keep_next, new_paragraph

GUTTER_PT = 6          # the white gap between the columns and between the two pairs


def swot(ctx: Context, box: SwotBox) -> None:
    """Caption above, then the 2×2 grid."""
    write_caption(ctx, box.caption)
    t = ctx.table(2 * len(box.rows), 2, "Layout Table", even_widths(ctx.width_mm, 2))
    table_borders(t, insideV=(GUTTER_PT, ctx.palette.white.hex))
    for pair, quadrants in enumerate(box.rows):
        title_row, body_row = t.rows[2 * pair], t.rows[2 * pair + 1]
        keep_row(title_row)
        keep_row(body_row)      # a row moves on whole (Word splits one taller than a page)
        for col, quadrant in enumerate(quadrants):
            _title(ctx, title_row.cells[col], quadrant, gap=pair > 0)
            _body(ctx, body_row.cells[col], quadrant, box.bullet)
    ctx.spacer()


def _title(ctx: Context, cell, quadrant: Quadrant, gap: bool) -> None:
    shade(cell, quadrant.colour.hex)
    padding(cell, top=1.5, bottom=1.5, left=3.5, right=3)
    if gap:
        cell_borders(cell, top=(GUTTER_PT, ctx.palette.white.hex))
    p = first_paragraph(cell, "SWOT Title")
    add_run(p, quadrant.title)
    keep_next(p, True)


def _body(ctx: Context, cell, quadrant: Quadrant, bullet: str) -> None:
    shade(cell, quadrant.fill.hex)
    padding(cell, top=1, bottom=3, left=3.5, right=3)
    for i, group in enumerate(quadrant.groups):
        title = cell_paragraph(cell, "SWOT Group", first=i == 0)
        if i == 0:       # keep-with-next here would stop LibreOffice splitting the row
            keep_next(title, False)
        add_spans(title, group.title, ctx.targets)
        for item in group.items:
            p = new_paragraph(cell, "SWOT Item")
            add_run(p, f"{bullet}\t")
            add_spans(p, item, ctx.targets)
