"""Word-native numbers for headings, goals and strategies: lists Word counts itself.

One multilevel outline list holds the numbered headings and the goals of focus areas:

    ilvl 0–2  Heading 1–3     '%1', '%1.%2', '%1.%2.%3' and a space
    ilvl 3    goal            '<focus area's levels>.%4' TAB 'MÅL:' and a space
    ilvl 4    sub-goal        '<focus area's levels>.%4.%5' TAB 'Delmål:' and a space
    ilvl 5    strategy        '%6)' and a tab
    ilvl 6–8  a second kind of goal (other labels, or focus areas one level deeper)

so a goal's number continues from its focus area's, goals restart under each heading and
strategies under each goal (Word's default restart: after any shallower level).  Focus areas
numbered on their own inside an unnumbered chapter ('1', '2' as sections) are a list of their
own ('%1', goals '%1.%2' …), goals outside a focus area (main goals 1, 2 …) another ('%1',
'%1.%2', '%3)'), and strategies standing on their own (or under a goal Word does not number) a
fresh list 'a)' per group.  A goal's label is literal text in its level's lvlText, in bold in the
mark colour, never typed into the paragraph.

The layout decided every number: `Outline` counts as Word will, in the order the writer writes,
and gives a box a list level only where Word then shows exactly the layout's text.  An
appendix's sections ('V1.1') are a list per appendix with its prefix as literal text.  Anything
else (a third kind of goal, a number the reader skipped) keeps its typed number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plandoc.layout.boxes import (CaseListBox, ForewordBox, GoalBox, HeadingBox, StrategiesBox,
                                  TableBox)
from plandoc.writers.docx.ooxml.numbering import Level, add_definition, add_list

HEADING_LEVELS = 3
SCHEMES_PER_OUTLINE = 2


@dataclass
class Counter:
    """Word's counters of one list: a level counts up by one per paragraph and restarts after
    a paragraph at any shallower level.

    A level skipped by a deeper paragraph (a strategy right under a goal, no sub-goal between)
    is `implied`: LibreOffice then counts it as used once, so the paragraph that uses it next
    would read '1.2' there where Word may say '1.1' — such a paragraph is never numbered."""

    levels: list[Level]
    counts: dict = field(default_factory=dict)
    implied: set = field(default_factory=set)

    def label(self, ilvl: int) -> str:
        """What Word shows before the next paragraph at `ilvl` (without counting it)."""
        counts = {k: v for k, v in self.counts.items() if k < ilvl}
        counts[ilvl] = self.counts.get(ilvl, 0) + 1
        text = self.levels[ilvl].text
        for n in range(len(self.levels), 0, -1):
            text = text.replace(f"%{n}", _shown(counts.get(n - 1, 1), self.levels[n - 1].fmt))
        return text

    def count(self, ilvl: int) -> None:
        self.implied = {k for k in self.implied if k < ilvl} | \
            {k for k in range(ilvl) if k not in self.counts}
        self.counts = {k: v for k, v in self.counts.items() if k < ilvl} | \
            {ilvl: self.counts.get(ilvl, 0) + 1}


def _shown(value: int, fmt: str) -> str:
    return chr(ord("a") + value - 1) if fmt == "lowerLetter" else str(value)


@dataclass
class WordList:
    """A list instance (w:numId) and Word's counters in it."""

    num_id: int
    counter: Counter

    def take(self, ilvl: int, wanted: str) -> tuple[int, int] | None:
        """(numId, ilvl) when Word's next label there is `wanted` (then counted), else None."""
        if ilvl >= len(self.counter.levels) or ilvl in self.counter.implied or \
                self.counter.label(ilvl) != wanted:
            return None
        self.counter.count(ilvl)
        return self.num_id, ilvl


