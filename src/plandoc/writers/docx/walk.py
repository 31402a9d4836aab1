"""The walk: one function per block kind, dispatched by type.

Text blocks (headings, paragraphs, lists, page breaks) are here; figures and tables are in
figures.py, the plan-specific panels (key figures, SWOT, goals, callouts) in panels.py and
callouts.py.
"""

from __future__ import annotations

from plandoc.model import (Callout, Chart, Goal, Heading, Image, KeyFigures, ListBlock, PageBreak,
                           Paragraph, PartTitle, Program, Swot, Table)
from plandoc.writers.docx import callouts, figures, panels, program
from plandoc.writers.docx.context import Context
from plandoc.writers.docx.fields import add_bookmark
from plandoc.writers.docx.inline import add_spans

MAX_LIST_LEVEL = 2


def write_blocks(ctx: Context, blocks) -> None:
    """Write every block in order."""
    for block in blocks:
        WRITERS[type(block)](ctx, block)


def heading(ctx: Context, block: Heading) -> None:
    """Heading 1–3 (or its 'No TOC' twin), '<number> <title>', bookmarked for the TOC."""
    level = min(max(block.level, 1), 3)
    style = f"Heading {level}" if block.in_toc else f"Heading {level} No TOC"
    p = ctx.paragraph(style)
    if block.number:
        p.add_run(f"{block.number} ")
    add_spans(p, block.text, ctx.anchors)
    add_bookmark(p, ctx.bookmarks[id(block)], ctx.bookmark_id())


def paragraph(ctx: Context, block: Paragraph) -> None:
    add_spans(ctx.paragraph("Normal"), block.text, ctx.anchors)


def list_block(ctx: Context, block: ListBlock, level: int = 0) -> None:
    """List Bullet / List Number (2, 3 when nested); each numbered list restarts."""
    level = min(level, MAX_LIST_LEVEL)
    kind = "Number" if block.ordered else "Bullet"
    style = f"List {kind}" + (f" {level + 1}" if level else "")
    num_id = (ctx.numbering.number_id(level, block.start) if block.ordered
              else ctx.numbering.bullet_id)
    for item in block.items:
        p = ctx.paragraph(style)
        set_numbering(p, num_id, level)
        add_spans(p, item.text, ctx.anchors)
        for child in item.children:
            list_block(ctx, child, level + 1)


def set_numbering(p, num_id: int, level: int) -> None:
    """Direct w:numPr on a list paragraph (style gives the look, this the list instance)."""
    fmt = p._p.get_or_add_pPr()
    num_pr = fmt.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


def page_break(ctx: Context, block: PageBreak) -> None:
    """The next paragraph starts a new page."""
    ctx.break_pending = True


WRITERS = {
    Heading: heading,
    Paragraph: paragraph,
    ListBlock: list_block,
    PageBreak: page_break,
    KeyFigures: panels.key_figures,
    Swot: panels.swot,
    Goal: panels.goal,
    Callout: callouts.callout,
    Chart: figures.chart,
    Image: figures.image,
    Table: figures.table,
    Program: program.program,
    PartTitle: program.part_title,
}
