"""Key figures, the SWOT 2×2 and goals with their strategies.

Key figures and SWOT quadrants are tables (TrueType fonts named in every table style, see
grid.py) in the rows the layout formed, in the colours it resolved; quadrant rows may split
inside the row, so any amount of content lays out.  A goal is labelled paragraphs: the number
hangs before 'MÅL: text', each strategy's 'a)' before its text.
"""

from __future__ import annotations

from reportlab.platypus import Spacer

from plandoc.layout import boxes as b
from plandoc.writers.pdf.context import Ctx
from plandoc.writers.pdf.figures import captions, table
from plandoc.writers.pdf.flow import together
from plandoc.writers.pdf.flowables import role
from plandoc.writers.pdf.grid import SPLIT_MIN, whole_rows, between, cards, filled, grid, padding
from plandoc.writers.pdf.markup import destination, esc

GAP = 2.5            # points of white between cards and between the two rows of the SWOT


# --- key figures ---------------------------------------------------------------------------


def key_figures(ctx: Ctx, box: b.KeyFiguresBox) -> None:
    """Cards of a large number over its label, `columns` to a row; caption and source below
    (or, without them, a line of room)."""
    notes = captions(ctx, box.caption, box.source) or \
        [role(Spacer(1, ctx.look.sizes.body), "Artifact")]
    ctx.add(*together(([_cards(ctx, box)] if box.rows else []) + notes))


def _cards(ctx: Ctx, box: b.KeyFiguresBox):
    """Light cards with white gaps between them."""
    rows = [[_card(ctx, kf, box.value_size) for kf in row] for row in box.rows]
    light, white = (ctx.look.colour(c) for c in (ctx.layout.palette.light,
                                                 ctx.layout.palette.white))
    gaps = [("LINEBELOW", (0, 0), (-1, -2), GAP, white)] if len(rows) > 1 else []
    t = cards(rows, box.columns, ctx.width, ctx.look.fonts.body, *padding(6, 6, 12, 13),
              *filled(rows, light), *between(rows, GAP, white), *gaps)
    return role(t, "Table", layout=True)


def _card(ctx: Ctx, kf, size: float) -> list:
    return [ctx.cell(esc(kf.value), _value_style(ctx, size), key_figure=True),
            ctx.cell(ctx.md(kf.label), "key_figure_label")]


def _value_style(ctx: Ctx, size: float):
    """The key figure style at the layout's size."""
    style = ctx.look["key_figure"]
    if not size or abs(size - style.fontSize) < 0.01:
        return style
    key = f"key_figure_{size}"
    if key not in ctx.look.styles:
        ctx.look.styles[key] = style.clone(key, fontSize=size,
                                           leading=style.leading * size / style.fontSize)
    return ctx.look.styles[key]


# --- SWOT ----------------------------------------------------------------------------------


def swot(ctx: Ctx, box: b.SwotBox) -> None:
    """Caption above, then each row of two quadrants: title bars over tinted bodies.

    The 2×2 stays on one page when it fits on one; a longer one flows on, each row moving to
    the next page whole (and its title row repeating there) unless it is taller than a page.
    """
    halves = [_swot_row(ctx, row, box.bullet) for row in box.rows]
    for half in halves:
        half.spaceAfter = GAP
    if halves:
        halves[-1].spaceAfter = ctx.look.sizes.body
    ctx.add(*together(captions(ctx, box.caption) + halves))


def _swot_row(ctx: Ctx, row: tuple, bullet: str):
    data = [[ctx.cell(esc(q.title), "swot_title", "TH", quadrant=q.kind) for q in row],
            [_quadrant(ctx, q, bullet) for q in row]]
    colour, white = ctx.look.colour, ctx.look.colour(ctx.layout.palette.white)
    cmds = [("LINEAFTER", (0, 0), (0, -1), GAP, white), ("LINEBELOW", (0, 0), (-1, 0), GAP, white)]
    for col, q in enumerate(row):
        cmds += [("BACKGROUND", (col, 0), (col, 0), colour(q.colour)),
                 ("BACKGROUND", (col, 1), (col, -1), colour(q.fill))]
    t = grid(data, [ctx.width / 2] * 2, ctx.look.fonts.body, *cmds, *padding(9, 9, 5, 8),
             repeatRows=1, splitInRow=SPLIT_MIN)
    whole_rows(t, ctx.width, ctx.height)
    return role(t, "Table", swot=tuple(q.kind for q in row))


def _quadrant(ctx: Ctx, q: b.Quadrant, bullet: str) -> list | str:
    """A quadrant's groups: each title, then its items with the bullet."""
    item = ctx.look["swot_item"]
    out = []
    for group in q.groups:
        if group.title:
            out.append(ctx.cell(ctx.md(group.title), "swot_group", group_title=True))
        out += [ctx.cell(ctx.label(bullet, item) + ctx.md(text), item, "LI", label=bullet)
                for text in group.items]
    return out or ""


# --- goals ---------------------------------------------------------------------------------


def goal(ctx: Ctx, box: b.GoalBox) -> None:
    """'1.1  MÅL: text', then 'STRATEGI' and the strategies 'a)  text'.

    The goal and the strategy label keep with the next paragraph (their text styles say so),
    so a goal stays with its first strategy.
    """
    style = ctx.look[box.style]
    label = f"{esc(box.label)} " if box.label else ""
    goal = ctx.para(f"{ctx.label(box.number, style)}{destination(box.target)}"
                    f"{label}{ctx.md(box.text)}", style, goal=box.number)
    goal.keepWithNext = box.keep
    ctx.add(goal)
    if box.attributes:
        attributes = ctx.para(esc(box.attributes), "goal_attributes")
        attributes.keepWithNext = box.keep
        ctx.add(attributes)
    strategies(ctx, box.strategies_label, box.strategies, keep_last=box.indicators is not None)
    if box.indicators is not None:          # the indicator table, drawn as any table
        table(ctx, box.indicators)


def strategies(ctx: Ctx, label: str | None, items, keep_last: bool = False) -> None:
    """The strategies label (when there is one) and the lettered strategies; the last keeps
    with what follows when `keep_last` (a goal's indicator table)."""
    if label:
        ctx.add(ctx.para(esc(label), "strategy_label", strategy_label=True))
    strategy = ctx.look["strategy"]
    for n, s in enumerate(items, 1):
        p = ctx.para(ctx.label(s.label, strategy) + ctx.md(s.text), strategy, "LI",
                     label=s.label)
        p.keepWithNext = keep_last and n == len(items)
        ctx.add(p)


def strategy_list(ctx: Ctx, box: b.StrategiesBox) -> None:
    """Strategies on their own: as a goal's."""
    strategies(ctx, box.label, box.strategies)
