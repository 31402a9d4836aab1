"""A case paper's letterhead in Word: a Layout Table row with the emblem beside the
municipality's name (Panel Title) and the paper's kind under it (Signer Title), a rule under
the row."""

from __future__ import annotations

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT as VALIGN
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from plandoc.layout.boxes import LetterheadBox
from plandoc.writers.docx.context import Context
from plandoc.writers.docx.grid import cell_paragraph
from plandoc.writers.docx.ooxml.pictures import set_alt_text
from plandoc.writers.docx.ooxml.tables import cell_borders, padding

GAP_MM = 4               # between the emblem and the name
RULE_PT = 0.75


def letterhead(ctx: Context, box: LetterheadBox) -> None:
    """[emblem | municipality over 'SAKSFRAMLEGG'], the rule under the row."""
    logo_mm = box.logo_width_mm if box.logo else 0
    widths = [logo_mm + 0.5, ctx.width_mm - logo_mm - 0.5] if logo_mm else [ctx.width_mm]
    t = ctx.table(1, len(widths), "Layout Table", widths)
    cells = t.rows[0].cells
    if logo_mm:
        picture = cells[0].paragraphs[0]
        picture.alignment = WD_ALIGN_PARAGRAPH.LEFT      # Normal is justified
        picture.paragraph_format.space_after = Mm(0)
        run = picture.add_run()
        set_alt_text(run.add_picture(str(box.logo), height=Mm(box.logo_height_mm)),
                     box.logo_alt, box.logo_alt)
    words = cells[-1]
    cell_paragraph(words, "Panel Title", first=True).add_run(box.municipality)
    cell_paragraph(words, "Signer Title", first=False).add_run(box.label)
    for cell in cells:
        cell.vertical_alignment = VALIGN.CENTER
        padding(cell, left=GAP_MM if logo_mm and cell is words else 0, right=0, top=0,
                bottom=3)
        cell_borders(cell, bottom=(RULE_PT, box.rule.hex))
    ctx.spacer()

