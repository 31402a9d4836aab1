"""Block kinds of plans: SWOT, focus areas with goals and strategies, slogan, values, vision."""

from __future__ import annotations

import string

from plandoc.labels import parse_amount
from plandoc.model import (GOAL_STATUSES, SWOT_QUADRANTS, ActionPlan, ActionRow, Callout, Goal,
                           Indicator, IndicatorOverview, Measurement, Strategy, Swot, SwotGroup,
                           SwotQuadrant)
from plandoc.reader.blocks import MAX_BOX_TEXT, MAX_TITLE, inline, markdown, register
from plandoc.files import YMap
from plandoc.reader.context import Ctx, describe
from plandoc.reader.headings import after_appendix, make_heading

QUADRANTS = SWOT_QUADRANTS


@register("swot")
def swot(ctx: Ctx, value, line: int, item) -> list:
    """Four quadrants, each a list of groups (a category heading and its bullets)."""
    m = ctx.mapping(value, line, "swot")
    if m is None or not ctx.keys(m, "swot", QUADRANTS, ("caption",)):
        return []
    quadrants = tuple(SwotQuadrant(q, _groups(ctx, m[q], m.line_of(q), q)) for q in QUADRANTS)
    caption = inline(ctx, m["caption"], m.line_of("caption"), "caption") if "caption" in m else ()
    return [Swot(quadrants, caption)]


def _groups(ctx: Ctx, value, line: int, quadrant: str):
    seq = ctx.sequence(value, line, f"swot {quadrant}")
    groups = []
    for i, g in enumerate(seq):
        if not isinstance(g, YMap):
            ctx.problem(seq.line_of(i), f"{quadrant} holds groups — expected '- group: …' with "
                        f"'items: [...]', got {describe(g)}")
            continue
        m = g
        if not ctx.keys(m, f"a group in {quadrant}", ("group", "items")):
            continue
        items = ctx.sequence(m["items"], m.line_of("items"), f"items of '{m['group']}'")
        groups.append(SwotGroup(inline(ctx, m["group"], m.line_of("group"), "group"),
                                tuple(inline(ctx, v, items.line_of(j), "item")
                                      for j, v in enumerate(items))))
    return tuple(groups)


@register("focus_area")
def focus_area(ctx: Ctx, value, line: int, item) -> list:
    """A numbered chapter with an intro and goals 1.1, 1.2 … with strategies a), b) …"""
    m = ctx.mapping(value, line, "focus_area")
    if m is None or not ctx.keys(m, "focus_area", ("title", "goals"), ("intro", "id")):
        return []
    title = inline(ctx, m["title"], m.line_of("title"), "title")
    after_appendix(ctx, line, "focus area", title)
    heading = make_heading(ctx, 1, title, numbered=True, kind="focus_area",
                           ident=ctx.target_id(m, "focus area"))
    intro = markdown(ctx, ctx.string(m["intro"], m.line_of("intro"), "intro"),
                     m.line_of("intro") + 1) if "intro" in m else []
    goals = ctx.sequence(m["goals"], m.line_of("goals"), "goals")
    return [heading, *intro, *(g for i, v in enumerate(goals)
                               if (g := _goal(ctx, v, goals.line_of(i), heading.number, i + 1)))]


