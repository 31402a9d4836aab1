"""Word-native numbers for headings, goals and strategies: lists Word counts itself.

One multilevel outline list holds the numbered headings and the goals of focus areas:

    ilvl 0–2  Heading 1–3          '%1', '%1.%2', '%1.%2.%3' and a space
    ilvl 3    goal                 '<focus area's levels>.%4' TAB 'MÅL:' and a space
    ilvl 4    sub-goal             '<focus area's levels>.%4.%5' TAB 'Delmål:' and a space
    ilvl 5    strategy             '%6)' and a tab

so a goal's number continues from its focus area's, goals restart under each heading and
strategies under each goal (Word's default restart: after any shallower level).  Goals outside
a focus area (main goals 1, 2 …) are a list of their own ('%1', '%1.%2', '%3)'), and strategies
standing on their own (or under a goal Word cannot number) a fresh list 'a)' per group.  The
goal's label is literal text in its level's lvlText, never typed into the paragraph.

The layout decided every number; before the document is written, `plan` counts as Word will
and gives a box a list only where Word then shows exactly the layout's text.  Anything else (an
appendix's 'V1.1', a goal labelled unlike the first) keeps its typed number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plandoc.layout.boxes import (CaseListBox, ForewordBox, GoalBox, HeadingBox, StrategiesBox,
                                  TableBox)
from plandoc.writers.docx.ooxml.numbering import Level, add_definition, add_list

GOAL, SUBGOAL, STRATEGY = 3, 4, 5


@dataclass
class Counter:
    """Word's counters of one list: a level counts up by one per paragraph and restarts after
    a paragraph at any shallower level."""

    levels: list[Level]
    counts: dict = field(default_factory=dict)

    def label(self, ilvl: int) -> str:
        """What Word shows before the next paragraph at `ilvl` (without counting it)."""
        counts = {k: v for k, v in self.counts.items() if k <= ilvl}
        counts[ilvl] = counts.get(ilvl, 0) + 1
        text = self.levels[ilvl].text
        for n in range(len(self.levels), 0, -1):
            text = text.replace(f"%{n}", _shown(counts.get(n - 1, 1), self.levels[n - 1].fmt))
        return text

    def count(self, ilvl: int) -> None:
        self.counts = {k: v for k, v in self.counts.items() if k < ilvl} | \
            {ilvl: self.counts.get(ilvl, 0) + 1}


def _shown(value: int, fmt: str) -> str:
    return chr(ord("a") + value - 1) if fmt == "lowerLetter" else str(value)


@dataclass
class Placed:
    """Where a box's paragraphs go: its own (numId, ilvl), its strategies' (numId, ilvl)."""

    own: tuple[int, int] | None
    strategies: tuple[int, int] | None = None


class Outline:
    """The numbering plan of one document: `placed[id(box)]` for headings, goals, strategies."""

    def __init__(self, word, layout, looks: dict):
        self.word, self.looks, self.mark = word, looks, layout.palette.mark.hex
        self.placed: dict[int, Placed] = {}
        self._letters: int | None = None
        boxes = list(_numbered(layout.blocks))
        prefix, labels, main = _schemes(boxes)
        self.outline = self._list(self._headings() + self._goals(prefix, labels, 3))
        self.main = self._list(self._goals("", main, 0)) if main else None
        for box in boxes:
            self._place(box)

    def _list(self, levels: list[Level]) -> tuple[int, Counter]:
        return add_list(self.word, add_definition(self.word, levels, multilevel=True)), \
            Counter(levels)

    def _headings(self) -> list[Level]:
        """'%1', '%1.%2', '%1.%2.%3', then a space, at the heading's own indent."""
        return [Level("decimal", ".".join(f"%{n}" for n in range(1, depth + 1)), 0, 0,
                      suffix="space") for depth in (1, 2, 3)]

    def _goals(self, prefix: str, labels: dict, first: int) -> list[Level]:
        """Goal, sub-goal and strategy levels from ilvl `first`: '<prefix>.%4' TAB 'MÅL:',
        '<prefix>.%4.%5' TAB 'Delmål:', '%6)' (a label '' or None: the number alone)."""
        goal = f"{prefix}.%{first + 1}".lstrip(".")
        return [self._goal_look(goal, "goal", labels.get("goal")),
                self._goal_look(f"{goal}.%{first + 2}", "subgoal", labels.get("subgoal")),
                self._letter(f"%{first + 3})")]

    def _goal_look(self, text: str, key: str, label: str | None) -> Level:
        look = self.looks[key]
        return Level("decimal", f"{text}\t{label}" if label else text, look.indent,
                     look.hanging, colour=self.mark, suffix="space" if label else "tab",
                     bold=True)

    def _letter(self, text: str) -> Level:
        look = self.looks["strategy"]
        return Level("lowerLetter", text, look.indent, look.hanging)

    def _try(self, lst, ilvl: int, wanted: str) -> tuple[int, int] | None:
        """(numId, ilvl) when Word's next label there is `wanted` (then counted), else None."""
        if lst is None or lst[1].label(ilvl) != wanted:
            return None
        lst[1].count(ilvl)
        return lst[0], ilvl

    def _place(self, box) -> None:
        if isinstance(box, HeadingBox):
            own = self._try(self.outline, min(box.level, 3) - 1, box.number) \
                if box.number else None
            self.placed[id(box)] = Placed(own)
        elif isinstance(box, GoalBox):
            ilvl = GOAL if box.style == "goal" else SUBGOAL
            wanted = f"{box.number}\t{box.label}" if box.label else box.number
            own = self._try(self.outline, ilvl, wanted) or \
                self._try(self.main, ilvl - GOAL, wanted)
            self.placed[id(box)] = Placed(own, self._strategies(own, box.strategies))
        else:
            self.placed[id(box)] = Placed(None, self._strategies(None, box.strategies))

    def _strategies(self, goal, items) -> tuple[int, int] | None:
        """Under a numbered goal, the level after it; else a fresh list from 'a)'."""
        if not items:
            return None
        if goal is not None:
            lst = self.outline if goal[0] == self.outline[0] else self.main
            ilvl = STRATEGY if lst is self.outline else STRATEGY - GOAL
            if [s.label for s in items] == [chr(ord("a") + n) + ")" for n in range(len(items))]:
                for _ in items:
                    lst[1].count(ilvl)
                return lst[0], ilvl
        if self._letters is None:
            self._letters = add_definition(self.word, [self._letter("%1)")])
        return add_list(self.word, self._letters, restart=(0, 1)), 0


