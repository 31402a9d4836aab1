"""`plandoc diff`: what changed between two versions of a document, structurally.

    compare(old: Document, new: Document) -> list[Change]

Chapters, goals and strategies are matched by their text: an exact match whose number moved is
'renumbered', a close match (by words) is 'reworded' with the changed words, the rest 'added' or
'removed'.  SWOT items are matched across quadrants ('moved'); key figures by label and chart
data by title and category ('changed').  Rendering: plandoc.diff.report.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from plandoc.labels import labels
from plandoc.model import Appendix, Chart, Document, Goal, Heading, KeyFigures, Swot, plain

TOKENS = re.compile(r"\s*(?:\w+|[^\w\s])")
SIMILAR = 0.6  # similarity (of characters) from which two texts are one item reworded


@dataclass(frozen=True)
class Change:
    """One change: `area` (chapter, goal, strategy, swot, figure), `kind`, labels and texts."""

    area: str
    kind: str  # added | removed | renumbered | reworded | moved | changed
    old_label: str = ""
    new_label: str = ""
    old: str = ""
    new: str = ""


def compare(old: Document, new: Document) -> list[Change]:
    """Every structural change from `old` to `new`, in document order."""
    return [*_match("chapter", _chapters(old), _chapters(new)),
            *_match("goal", _goals(old), _goals(new)),
            *_match("strategy", _strategies(old), _strategies(new)),
            *_swot(old, new), *_figures(old, new)]


def _chapters(doc: Document) -> list[tuple[str, str]]:
    """Chapters and, after them, appendices ('Vedlegg 1' as the number)."""
    word = labels(doc.meta.language)["appendix"]
    return [(b.number or "", plain(b.text)) if isinstance(b, Heading)
            else (f"{word} {b.number}", plain(b.text)) for b in doc.blocks
            if isinstance(b, Heading) and b.level == 1 or isinstance(b, Appendix)]


def _goals(doc: Document) -> list[tuple[str, str]]:
    return [(g.number, plain(g.text)) for g in doc.blocks if isinstance(g, Goal)]


def _strategies(doc: Document) -> list[tuple[str, str]]:
    return [(f"{g.number} {s.letter})", plain(s.text)) for g in doc.blocks
            if isinstance(g, Goal) for s in g.strategies]


def _match(area: str, old: list, new: list) -> list[Change]:
    """Pair items by exact text, then by similar words; report what differs."""
    changes: list[Change] = []
    old_left, new_left = list(old), list(new)
    for item in list(new_left):
        same = next((o for o in old_left if o[1] == item[1]), None)
        if same is not None:
            old_left.remove(same)
            new_left.remove(item)
            if _bare(same[0]) != _bare(item[0]):
                changes.append(Change(area, "renumbered", same[0], item[0], same[1], item[1]))
    pairs = sorted(((similarity(o[1], n[1]), i, j) for i, o in enumerate(old_left)
                    for j, n in enumerate(new_left)), reverse=True)
    used_old, used_new = set(), set()
    for score, i, j in pairs:
        if score >= SIMILAR and i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            o, n = old_left[i], new_left[j]
            changes.append(Change(area, "reworded", o[0], n[0], o[1], n[1]))
    old_left = [o for i, o in enumerate(old_left) if i not in used_old]
    new_left = [n for j, n in enumerate(new_left) if j not in used_new]
    changes += [Change(area, "removed", o[0], "", o[1]) for o in old_left]
    changes += [Change(area, "added", "", n[0], "", n[1]) for n in new_left]
    order = {n[0]: i for i, n in enumerate(new)}
    return sorted(changes, key=lambda c: order.get(c.new_label, len(order)))


def _bare(label: str) -> str:
    """A strategy's own letter, without its goal number: moving the goal is not renumbering."""
    return label.split()[-1] if label else label


def similarity(a: str, b: str) -> float:
    """How alike two texts are (0–1), by characters, so one added word in a short line counts
    for little."""
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """The texts as (op, text) runs: op is '=', '-' or '+'; words and punctuation are separate
    tokens, each run keeps its leading spaces, so joining one side's runs gives its text."""
    a, b = TOKENS.findall(old), TOKENS.findall(new)
    runs = []
    matcher = difflib.SequenceMatcher(None, [t.strip() for t in a], [t.strip() for t in b],
                                      autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("=", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            runs.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            runs.append(("+", "".join(b[j1:j2])))
    return runs


def _swot_items(doc: Document) -> dict[str, str]:
    return {plain(item): q.kind for b in doc.blocks if isinstance(b, Swot)
            for q in b.quadrants for g in q.groups for item in g.items}


def _swot(old: Document, new: Document) -> list[Change]:
    a, b = _swot_items(old), _swot_items(new)
    changes = [Change("swot", "moved", a[t], b[t], t, t) for t in b if t in a and a[t] != b[t]]
    changes += [Change("swot", "removed", a[t], "", t) for t in a if t not in b]
    changes += [Change("swot", "added", "", b[t], "", t) for t in b if t not in a]
    return changes


def _figure_values(doc: Document) -> dict[str, str]:
    values = {}
    for block in doc.blocks:
        if isinstance(block, KeyFigures):
            values.update({plain(k.label): k.value for k in block.items})
        elif isinstance(block, Chart):
            for s in block.series:
                for cat, v in zip(block.categories, s.values):
                    values[f"{block.title}: {s.name} {cat}"] = f"{v:g}"
    return values


def _figures(old: Document, new: Document) -> list[Change]:
    a, b = _figure_values(old), _figure_values(new)
    changes = [Change("figure", "changed", k, k, a[k], b[k]) for k in b if k in a and a[k] != b[k]]
    changes += [Change("figure", "removed", k, "", a[k]) for k in a if k not in b]
    changes += [Change("figure", "added", "", k, "", b[k]) for k in b if k not in a]
    return changes