def _goal(ctx: Ctx, value, line: int, chapter: str, n: int):
    number = f"{chapter}.{n}"
    m = ctx.mapping(value, line, f"goal {number}")
    if m is None or not ctx.keys(m, f"goal {number}", ("goal",), GOAL_KEYS):
        return None
    raw = ctx.sequence(m["strategies"], m.line_of("strategies"), f"strategies of goal {number}") \
        if "strategies" in m else []
    if len(raw) > 26:
        ctx.problem(m.line_of("strategies"), f"goal {number} has {len(raw)} strategies — at "
                    "most 26 (a to z)")
    strategies = tuple(Strategy(string.ascii_lowercase[j % 26],
                                inline(ctx, s, raw.line_of(j), "strategy"))
                       for j, s in enumerate(raw))
    raw = ctx.sequence(m["indicators"], m.line_of("indicators"),
                       f"indicators of goal {number}") if "indicators" in m else []
    indicators = tuple(x for i, v in enumerate(raw)
                       if (x := _indicator(ctx, v, raw.line_of(i), number)) is not None)
    status = _opt(ctx, m, "status")
    if status and status.strip().lower() in GOAL_STATUSES:
        status = status.strip().lower()     # one of the known statuses: said in the language
    ctx.indicators += len(indicators)
    return Goal(number, inline(ctx, m["goal"], m.line_of("goal"), "goal"), strategies,
                ctx.target_id(m, "goal"), _opt(ctx, m, "deadline"), _opt(ctx, m, "responsible"),
                status, indicators)


GOAL_KEYS = ("strategies", "id", "deadline", "responsible", "status", "indicators")
INDICATOR_KEYS = ("baseline", "source", "comparison", "frequency")


def _opt(ctx: Ctx, m, key: str) -> str | None:
    return ctx.string(m[key], m.line_of(key), key) if m.get(key) is not None else None


def _indicator(ctx: Ctx, value, line: int, number: str) -> Indicator | None:
    """{measure, target: {value, year}, baseline: {value, year}, source, comparison, frequency}"""
    m = ctx.mapping(value, line, f"an indicator of goal {number}")
    where = f"an indicator of goal {number}"
    if m is None or not ctx.keys(m, where, ("measure", "target"), INDICATOR_KEYS):
        return None
    target = _measurement(ctx, m, "target", where)
    baseline = _measurement(ctx, m, "baseline", where) if "baseline" in m else None
    if target is None or ("baseline" in m and baseline is None):
        return None
    if baseline is not None and baseline.year > target.year:
        ctx.problem(m["baseline"].line_of("year"), f"the baseline year {baseline.year} of "
                    f"{where} is after its target year {target.year} — expected the baseline "
                    "(where it stands) no later than the target (where it should go)")
        return None
    return Indicator(inline(ctx, m["measure"], m.line_of("measure"), "measure"), target,
                     baseline, _opt(ctx, m, "source"), _opt(ctx, m, "comparison"),
                     _opt(ctx, m, "frequency"))


def _measurement(ctx: Ctx, m, key: str, where: str) -> Measurement | None:
    v = ctx.mapping(m[key], m.line_of(key), f"the {key} of {where}")
    if v is None:
        return None
    example = '"15 %"' if key == "target" else '"12,5 %"'
    if "year" not in v and "value" in v and not [k for k in v if k not in ("value", "year")]:
        ctx.problem(v.line, f"the {key} of {where} has no year — expected '{key}: {{value: "
                    f"{example}, year: 2026}}'")
        return None
    if not ctx.keys(v, f"the {key} of {where}", ("value", "year")):
        return None
    year = v["year"]
    if isinstance(year, bool) or not isinstance(year, int) or not 1800 <= year <= 2200:
        ctx.problem(v.line_of("year"), f"the {key} year of {where} must be a year such as "
                    f"2026, got {describe(year)}")
        return None
    return Measurement(ctx.string(v["value"], v.line_of("value"), f"{key} value"), year)


@register("indicator_overview")
def indicator_overview(ctx: Ctx, value, line: int, item) -> list:
    """Every indicator of the document's goals in one table (laid out with the goal numbers)."""
    m = ctx.mapping(value, line, "indicator_overview")
    if m is None or not ctx.keys(m, "indicator_overview", (), ("caption",)):
        return []
    ctx.overviews.append(line)
    caption = inline(ctx, m["caption"], m.line_of("caption"), "caption") \
        if m.get("caption") is not None else ()
    return [IndicatorOverview(caption)]


ACTION_KEYS = ("goal", "responsible", "deadline", "cost", "status")


