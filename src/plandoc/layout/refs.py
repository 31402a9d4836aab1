"""Cross-references: `[](#id)` in the text becomes the target's generated label.

    labels_of(blocks, words) -> {id or anchor: 'mål 1.2' / 'kapittel 4' / 'figur 3' / …}
    resolve(blocks, found) -> the blocks with every reference span given its text

The numbers are the ones the reader gave headings and goals and the ones the layout gives
captions (`numbered_as`, the same rule State.caption follows), so a reference follows the
document when a goal or figure is inserted before its target.  Resolved once here, for both
writers: a writer sees an ordinary link span whose '#id' the layout's `targets` knows.  The
reader has already refused a reference to an id the document does not have.
"""

from __future__ import annotations

import dataclasses
import re

from plandoc import model as m
from plandoc.labels import NBSP
from plandoc.model import Span, field_names, plain

_SENTENCE_END = re.compile(r"(?:^|(\S*)[.!?][)»”\"]?\s+)$")
# words whose full stop ends no sentence: 'jf. figur 2', 'f.eks. mål 1.2', 'se kap. 3'
ABBREVIATIONS = frozenset(
    "jf jfr ca nr kap pkt evt dvs osv mv mm bl iht vs s ev el etc eg ie cf no ref tab fig "
    "bla fx feks ifm vha".split())


def _starts_sentence(before: str) -> bool:
    """Whether text after `before` starts a sentence: nothing before it, or a full stop, '!' or
    '?' after a word that is not an abbreviation."""
    found = _SENTENCE_END.search(before)
    if found is None:
        return False
    word = (found.group(1) or "").lstrip("(«“\"")
    return not before.strip() or not (word.lower().replace(".", "") in ABBREVIATIONS
                                      or "." in word)


def numbered_as(block) -> str | None:
    """'figure' or 'table' when the layout numbers the block's caption, else None: every chart,
    and images and tables (action plans and indicator overviews too) with a caption."""
    if isinstance(block, m.Chart):
        return "figure"
    if isinstance(block, m.Image) and block.caption:
        return "figure"
    if isinstance(block, (m.Table, m.ActionPlan, m.IndicatorOverview)) and block.caption:
        return "table"
    return None


def labels_of(blocks, words: dict) -> dict[str, str]:
    """What a reference to each id (and each heading's '#hN' anchor) reads as."""
    found: dict[str, str] = {}
    counts = {"figure": 0, "table": 0}

    def name(word: str, number: str) -> str:
        return f"{words[word]}{NBSP}{number}"

    for block in blocks:
        keys: tuple[str, ...] = ()
        if isinstance(block, m.Heading):
            keys = (block.anchor, block.id)
            word = "ref.focus_area" if block.kind == "focus_area" else \
                "ref.chapter" if block.level == 1 else "ref.section"
            text = name(word, block.number) if block.number else \
                words["ref.title"].format(title=plain(block.text))
        elif isinstance(block, m.PartTitle):
            keys = (block.anchor,)
            text = block.label or words["ref.title"].format(title=plain(block.text))
        elif isinstance(block, m.Appendix):
            keys, text = (block.anchor, block.id), name("ref.appendix", block.number)
        elif isinstance(block, m.Goal):
            keys, text = (block.id,), _goal_name(block, words) or name("ref.goal", block.number)
        elif (kind := numbered_as(block)) is not None:
            counts[kind] += 1
            keys, text = (getattr(block, "id", ""),), name(f"ref.{kind}", str(counts[kind]))
        for key in keys:
            if key:
                found.setdefault(key, text)
    return found


def _goal_name(goal: m.Goal, words: dict) -> str:
    """'hovedmål 2', 'delmål 1.1.2' from the plan's own label or a sub-goal's word."""
    label = goal.label or (words["subgoal"] if goal.level == 2 and goal.label is None else "")
    return f"{label.lower()}{NBSP}{goal.number}" if label else ""


def resolve(blocks, found: dict[str, str]):
    """`blocks` with every reference span's text filled in (unchanged blocks are the same
    objects).  A reference at the start of a text or a sentence starts with a capital
    ('Figur 2 viser …'), not after an abbreviation ('jf. figur 2')."""
    return tuple(walk_spans(block, lambda spans: _spans(spans, found)) for block in blocks)


def walk_spans(value, fix):
    """`value` (a block, or anything inside one) with every inline text replaced by
    `fix(spans)`; what `fix` leaves as it was stays the same object."""
    if isinstance(value, tuple):
        if value and all(isinstance(v, Span) for v in value):
            return fix(value)
        new = tuple(walk_spans(v, fix) for v in value)
        return value if all(a is b for a, b in zip(new, value)) else new
    names = field_names(type(value))
    if names and not isinstance(value, Span):
        changes = {}
        for name in names:
            old = getattr(value, name)
            if isinstance(old, tuple) or field_names(type(old)):
                new = walk_spans(old, fix)
                if new is not old:
                    changes[name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


def _spans(spans: tuple, found) -> tuple:
    """The spans with each reference's text filled in, in footnotes too."""
    if not any(s.ref or s.note for s in spans):
        return spans
    out, before = [], ""
    for s in spans:
        if s.note:
            s = Span(s.text, s.bold, s.italic, s.href, s.ref, _spans(s.note, found),
                     lang=s.lang)
        elif s.ref:
            text = found.get(s.href[1:], s.href[1:])
            if _starts_sentence(before):
                text = text[:1].upper() + text[1:]
            s = Span(text, s.bold, s.italic, s.href, lang=s.lang)
        out.append(s)
        before += s.text
    return tuple(out)
