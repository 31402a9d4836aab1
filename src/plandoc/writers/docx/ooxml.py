"""The thin raw-XML layer for formatting python-docx has no API for.

Shading, borders, fonts without theme overrides, cell margins, table widths and colour maths.
Everything else in the writer goes through python-docx objects and these helpers; nothing else
builds WordprocessingML elements by hand (fields, bookmarks and links live in fields.py).
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

TWIPS_PER_MM = 1440 / 25.4
_BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


def hexcolor(color: str) -> str:
    """'#1F4E79' → '1F4E79' (the form WordprocessingML wants)."""
    return color.lstrip("#").upper()


def tint(color: str, amount: float) -> str:
    """`color` mixed with white: amount 0 is white, 1 is the colour itself; '#RRGGBB'."""
    rgb = [int(color.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    mixed = [round(255 - (255 - c) * amount) for c in rgb]
    return "#" + "".join(f"{c:02X}" for c in mixed)


def twips(mm: float) -> int:
    """Millimetres → twentieths of a point."""
    return round(mm * TWIPS_PER_MM)


def child(parent, tag: str, **attrs):
    """The first `tag` child of `parent`, created (appended) if absent; attrs are w: names."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    for name, value in attrs.items():
        found.set(qn(f"w:{name}"), str(value))
    return found


def element(tag: str, **attrs):
    """A new element with w: attributes."""
    el = OxmlElement(tag)
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), str(value))
    return el


def shade(props, color: str) -> None:
    """Solid fill on a pPr, rPr or tcPr (`color` '#RRGGBB')."""
    old = props.find(qn("w:shd"))
    if old is not None:
        props.remove(old)
    shd = element("w:shd", val="clear", color="auto", fill=hexcolor(color))
    _insert_in_order(props, shd)


def cell_shading(cell, color: str) -> None:
    """Fill a table cell."""
    shade(cell._tc.get_or_add_tcPr(), color)


def borders(props, tag: str, sides: dict) -> None:
    """Set borders: `tag` is w:pBdr, w:tblBorders or w:tcBorders; sides maps side → spec.

    A spec is (size in eighths of a point, '#RRGGBB', space in points) or None for no border.
    """
    box = props.find(qn(tag))
    if box is None:
        box = OxmlElement(tag)
        _insert_in_order(props, box)
    for side in _BORDER_SIDES:
        if side not in sides:
            continue
        old = box.find(qn(f"w:{side}"))
        if old is not None:
            box.remove(old)
        spec = sides[side]
        el = (element(f"w:{side}", val="nil") if spec is None else
              element(f"w:{side}", val="single", sz=spec[0], space=spec[2] if len(spec) > 2 else 0,
                      color=hexcolor(spec[1])))
        box.append(el)
    _sort_children(box, _BORDER_SIDES)


def cell_margins(props, tag: str = "w:tblCellMar", **mm) -> None:
    """Cell padding in mm on a tblPr (w:tblCellMar) or tcPr (w:tcMar): top=, left=, …"""
    box = props.find(qn(tag))
    if box is None:
        box = OxmlElement(tag)
        _insert_in_order(props, box)
    for side in ("top", "left", "bottom", "right"):
        if side in mm:
            old = box.find(qn(f"w:{side}"))
            if old is not None:
                box.remove(old)
            box.append(element(f"w:{side}", w=twips(mm[side]), type="dxa"))
    _sort_children(box, ("top", "left", "bottom", "right"))


def set_fonts(rpr, family: str) -> None:
    """Use `family` for every script and drop theme-font attributes that would override it."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme") or attr.endswith("theme"):
            del fonts.attrib[attr]
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), family)


def table_width(table, widths_mm: list[float], indent: int = 0) -> None:
    """Fixed layout: the table as wide as the columns, each column and cell as given.

    `indent` (twips) moves the table right, to compensate for the cell padding.
    """
    tbl = table._tbl
    tblPr = tbl.tblPr
    total = sum(twips(w) for w in widths_mm)
    child(tblPr, "w:tblW", w=total, type="dxa")
    child(tblPr, "w:tblInd", w=indent, type="dxa")
    _sort_table_props(tblPr)
    child(tblPr, "w:tblLayout", type="fixed")
    _sort_table_props(tblPr)
    for col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths_mm):
        col.set(qn("w:w"), str(twips(width)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm):
            tcPr = cell._tc.get_or_add_tcPr()
            tcW = child(tcPr, "w:tcW", w=twips(width), type="dxa")
            tcPr.remove(tcW)
            tcPr.insert(0, tcW)


def column_gutters(table, size: int = 48) -> None:
    """White vertical gaps (`size` eighths of a point) between the columns of a table."""
    borders(table._tbl.tblPr, "w:tblBorders", {"insideV": (size, "#FFFFFF", 0)})


def row_cant_split(row) -> None:
    """Keep a table row on one page."""
    tr_pr = row._tr.get_or_add_trPr()
    child(tr_pr, "w:cantSplit")
    sort_props(tr_pr)


# --- element order: Word rejects children out of schema order ------------------------------

_ORDER = {
    "pPr": ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
            "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
            "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
            "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
            "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
            "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"],
    "rPr": ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
            "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
            "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight",
            "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
            "eastAsianLayout", "specVanish", "oMath"],
    "tcPr": ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap",
             "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark"],
    "tblPr": ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
              "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
              "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription"],
    "trPr": ["cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
             "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden"],
}


def _local(el) -> str:
    return el.tag.rsplit("}", 1)[-1]


def _insert_in_order(props, new) -> None:
    props.append(new)
    order = _ORDER.get(_local(props))
    if order:
        _sort_children(props, order)


def _sort_children(parent, order) -> None:
    rank = {name: i for i, name in enumerate(order)}
    kids = sorted(parent, key=lambda el: rank.get(_local(el), len(rank)))
    for el in kids:
        parent.append(el)


def _sort_table_props(tblPr) -> None:
    _sort_children(tblPr, _ORDER["tblPr"])


def sort_props(props) -> None:
    """Put the children of a pPr, rPr, tcPr, tblPr or trPr back into schema order."""
    order = _ORDER.get(_local(props))
    if order:
        _sort_children(props, order)