@register("action_plan")
def action_plan(ctx: Ctx, value, line: int, item) -> list:
    """A handlingsplan: rows of actions, each naming the goal it serves by the goal's id."""
    m = ctx.mapping(value, line, "action_plan")
    if m is None or not ctx.keys(m, "action_plan", ("rows",), ("caption", "sum")):
        return []
    add_up = ctx.boolean(m["sum"], m.line_of("sum"), "action_plan sum") if "sum" in m else False
    seq = ctx.sequence(m["rows"], m.line_of("rows"), "action_plan rows")
    if not seq and isinstance(m["rows"], type(seq)):
        ctx.problem(m.line_of("rows"), "action_plan has no rows — expected at least one "
                    "'- {action: …, goal: …}'")
    rows = []
    for i, v in enumerate(seq):
        r = ctx.mapping(v, seq.line_of(i), f"action_plan row {i + 1}")
        if r is None or not ctx.keys(r, f"action_plan row {i + 1}", ("action",), ACTION_KEYS):
            continue
        goal = _opt(ctx, r, "goal") or ""
        if goal:
            ctx.goal_refs.append((goal, r.line_of("goal")))
        cost = _opt(ctx, r, "cost")
        if add_up and cost and cost.strip() not in ("", "-", "–") and parse_amount(cost) is None:
            ctx.problem(r.line_of("cost"), f"cost '{cost}' of action_plan row {i + 1} is not an "
                        "amount plandoc can add up — expected an amount such as '350 000 kr' or "
                        "'1,5 mill. kr', or no 'sum: true'")
        rows.append(ActionRow(inline(ctx, r["action"], r.line_of("action"), "action"), goal,
                              _opt(ctx, r, "responsible"), _opt(ctx, r, "deadline"), cost,
                              _opt(ctx, r, "status")))
    caption = inline(ctx, m["caption"], m.line_of("caption"), "caption") \
        if m.get("caption") is not None else ()
    return [ActionPlan(tuple(rows), caption, add_up)]


def _callout(ctx: Ctx, kind: str, value, line: int, required=()) -> list:
    if isinstance(value, str) and kind in ("slogan", "callout"):
        return [Callout("slogan" if kind == "slogan" else "note",
                        inline(ctx, value, line, kind, limit=MAX_TITLE))]
    m = ctx.mapping(value, line, kind)
    if m is None or not ctx.keys(m, kind, required, ("title", "text", "items")):
        return []
    title_key = "text" if kind == "slogan" else "title"
    title = inline(ctx, m[title_key], m.line_of(title_key), f"{kind} {title_key}",
                   limit=MAX_TITLE) if title_key in m else ()
    text = ctx.string(m["text"], m.line_of("text"), "text") if "text" in m else ""
    if kind != "slogan" and len(text) > MAX_BOX_TEXT:
        ctx.problem(m.line_of("text"), f"{kind} text has {len(text)} characters — expected at "
                    f"most {MAX_BOX_TEXT} (put the rest in paragraphs)")
    paras = () if kind == "slogan" else tuple(
        inline(ctx, p.strip(), m.line_of("text"), "text") for p in text.split("\n\n") if p.strip())
    items = ctx.sequence(m["items"], m.line_of("items"), "items") if "items" in m else []
    return [Callout("note" if kind == "callout" else kind, title, paras,
                    tuple(inline(ctx, v, items.line_of(i), "item") for i, v in enumerate(items)))]


@register("slogan")
def slogan(ctx: Ctx, value, line: int, item) -> list:
    """A slogan set large, with optional taglines."""
    return _callout(ctx, "slogan", value, line, ("text",))


@register("values")
def values(ctx: Ctx, value, line: int, item) -> list:
    """The organisation's values: a title, a row of words and a text."""
    return _callout(ctx, "values", value, line, ("items",))


@register("vision")
def vision(ctx: Ctx, value, line: int, item) -> list:
    """The vision: a title and a text."""
    return _callout(ctx, "vision", value, line, ("text",))


@register("callout")
def callout(ctx: Ctx, value, line: int, item) -> list:
    """A highlighted note."""
    return _callout(ctx, "callout", value, line)
