"""The table of contents: its title, reportlab's TableOfContents with one style per listed level,
and the rows it starts with.

Headings report their entries as they are drawn (template.PlanDocTemplate.afterFlowable); the
contents lists exactly the layout's entries, at the layout's levels, with their true pages —
each entry's leader dots and page number a form defined after the pass (later.py).
"""

from __future__ import annotations

from ast import literal_eval

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import PageBreak
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

from plandoc.layout.boxes import Contents
from plandoc.writers.pdf.context import Ctx
from plandoc.writers.pdf.flowables import HeadingParagraph, role
from plandoc.writers.pdf.grid import padding, style
from plandoc.writers.pdf.markup import esc
from plandoc.writers.pdf.tags import CellTagger, aside

ENTRY_END = "drawTOCEntryEnd"      # reportlab's callback: an entry's leader dots and page


def contents(ctx: Ctx, c: Contents) -> None:
    """The contents page: title, the entries with dotted leaders and pages, then a new page."""
    toc = Contents_(levelStyles=[ctx.look[f"toc{n}"] for n in range(1, c.levels + 1)],
                          tableStyle=style(ctx.look.fonts.body, *padding(0, 0, 0, 0)),
                          dotsMinLevel=0)
    seed(toc, c)
    ctx.add(ctx.cell(esc(c.title), "toc_title", "H1", toc=True), role(toc, "TOC"),
            role(PageBreak(), "Artifact"))


class Contents_(TableOfContents):
    """reportlab's contents, whose table may split inside an entry when it has to: an entry
    taller than the page (a heading of thousands of words) stopped the build (LayoutError).
    Only a contents that did not fit on a fresh page (reportlab marks it `_postponed`) does.
    Its table (made anew in each wrap) is tagged as TOC > TOCI, one entry a row."""

    def wrap(self, availWidth, availHeight):
        size = super().wrap(availWidth, availHeight)
        if getattr(self, "_postponed", False):
            self._table.splitInRow = 1
        self._table._renderCB = CellTagger()   # each row an entry of the tagged TOC, its
        role(self._table, "TOC")                # leader dots and page number an artifact
        self.canv.setNamedCB(ENTRY_END, aside(self._entry_end(availWidth, availHeight)))
        return size

    def isSatisfied(self):
        """Whether the rows drawn are the rows the headings reported; their pages do not
        matter, as they are filled in after the pass."""
        return _rows(self._entries) == _rows(self._lastEntries)

    def _entry_end(self, width: float, height: float):
        """reportlab's callback after an entry's text (its leader dots and page number), drawn
        as a form filled in when the heading's page is known (later.py), with the number's
        link whose width is known then too."""
        def draw(canv, kind, label):
            _, level, key = label.split(",")
            level, key = int(level), literal_eval(key)
            style, info = self.getLevelStyle(level), canv._curr_tx_info
            x, y = info["cur_x"], info["cur_y"]
            dot = " . " if 0 <= self.dotsMinLevel <= level else ""
            link = _link(canv, key, (x, y, width, y + style.leading))

            def fill(form, later) -> None:
                page = later.pages[key]
                form._curr_tx_info = {"cur_x": x, "cur_y": y}
                drawPageNumbers(form, style, [(page, None)], width, height, dot)
                if link is not None:
                    number = _number_width(page, style, width - x)
                    link.Rect = form._absRect((width - number, y, width, y + style.leading), 1)
            canv.later.draw(canv, fill)
        return draw


def _rows(entries: list) -> list:
    """The contents' rows without their pages."""
    return [(level, text, key) for level, text, _, key in entries]


def _number_width(page: int, style, room: float) -> float:
    """The width of a page number in the contents: reportlab shrinks it to fit its room."""
    size, width = style.fontSize, stringWidth(str(page), style.fontName, style.fontSize)
    while width > room and size >= 1.0:
        size *= 0.9
        width = stringWidth(str(page), style.fontName, size)
    return width


def _link(canv, key, rect: tuple):
    """A link to `key` over `rect` on this page, whose rectangle may be set again later (the
    link annotation), or None without a key."""
    if not key:
        return None
    canv.linkRect("", key, rect, relative=1)
    return canv._doc.idToObject[canv._annotationrefs[-1].name]


def entry(level: int, text: str, page: int, key: str) -> tuple:
    """A row of the contents as reportlab's TableOfContents takes it."""
    return (level - 1, esc(text), page, key)


def heading_entry(h: HeadingParagraph, page: int) -> tuple | None:
    """The contents row of a drawn heading, or None when the contents does not list it."""
    return entry(h.level, h.toc, page, h.key) if h.toc is not None else None


def seed(toc: TableOfContents, c: Contents) -> None:
    """Give the contents its real rows before the first pass.

    Laid out empty, the contents grows on the second pass and moves every page after it, so
    long documents needed a third pass (×20 plan: 3 passes, 5 s each); seeded with the layout's
    entries (page numbers still unknown) its size is right from the start, and as the numbers
    are filled in after the pass (later.py), one pass suffices.  reportlab copies `_entries`
    to the rows it draws at the start of each pass.
    """
    toc._entries = [entry(e.level, e.text, 0, e.target) for e in c.entries]
