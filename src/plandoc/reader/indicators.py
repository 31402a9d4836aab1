"""Indicators of goals, the indicator overview and action plans (handlingsplan) tied to goals."""

from __future__ import annotations

from plandoc.labels import parse_amount
from plandoc.model import ActionPlan, ActionRow, Indicator, IndicatorOverview, Measurement
from plandoc.reader.blocks import inline, register
from plandoc.reader.context import Ctx, describe

INDICATOR_KEYS = ("baseline", "source", "comparison", "frequency")


def opt(ctx: Ctx, m, key: str) -> str | None:
    return ctx.string(m[key], m.line_of(key), key) if m.get(key) is not None else None


def indicator(ctx: Ctx, value, line: int, number: str) -> Indicator | None:
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
                     baseline, opt(ctx, m, "source"), opt(ctx, m, "comparison"),
                     opt(ctx, m, "frequency"))


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
        goal = opt(ctx, r, "goal") or ""
        if goal:
            ctx.goal_refs.append((goal, r.line_of("goal")))
        cost = opt(ctx, r, "cost")
        if add_up and cost and cost.strip() not in ("", "-", "–") and parse_amount(cost) is None:
            ctx.problem(r.line_of("cost"), f"cost '{cost}' of action_plan row {i + 1} is not an "
                        "amount plandoc can add up — expected an amount such as '350 000 kr' or "
                        "'1,5 mill. kr', or no 'sum: true'")
        rows.append(ActionRow(inline(ctx, r["action"], r.line_of("action"), "action"), goal,
                              opt(ctx, r, "responsible"), opt(ctx, r, "deadline"), cost,
                              opt(ctx, r, "status")))
    caption = inline(ctx, m["caption"], m.line_of("caption"), "caption") \
        if m.get("caption") is not None else ()
    return [ActionPlan(tuple(rows), caption, add_up)]