@dataclass
class Scheme:
    """A kind of goal: where its list is, its number's prefix depth, its labels."""

    where: str                   # 'outline', 'areas' (own focus areas) or 'main'
    depth: int                   # number parts before the goal's own: 1 for '1.2'
    goal: str = ""               # 'MÅL:' ('' for none)
    subgoal: str | None = None   # 'Delmål:' (None: no sub-goal seen yet)


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
        self.numbers: dict[str, str] = {}       # bookmark of a heading or goal Word numbers
        self._letters: int | None = None
        self._appendices: dict[str, WordList] = {}
        boxes = list(_numbered(layout.blocks))
        self.outline, self.areas, self.goals = self._lists(_schemes(boxes))
        for box, after in zip(boxes, boxes[1:] + [None]):
            self._assign(box, isinstance(after, GoalBox) and after.style == "subgoal")

    def _lists(self, schemes: list[Scheme]):
        """The outline list, the list of focus areas on their own (or None), and the
        candidates for goals: (list, the ilvl of its goal level)."""
        def of(where):
            return [s for s in schemes if s.where == where]

        inside = of("outline")[:SCHEMES_PER_OUTLINE]
        levels = [Level("decimal", ".".join(f"%{n}" for n in range(1, d + 1)), 0, 0,
                        suffix="space") for d in range(1, HEADING_LEVELS + 1)]
        outline = self._list(levels + [lv for n, s in enumerate(inside)
                                       for lv in self._goals(s, HEADING_LEVELS + 3 * n)])
        goals = [(outline, HEADING_LEVELS + 3 * n) for n in range(len(inside))]
        areas = self._list(levels[:1] + self._goals(of("areas")[0], 1)) \
            if of("areas") else None
        if areas is not None:
            goals.append((areas, 1))
        if of("main"):
            goals.append((self._list(self._goals(of("main")[0], 0)), 0))
        return outline, areas, goals

    def _list(self, levels: list[Level]) -> WordList:
        return WordList(add_list(self.word, add_definition(self.word, levels, multilevel=True)),
                        Counter(levels))

    def _goals(self, scheme: Scheme, first: int) -> list[Level]:
        """Goal, sub-goal and strategy levels from ilvl `first`: '<prefix>.%4' TAB 'MÅL:',
        '<prefix>.%4.%5' TAB 'Delmål:', '%6)' (a label '': the number alone)."""
        goal = ".".join([f"%{n}" for n in range(1, scheme.depth + 1)] + [f"%{first + 1}"])
        return [self._goal_look(goal, "goal", scheme.goal),
                self._goal_look(f"{goal}.%{first + 2}", "subgoal", scheme.subgoal),
                self._letter(f"%{first + 3})")]

    def _goal_look(self, text: str, key: str, label: str) -> Level:
        look = self.looks[key]
        return Level("decimal", f"{text}\t{label}" if label else text, look.indent,
                     look.hanging, colour=self.mark, suffix="space" if label else "tab",
                     bold=True)

    def _letter(self, text: str) -> Level:
        look = self.looks["strategy"]
        return Level("lowerLetter", text, look.indent, look.hanging)

    def _assign(self, box, subgoals: bool) -> None:
        """Place `box`; a goal `subgoals` follow gets its strategies a list of their own, so no
        sub-goal level is skipped (see Counter)."""
        if isinstance(box, HeadingBox):
            own = box.number and (
                self.outline.take(min(box.level, HEADING_LEVELS) - 1, box.number)
                or (self.areas and self.areas.take(0, box.number))
                or self._in_appendix(box))
            self.placed[id(box)] = Placed(own or None)
            self._numbered(box, own)
        elif isinstance(box, GoalBox):
            deeper = 0 if box.style == "goal" else 1
            wanted = f"{box.number}\t{box.label}" if box.label else box.number
            found = next(((lst, first) for lst, first in self.goals
                          if lst.take(first + deeper, wanted)), None)
            own = (found[0].num_id, found[1] + deeper) if found else None
            self.placed[id(box)] = Placed(own, self._strategies(None if subgoals else found,
                                                                box.strategies))
            self._numbered(box, own)
        else:
            self.placed[id(box)] = Placed(None, self._strategies(None, box.strategies))

    def _in_appendix(self, box: HeadingBox) -> tuple[int, int] | None:
        """A section of an appendix ('V1.1', 'A.1.2'): a list per appendix whose levels keep
        its prefix as literal text ('V1.%1', 'V1.%1.%2')."""
        depth = min(box.level, HEADING_LEVELS) - 1
        if depth < 1 or box.number.count(".") < depth:
            return None
        prefix = box.number.rsplit(".", depth)[0]
        if prefix not in self._appendices and box.number.endswith(".1" * depth):
            self._appendices[prefix] = self._list([
                Level("decimal", ".".join([prefix] + [f"%{n}" for n in range(1, d + 1)]), 0, 0,
                      suffix="space") for d in range(1, HEADING_LEVELS)])
        lst = self._appendices.get(prefix)
        return lst.take(depth - 1, box.number) if lst is not None else None

    def _numbered(self, box, own) -> None:
        """Remember the number of a box Word numbers, for cross-references to its bookmark:
        a REF field shows the paragraph's whole list label, so only a label that is the number
        alone ('1.2'; not a goal's '1.2 MÅL:', nor an appendix's 'V1.1', which LibreOffice
        shows whole and Word's \\t switch would cut to '1.1')."""
        if own and box.target and box.number.replace(".", "").isdigit() and \
                not getattr(box, "label", ""):
            self.numbers[box.target] = box.number

    def _strategies(self, goal, items) -> tuple[int, int] | None:
        """Under a numbered goal, its list's strategy level; else a fresh list from 'a)'."""
        if not items:
            return None
        letters = [chr(ord("a") + n) + ")" for n in range(len(items))]
        if goal is not None and [s.label for s in items] == letters:
            lst, ilvl = goal[0], goal[1] + 2
            for _ in items:
                lst.counter.count(ilvl)
            return lst.num_id, ilvl
        if self._letters is None:
            self._letters = add_definition(self.word, [self._letter("%1)")])
        return add_list(self.word, self._letters, restart=(0, 1)), 0


def _numbered(boxes):
    """Headings, goals and strategies in the order the writer writes them."""
    for box in boxes:
        if isinstance(box, (HeadingBox, GoalBox, StrategiesBox)):
            yield box
        elif isinstance(box, TableBox):
            yield from _numbered(box.headings)
        elif isinstance(box, ForewordBox):
            yield from _numbered((box.heading,) + box.body)
        elif isinstance(box, CaseListBox):
            yield from _numbered(box.parts)


def _schemes(boxes) -> list[Scheme]:
    """Every kind of goal the document has, in order of first appearance: under which numbered
    heading (its depth; in the outline when the heading's number has as many parts as its
    level, else a focus area counted on its own), or none; and its labels."""
    found: dict[tuple, Scheme] = {}
    last: dict[int, str] = {}
    scheme = None
    for box in boxes:
        if isinstance(box, HeadingBox) and box.number:
            last = {k: v for k, v in last.items() if k < box.level} | {box.level: box.number}
        elif isinstance(box, GoalBox) and box.style == "goal":
            under = [(lv, n) for lv, n in last.items() if box.number.startswith(n + ".")]
            level, number = max(under) if under else (0, "")
            depth = number.count(".") + 1 if number else 0
            where = "main" if not number else "outline" if depth == level else "areas"
            scheme = found.setdefault((where, depth, box.label), Scheme(where, depth, box.label))
        elif isinstance(box, GoalBox) and scheme is not None \
                and scheme.subgoal is None:
            scheme.subgoal = box.label
    return list(found.values())
