"""Tables as the panels use them: a TrueType font named in every table style, cells top-aligned.

A table sets its cells' font when it draws, so a style without FONTNAME would bring Helvetica
into the file; every table of the writer is made here.
"""

from __future__ import annotations

from reportlab.platypus import Table, TableStyle

from plandoc.writers.pdf.tags import CellTagger

SPLIT_MIN = 42   # reportlab splitInRow: a row may split, but only into parts at least this
                 # many points high (about three lines), so a panel never leaves a line or two
                 # at the foot of a page; shorter parts move to the next page whole


def whole_rows(table: Table, width: float, height: float) -> Table:
    """Rows move to the next page whole, as Word's rows do (cantSplit), unless one is taller
    than a page: only then may rows split (into parts of at least SPLIT_MIN)."""
    table.wrap(width, height * 1000)
    table.splitInRow = SPLIT_MIN if max(table._rowHeights, default=0) > height else 0
    return table


def grid(rows: list, widths: list, font: str, *cmds, **kw) -> Table:
    """A left-aligned table of `rows` with column `widths` and the style commands `cmds`; its
    cells are tagged as they are drawn (tags.CellTagger)."""
    table = Table(rows, colWidths=widths, hAlign="LEFT", renderCB=CellTagger(), **kw)
    table.setStyle(style(font, *cmds))
    return table


def style(font: str, *cmds) -> TableStyle:
    """A table style that always names the TrueType `font`."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), font),
                       ("VALIGN", (0, 0), (-1, -1), "TOP"), *cmds])


def padding(left: float, right: float, top: float, bottom: float, cells=((0, 0), (-1, -1))):
    """Cell padding commands in points."""
    return [(f"{side}PADDING", *cells, value) for side, value in
            (("LEFT", left), ("RIGHT", right), ("TOP", top), ("BOTTOM", bottom))]


def cards(rows: list[list], columns: int, width: float, font: str, *cmds) -> Table:
    """Cells in rows of `columns` equal columns across `width`; a short last row is padded with
    empty cells (which `filled` and `between` leave alone)."""
    padded = [list(row) + [""] * (columns - len(row)) for row in rows]
    return grid(padded, [width / columns] * columns, font, *cmds)


def filled(rows: list[list], colour) -> list:
    """Background commands for the cells that hold something."""
    return [("BACKGROUND", (0, r), (len(row) - 1, r), colour) for r, row in enumerate(rows)]


def between(rows: list[list], weight: float, colour) -> list:
    """Vertical rules between the cells that hold something."""
    return [("LINEAFTER", (0, r), (len(row) - 2, r), weight, colour)
            for r, row in enumerate(rows) if len(row) > 1]
