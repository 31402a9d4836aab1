"""Key figures and goals: cards of large numbers, and a goal with its strategies.

Key figures: the layout's rows of cards on the light colour, caption and source below.
Goal: '1.1' and 'MÅL:' (Goal Label) before the goal's text, its attributes line, then the
strategies label and the lettered strategies, kept together so a goal never stands alone at a
page's foot, then its indicator table.
"""

from __future__ import annotations

from docx.shared import Pt

from plandoc.layout.boxes import GoalBox, KeyFiguresBox, StrategiesBox
from plandoc.writers.docx.captions import write_caption, write_source
from plandoc.writers.docx.context import Context
from plandoc.writers.docx.grid import cards, first_paragraph
from plandoc.writers.docx.inline import add_spans
from plandoc.writers.docx.tables import table
from plandoc.writers.docx.ooxml.links import add_bookmark
from plandoc.writers.docx.ooxml.paragraphs import (add_run, add_text, keep_next,
                                                   new_paragraph, number)


def key_figures(ctx: Context, box: KeyFiguresBox) -> None:
    """The figures as cards, `box.columns` to a row; caption and source below."""
    def card(cell, figure) -> None:
        run = add_text(first_paragraph(cell, "Key Figure"), figure.value)
        if box.value_size:
            run.font.size = Pt(box.value_size)
        add_spans(new_paragraph(cell, "Key Figure Label"), figure.label, ctx.targets)

    cards(ctx, box.rows, box.columns, ctx.palette.light.hex, card, pad_mm=(4, 2))
    write_caption(ctx, box.caption, keep_with_next=bool(box.source))
    write_source(ctx, box.source)
    if box.caption is None and box.source is None:
        ctx.spacer()


def goal(ctx: Context, box: GoalBox) -> None:
    """'1.1<tab>MÅL: text', then the strategies label and 'a)<tab>text' lines; the number
    and label Word's own list label where it counts to the layout's (outline.py)."""
    p = ctx.paragraph(GOAL_STYLES[box.style])
    placed = ctx.placed(box)
    if placed.own is not None:
        number(p, *placed.own)
    else:
        p.add_run(f"{box.number}\t{box.label} " if box.label else f"{box.number}\t",
                  style="Goal Label")
    add_spans(p, box.text, ctx.targets)
    if box.target:           # a goal with an id: cross-references ('mål 1.2') go here
        add_bookmark(p, box.target, ctx.bookmark_id())
    keep_next(p, box.keep)
    if box.attributes:
        p = ctx.paragraph("Goal Attributes", box.attributes)
        keep_next(p, box.keep)
    strategies(ctx, box.strategies_label, box.strategies, placed.strategies,
               keep_last=box.indicators is not None)
    _indicators(ctx, box)


GOAL_STYLES = {"goal": "Goal", "subgoal": "Subgoal"}


def strategies(ctx: Context, label: str | None, items, placed, keep_last: bool = False) -> None:
    """The strategies label (when there is one) and 'a)<tab>text' lines, kept together; the
    letters Word's list labels at `placed` (numId, ilvl), typed when None."""
    if label:
        ctx.paragraph("Strategy Label", label)
    last = len(items) - 1
    for i, strategy in enumerate(items):
        s = ctx.paragraph("Strategy")
        if placed is not None:
            number(s, *placed)
        else:
            add_run(s, f"{strategy.label}\t")
        add_spans(s, strategy.text, ctx.targets)
        keep_next(s, i < last or keep_last)


def strategy_list(ctx: Context, box: StrategiesBox) -> None:
    """Strategies on their own: as a goal's."""
    strategies(ctx, box.label, box.strategies, ctx.placed(box).strategies)


def _indicators(ctx: Context, box: GoalBox) -> None:
    """The goal's indicator table, drawn as any table."""
    if box.indicators is not None:
        table(ctx, box.indicators)
