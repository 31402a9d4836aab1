"""The innstilling and a body's behandling and vedtak of a saksframlegg.

recommendation → a Recommendation: numbered points (text, lettered sub-points, bullets) or,
                 in the older form, text without numbers; an optional own title
decision       → a Decision: the body (a row of the saksgang), its treatment text, the votes
                 and the vedtak — the innstilling's points with the `changed:` ones replaced
"""

from __future__ import annotations

import dataclasses

from plandoc.model import CaseStep, Decision, Point, Recommendation
from plandoc.reader.blocks import inline, register
from plandoc.reader.context import Ctx, describe
from plandoc.files import YMap, as_text

POINT_EXAMPLE = "'- Planen sendes på høring.' or '- {text: …, points: [sub-point, …]}'"
VOTES_EXAMPLE = "'votes: {for: 27, against: 8}' or 'votes: unanimous'"


def _paragraphs(ctx: Ctx, value, line: int, what: str) -> tuple:
    text = ctx.string(value, line, what)
    return tuple(inline(ctx, p, line, what) for p in text.split("\n\n") if p.strip())


def _point(ctx: Ctx, value, line: int, number: int) -> Point:
    """'- text' or {text, points: [sub-points a), b) …], bullets: [...]}."""
    if not isinstance(value, YMap):
        return Point(number, inline(ctx, value, line, f"point {number}"))
    ctx.keys(value, f"point {number}", ("text",), ("points", "bullets"))
    lists = {}
    for key in ("points", "bullets"):
        seq = ctx.sequence(value[key], value.line_of(key), f"point {number} {key}") \
            if key in value else []
        lists[key] = tuple(inline(ctx, v, seq.line_of(i), f"a sub-point of point {number}")
                           for i, v in enumerate(seq))
    return Point(number, inline(ctx, value.get("text"), value.line_of("text"),
                                f"point {number}"), lists["points"], lists["bullets"])


def _points(ctx: Ctx, value, line: int) -> tuple[Point, ...]:
    seq = ctx.sequence(value, line, "recommendation points")
    if not seq:
        ctx.problem(line, f"recommendation points is empty — expected one item per point, "
                    f"e.g. {POINT_EXAMPLE}")
    return tuple(_point(ctx, v, seq.line_of(i), i + 1) for i, v in enumerate(seq))


@register("recommendation")
def recommendation(ctx: Ctx, value, line: int, item) -> list:
    """Innstilling: `{title, text, points}` or, the older form, its text alone."""
    title, paras, points = (), (), ()
    if isinstance(value, YMap):
        if ctx.keys(value, "recommendation", (), ("title", "text", "points")):
            title = inline(ctx, value["title"], value.line_of("title"), "title") \
                if value.get("title") else ()
            paras = _paragraphs(ctx, value["text"], value.line_of("text"),
                                "recommendation text") if "text" in value else ()
            points = _points(ctx, value["points"], value.line_of("points")) \
                if "points" in value else ()
            if "text" not in value and "points" not in value:
                paras = ((),)     # reported below, once
    else:
        paras = _paragraphs(ctx, value, line, "recommendation")
    if not any(paras) and not points and not (isinstance(value, YMap) and "points" in value):
        ctx.problem(line, "recommendation has no text — expected the proposed decision, e.g. "
                    "'recommendation: Kommunestyret vedtar planen.'")
    block = Recommendation(points, tuple(p for p in paras if p), title)
    ctx.recommendation = block
    return [block]


@register("decision")
def decision(ctx: Ctx, value, line: int, item) -> list:
    """{body, treatment, votes, changed: {2: new text}}: a body's behandling and vedtak."""
    m = ctx.mapping(value, line, "decision")
    if m is None or not ctx.keys(m, "decision", ("body",),
                                 ("treatment", "votes", "changed")):
        return []
    step = _step(ctx, ctx.string(m["body"], m.line_of("body"), "decision body"),
                 m.line_of("body"))
    treatment = _paragraphs(ctx, m["treatment"], m.line_of("treatment"),
                            "decision treatment") if m.get("treatment") is not None else ()
    votes, unanimous = _votes(ctx, m["votes"], m.line_of("votes")) if "votes" in m \
        else (None, False)
    rec = ctx.recommendation
    if rec is None:
        ctx.problem(line, "decision comes before the recommendation — expected "
                    "'recommendation:' first (the vedtak is the innstilling with its changes)")
        return []
    changed = _changed(ctx, m["changed"], m.line_of("changed"), rec) if "changed" in m else {}
    points = tuple(changed.get(p.number, p) for p in rec.points)
    return [Decision(step, treatment, votes, unanimous, points, rec.paragraphs)]


def _step(ctx: Ctx, body: str, line: int) -> CaseStep:
    """The saksgang row of `body` (its case number and meeting day)."""
    for step in ctx.steps:
        if step.body.casefold() == body.strip().casefold():
            return step
    if ctx.steps:
        ctx.problem(line, f"decision body '{body}' is not in the saksgang — expected one of: "
                    + ", ".join(s.body for s in ctx.steps))
    else:
        ctx.problem(line, f"decision body '{body}' but the document has no saksgang — expected "
                    "'proceedings: [{body: Kommunestyret, case: 18/25, date: 2025-03-20}]' "
                    "under 'document:'")
    return CaseStep(body)


def _votes(ctx: Ctx, value, line: int) -> tuple[tuple[int, int] | None, bool]:
    """'unanimous' or {for: 27, against: 8}."""
    if value == "unanimous":
        return None, True
    if not isinstance(value, YMap):
        ctx.problem(line, f"decision votes {describe(value)} is not a vote — expected "
                    + VOTES_EXAMPLE)
        return None, False
    if not ctx.keys(value, "decision votes", ("for", "against")):
        return None, False
    counts = []
    for key in ("for", "against"):
        n = value[key]
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            shown = as_text(n) if isinstance(n, (int, float)) and not isinstance(n, bool) \
                else describe(n)
            ctx.problem(value.line_of(key), f"decision votes {key} {shown} is not a whole "
                        "number — expected the number of votes, e.g. " + VOTES_EXAMPLE)
            return None, False
        counts.append(int(n))
    return (counts[0], counts[1]), False


def _changed(ctx: Ctx, value, line: int, rec: Recommendation) -> dict[int, Point]:
    """{2: new text or point}: the points the body changed, by their number."""
    m = ctx.mapping(value, line, "decision changed")
    if m is None:
        return {}
    if not rec.points:
        ctx.problem(line, "decision changed: the recommendation has no numbered points — "
                    "expected 'points:' under 'recommendation:'")
        return {}
    out = {}
    for key, v in m.items():
        if isinstance(key, bool) or not isinstance(key, int) \
                or not 1 <= key <= len(rec.points):
            shown = key if isinstance(key, int) and not isinstance(key, bool) else describe(key)
            ctx.problem(m.line_of(key), f"decision changed point {shown} is not a point "
                        f"of the recommendation — expected a number from 1 to "
                        f"{len(rec.points)}")
            continue
        out[key] = dataclasses.replace(_point(ctx, v, m.line_of(key), key), changed=True)
    return out
