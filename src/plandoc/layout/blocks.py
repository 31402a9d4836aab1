"""Model blocks → boxes: one layout function per block kind, registered in LAYOUTS.

Each function gets the block and the layout's running State (caption numbers, link targets,
whether the next box starts a page) and returns one box.  This is where captions are numbered,
labels composed, rows formed and page breaks decided — once, for every writer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from plandoc import model as m
from plandoc.layout import boxes as b
from plandoc.layout.lists import label, style_at
from plandoc.layout.palette import fill
from plandoc.layout.refs import numbered_as
from plandoc.model import Span, plain
from plandoc.style.theme import Theme

ROOM = {1: 0.30, 2: 0.18, 3: 0.12}   # share of the page a heading needs below it
CHART_HEIGHT = 0.5                    # a chart is the text width wide and half as high
IMAGE_MAX_HEIGHT = 0.75               # of the text block
MIN_COLUMN_MM = 25                    # a table column is at least this wide (when columns fit):
                                      # a word like 'Kommunen' or '2026' stays whole
TIME_MM = 22                          # the time column of a program
CARDS_PER_ROW = 4                     # value words side by side


@dataclass
class State:
    """What the layout of one document keeps track of while it walks the blocks."""

    theme: Theme
    words: dict
    lists: tuple
    targets: dict = field(default_factory=dict)     # model anchor → target
    figures: int = 0
    tables: int = 0
    headings: int = 0
    refs: int = 0
    notes: int = 0                                   # footnotes numbered so far
    page_start: bool = True                          # nothing on the current page yet

    def target(self, anchor: str, ident: str = "") -> str:
        """A fresh bookmark name for a heading (safe in Word, PDF and HTML); links to its
        anchor '#h3' and to its author's id go there."""
        self.headings += 1
        name = f"_Toc{self.headings:05d}"
        for key in (anchor, ident):
            if key:
                self.targets.setdefault(key, name)
        return name

    def ref_target(self, ident: str) -> str:
        """A fresh bookmark name for a goal, figure or table with an id ('' without one)."""
        if not ident:
            return ""
        self.refs += 1
        name = f"_Ref{self.refs:05d}"
        self.targets.setdefault(ident, name)
        return name

    def caption(self, kind: str, text, above: bool = False, ident: str = "") -> b.Caption:
        """A numbered caption: 'Figur 3' / 'Tabell 2' and the text (numbered_as says which
        blocks have one; cross-references count the same way)."""
        if kind == "table":
            self.tables += 1
            number = self.tables
        else:
            self.figures += 1
            number = self.figures
        return b.Caption(f"{self.words[kind]} {number}", tuple(text), above,
                         self.ref_target(ident))

    def numbered_notes(self, text) -> tuple:
        """`text` with each footnote reference numbered 1, 2, 3 … through the document (each
        reference is a note of its own, even when two refer to the same definition)."""
        if not any(span.note is not None for span in text):
            return text
        out = []
        for span in text:
            if span.note is not None:
                self.notes += 1
                span = Span(str(self.notes), note=span.note)
            out.append(span)
        return tuple(out)

    def source(self, name: str | None) -> str | None:
        """'Kilde: SSB'."""
        return f"{self.words['source']}: {name}" if name else None


def rows_of(items: tuple, most: int) -> tuple[tuple, ...]:
    """Items in as few rows as `most` per row allows, the rows as even as can be (5 → 3 + 2)."""
    if not items:
        return ()
    per_row = math.ceil(len(items) / math.ceil(len(items) / most))
    return tuple(tuple(items[i:i + per_row]) for i in range(0, len(items), per_row))


def heading(block: m.Heading, s: State) -> b.HeadingBox:
    settings = s.theme.layout
    wanted = block.level == 1 and (settings.focus_area_new_page if block.kind == "focus_area"
                                   else settings.chapter_new_page and block.in_toc)
    title = plain(block.text)
    numbered = f"{block.number} {title}" if block.number else title
    listed = block.in_toc and block.level <= settings.toc_levels
    flow = b.Flow(new_page=wanted and not s.page_start, room=ROOM.get(block.level, 0.12))
    return b.HeadingBox(block.level, block.number, block.text, s.target(block.anchor, block.id),
                        numbered if listed else None, numbered, flow)


def paragraph(block: m.Paragraph, s: State) -> b.TextBox:
    return b.TextBox(s.numbered_notes(block.text), "quote" if block.quote else "body")


def list_block(block: m.ListBlock, s: State, depth: int = 0) -> b.ListBox:
    style = style_at(s.lists[1] if block.ordered else s.lists[0], depth)
    entries = []
    for i, item in enumerate(block.items):
        text = s.numbered_notes(item.text)      # before the children: numbers in reading order
        entries.append(b.ListEntry(label(style, block.start + i), text,
                                   tuple(list_block(c, s, depth + 1) for c in item.children)))
    entries = tuple(entries)
    return b.ListBox(entries, block.ordered, block.start, depth, style)


def key_figures(block: m.KeyFigures, s: State) -> b.KeyFiguresBox:
    rows = rows_of(block.items, s.theme.layout.key_figures_per_row)
    caption = b.Caption("", block.caption) if block.caption else None
    return b.KeyFiguresBox(rows, max((len(r) for r in rows), default=1), caption,
                           s.source(block.source))


def chart(block: m.Chart, s: State) -> b.ChartBox:
    width = s.theme.page.text_width_mm
    return b.ChartBox(block, block.alt, s.caption("figure", (Span(block.title),), ident=block.id),
                      s.source(block.source), width, round(width * CHART_HEIGHT, 2))


