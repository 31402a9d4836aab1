"""A meeting program as a timetable, and a part's title page.

Program: the time column at the left, the item at the right — its title and 'ved …' as the
layout styled their spans, sub-items after the layout's mark; a part ('Del 1: …') is a
full-width light row.  Part page: a page of its own with the label over the title and the
intro; the part's body starts on the next page.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from plandoc.layout import boxes as b
from plandoc.writers.pdf.context import Ctx
from plandoc.writers.pdf.flow import new_page
from plandoc.writers.pdf.flowables import HeadingParagraph, role
from plandoc.writers.pdf.grid import SPLIT_MIN, whole_rows, grid, padding
from plandoc.writers.pdf.markup import esc


def program(ctx: Ctx, box: b.ProgramBox) -> None:
    """A rule in the primary colour, then the rows; each part's row is a table of its own that
    keeps with the rows after it, so a part never ends a page without its first item."""
    if box.title:
        ctx.add(ctx.para(ctx.md(box.title), "h2", "H2"))
    group = object()        # the runs' tables are one Table in the structure tree
    tables = [_rows(ctx, box, run, group) for run in _runs(box.rows)]
    if tables:
        primary = ctx.look.colour(ctx.layout.palette.primary)
        tables[0].setStyle([("LINEABOVE", (0, 0), (-1, 0), 1.2, primary)])
        tables[0].spaceBefore, tables[-1].spaceAfter = 4, ctx.look.sizes.body
    ctx.add(*tables)


def _runs(rows) -> list[list]:
    """The rows in runs: every part row alone, the item rows between them together."""
    runs: list[list] = []
    for row in rows:
        alone = isinstance(row, b.ProgramPartRow)
        if alone or not runs or isinstance(runs[-1][0], b.ProgramPartRow):
            runs.append([])
        runs[-1].append(row)
    return runs


def _rows(ctx: Ctx, box: b.ProgramBox, run: list, group: object):
    """One run as a table: a part's title row (a data cell across the table), or items whose
    time heads their row (TH, /Scope /Row)."""
    time = box.time_width_mm * mm
    cmds = [("LINEBELOW", (0, 0), (-1, -1), 0.4, ctx.look.colour(ctx.layout.palette.rule))]
    if isinstance(run[0], b.ProgramPartRow):
        cmds += [("SPAN", (0, 0), (1, 0)), ("TOPPADDING", (0, 0), (1, 0), 6),
                 ("BACKGROUND", (0, 0), (1, 0), ctx.look.colour(ctx.layout.palette.light))]
        data = [[ctx.cell(ctx.md(run[0].title), "program_part", "TD"), ""]]
    else:
        data = [[ctx.cell(esc(row.time), "program_time", "TH"), _item(ctx, row)] for row in run]
    t = grid(data, [time, ctx.width - time], ctx.look.fonts.body, *padding(6, 6, 3, 5), *cmds,
             splitInRow=SPLIT_MIN)
    whole_rows(t, ctx.width, ctx.height)
    t.keepWithNext = int(isinstance(run[0], b.ProgramPartRow))
    return role(t, "Table", program=True, group=group)


def _item(ctx: Ctx, row: b.ProgramRow) -> list:
    """Title, then 'ved …', then the sub-items and questions, each after its mark."""
    out = [ctx.cell(ctx.md(row.title), "table_text")]
    if row.speaker:
        out.append(ctx.cell(ctx.md(row.speaker), "table_text"))
    style = ctx.look["program_item"]
    return out + [ctx.cell(ctx.label(mark, style) + ctx.md(s), style, "LI", label=mark)
                  for mark, s in row.items]


def part_page(ctx: Ctx, box: b.PartBox) -> None:
    """Label, title and intro on a page of their own; a level-1 entry in outline and contents."""
    ctx.add(new_page(), role(Spacer(1, box.drop * ctx.height), "Artifact"))
    if box.label:
        ctx.add(ctx.para(esc(box.label), "part_label", part_label=True))
    ctx.add(HeadingParagraph(ctx.md(box.text), ctx.look["part_title"], level=1,
                             key=box.target, outline=box.outline_text, toc=box.toc_text))
    if box.intro:
        ctx.add(ctx.para(ctx.md(box.intro), "cover_subtitle"))
    ctx.add(role(PageBreak(), "Artifact"))
