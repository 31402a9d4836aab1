"""The two table styles, in the layout's colours: 'Plan Table' (data) and 'Layout Table' (panels).

A data table: the header row in the primary colour, a hairline under every row, every other
body row banded — the palette's rule and band.  Word (compatibility mode 14) and LibreOffice
shift a table left by its cell padding; indenting it by as much puts its edges on the margins.
"""

from __future__ import annotations

from plandoc.layout.styles import text_styles
from plandoc.writers.docx.ooxml.base import twips
from plandoc.writers.docx.ooxml.tablestyles import PlanTableLook, layout_table, plan_table

HAIRLINE_PT = 0.5
PAD_V_MM, PAD_H_MM = 1.6, 2.1          # 4.5 pt and 6 pt, as the PDF's table cells
INDENTS = {"Plan Table": twips(PAD_H_MM), "Layout Table": 0}


def table_styles(layout) -> list:
    """The table style elements."""
    p = layout.palette
    size = text_styles(layout.theme)["table_text"].size
    look = PlanTableLook(hairline=p.rule.hex, header_fill=p.primary.hex, band_fill=p.band.hex,
                         hairline_pt=HAIRLINE_PT, pad_v_mm=PAD_V_MM, pad_h_mm=PAD_H_MM,
                         size=size)
    return [plan_table(look), layout_table(layout.theme.sizes.body)]
