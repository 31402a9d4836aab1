"""The context every handler receives: the layout, the look, the frame, and the story it adds to.

Handlers are called `handler(ctx, box)` and add their flowables with `ctx.add(...)`.  Paragraphs
of the text flow are LinedParagraphs (their lines are numbered when the layout asks, as Word
numbers the lines of paragraphs); paragraphs inside a table's cells are plain, as Word does not
number lines in tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from plandoc.charts import ChartRenderer
from plandoc.layout import Layout
from plandoc.model import Inline
from plandoc.writers.pdf.flowables import CellParagraph, LinedParagraph, LongParagraph, role
from plandoc.writers.pdf.markup import inline, label
from plandoc.writers.pdf.styles import Look

# Characters of markup from which a paragraph is a LongParagraph: in the text flow reportlab's
# own paragraph is faster up to ~150 000 (100 000: 1.5 s against 2.4 s; 360 000: 25 s against
# 6 s); in a table cell split across pages it is quadratic far sooner (80 000: over a minute).
LONG_FLOW = 150_000
LONG_CELL = 12_000


@dataclass
class Ctx:
    """One build: layout, look, chart renderer, frame size, the story and the chart records."""

    layout: Layout
    look: Look
    charts: ChartRenderer
    width: float                  # frame width in points
    height: float                 # frame height in points
    story: list = field(default_factory=list)
    records: list = field(default_factory=list)   # ChartRecord per chart, in order

    def add(self, *flowables) -> None:
        """Append flowables to the story."""
        self.story.extend(flowables)

    def md(self, text: Inline) -> str:
        """Inline spans as markup; '#' links go to the layout's destinations."""
        return inline(text, self.look.link, self.layout.targets)

    def style(self, name: str | ParagraphStyle) -> ParagraphStyle:
        """A paragraph style by text-style name (or the style itself)."""
        return name if isinstance(name, ParagraphStyle) else self.look[name]

    def label(self, text: str, style: ParagraphStyle) -> str:
        """Label markup in the style's face, or the symbol font when the face lacks a mark."""
        font = self.look.fonts.label_font(style.bulletFontName, text)
        return label(text, None if font == style.bulletFontName else font)

    def para(self, markup: str, style, name: str = "P", notes: Inline = (),
             **info) -> LinedParagraph:
        """A paragraph of the text flow with its structure role; `notes`: its text, when the
        footnotes it refers to go to the foot of the page (pairs of number and markup)."""
        cls = LongParagraph if len(markup) > LONG_FLOW else LinedParagraph
        p = role(cls(markup, self.style(style)), name, **info)
        found = tuple((s.text, self.md(s.note)) for s in notes if s.note is not None)
        if found:
            p.notes = found
        return p

    def cell(self, markup: str, style, name: str = "P", **info) -> Paragraph:
        """A paragraph inside a table cell with its structure role."""
        cls = LongParagraph if len(markup) > LONG_CELL else CellParagraph
        return role(cls(markup, self.style(style)), name, **info)
