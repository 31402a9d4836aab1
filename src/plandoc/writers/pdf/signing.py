"""Signatures and the foreword: place and date, then a table of signature slots kept on one page.

Each row of the layout's signers is two table rows: an empty one `room_mm` high with the
signature line under each slot, then the names (bold) and titles (muted).  A gap column keeps
two slots apart.  The foreword is its heading, its text and its signature, in that order.
"""

from __future__ import annotations

from reportlab.lib.units import mm

from plandoc.layout import boxes as b
from plandoc.writers.pdf.context import Ctx
from plandoc.writers.pdf.flow import together
from plandoc.writers.pdf.flowables import role
from plandoc.writers.pdf.grid import grid, padding
from plandoc.writers.pdf.markup import esc

LINE_PT = 0.6


def signatures(ctx: Ctx, box: b.SignaturesBox) -> None:
    """The place and date, and the signers side by side, all on one page."""
    head = [ctx.para(esc(box.place_date), "signature_place")] if box.place_date else []
    ctx.add(*together(head + [_slots(ctx, box)]))


def _slots(ctx: Ctx, box: b.SignaturesBox):
    slot = ctx.width * box.width_share
    gap = ctx.width - box.columns * slot
    widths = [w for i in range(box.columns) for w in ((gap, slot) if i else (slot,))]
    rows, cmds = [], padding(0, 0, 0, 2)
    for n, signers in enumerate(box.rows):
        cells = [_slot(ctx, s) for s in signers]
        rows += [[""] * len(widths), _spread(cells, len(widths))]
        cmds += [("LINEBELOW", (2 * i, 2 * n), (2 * i, 2 * n), LINE_PT,
                  ctx.look.colour(ctx.layout.palette.text)) for i in range(len(signers))]
    heights = [h for _ in box.rows for h in (box.room_mm * mm, None)]
    t = grid(rows, widths, ctx.look.fonts.body, *cmds, rowHeights=heights)
    t.spaceAfter = ctx.look.sizes.body
    return role(t, "Table", layout=True)


def _slot(ctx: Ctx, signer: b.SignatureSlot) -> list:
    """The name and, under it, the title."""
    out = [ctx.cell(esc(signer.name), "signer")]
    if signer.title:
        out.append(ctx.cell(esc(signer.title), "signer_title"))
    return out


def _spread(cells: list, width: int) -> list:
    """Slots in the even columns, the gap columns between them empty."""
    row = [""] * width
    for i, cell in enumerate(cells):
        row[2 * i] = cell
    return row


def foreword(ctx: Ctx, box: b.ForewordBox) -> None:
    """The heading, the text and the signature."""
    from plandoc.writers.pdf.walk import walk

    walk(ctx, (box.heading,) + box.body + ((box.signature,) if box.signature else ()))
