"""Callouts, drawn by the variant the layout chose.

slogan: the title set large and centred between two rules in the bar colour, its text centred
beneath, then the taglines as a row.  values: a title, the items as cards in the layout's rows,
then the text.  box: title, text and bulleted items in a panel of the fill colour with a bar
of the bar colour at its left, moved whole to the next page when it fits there.
"""

from __future__ import annotations

from reportlab.platypus import KeepTogether

from plandoc.layout.boxes import CalloutBox
from plandoc.writers.pdf.context import Ctx
from plandoc.writers.pdf.flowables import role
from plandoc.writers.pdf.grid import SPLIT_MIN, between, cards, filled, grid, padding

BAR = 3.5            # points: the bar at the left of a box
RULE = 1.2           # points: the rules above and below a slogan
GAP = 3              # points of white between cards


def callout(ctx: Ctx, box: CalloutBox) -> None:
    """Dispatch on the layout's variant."""
    {"slogan": slogan, "values": values, "box": panel}[box.variant](ctx, box)


def slogan(ctx: Ctx, box: CalloutBox) -> None:
    parts = [ctx.cell(ctx.md(box.title), "slogan", slogan=True)]
    parts += [ctx.cell(ctx.md(p), "slogan_text") for p in box.paragraphs]
    if box.item_rows:
        parts.append(_taglines(ctx, box))
    bar, fill = ctx.look.colour(box.bar), ctx.look.colour(box.fill)
    t = grid([[parts]], [ctx.width], ctx.look.fonts.body, *padding(0, 0, 16, 16),
             ("BACKGROUND", (0, 0), (-1, -1), fill),
             ("LINEABOVE", (0, 0), (-1, 0), RULE, bar), ("LINEBELOW", (0, -1), (-1, -1), RULE, bar))
    t.spaceBefore = t.spaceAfter = ctx.look.sizes.body * 1.4
    ctx.add(role(t, "Div", callout=box.kind))


def _taglines(ctx: Ctx, box: CalloutBox):
    """The items side by side, a thin rule in the bar colour between them."""
    rows = [[ctx.cell(ctx.md(i), "tagline") for i in row] for row in box.item_rows]
    t = cards(rows, box.columns, ctx.width, ctx.look.fonts.body, *padding(6, 6, 2, 4),
              ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *between(rows, 0.8, ctx.look.colour(box.bar)))
    return role(t, "L", taglines=True)


def values(ctx: Ctx, box: CalloutBox) -> None:
    if box.title:
        ctx.add(ctx.para(ctx.md(box.title), "panel_title", "H4"))
    if box.item_rows:
        ctx.add(_cards(ctx, box))
    ctx.add(*(ctx.para(ctx.md(p), "panel_text") for p in box.paragraphs))


def _cards(ctx: Ctx, box: CalloutBox):
    """The items as cards of the fill colour, `columns` to a row."""
    rows = [[ctx.cell(ctx.md(i), "value_word", "LI") for i in row] for row in box.item_rows]
    t = cards(rows, box.columns, ctx.width, ctx.look.fonts.body, *padding(6, 6, 9, 11),
              *filled(rows, ctx.look.colour(box.fill)),
              ("GRID", (0, 0), (-1, -1), GAP, ctx.look.colour(ctx.layout.palette.white)))
    t.spaceAfter = ctx.look.sizes.body * 0.8
    return role(t, "L", values=True)


def panel(ctx: Ctx, box: CalloutBox) -> None:
    """Title, text and bulleted items in a tinted panel with a bar at the left."""
    item = ctx.look["list"]
    parts = [ctx.cell(ctx.md(box.title), "panel_title", "H4")] if box.title else []
    parts += [ctx.cell(ctx.md(p), "panel_text") for p in box.paragraphs]
    parts += [ctx.cell(ctx.label(box.bullet, item) + ctx.md(i), item, "LI", label=box.bullet)
              for i in box.items]
    t = grid([[parts or ""]], [ctx.width], ctx.look.fonts.body,
             ("BACKGROUND", (0, 0), (-1, -1), ctx.look.colour(box.fill)),
             ("LINEBEFORE", (0, 0), (0, -1), BAR, ctx.look.colour(box.bar)),
             *padding(16, 16, 12, 10), splitInRow=SPLIT_MIN)
    t.spaceBefore, t.spaceAfter = ctx.look.sizes.body * 0.5, ctx.look.sizes.body * 1.2
    ctx.add(role(KeepTogether([role(t, "Aside", callout=box.kind)]), "Div", layout=True))
