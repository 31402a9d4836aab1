"""A meeting program as a timetable, and a plan part's title page.

Program: two columns, the time at the left in the primary colour, title (bold), 'ved speaker' beneath it
and sub-items at the right; a part ('Del 1: …') is a tinted full-width row.  Part title page:
a page of its own with the label and title set large, listed in the contents like a chapter.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from plandoc import model as m
from plandoc.layout.front import part_heading
from plandoc.writers.pdf.context import SPLIT_MIN, Ctx
from plandoc.writers.pdf.flowables import HeadingParagraph, LinedParagraph, role
from plandoc.writers.pdf.markup import esc
from plandoc.writers.pdf.styles import tint

TIME_MM = 22


def program(b: m.Program, ctx: Ctx) -> list:
    look = ctx.look
    rows, cmds = [], []
    for entry in b.entries:
        if isinstance(entry, m.ProgramPart):
            cmds += [("SPAN", (0, len(rows)), (1, len(rows))),
                     ("BACKGROUND", (0, len(rows)), (1, len(rows)), look.colors["light"]),
                     ("TOPPADDING", (0, len(rows)), (1, len(rows)), 6)]
            rows.append([role(LinedParagraph(ctx.md(entry.title), look["cell_head_dark"]), "TD"),
                         ""])
            rows += [["", _cell(i, ctx)] for i in entry.items]
        else:
            rows.append([_time(entry, ctx), _cell(entry, ctx)])
    t = role(Table(rows, colWidths=[TIME_MM * mm, ctx.width - TIME_MM * mm], hAlign="LEFT",
                   splitInRow=SPLIT_MIN), "Table", program=True)
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), look.fonts.body),
                           ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 6),
                           ("TOPPADDING", (0, 0), (-1, -1), 3),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                           ("LINEABOVE", (0, 0), (-1, 0), 1.2, look.colors["primary"]),
                           ("LINEBELOW", (0, 0), (-1, -1), 0.4, tint(look.colors["muted"], 0.3)),
                           *cmds]))
    t.spaceBefore, t.spaceAfter = 4, look.sizes["body"]
    title = role(Paragraph(ctx.md(b.title), look["h2"]), "H2") if b.title else None
    return ([title] if title else []) + [t]


def _time(item: m.ProgramItem, ctx: Ctx):
    style = ctx.look["cell_time"]
    return role(LinedParagraph(esc(item.time or ""), style), "TD")


def _cell(item: m.ProgramItem, ctx: Ctx) -> list:
    look = ctx.look
    text = f"<b>{ctx.md(item.title)}</b>" if item.time else ctx.md(item.title)
    out = [role(LinedParagraph(text, look["cell"]), "P")]
    if item.speaker:
        out.append(role(LinedParagraph(f"<i>{esc(ctx.words['by'])} {ctx.md(item.speaker)}</i>",
                                       look["cell"]), "P"))
    out += [role(LinedParagraph(f"<bullet>{esc('–')}</bullet>{ctx.md(s)}", look["cell_item"]),
                 "LI") for s in item.items]
    return out


def part_title(b: m.PartTitle, ctx: Ctx) -> list:
    """A page of its own: label, title and intro set large; a level-1 entry in the contents."""
    look = ctx.look
    h = part_heading(b)
    label = f"{esc(b.label.upper())}<br/>" if b.label else ""
    para = HeadingParagraph(f'<font size="{look.sizes["body"] + 2}" color="'
                            f'{look.hex["accent"]}">{label}</font>{ctx.md(b.text)}',
                            look["part_title"], level=1, key=ctx.key(b.anchor),
                            outline=m.plain(h.text), in_toc=True)
    out = [role(PageBreakIfNotEmpty(), "Artifact"), Spacer(1, ctx.height * 0.3), para]
    if b.intro:
        out.append(role(Paragraph(ctx.md(b.intro), look["cover_subtitle"]), "P"))
    return out + [role(PageBreak(), "Artifact")]
