"""Table styles as XML: 'Plan Table' for data tables and 'Layout Table' for panels and grids.

Plan Table: a hairline under every row, the first row shaded and repeated on every page, every
other body row banded.  Layout Table: no borders and no cell padding; the panels that use
it shade and pad their own cells.  Colours come in as '#RRGGBB'.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from plandoc.writers.docx.ooxml.base import eighths, hexval, twips

MARGINS = ('<w:tblCellMar><w:top w:w="{v}" w:type="dxa"/><w:left w:w="{h}" w:type="dxa"/>'
           '<w:bottom w:w="{v}" w:type="dxa"/><w:right w:w="{h}" w:type="dxa"/></w:tblCellMar>')


@dataclass(frozen=True)
class PlanTableLook:
    """What a data table looks like: colours, rule widths (points), padding (mm), type size."""

    hairline: str
    header_fill: str
    band_fill: str
    hairline_pt: float
    pad_v_mm: float
    pad_h_mm: float
    size: float


def _head(style_id: str, name: str, size: float) -> str:
    half_points = round(size * 2)
    return (f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="{style_id}">'
            f'<w:name w:val="{name}"/><w:basedOn w:val="TableNormal"/>'
            '<w:uiPriority w:val="59"/><w:qFormat/>'
            '<w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr>'
            f'<w:rPr><w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>')


def _border(side: str, width_pt: float, colour: str) -> str:
    return (f'<w:{side} w:val="single" w:sz="{eighths(width_pt)}" w:space="0" '
            f'w:color="{hexval(colour)}"/>')


def plan_table(look: PlanTableLook):
    """The 'Plan Table' style element."""
    margins = MARGINS.format(v=twips(look.pad_v_mm), h=twips(look.pad_h_mm))
    return parse_xml(
        _head("PlanTable", "Plan Table", look.size)
        + '<w:tblPr><w:tblStyleRowBandSize w:val="1"/><w:tblBorders>'
        + _border("bottom", look.hairline_pt, look.hairline)
        + _border("insideH", look.hairline_pt, look.hairline) + "</w:tblBorders>"
        + margins + "</w:tblPr>"
        '<w:tblStylePr w:type="firstRow"><w:tblPr/><w:trPr><w:tblHeader/></w:trPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{hexval(look.header_fill)}"/>'
        "</w:tcPr></w:tblStylePr>"
        '<w:tblStylePr w:type="band2Horz"><w:tblPr/>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{hexval(look.band_fill)}"/>'
        "</w:tcPr></w:tblStylePr></w:style>")


def layout_table(size: float):
    """The 'Layout Table' style element: no borders, no padding."""
    none = "".join(f'<w:{side} w:val="nil"/>'
                   for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return parse_xml(_head("LayoutTable", "Layout Table", size)
                     + f"<w:tblPr><w:tblBorders>{none}</w:tblBorders>"
                     + MARGINS.format(v=0, h=0) + "</w:tblPr></w:style>")
