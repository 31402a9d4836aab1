"""Signatures and the foreword in Word: place and date, then a Layout Table of signature slots.

As in the PDF, each row of signers is two table rows: an empty one `room_mm` high with the
signature line as the slot's bottom border, then the names (Signer) and titles (Signer Title);
a gap column keeps two slots apart.  Every row stays with the next, so the block keeps to one
page.  The foreword is its heading, its text and its signature, in that order.
"""

from __future__ import annotations

from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.shared import Mm

from plandoc.layout.boxes import ForewordBox, SignaturesBox
from plandoc.writers.docx.context import Context
from plandoc.writers.docx.grid import cell_paragraph
from plandoc.writers.docx.ooxml.tables import cell_borders, keep_row, padding
from plandoc.writers.docx.ooxml.paragraphs import add_run, keep_next

LINE_PT = 0.6


def signatures(ctx: Context, box: SignaturesBox) -> None:
    """The place and date, and the signers side by side."""
    if box.place_date:
        keep_next(ctx.paragraph("Signature Place", box.place_date), True)
    slot = ctx.width_mm * box.width_share
    gap = ctx.width_mm - box.columns * slot
    widths = [w for i in range(box.columns) for w in ((gap, slot) if i else (slot,))]
    t = ctx.table(2 * len(box.rows), len(widths), "Layout Table", widths)
    for n, signers in enumerate(box.rows):
        room, names = t.rows[2 * n], t.rows[2 * n + 1]
        room.height, room.height_rule = Mm(box.room_mm), WD_ROW_HEIGHT_RULE.EXACTLY
        for i, signer in enumerate(signers):
            _slot(ctx, room.cells[2 * i], names.cells[2 * i], signer, last=n == len(box.rows) - 1)
        for row in (room, names):
            keep_row(row)
    ctx.spacer()


def _slot(ctx: Context, room, cell, signer, last: bool) -> None:
    """The line under the room to sign, and the name and title under the line."""
    cell_borders(room, bottom=(LINE_PT, ctx.palette.text.hex))
    for c in (room, cell):
        padding(c, left=0, right=0, top=0, bottom=0)
    keep_next(room.paragraphs[0], True)
    p = cell_paragraph(cell, "Signer", first=True)
    add_run(p, signer.name)
    keep_next(p, not last or bool(signer.title))
    if signer.title:
        t = cell_paragraph(cell, "Signer Title", first=False)
        add_run(t, signer.title)
        keep_next(t, not last)


def foreword(ctx: Context, box: ForewordBox) -> None:
    """The heading, the text and the signature."""
    from plandoc.writers.docx.walk import write_blocks

    write_blocks(ctx, (box.heading,) + box.body + ((box.signature,) if box.signature else ()))
