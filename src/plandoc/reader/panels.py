"""Block kinds of plans: SWOT, slogan, values, vision and callouts (goals: reader/goals.py)."""

from __future__ import annotations

from plandoc.model import SWOT_QUADRANTS, Callout, Swot, SwotGroup, SwotQuadrant
from plandoc.reader.blocks import MAX_BOX_TEXT, MAX_TITLE, inline, register
from plandoc.files import YMap
from plandoc.reader.context import Ctx, describe

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
