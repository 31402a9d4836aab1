"""Boxes → flowables: one handler per box kind, in WRITERS, called handler(ctx, box).

The text boxes (headings, paragraphs, lists, page breaks) are here; figures and tables are in
figures.py, key figures, SWOT and goals in panels.py, callouts in callouts.py, the program and
part pages in program.py.  Every flowable carries its structure role; a list is a run of LI
paragraphs that know their depth and label (the first of each list is marked `first`).
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak

from plandoc.layout import boxes as b
from plandoc.writers.pdf import (appendices, callouts, figures, panels, program,
                                 references, signing)
from plandoc.writers.pdf.context import Ctx
from plandoc.writers.pdf.flow import new_page
from plandoc.writers.pdf.flowables import HeadingParagraph, role
from plandoc.writers.pdf.markup import esc
from plandoc.writers.pdf.styles import nested

MARK_PT, MARK_GAP_PT = 2.25, 6   # a changed vedtak point's bar: its width, its gap to the label


def walk(ctx: Ctx, boxes) -> None:
    """Add the flowables of every box, in order."""
    for box in boxes:
        WRITERS[type(box)](ctx, box)


def heading(ctx: Ctx, box: b.HeadingBox) -> None:
    """'<number> <title>': a new page, or moved to the next one unless `room` remains below."""
    flow = new_page() if box.flow.new_page else \
        role(CondPageBreak(box.flow.room * ctx.height), "Artifact")
    number = f"{esc(box.number)} " if box.number else ""
    style = ctx.look[f"h{min(box.level, 3)}"]
    ctx.add(flow, HeadingParagraph(number + ctx.md(box.text), style, level=box.level,
                                   key=box.target, outline=box.outline_text, toc=box.toc_text))


def text(ctx: Ctx, box: b.TextBox) -> None:
    ctx.add(ctx.para(ctx.md(box.text), box.style, notes=box.text))


def list_box(ctx: Ctx, box: b.ListBox) -> None:
    """Each entry's label as the layout gives it, nested lists after their entry."""
    style = nested(ctx.look["list"], box.depth)
    for n, entry in enumerate(box.entries):
        p = ctx.para(ctx.label(entry.label, style) + ctx.md(entry.text), style, "LI",
                     notes=entry.text, label=entry.label, depth=box.depth, ordered=box.ordered,
                     first=n == 0)
        if entry.mark:
            p.bar = (ctx.look.colour(ctx.layout.palette.text), MARK_PT, MARK_GAP_PT)
        ctx.add(p)
        for child in entry.children:
            list_box(ctx, child)


def page_break(ctx: Ctx, box: b.PageBreakBox) -> None:
    ctx.add(new_page())


def case_list(ctx: Ctx, box: b.CaseListBox) -> None:
    """A meeting's saksliste: the parts the layout made of it, in order."""
    walk(ctx, box.parts)


WRITERS = {
    b.HeadingBox: heading, b.TextBox: text, b.ListBox: list_box, b.PageBreakBox: page_break,
    b.KeyFiguresBox: panels.key_figures, b.SwotBox: panels.swot, b.GoalBox: panels.goal,
    b.StrategiesBox: panels.strategy_list,
    b.CalloutBox: callouts.callout, b.ChartBox: figures.chart, b.ImageBox: figures.image,
    b.TableBox: figures.table, b.ProgramBox: program.program, b.PartBox: program.part_page,
    b.AppendixBox: appendices.appendix, b.AppendixListBox: appendices.appendix_list,
    b.ReferencesBox: references.references,
    b.SignaturesBox: signing.signatures, b.ForewordBox: signing.foreword,
    b.CaseListBox: case_list,
}
