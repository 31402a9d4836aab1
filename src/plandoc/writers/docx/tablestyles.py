"""Table styles: 'Plan Table' for data tables and 'Layout Table' for panels and grids.

Plan Table: primary rules above and below, hairlines between rows, the first row shaded in the
primary colour with white bold text, light banding.  Layout Table: no borders and no cell
padding at all; the panels that use it (key figures, SWOT, callouts) shade and pad their cells.
"""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from plandoc.writers.docx.ooxml import hexcolor, tint

PLAN_PADDING = 100  # twips, left and right in Plan Table cells
# Word (compatibility mode 14) and LibreOffice shift a table left by its cell padding; indenting
# by the same amount puts the table's edges on the text margins.
INDENTS = {"Plan Table": PLAN_PADDING, "Layout Table": 0}
CELL_MARGINS = ('<w:tblCellMar><w:top w:w="{v}" w:type="dxa"/><w:left w:w="{h}" w:type="dxa"/>'
                '<w:bottom w:w="{v}" w:type="dxa"/><w:right w:w="{h}" w:type="dxa"/>'
                "</w:tblCellMar>")


def table_styles(theme) -> list:
    """The table style elements for `theme`."""
    return [_plan_table(theme), _layout_table(theme)]


def _head(style_id: str, name: str, theme, size_pt: float) -> str:
    size = round(size_pt * 2)
    return (f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="{style_id}">'
            f'<w:name w:val="{name}"/><w:basedOn w:val="TableNormal"/>'
            '<w:uiPriority w:val="59"/><w:qFormat/>'
            '<w:pPr><w:spacing w:before="0" w:after="0" w:line="252" w:lineRule="auto"/></w:pPr>'
            f'<w:rPr><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>')


def _plan_table(theme):
    c = theme.colors
    primary, rule = hexcolor(c["primary"]), hexcolor(tint(c["muted"], 0.35))
    band = hexcolor(tint(c["light"], 0.6))
    return parse_xml(
        _head("PlanTable", "Plan Table", theme, theme.sizes["body"] - 1)
        + "<w:tblPr><w:tblBorders>"
        f'<w:top w:val="single" w:sz="12" w:space="0" w:color="{primary}"/>'
        f'<w:bottom w:val="single" w:sz="12" w:space="0" w:color="{primary}"/>'
        f'<w:insideH w:val="single" w:sz="4" w:space="0" w:color="{rule}"/>'
        "</w:tblBorders>" + CELL_MARGINS.format(v=60, h=PLAN_PADDING) + "</w:tblPr>"
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>'
        "<w:tblPr/><w:trPr><w:tblHeader/></w:trPr>"
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{primary}"/></w:tcPr>'
        "</w:tblStylePr>"
        '<w:tblStylePr w:type="band2Horz"><w:tblPr/>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{band}"/></w:tcPr></w:tblStylePr>'
        "</w:style>")


def _layout_table(theme):
    none = "".join(f'<w:{side} w:val="nil"/>'
                   for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return parse_xml(
        _head("LayoutTable", "Layout Table", theme, theme.sizes["body"])
        + f"<w:tblPr><w:tblBorders>{none}</w:tblBorders>"
        + CELL_MARGINS.format(v=0, h=0) + "</w:tblPr></w:style>")