def _numbered(boxes):
    """Headings, goals and strategies in the order the writer writes them."""
    for box in boxes:
        if isinstance(box, (HeadingBox, GoalBox, StrategiesBox)):
            yield box
        elif isinstance(box, TableBox):
            yield from box.headings
        elif isinstance(box, ForewordBox):
            yield from _numbered((box.heading,) + box.body)
        elif isinstance(box, CaseListBox):
            yield from _numbered(box.parts)


def _schemes(boxes) -> tuple[str, dict, dict]:
    """The outline's goal prefix ('%1' under a chapter-level focus area, '%1.%2' under a
    section), the labels of goals there, and those of goals outside any numbered heading."""
    prefix, inside, main, last, under = "%1", {}, {}, {}, []
    for box in boxes:
        if isinstance(box, HeadingBox) and box.number:
            last = {k: v for k, v in last.items() if k < box.level} | {box.level: box.number}
        elif isinstance(box, GoalBox):
            if box.style == "goal":      # a sub-goal goes where its goal went
                under = [lv for lv, n in last.items() if box.number.startswith(n + ".")]
                if under and not inside:
                    prefix = ".".join(f"%{n + 1}" for n in range(min(max(under), 3)))
            (inside if under else main).setdefault(box.style, box.label)
    return prefix, inside, main
