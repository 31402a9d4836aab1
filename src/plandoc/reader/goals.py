"""Goal hierarchies as plans name them: focus areas, goals, sub-goals and strategies.

A focus area (satsingsområde) is a numbered heading — a chapter at the top of the body, a
section inside a chapter — whose goals are numbered under it (1.1, 1.2 …) and whose sub-goals
(delmål) under those (1.1.1 …).  Goals written outside a focus area are main goals (hovedmål)
numbered 1, 2 … through the document.  Strategies are lettered a), b) … under a goal, or stand
on their own (`strategies:`) where a plan puts them before its goals.  The plan names the
levels (`goal_labels:` in `document:` or `labels:` on a focus area); numbers stay generated.
"""

from __future__ import annotations

import dataclasses
import string
from dataclasses import dataclass, field

from plandoc.model import GOAL_STATUSES, Goal, Strategy, StrategyList
from plandoc.reader.blocks import MAX_TITLE, inline, markdown, read_body, register
from plandoc.reader.context import Ctx
from plandoc.reader.headings import after_appendix, make_heading
from plandoc.reader.indicators import indicator, opt
from plandoc.files import YMap

LABEL_KEYS = ("goal", "subgoal", "strategies")
GOAL_KEYS = ("strategies", "id", "deadline", "responsible", "status", "indicators", "goals")
MAX_LABEL = 40


@dataclass
class Scope:
    """The focus area being read: what its goals are numbered under and what they are called."""

    prefix: str
    labels: dict = field(default_factory=dict)
    count: int = 0


def read_labels(ctx: Ctx, value, line: int, where: str) -> dict:
    """`{goal: Hovedmål, subgoal: Delmål, strategies: Tiltak}` — '' or nothing: no label."""
    m = ctx.mapping(value, line, where)
    if m is None or not ctx.keys(m, where, (), LABEL_KEYS):
        return {}
    return {key: _label(ctx, m[key], m.line_of(key), f"{where} {key}") for key in m}


def _label(ctx: Ctx, value, line: int, what: str) -> str:
    text = "" if value is None else ctx.string(value, line, what).strip()
    if len(text) > MAX_LABEL:
        ctx.problem(line, f"{what} has {len(text)} characters — expected a short word such as "
                    f"'Delmål' (at most {MAX_LABEL})")
    return text


@register("focus_area")
def focus_area(ctx: Ctx, value, line: int, item) -> list:
    """A numbered heading with an intro, blocks of its own and goals 1.1, 1.2 …"""
    m = ctx.mapping(value, line, "focus_area")
    if m is None or not ctx.keys(m, "focus_area", ("title",),
                                 ("goals", "intro", "id", "body", "labels")):
        return []
    title = inline(ctx, m["title"], m.line_of("title"), "title", limit=MAX_TITLE)
    if ctx.scope is not None or ctx.heading_level > 1:
        where = "another focus area" if ctx.scope is not None else "a section"
        ctx.problem(line, f"a focus area inside {where} — expected focus areas at the top of "
                    "the body or directly inside a chapter")
        return []
    if "goals" not in m and "body" not in m:
        ctx.problem(line, "focus_area has no goals — expected 'goals:' (a list of goals) or "
                    "'body:' with 'goal:' blocks")
    after_appendix(ctx, line, "focus area", title)
    heading = _heading(ctx, title, ctx.target_id(m, "focus area"))
    labels = {**ctx.goal_labels, **(read_labels(ctx, m["labels"], m.line_of("labels"),
                                                "focus_area labels") if "labels" in m else {})}
    intro = markdown(ctx, ctx.string(m["intro"], m.line_of("intro"), "intro"),
                     m.line_of("intro") + 1) if "intro" in m else []
    outer, ctx.scope = ctx.scope, Scope(heading.number, labels)
    level, ctx.heading_level = ctx.heading_level, heading.level
    body = read_body(ctx, m["body"], m.line_of("body")) if "body" in m else []
    goals = ctx.sequence(m["goals"], m.line_of("goals"), "goals") if "goals" in m else []
    for i, v in enumerate(goals):
        g = ctx.mapping(v, goals.line_of(i), f"goal {ctx.scope.prefix}.{ctx.scope.count + 1}")
        body += read_goal(ctx, g, goals.line_of(i)) if g is not None else []
    ctx.scope, ctx.heading_level = outer, level
    return [heading, *intro, *body]


def _heading(ctx: Ctx, title, ident: str):
    """A chapter, or inside a chapter a section; always numbered (its own count of focus
    areas when the chapter around it has no number)."""
    ctx.counters.focus_area += 1
    heading = make_heading(ctx, ctx.heading_level + 1, title, numbered=True,
                           kind="focus_area", ident=ident)
    if heading.number is None:
        heading = dataclasses.replace(heading, number=str(ctx.counters.focus_area))
    return heading


