"""Footnotes at the foot of the page where their reference stands.

The body frame is a `NoteFrame`: a flowable that carries notes (`flowable.notes`, pairs of the
layout's number and the note's markup) is placed only if it still fits above the notes of the
page with its own added, and the frame's bottom rises by their height.  A flowable split across
pages gives every part all its notes for that reckoning (a little room may stay empty), while
the notes drawn are exactly those whose reference was drawn on the page: each reference carries
an onDraw callback that reports its number.  At the page's end the notes are drawn in the room
kept for them, under a short rule.
"""

from __future__ import annotations

import copy

from reportlab.platypus import Paragraph

from plandoc.writers.pdf.flowables import role
from plandoc.writers.pdf.tags import TaggedFrame, furniture, place

RULE_GAP = 6.0        # points above the rule and between the rule and the first note
RULE_WIDTH = 0.25     # of the frame's width
CALLBACK = "plandoc_note"


class NoteFrame(TaggedFrame):
    """A frame whose foot holds the footnotes of what is placed in it."""

    def __init__(self, *args, note_style=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.note_style = note_style
        self.kept: dict[str, str] = {}      # number → markup of the notes room is kept for
        self.kept_height = 0.0
        self.drawn: list[str] = []          # numbers whose reference is on this page
        self._paragraphs: dict[str, Paragraph] = {}

    def __deepcopy__(self, memo: dict):
        """reportlab copies the frame to try flowables in it (KeepTogether, ~30 times a plan):
        the note style, a chain of parent styles, is shared rather than copied each time."""
        memo[id(self.note_style)] = self.note_style
        copied = memo[id(self)] = object.__new__(type(self))
        copied.__dict__.update(copy.deepcopy(self.__dict__, memo))
        return copied

    def _reset(self):
        super()._reset()
        self._geom()                        # the bottom back where it was (reportlab's reset
                                            # restores geometry only after an Indenter)
        self.kept, self.kept_height, self.drawn = {}, 0.0, []

    def note(self, number: str, markup: str) -> Paragraph:
        if number not in self._paragraphs:
            self._paragraphs[number] = role(Paragraph(f"<super>{number}</super> {markup}",
                                                      self.note_style), "Note")
        return self._paragraphs[number]

    def height_of(self, notes: dict) -> float:
        """The room `notes` take at the foot: the rule and the notes, wrapped."""
        if not notes:
            return 0.0
        total = 2 * RULE_GAP
        for number, markup in notes.items():
            p = self.note(number, markup)
            total += p.wrap(self._aW, 0xFFFFFF)[1] + p.getSpaceAfter()
        return total

    def _with(self, flowable) -> float:
        """How much higher the bottom must be for `flowable`'s notes (0 without notes)."""
        notes = getattr(flowable, "notes", None)
        if not notes:
            return 0.0
        return self.height_of({**self.kept, **dict(notes)}) - self.kept_height

    def _add(self, flowable, canv, trySplit=0):
        extra = self._with(flowable)
        if not extra:
            return super()._add(flowable, canv, trySplit)
        self._y1p += extra
        placed = super()._add(flowable, canv, trySplit)
        if placed:
            self.kept.update(dict(flowable.notes))
            self.kept_height += extra
        else:
            self._y1p -= extra
        return placed

    add = _add

    def split(self, flowable, canv):
        extra = self._with(flowable)
        self._y1p += extra
        try:
            parts = super().split(flowable, canv)
        finally:
            self._y1p -= extra
        notes = getattr(flowable, "notes", None)
        if notes:
            for part in parts:
                part.notes = notes
        return parts

    def draw_notes(self, canv, colour) -> None:
        """The notes whose reference was drawn on this page, at the frame's foot."""
        numbers = [n for n in self.drawn if n in self.kept]
        if not numbers:
            return
        shown = {n: self.kept[n] for n in numbers}
        y = self._y1 + self._bottomPadding + self.height_of(shown) - RULE_GAP
        furniture(self._rule)(canv, (y, colour))
        y -= RULE_GAP
        for number in numbers:
            p = self.note(number, shown[number])
            _, h = p.wrap(self._aW, 0xFFFFFF)
            place(canv, p, lambda: p.drawOn(canv, self._x1 + self._leftPadding, y - h))
            y -= h + p.getSpaceAfter()

    def _rule(self, canv, where) -> None:
        """The short rule above the notes (an artifact)."""
        y, colour = where
        canv.saveState()
        canv.setStrokeColor(colour)
        canv.setLineWidth(0.5)
        canv.line(self._x1 + self._leftPadding, y,
                  self._x1 + self._leftPadding + self._aW * RULE_WIDTH, y)
        canv.restoreState()