def image(block: m.Image, s: State) -> b.ImageBox:
    page = s.theme.page
    width = min(block.width_cm * 10, page.text_width_mm) if block.width_cm else \
        page.text_width_mm
    caption = s.caption("figure", block.caption, ident=block.id) if numbered_as(block) else None
    return b.ImageBox(block.path, block.alt, width, page.text_height_mm * IMAGE_MAX_HEIGHT,
                      caption)


def table(block: m.Table, s: State) -> b.TableBox:
    columns = max([len(block.header)] + [len(r) for r in block.rows]) or 1
    usable = len(block.widths) == columns and all(
        math.isfinite(w) and w >= 0 for w in block.widths) and max(block.widths) > 0
    weights = tuple(w / max(block.widths) for w in block.widths) if usable else (1.0,) * columns
    pad = lambda row: tuple(row) + ((),) * (columns - len(row))   # noqa: E731
    caption = s.caption("table", block.caption, above=True, ident=block.id) \
        if numbered_as(block) else None
    return b.TableBox(pad(block.header) if block.header else (),
                      tuple(pad(r) for r in block.rows),
                      column_shares(weights, MIN_COLUMN_MM / s.theme.page.text_width_mm),
                      caption)


def column_shares(weights, least: float) -> tuple[float, ...]:
    """`weights` as shares of the text width summing to 1, none below `least` (or an even
    share, when there are too many columns for that): `widths: [95, 3, 2]` would leave
    columns too narrow for the cell padding, let alone a letter."""
    least = min(least, 1 / len(weights))
    shares = [w / sum(weights) for w in weights]
    while True:
        small = [n for n, x in enumerate(shares) if x < least - 1e-12]
        if not small:
            return tuple(shares)
        free = sum(x for n, x in enumerate(shares) if n not in small and x > least)
        room = 1 - least * len(small) - sum(x for n, x in enumerate(shares)
                                            if n not in small and x <= least)
        shares = [least if n in small or x <= least else x * room / free
                  for n, x in enumerate(shares)]


def swot(block: m.Swot, s: State) -> b.SwotBox:
    found = {q.kind: q for q in block.quadrants}
    quads = [b.Quadrant(kind, s.words[kind], s.theme.colours.swot.of(kind),
                        fill(s.theme.colours.swot.of(kind)),
                        found[kind].groups if kind in found else ())
             for kind in m.SWOT_QUADRANTS]
    caption = b.Caption("", block.caption, above=True) if block.caption else None
    return b.SwotBox(((quads[0], quads[1]), (quads[2], quads[3])), caption, s.theme.bullet)


def goal(block: m.Goal, s: State) -> b.GoalBox:
    strategies = tuple(b.Strategy(f"{st.letter})", st.text) for st in block.strategies)
    return b.GoalBox(block.number, f"{s.words['goal']}:", block.text,
                     s.words["strategy"] if strategies else None, strategies,
                     s.ref_target(block.id))


def callout(block: m.Callout, s: State) -> b.CalloutBox:
    c = s.theme.colours
    if block.kind == "slogan":
        variant, rows, bar, panel = "slogan", (block.items,) if block.items else (), \
            c.primary, c.white
    elif block.kind == "values":
        variant, rows, bar, panel = "values", rows_of(block.items, CARDS_PER_ROW), \
            c.light, c.light
    elif block.kind == "vision":
        variant, rows, bar, panel = "box", (), c.primary, c.light
    else:
        variant, rows, bar, panel = "box", (), c.accent, fill(c.accent)
    return b.CalloutBox(variant, block.kind, block.title, block.paragraphs, block.items, rows,
                        max((len(r) for r in rows), default=1), bar, panel, s.theme.bullet)


def page_break(block: m.PageBreak, s: State) -> b.PageBreakBox | None:
    return None if s.page_start else b.PageBreakBox()


def program(block: m.Program, s: State) -> b.ProgramBox:
    rows: list = []
    for entry in block.entries:
        if isinstance(entry, m.ProgramPart):
            rows.append(b.ProgramPartRow(entry.title))
            rows += [_program_row(item, s) for item in entry.items]
        else:
            rows.append(_program_row(entry, s))
    return b.ProgramBox(block.title, tuple(rows), TIME_MM)


def _program_row(item: m.ProgramItem, s: State) -> b.ProgramRow:
    title = tuple(Span(x.text, True, x.italic, x.href) for x in item.title) if item.time \
        else item.title
    speaker = tuple(Span(x.text, x.bold, True, x.href) for x in
                    ((Span(f"{s.words['by']} "),) + item.speaker)) if item.speaker else ()
    return b.ProgramRow(item.time or "", title, speaker, item.items, "–")


def part_title(block: m.PartTitle, s: State) -> b.PartBox:
    text = f"{block.label} {plain(block.text)}" if block.label else plain(block.text)
    return b.PartBox(block.label, block.text, block.intro, s.target(block.anchor),
                     text, text)


LAYOUTS = {
    m.Heading: heading, m.Paragraph: paragraph, m.ListBlock: list_block,
    m.KeyFigures: key_figures, m.Chart: chart, m.Image: image, m.Table: table, m.Swot: swot,
    m.Goal: goal, m.Callout: callout, m.PageBreak: page_break, m.Program: program,
    m.PartTitle: part_title,
}


def lay_out_blocks(blocks, s: State) -> tuple[b.Box, ...]:
    """Every block's box, in order; page breaks that would leave an empty page are dropped."""
    out = []
    for block in blocks:
        box = LAYOUTS[type(block)](block, s)
        if box is None:
            continue
        out.append(box)
        s.page_start = isinstance(box, (b.PageBreakBox, b.PartBox))
    return tuple(out)