@register("goal")
def goal_block(ctx: Ctx, value, line: int, item) -> list:
    """`- goal: …` in a body: a goal of the focus area around it, else a main goal 1, 2 …"""
    return read_goal(ctx, item, line)


def read_goal(ctx: Ctx, m: YMap, line: int, parent: str = "") -> list:
    """A goal (or, under `parent`, a sub-goal) and its sub-goals, each numbered."""
    number, level = _number(ctx, parent)
    where = f"{'sub-goal' if parent else 'goal'} {number}"
    if not ctx.keys(m, where, ("goal",), GOAL_KEYS):
        return []
    labels = ctx.scope.labels if ctx.scope is not None else ctx.goal_labels
    raw = ctx.sequence(m["indicators"], m.line_of("indicators"),
                       f"indicators of {where}") if "indicators" in m else []
    indicators = tuple(x for i, v in enumerate(raw)
                       if (x := indicator(ctx, v, raw.line_of(i), number)) is not None)
    ctx.indicators += len(indicators)
    out = [Goal(number, inline(ctx, m["goal"], m.line_of("goal"), "goal"),
                _strategies(ctx, m, where), ctx.target_id(m, "goal"), opt(ctx, m, "deadline"),
                opt(ctx, m, "responsible"), _status(ctx, m), indicators, level,
                labels.get("subgoal" if parent else "goal"), labels.get("strategies"))]
    if "goals" in m:
        out += _subgoals(ctx, m, where, number)
    return out


def _number(ctx: Ctx, parent: str) -> tuple[str, int]:
    """The next goal's number: under its parent goal, its focus area, or the document."""
    if parent:
        ctx.subgoals[parent] = ctx.subgoals.get(parent, 0) + 1
        return f"{parent}.{ctx.subgoals[parent]}", 2
    if ctx.scope is not None:
        ctx.scope.count += 1
        return f"{ctx.scope.prefix}.{ctx.scope.count}", 1
    ctx.counters.goal += 1
    return str(ctx.counters.goal), 1


def _subgoals(ctx: Ctx, m: YMap, where: str, number: str) -> list:
    if where.startswith("sub-goal"):
        ctx.problem(m.line_of("goals"), f"{where} has goals of its own — plans go two levels "
                    f"deep (goal {number.rsplit('.', 1)[0]}, sub-goal {number}); write these "
                    "as strategies or as goals of their own")
        return []
    seq = ctx.sequence(m["goals"], m.line_of("goals"), f"sub-goals of {where}")
    out = []
    for i, v in enumerate(seq):
        g = ctx.mapping(v, seq.line_of(i), f"a sub-goal of {where}")
        out += read_goal(ctx, g, seq.line_of(i), number) if g is not None else []
    return out


def _strategies(ctx: Ctx, m: YMap, where: str) -> tuple[Strategy, ...]:
    raw = ctx.sequence(m["strategies"], m.line_of("strategies"), f"strategies of {where}") \
        if "strategies" in m else []
    return _lettered(ctx, raw, m.line_of("strategies"), where)


def _lettered(ctx: Ctx, raw, line: int, where: str) -> tuple[Strategy, ...]:
    if len(raw) > 26:
        ctx.problem(line, f"{where} has {len(raw)} strategies — at most 26 (a to z)")
    return tuple(Strategy(string.ascii_lowercase[j % 26], inline(ctx, s, raw.line_of(j),
                                                                 "strategy"))
                 for j, s in enumerate(raw))


def _status(ctx: Ctx, m: YMap) -> str | None:
    status = opt(ctx, m, "status")
    if status and status.strip().lower() in GOAL_STATUSES:
        return status.strip().lower()     # one of the known statuses: said in the language
    return status


@register("strategies")
def strategies(ctx: Ctx, value, line: int, item) -> list:
    """Lettered strategies on their own: `strategies: [...]` or `{label: …, items: [...]}`."""
    labels = ctx.scope.labels if ctx.scope is not None else ctx.goal_labels
    label = labels.get("strategies")
    if isinstance(value, YMap):
        if not ctx.keys(value, "strategies", ("items",), ("label",)):
            return []
        if "label" in value:
            label = _label(ctx, value["label"], value.line_of("label"), "strategies label")
        value, line = value["items"], value.line_of("items")
    raw = ctx.sequence(value, line, "strategies")
    if not raw and isinstance(value, type(raw)):
        ctx.problem(line, "strategies has no items — expected a list of strategies")
    return [StrategyList(_lettered(ctx, raw, line, "strategies"), label)]

