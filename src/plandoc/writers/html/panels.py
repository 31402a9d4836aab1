"""Key figures, goals, the SWOT and callouts on the web page.

Key figures: cards (the value over its label) in a list, caption and source under them.
A goal: an item of the page's list of goals, marked with its number ('1.1'), its label ('MÅL:')
and text, the attributes line, the strategies label and the strategies as a list marked 'a)',
then its indicator table.  The SWOT is a table: its four titles are header cells in the
quadrants' colours over their groups.  Callouts are panels in the variant the layout chose.
"""

from __future__ import annotations

from plandoc.layout import boxes as b
from plandoc.writers.html.figures import caption_lines, caption_markup, table_markup
from plandoc.writers.html.markup import el, spans, txt


def key_figures(ctx, box: b.KeyFiguresBox) -> None:
    """The cards, `box.columns` to a row on a wide screen; caption and source under them."""
    cards = "".join(el("li", el("span", txt(f.value), cls="value") + " "
                       + el("span", spans(ctx, f.label), cls="label"))
                    for row in box.rows for f in row)
    grid = el("ul", cards, cls="cards key-figures", style=f"--columns:{box.columns}")
    under = caption_lines(ctx, box.caption, box.source)
    ctx.add(el("figure", grid + el("figcaption", under)) if under else grid)


def goal(ctx, box: b.GoalBox) -> None:
    """One item of the list of goals."""
    ctx.open_group('<ol class="goals marked">', "</ol>")
    label = el("span", txt(box.label), cls="goal-label") + " " if box.label else ""
    body = el("p", label + spans(ctx, box.text), cls="goal-text")
    if box.attributes:
        body += el("p", txt(box.attributes), cls="goal-attributes")
    body += strategies(ctx, box.strategies_label, box.strategies)
    if box.indicators is not None:
        body += table_markup(ctx, box.indicators)
    ctx.add(el("li", body, data_label=box.number, id=box.target or None, cls=box.style))


def strategies(ctx, label: str | None, items) -> str:
    """The label ('STRATEGI') and the lettered strategies as a list."""
    out = el("p", txt(label), cls="strategy-label") if label else ""
    if items:
        out += el("ol", "".join(el("li", spans(ctx, s.text), data_label=s.label)
                                for s in items), cls="strategies marked")
    return out


def strategy_list(ctx, box: b.StrategiesBox) -> None:
    ctx.add(el("div", strategies(ctx, box.label, box.strategies), cls="strategy-block"))


def swot(ctx, box: b.SwotBox) -> None:
    """Caption above, then a table: per pair a row of two titles (th) over their bodies."""
    groups = []
    for pair in box.rows:          # each pair a tbody, so a printout keeps titles with bodies
        titles = el("tr", "".join(el("th", txt(q.title), scope="col",
                                      style=f"background:{q.colour.hex}") for q in pair))
        bodies = el("tr", "".join(el("td", _quadrant(ctx, q, box.bullet),
                                      style=f"background:{q.fill.hex}") for q in pair))
        groups.append(el("tbody", titles + bodies))
    caption = el("caption", caption_markup(ctx, box.caption)) if box.caption else ""
    ctx.add(el("table", caption + "".join(groups), cls="swot"))


def _quadrant(ctx, q: b.Quadrant, bullet: str) -> str:
    out = ""
    for group in q.groups:
        out += el("p", spans(ctx, group.title), cls="swot-group")
        out += el("ul", "".join(el("li", spans(ctx, item), data_label=bullet)
                                for item in group.items), cls="marked")
    return out


def callout(ctx, box: b.CalloutBox) -> None:
    """The panel in its variant; its colours from the layout."""
    style = f"--bar:{box.bar.hex};--fill:{box.fill.hex}"
    ctx.add(el("div", VARIANTS[box.variant](ctx, box), cls=f"callout {box.variant}",
               style=style))


def _slogan(ctx, box: b.CalloutBox) -> str:
    out = el("p", spans(ctx, box.title), cls="slogan-title") if box.title else ""
    out += "".join(el("p", spans(ctx, t), cls="slogan-text") for t in box.paragraphs)
    items = [item for row in box.item_rows for item in row]
    if items:
        out += el("ul", "".join(el("li", spans(ctx, i)) for i in items), cls="taglines")
    return out


def _values(ctx, box: b.CalloutBox) -> str:
    out = el("p", spans(ctx, box.title), cls="panel-title") if box.title else ""
    items = [item for row in box.item_rows for item in row]
    if items:
        out += el("ul", "".join(el("li", spans(ctx, i)) for i in items), cls="cards values",
                  style=f"--columns:{box.columns}")
    return out + "".join(el("p", spans(ctx, t)) for t in box.paragraphs)


def _box(ctx, box: b.CalloutBox) -> str:
    out = el("p", spans(ctx, box.title), cls="panel-title") if box.title else ""
    out += "".join(el("p", spans(ctx, t)) for t in box.paragraphs)
    if box.items:
        out += el("ul", "".join(el("li", spans(ctx, i), data_label=box.bullet)
                                for i in box.items), cls="marked")
    return out


VARIANTS = {"slogan": _slogan, "values": _values, "box": _box}
