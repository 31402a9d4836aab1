"""A case paper's letterhead: the emblem beside the municipality's name and the paper's kind,
a rule under both (a layout table, as the cover's masthead)."""

from __future__ import annotations

from reportlab.lib.units import mm

from plandoc.layout import boxes as b
from plandoc.writers.pdf.context import Ctx
from plandoc.writers.pdf.flowables import fitted_image, role
from plandoc.writers.pdf.grid import grid, padding
from plandoc.writers.pdf.markup import esc

GAP_MM = 4               # between the emblem and the name
RULE_PT = 0.75


def letterhead(ctx: Ctx, box: b.LetterheadBox) -> None:
    """[emblem | municipality over 'SAKSFRAMLEGG'], the rule under the row."""
    words = [ctx.cell(esc(box.municipality), "panel_title"),
             ctx.cell(esc(box.label), "signer_title")]
    row, widths = [words], [None]
    if box.logo is not None:
        logo = fitted_image(box.logo, box.logo_width_mm * mm, box.logo_height_mm * mm,
                            alt=box.logo_alt, min_dpi=ctx.look.min_dpi)
        row, widths = [logo, words], [logo.drawWidth + GAP_MM * mm, None]
    t = grid([row], widths, ctx.look.fonts.body, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             *padding(0, 0, 0, 3 * mm),
             ("LINEBELOW", (0, 0), (-1, 0), RULE_PT, ctx.look.colour(box.rule)))
    t.spaceAfter = 4 * mm
    ctx.add(role(t, "Div", layout=True))
