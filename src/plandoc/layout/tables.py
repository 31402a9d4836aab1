"""Tables laid out once for both writers: column widths, alignment, words that fit.

A column gets room for its widest number, amount, date or case number (they never break) and
its short words (never hyphenated); the author's `widths:` share out the rest.  A column of
figures is right-aligned unless `align:` says otherwise — aligned on the decimal comma when
some of its figures have decimals ('12,5', '3,25', '100'): each cell is right-aligned with room
after it for the fraction it lacks, so the commas line up in both formats.  A word too wide for
its column gets soft hyphens at the language's points, so Word, LibreOffice and reportlab break
it alike.  A table the author puts on a landscape page, or whose columns cannot fit the
portrait text width at MIN_COLUMN_MM, is laid out across the landscape page's width.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from plandoc import model as m
from plandoc.layout import boxes as b
from plandoc.layout.palette import fill
from plandoc.layout.refs import numbered_as
from plandoc.layout.text import (fraction, is_number, is_placeholder, keep_spans,
                                 soft_hyphens)
from plandoc.model import Span, plain
from plandoc.style.assets import text_width

if TYPE_CHECKING:
    from plandoc.layout.blocks import State

SHORT_WORD = 10                       # a word this short is never hyphenated in a cell: its
                                      # column gets room for it (longer words hyphenate)
MIN_COLUMN_MM = 18                    # a table column is at least this wide (when columns fit)
MIN_WORDS_MM = 12                     # … but down to this to make room for whole numbers
CELL_PAD_PT = 12                      # a table cell's padding, left and right together
PT_MM = 25.4 / 72


def table(block: m.Table, s: State) -> b.TableBox:
    cells = [r for r in block.rows if not isinstance(r, m.TableGroup)]
    columns = max([len(block.header)] + [len(r) for r in cells]) or 1
    usable = len(block.widths) == columns and all(
        math.isfinite(w) and w >= 0 for w in block.widths) and max(block.widths) > 0
    weights = tuple(w / max(block.widths) for w in block.widths) if usable else (1.0,) * columns
    pad = lambda row: tuple(keep_spans(c) for c in row) + ((),) * (columns - len(row))  # noqa
    group = fill(s.theme.colours.primary)
    rows = tuple(b.GroupRow(r.text, group) if isinstance(r, m.TableGroup) else pad(r)
                 for r in block.rows)
    header = pad(block.header) if block.header else ()
    caption = s.caption("table", block.caption, above=True, ident=block.id) \
        if numbered_as(block) else None
    align = column_alignment(block.align, cells, columns)
    least = _least(s, header, rows, align, s.theme.page.text_width_mm)
    landscape = block.landscape or sum(max(x, MIN_COLUMN_MM / s.theme.page.text_width_mm)
                                       for x in least) > 1
    page = s.theme.page
    width_mm = page.landscape_width_mm if landscape else page.text_width_mm
    if landscape:
        least = _least(s, header, rows, align, width_mm)
    shares = column_shares(weights, least)
    fit = _Fit(s, shares, width_mm)
    body = tuple(r if isinstance(r, b.GroupRow) else fit.row(r) for r in rows)
    return b.TableBox(fit.row(header, bold=True), body, shares, caption, align,
                      landscape, _trailing(s, body, align, fit.room))


def _trailing(s: State, rows, align, room) -> tuple[tuple[float, ...], ...]:
    """Per body row, the room (points) after each cell of a decimal column: the widest
    fraction (',25 %') less the cell's own, so the commas line up — never more than the cell
    leaves free in its column (`room`: each column's width inside the padding); () for a
    group row."""
    size, font = s.styles["table_text"].size, s.theme.fonts.body.regular
    cells = [r for r in rows if not isinstance(r, b.GroupRow)]
    widths = [[text_width(font, fraction(plain(c)), size) if a == "decimal" else 0.0
               for c, a in zip(r, align)] for r in cells]
    widest = [max(col, default=0.0) for col in zip(*widths)]
    after = iter([tuple(round(max(0.0, min(w - x, free - text_width(font, plain(c), size))), 2)
                        for w, x, c, free in zip(widest, fr, r, room))
                  for r, fr in zip(cells, widths)])
    return tuple(() if isinstance(r, b.GroupRow) else next(after) for r in rows)


class _Fit:
    """Words too wide for their column get soft hyphens at the language's proper points."""

    def __init__(self, s: State, shares, width_mm: float) -> None:
        self.s, self.size = s, s.styles["table_text"].size
        self.room = [x * width_mm / PT_MM - CELL_PAD_PT for x in shares]

    def row(self, row, bold: bool = False):
        font = self.s.theme.fonts.body.bold if bold else self.s.theme.fonts.body.regular
        return tuple(tuple(self.span(x, font, room) for x in cell)
                     for cell, room in zip(row, self.room))

    def span(self, span: Span, font, room: float) -> Span:
        if len(span.text) > 5000 or span.href:
            return span
        words = span.text.split(" ")
        fitted = [soft_hyphens(w, self.s.language) if self.too_wide(w, font, room) else w
                  for w in words]
        return span if fitted == words else Span(" ".join(fitted), span.bold, span.italic,
                                                         lang=span.lang)

    def too_wide(self, word: str, font, room: float) -> bool:
        return len(word) > 5 and word.strip(",.;:!?()«»\"'").isalpha() and \
            text_width(font, word, self.size) > room


def _least(s: State, header, rows, align, width_mm: float) -> list[float]:
    """Each column's least share of the text width `width_mm`: MIN_COLUMN_MM, or room for its
    widest unbreakable token ('350 000 kr', '21/01456-18') and the cell padding (in a decimal
    column, for the widest whole part and the widest fraction together)."""
    fonts, size = s.theme.fonts.body, s.styles["table_text"].size
    least = [0.0] * len(align)
    for font, row in [(fonts.bold, header)] + [(fonts.regular, r) for r in rows
                                                if not isinstance(r, b.GroupRow)]:
        for n, cell in enumerate(row):
            face = fonts.bold if cell and all(x.bold for x in cell) else font   # a sum row
            text = plain(cell)
            short = [w for w in text.split() if len(w) <= SHORT_WORD]  # hyphenating them reads badly
            for token in _unbreakable(text) + short:
                need = (text_width(face, token, size) + CELL_PAD_PT) * PT_MM * 1.03
                least[n] = max(least[n], need / width_mm)
    for n in (n for n, a in enumerate(align) if a == "decimal"):
        texts = [plain(r[n]) for r in rows if not isinstance(r, b.GroupRow)]
        parts = [max((text_width(fonts.regular, f(t), size) for t in texts), default=0)
                 for f in (lambda t: t[:len(t) - len(fraction(t))], fraction)]
        least[n] = max(least[n], (sum(parts) + CELL_PAD_PT) * PT_MM * 1.03 / width_mm)
    soft, floor = MIN_COLUMN_MM / width_mm, MIN_WORDS_MM / width_mm
    cap = max(floor, 1 - (len(least) - 1) * floor)   # a token wider than the page may not
    least = [min(x, cap) for x in least]             # squeeze the other columns to nothing
    if sum(max(x, soft) for x in least) <= 1 or sum(max(x, floor) for x in least) >= 1:
        return [max(x, soft) for x in least]
    low, high = floor, soft            # the words' columns give way before the numbers do
    for _ in range(30):
        mid = (low + high) / 2
        low, high = (mid, high) if sum(max(x, mid) for x in least) <= 1 else (low, mid)
    return [max(x, low) for x in least]


def _unbreakable(text: str) -> list[str]:
    """The pieces of a cell that may not break (numbers, dates and the like: with a digit)."""
    if len(text) > 2000:
        return []
    return [t for t in text.replace("\n", " ").split(" ") if any(c.isdigit() for c in t)]


def column_alignment(given: tuple[str, ...], rows, columns: int) -> tuple[str, ...]:
    """Each column's alignment: as the table gives it (a column given as '' or not given is
    the layout's), else for a column whose body cells are all numbers ('64 943', '12,5 %',
    '350 000 kr'; empty cells and '–' aside) 'decimal' when their decimals differ in length
    (',5' and ',25', or none) and 'right' when they do not, and 'left' for the others."""
    given = given if len(given) == columns else ("",) * columns

    def auto(n: int) -> str:
        texts = [plain(r[n]) for r in rows if n < len(r)]
        figures = [t for t in texts if not is_placeholder(t)]
        if not figures or not all(is_number(t) for t in figures):
            return "left"
        shapes = {len(fraction(t)) for t in figures}    # ',5' and ',25', or '100' and '12,5'
        return "decimal" if len(shapes) > 1 else "right"

    return tuple({"center": "centre"}.get(a, a) if a else auto(n)
                 for n, a in enumerate(given))


def column_shares(weights, least) -> tuple[float, ...]:
    """`weights` as shares of the text width summing to 1, none below its `least` (one share
    for every column, or one each; scaled down to even shares when they cannot all fit):
    `widths: [95, 3, 2]` would leave columns too narrow for the cell padding, let alone a
    letter, and a column of '350 000 kr' needs room for the whole amount."""
    n = len(weights)
    lows = [float(x) for x in least] if isinstance(least, (tuple, list)) else [least] * n
    if sum(lows) > 1:
        lows = [x / sum(lows) for x in lows]
    pinned: set[int] = set()
    while True:
        room = 1 - sum(lows[i] for i in pinned)
        free = sum(weights[i] for i in range(n) if i not in pinned)
        if len(pinned) == n or free <= 0:
            rest = [i for i in range(n) if i not in pinned] or list(range(n))
            extra = (1 - sum(lows[i] for i in pinned if i not in rest)) / sum(
                lows[i] for i in rest) if sum(lows[i] for i in rest) > 0 else 0
            return tuple(lows[i] * extra if i in rest else lows[i] for i in range(n))
        shares = [lows[i] if i in pinned else weights[i] * room / free for i in range(n)]
        small = {i for i in range(n) if i not in pinned and shares[i] < lows[i] - 1e-12}
        if not small:
            return tuple(shares)
        pinned |= small
