"""A meeting program as a timetable: the time at the left, the item at the right.

An item is its title (already bold where the layout said so), 'ved …' beneath it (already
italic), and its sub-items behind the layout's mark ('–'); a part ('Del 1: …') is a tinted row
across both columns.  A rule in the primary colour above, the palette's hairlines between rows.
"""

from __future__ import annotations

from plandoc.layout.boxes import ProgramBox, ProgramPartRow, ProgramRow
from plandoc.writers.docx.context import Context
from plandoc.writers.docx.grid import first_paragraph, keep_with_next_row
from plandoc.writers.docx.inline import add_spans
from plandoc.writers.docx.ooxml.tables import keep_row, merge_row, padding, shade, table_borders
from plandoc.writers.docx.ooxml.paragraphs import add_run, new_paragraph

RULE_PT, HAIRLINE_PT = 1.2, 0.4
PAD_MM = dict(top=1.1, bottom=1.8, left=2.1, right=2.1)


def program(ctx: Context, box: ProgramBox) -> None:
    """The program's title, then its rows as a two-column table."""
    if box.title:
        add_spans(ctx.heading("Heading 2 No TOC"), box.title, ctx.targets)
    t = ctx.table(len(box.rows), 2, "Layout Table",
                  [box.time_width_mm, ctx.width_mm - box.time_width_mm])
    hairline = (HAIRLINE_PT, ctx.palette.rule.hex)
    table_borders(t, top=(RULE_PT, ctx.palette.primary.hex), insideH=hairline, bottom=hairline)
    for row, entry in zip(t.rows, box.rows):
        keep_row(row)
        for cell in row.cells:
            padding(cell, **PAD_MM)
        ROWS[type(entry)](ctx, row, entry)
        if isinstance(entry, ProgramPartRow) and row is not t.rows[-1]:
            keep_with_next_row(row)     # a part's title is never left at the foot of a page
    ctx.spacer()


def _part(ctx: Context, row, entry: ProgramPartRow) -> None:
    cell = merge_row(row)
    shade(cell, ctx.palette.light.hex)
    add_spans(first_paragraph(cell, "Program Part"), entry.title, ctx.targets)


def _item(ctx: Context, row, entry: ProgramRow) -> None:
    time_cell, cell = row.cells
    add_run(first_paragraph(time_cell, "Program Time"), entry.time)
    add_spans(first_paragraph(cell, "Table Text"), entry.title, ctx.targets)
    if entry.speaker:
        add_spans(new_paragraph(cell, "Table Text"), entry.speaker, ctx.targets)
    for mark, sub in entry.items:
        p = new_paragraph(cell, "Program Item")
        add_run(p, f"{mark}\t")
        add_spans(p, sub, ctx.targets)


ROWS = {ProgramRow: _item, ProgramPartRow: _part}
