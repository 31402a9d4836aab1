"""The build context every block function receives, and the caption/source lines they share."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import Paragraph

from plandoc.charts import ChartRenderer
from plandoc.model import Inline
from plandoc.writers.pdf.flowables import role
from plandoc.writers.pdf.markup import esc, inline
from plandoc.writers.pdf.styles import Look

SPLIT_MIN = 1    # reportlab splitInRow: split inside a row (paragraphs keep their own widow rules)


@dataclass
class Ctx:
    """Look, words, frame size and the chart records of one build."""

    look: Look
    words: dict
    charts: ChartRenderer
    width: float                  # frame width in points
    height: float                 # frame height in points
    records: list = field(default_factory=list)   # ChartRecord per chart, in order
    keys: set = field(default_factory=set)        # heading keys (bookmark names) in use

    def key(self, anchor: str) -> str:
        """A bookmark name for a heading: its anchor, made unique."""
        key = anchor or f"heading-{len(self.keys) + 1}"
        while key in self.keys:
            key += "-"
        self.keys.add(key)
        return key

    def md(self, text: Inline) -> str:
        """Inline spans as markup, links in the primary colour."""
        return inline(text, self.look.hex["primary"])


def caption(ctx: Ctx, kind: str, number: int, text: str, above: bool = False) -> Paragraph:
    """'Figur 1: title' / 'Tabell 2: caption' (label bold); `text` is markup."""
    label = esc(f"{ctx.words[kind]} {number}") if number else ""
    lead = f"<b>{label}:</b> " if label and text else (f"<b>{label}</b>" if label else "")
    style = ctx.look["caption"]
    if above:
        style = style.clone("caption_above", spaceBefore=4, spaceAfter=5, keepWithNext=1)
    return role(Paragraph(lead + text, style), "Caption")


def source(ctx: Ctx, name: str | None) -> list:
    """'Kilde: SSB' as a small line, or nothing."""
    if not name:
        return []
    text = f"{esc(ctx.words['source'])}: {esc(name)}"
    return [role(Paragraph(text, ctx.look["source"]), "P", source=True)]
