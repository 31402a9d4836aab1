"""The designed blocks: key figures, goals with strategies, the SWOT 2×2 and callouts.

Each is built from paragraphs and tables (TrueType fonts named in every table style) and keeps
its structure role; tables may split between and inside rows so nothing is ever too large.
"""

from __future__ import annotations

from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from plandoc import model as m
from plandoc.writers.pdf.context import SPLIT_MIN, Ctx, caption, source
from plandoc.writers.pdf.flowables import role
from plandoc.writers.pdf.markup import colored, esc
from plandoc.writers.pdf.styles import Look, tint

KEY_FIGURES_PER_ROW = 4
GOAL_INDENT = 34          # points: the goal number hangs in this column
SWOT_ORDER = ("strengths", "weaknesses", "opportunities", "threats")


def _style(look: Look, *cmds) -> TableStyle:
    """A table style that always names a TrueType font and has no padding unless asked."""
    base = [("FONTNAME", (0, 0), (-1, -1), look.fonts.body),
            ("VALIGN", (0, 0), (-1, -1), "TOP")]
    return TableStyle(base + list(cmds))


# --- key figures ---------------------------------------------------------------------------


def key_figures(b: m.KeyFigures, ctx: Ctx) -> list:
    """Large numbers in the primary colour with their labels below, side by side."""
    look = ctx.look
    if not b.items:
        return []
    cells = [[role(Paragraph(esc(kf.value), look["kf_value"]), "P", key_figure=True),
              role(Paragraph(ctx.md(kf.label), look["kf_label"]), "P")] for kf in b.items]
    per_row = min(len(cells), KEY_FIGURES_PER_ROW)
    rows = [cells[i:i + per_row] for i in range(0, len(cells), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    t = Table(rows, colWidths=[ctx.width / per_row] * per_row, hAlign="LEFT")
    t.setStyle(_style(look, ("BACKGROUND", (0, 0), (-1, -1), look.colors["light"]),
                      ("LINEAFTER", (0, 0), (-2, -1), 2.5, look.colors["white"]),
                      ("LINEBELOW", (0, 0), (-1, -2), 2.5, look.colors["white"]),
                      ("TOPPADDING", (0, 0), (-1, -1), 12),
                      ("BOTTOMPADDING", (0, 0), (-1, -1), 13)))
    parts = [role(t, "Table", layout=True)]
    if b.caption:
        parts.append(caption(ctx, "figure", 0, ctx.md(b.caption)))
    parts += source(ctx, b.source) or [Spacer(1, look.sizes["body"])]
    return [KeepTogether(parts)]


# --- goals -----------------------------------------------------------------------------------


def goal(b: m.Goal, ctx: Ctx) -> list:
    """'1.1  MÅL: text', then 'STRATEGI' and the strategies 'a) text' with hanging indent.

    The goal and strategy label are keepWithNext, so a goal stays with its first strategy.
    """
    look, words, primary = ctx.look, ctx.words, ctx.look.hex["primary"]
    number = colored(f"<b>{esc(b.number)}</b>", primary)
    label = colored(f"<b>{esc(words['goal'])}:</b>", primary)
    style = look["goal"].clone("goal_n", leftIndent=GOAL_INDENT, bulletIndent=0,
                               bulletFontName=look.fonts.body_bold)
    out = [role(Paragraph(f"<bullet>{number}</bullet>{label} {ctx.md(b.text)}", style),
                "P", goal=b.number)]
    if b.strategies:
        out.append(role(Paragraph(esc(words["strategy"]), look["strategy_label"].clone(
            "strategy_label_n", leftIndent=GOAL_INDENT)), "P", strategy_label=True))
    out += [_strategy(s, ctx) for s in b.strategies]
    if out:
        out[-1].spaceAfter = look.sizes["body"] * 0.9
    return out


def _strategy(s: m.Strategy, ctx: Ctx) -> Paragraph:
    style = ctx.look["strategy"].clone("strategy_n", leftIndent=GOAL_INDENT + 18,
                                       bulletIndent=GOAL_INDENT)
    text = f"<bullet>{esc(s.letter)})</bullet>{ctx.md(s.text)}"
    return role(Paragraph(text, style), "LI", strategy=s.letter)


# --- SWOT ------------------------------------------------------------------------------------


def swot(b: m.Swot, ctx: Ctx) -> list:
    """A 2×2: strong title bars over tinted quadrants, groups with bullets.

    Each half (S|W, O|T) is a table whose title row repeats when its quadrants run onto the
    next page; quadrant rows split inside the row, so any amount of content lays out.
    """
    quads = {q.kind: q for q in b.quadrants}
    head = [caption(ctx, "figure", 0, ctx.md(b.caption), above=True)] if b.caption else []
    halves = [_swot_half(SWOT_ORDER[i:i + 2], quads, ctx) for i in (0, 2)]
    halves[0].spaceAfter = 3
    halves[1].spaceAfter = ctx.look.sizes["body"]
    return head + halves


def _swot_half(kinds: tuple, quads: dict, ctx: Ctx) -> Table:
    look = ctx.look
    data = [[_swot_title(k, ctx) for k in kinds], [_swot_body(quads.get(k), ctx) for k in kinds]]
    t = Table(data, colWidths=[ctx.width / 2] * 2, repeatRows=1, splitInRow=SPLIT_MIN,
              hAlign="LEFT")
    cmds = [("LINEAFTER", (0, 0), (0, -1), 3, look.colors["white"]),
            ("LINEBELOW", (0, 0), (-1, 0), 3, look.colors["white"]),
            ("LEFTPADDING", (0, 0), (-1, -1), 9), ("RIGHTPADDING", (0, 0), (-1, -1), 9),
            ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]
    for col, kind in enumerate(kinds):
        color = look.swot[kind]
        cmds += [("BACKGROUND", (col, 0), (col, 0), color),
                 ("BACKGROUND", (col, 1), (col, -1), tint(color, 0.11))]
    t.setStyle(_style(look, *cmds))
    return role(t, "Table", swot=kinds)


def _swot_title(kind: str, ctx: Ctx) -> Paragraph:
    return role(Paragraph(esc(ctx.words[kind]), ctx.look["swot_title"]), "TH", quadrant=kind)


def _swot_body(q: m.SwotQuadrant | None, ctx: Ctx) -> list:
    look = ctx.look
    bullet = colored(esc(look.bullet), look.hex["text"])
    out = []
    for group in (q.groups if q else ()):
        if group.title:
            out.append(role(Paragraph(ctx.md(group.title), look["swot_group"]), "P",
                            group_title=True))
        out += [role(Paragraph(f"<bullet>{bullet}</bullet>{ctx.md(item)}", look["swot_item"]),
                     "LI") for item in group.items]
    return out or [""]


# --- callouts --------------------------------------------------------------------------------


def callout(b: m.Callout, ctx: Ctx) -> list:
    """Slogan, values, vision or note."""
    return {"slogan": _slogan, "values": _values, "vision": _vision}.get(b.kind, _note)(b, ctx)


def _slogan(b: m.Callout, ctx: Ctx) -> list:
    """The slogan set large and centred; taglines in a row beneath, between thin rules."""
    look = ctx.look
    parts = [role(Paragraph(ctx.md(b.title), look["slogan"]), "P", slogan=True)]
    if b.items:
        n = len(b.items)
        cells = [[role(Paragraph(ctx.md(i), look["tagline"]), "P") for i in b.items]]
        t = Table(cells, colWidths=[ctx.width / n] * n)
        t.setStyle(_style(look, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                          ("LINEAFTER", (0, 0), (-2, -1), 0.8, look.colors["accent"]),
                          ("TOPPADDING", (0, 0), (-1, -1), 2),
                          ("BOTTOMPADDING", (0, 0), (-1, -1), 4)))
        parts.append(role(t, "Table", layout=True))
    parts += [role(Paragraph(ctx.md(p), look["body"].clone("slogan_text", alignment=1)), "P")
              for p in b.paragraphs]
    return [_ruled(parts, ctx)]


def _ruled(parts: list, ctx: Ctx) -> Table:
    """Content between two rules in the primary colour, kept on one page."""
    look = ctx.look
    t = Table([[p] for p in parts], colWidths=[ctx.width])
    t.setStyle(_style(look, ("LINEABOVE", (0, 0), (-1, 0), 1.2, look.colors["primary"]),
                      ("LINEBELOW", (0, -1), (-1, -1), 1.2, look.colors["primary"]),
                      ("TOPPADDING", (0, 0), (-1, 0), 16),
                      ("BOTTOMPADDING", (0, -1), (-1, -1), 16),
                      ("LEFTPADDING", (0, 0), (-1, -1), 0),
                      ("RIGHTPADDING", (0, 0), (-1, -1), 0)))
    t.spaceBefore, t.spaceAfter = look.sizes["body"] * 0.6, look.sizes["body"] * 1.4
    return role(t, "Div", callout="slogan")


def _values(b: m.Callout, ctx: Ctx) -> list:
    """Title, the values as a row of tinted words, then the text."""
    look = ctx.look
    out = [role(Paragraph(ctx.md(b.title), look["panel_title"]), "H4")] if b.title else []
    if b.items:
        n = min(len(b.items), 4)
        cells = [role(Paragraph(ctx.md(i), look["value_word"]), "LI") for i in b.items]
        rows = [cells[i:i + n] for i in range(0, len(cells), n)]
        rows[-1] += [""] * (n - len(rows[-1]))
        t = Table(rows, colWidths=[ctx.width / n] * n, hAlign="LEFT")
        t.setStyle(_style(look, ("BACKGROUND", (0, 0), (-1, -1), look.colors["light"]),
                          ("GRID", (0, 0), (-1, -1), 3, look.colors["white"]),
                          ("TOPPADDING", (0, 0), (-1, -1), 9),
                          ("BOTTOMPADDING", (0, 0), (-1, -1), 11)))
        t.spaceAfter = look.sizes["body"] * 0.8
        out.append(role(t, "L", values=True))
    out += [role(Paragraph(ctx.md(p), look["body"]), "P") for p in b.paragraphs]
    return out


def _vision(b: m.Callout, ctx: Ctx) -> list:
    """A tinted box with a bar in the primary colour."""
    return [_box(b, ctx, ctx.look.colors["primary"], ctx.look.colors["light"], "vision")]


def _note(b: m.Callout, ctx: Ctx) -> list:
    """A quieter box with a bar in the accent colour."""
    accent = ctx.look.colors["accent"]
    return [_box(b, ctx, accent, tint(accent, 0.08), b.kind)]


def _box(b: m.Callout, ctx: Ctx, bar, background, kind: str) -> KeepTogether:
    """A tinted panel with a coloured bar; moved whole to the next page when it fits there."""
    look = ctx.look
    parts = [role(Paragraph(ctx.md(b.title), look["panel_title"]), "H4")] if b.title else []
    parts += [role(Paragraph(ctx.md(p), look["panel_text"]), "P") for p in b.paragraphs]
    parts += [role(Paragraph(f"<bullet>{esc(look.bullet)}</bullet>{ctx.md(i)}",
                             look["swot_item"]), "LI") for i in b.items]
    t = Table([[p] for p in parts or [""]], colWidths=[ctx.width], splitInRow=SPLIT_MIN)
    t.setStyle(_style(look, ("BACKGROUND", (0, 0), (-1, -1), background),
                      ("LINEBEFORE", (0, 0), (0, -1), 3.5, bar),
                      ("LEFTPADDING", (0, 0), (-1, -1), 16),
                      ("RIGHTPADDING", (0, 0), (-1, -1), 16),
                      ("TOPPADDING", (0, 0), (-1, -1), 0),
                      ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                      ("TOPPADDING", (0, 0), (-1, 0), 12),
                      ("BOTTOMPADDING", (0, -1), (-1, -1), 10)))
    t.spaceBefore, t.spaceAfter = look.sizes["body"] * 0.5, look.sizes["body"] * 1.2
    return KeepTogether([role(t, "Aside", callout=kind)])
