"""Table, row and cell properties python-docx has no API for.

Fixed column widths, shading, borders, cell padding, rows that never split and header rows that
repeat.  Colours are '#RRGGBB', lengths millimetres, line widths points.
"""

from __future__ import annotations

from docx.oxml.table import CT_Tbl
from docx.shared import Mm
from docx.table import Table, _Cell

from plandoc.writers.docx.ooxml.base import (BORDER_SIDES, OxmlElement, append_content, child,
                                             eighths, element, hexval, put, qn, twips)


def new_table(container, rows: int, cols: int, width_mm: float) -> Table:
    """`container.add_table(rows, cols)` (the document or a cell) `width_mm` wide, without the
    document's look-up of its last section's width — an XPath over the whole body per table."""
    parent = getattr(container, "_body", container)
    tbl = CT_Tbl.new_tbl(rows, cols, Mm(width_mm))
    append_content(parent._element, tbl)
    return Table(tbl, parent)


def _tcpr(cell):
    """The cell's tcPr (its first child), made when missing — python-docx's get_or_add_tcPr
    without its search through every tag that may follow."""
    return _tcpr_of(cell._tc)


def _tcpr_of(tc):
    found = tc.find(qn("w:tcPr"))
    if found is None:
        found = OxmlElement("w:tcPr")
        tc.insert(0, found)
    return found


def _trpr(row):
    """The row's trPr (first, or after a tblPrEx), made when missing."""
    tr = row._tr
    found = tr.find(qn("w:trPr"))
    if found is None:
        found = OxmlElement("w:trPr")
        tr.insert(int(len(tr) > 0 and tr[0].tag == qn("w:tblPrEx")), found)
    return found


def fixed_widths(table, widths_mm, indent_twips: int = 0) -> None:
    """Fixed layout: each column (and each of its cells) as wide as given; the table indented.
    Called before any of its cells are merged (each row has one cell per column)."""
    tbl = table._tbl
    put(tbl.tblPr, element("w:tblW", w=sum(twips(w) for w in widths_mm), type="dxa"))
    put(tbl.tblPr, element("w:tblInd", w=indent_twips, type="dxa"))
    put(tbl.tblPr, element("w:tblLayout", type="fixed"))
    for col, width in zip(tbl.tblGrid.gridCol_lst, widths_mm):
        col.w = twips(width) * 635          # python-docx keeps gridCol widths in EMU
    for tr in tbl.tr_lst:               # a new table: one cell per column, none merged
        for tc, width in zip(tr.tc_lst, widths_mm):
            put(_tcpr_of(tc), element("w:tcW", w=twips(width), type="dxa"))


def merge_row(row) -> _Cell:
    """The row's cells merged into one: `row.cells[0].merge(row.cells[-1])`, built directly
    for a row of plain cells whose others are empty (python-docx's merge walks the table's
    grid for each cell it swallows); any other row goes through python-docx."""
    tcs = row._tr.tc_lst
    first, rest = tcs[0], tcs[1:]
    if not all(_plain(tc) for tc in tcs) or not all(_empty(tc) for tc in rest):
        return row.cells[0].merge(row.cells[-1]) if rest else row.cells[0]
    width = _dxa(first)
    for tc in rest:
        other = _dxa(tc)
        width = width + other if width and other else width
        tc.getparent().remove(tc)
    if rest:
        if width != _dxa(first):
            first.tcPr.find(qn("w:tcW")).set(qn("w:w"), str(width))
        put(_tcpr_of(first), element("w:gridSpan", val=len(tcs)))
    return _Cell(first, row._parent)


def _plain(tc) -> bool:
    """A cell spanning one column and no rows."""
    tcpr = tc.tcPr
    return tcpr is None or (tcpr.find(qn("w:gridSpan")) is None
                            and tcpr.find(qn("w:vMerge")) is None)


def _empty(tc) -> bool:
    """A cell holding one paragraph without runs (python-docx's CT_Tc._is_empty)."""
    items = list(tc.iter_block_items())
    return len(items) == 1 and items[0].tag == qn("w:p") and not items[0].r_lst


def _dxa(tc) -> int | None:
    """The cell's width in twips when it states one in dxa (else None)."""
    tcw = tc.tcPr.find(qn("w:tcW")) if tc.tcPr is not None else None
    if tcw is None or tcw.get(qn("w:type")) != "dxa" or tcw.get(qn("w:w")) is None:
        return None
    return int(tcw.get(qn("w:w")))


def shade(cell, colour: str) -> None:
    """Fill a cell with `colour`."""
    put(_tcpr(cell), element("w:shd", val="clear", color="auto",
                                            fill=hexval(colour)))


def _line(side: str, spec):
    if spec is None:
        return element(f"w:{side}", val="nil")
    width_pt, colour = spec
    return element(f"w:{side}", val="single", sz=eighths(width_pt), space=0,
                   color=hexval(colour))


def _borders(box, sides: dict) -> None:
    for side in BORDER_SIDES:
        if side in sides:
            put(box, _line(side, sides[side]))


def cell_borders(cell, **sides) -> None:
    """Borders of a cell: side=(width in points, '#RRGGBB'), or side=None for none."""
    _borders(child(_tcpr(cell), "w:tcBorders"), sides)


def table_borders(table, **sides) -> None:
    """Borders of a whole table (top, bottom, insideH, insideV …), as for cell_borders."""
    _borders(child(table._tbl.tblPr, "w:tblBorders"), sides)


def padding(cell, **mm) -> None:
    """Cell padding in millimetres: top=, left=, bottom=, right=."""
    box = child(_tcpr(cell), "w:tcMar")
    for side in ("top", "left", "bottom", "right"):
        if side in mm:
            put(box, element(f"w:{side}", w=twips(mm[side]), type="dxa"))


def keep_row(row) -> None:
    """The row never splits across pages."""
    put(_trpr(row), element("w:cantSplit"))


def repeat_row(row) -> None:
    """The row repeats at the top of every page the table runs onto."""
    put(_trpr(row), element("w:tblHeader"))


def table_look(table, first_row: bool) -> None:
    """Which parts of the table style apply: the header row (or not) and row banding.

    Without a header row (firstRow="0" and no w:tblHeader) Word's accessibility checker takes
    the table for a layout table, as the cover, letterhead and panels are."""
    flags = dict(firstRow=int(first_row), lastRow=0, firstColumn=0, lastColumn=0, noHBand=0,
                 noVBand=1)
    val = (0x20 if first_row else 0) | 0x400
    put(table._tbl.tblPr, element("w:tblLook", val=f"{val:04X}", **flags))


def describe(table, caption: str, description: str) -> None:
    """w:tblCaption and w:tblDescription (Word 2010+: the table's alternative text)."""
    put(table._tbl.tblPr, element("w:tblCaption", val=caption))
    put(table._tbl.tblPr, element("w:tblDescription", val=description))


def as_cover_page(table) -> None:
    """Wrap the table in the content control Word puts a cover page in (gallery 'Cover Pages'),
    so Word knows it as the document's cover; readers of the body's tables skip it."""
    tbl = table._tbl
    sdt, pr, content = element("w:sdt"), element("w:sdtPr"), element("w:sdtContent")
    part = element("w:docPartObj")
    part.append(element("w:docPartGallery", val="Cover Pages"))
    part.append(element("w:docPartUnique"))
    pr.append(element("w:id", val=1))
    pr.append(part)
    tbl.addprevious(sdt)
    sdt.append(pr)
    sdt.append(content)
    content.append(tbl)
