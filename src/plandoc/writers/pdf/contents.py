"""The table of contents: its title, reportlab's TableOfContents with one style per listed level,
and the rows it starts with.

Headings report their entries as they are drawn (template.PlanDocTemplate.afterFlowable); the
contents lists exactly the layout's entries, at the layout's levels, with their true pages.
"""

from __future__ import annotations

from reportlab.platypus import PageBreak
from reportlab.platypus.tableofcontents import TableOfContents

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
        self.canv.setNamedCB(ENTRY_END, aside(self.canv.getNamedCB(ENTRY_END)))
        return size


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
    entries (page numbers still unknown) its size is right from the start and two passes
    suffice.  reportlab copies `_entries` to the rows it draws at the start of each pass.
    """
    toc._entries = [entry(e.level, e.text, 0, e.target) for e in c.entries]
