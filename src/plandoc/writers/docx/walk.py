"""The walk: one writer per box kind, registered in WRITERS, each called as handler(ctx, box).

Text boxes (headings, paragraphs, lists, page breaks) are written here; figures, tables, panels,
callouts, the program and part pages in their own modules.
"""

from __future__ import annotations

from docx.shared import Pt

from plandoc.layout.boxes import (AppendixBox, AppendixListBox, CalloutBox, CaseListBox,
                                  ChartBox, GoalBox,
                                  StrategiesBox,
                                  HeadingBox, ImageBox, KeyFiguresBox, ListBox, PageBreakBox,
                                  PartBox, ProgramBox, ReferencesBox, SignaturesBox,
                                  ForewordBox, SwotBox, TableBox, TextBox)
from plandoc.writers.docx import (appendices, callouts, figures, panels, parts,
                                  program, references, signing, swot, tables)
from plandoc.writers.docx.context import Context
from plandoc.writers.docx.inline import add_spans
from plandoc.writers.docx.ooxml.links import add_bookmark
from plandoc.writers.docx.ooxml.paragraphs import add_run, number, rule

HEADING_LEVELS = 3
MARK_PT, MARK_SPACE_PT = 2.25, 6   # a changed vedtak point's bar: its width, its gap to the text


def write_blocks(ctx: Context, boxes) -> None:
    """Write every box in order."""
    for box in boxes:
        WRITERS[type(box)](ctx, box)


def heading_style(box: HeadingBox, toc_levels: int) -> str:
    """'Heading N', or its 'No TOC' twin for a heading the contents leaves out."""
    level = min(box.level, HEADING_LEVELS)
    left_out = box.toc_text is None and level <= toc_levels
    return f"Heading {level} No TOC" if left_out else f"Heading {level}"


def heading(ctx: Context, box: HeadingBox) -> None:
    """'<number> <title>' in its heading style, bookmarked as the box's target; the number
    Word's own (outline.py) where it counts to the layout's."""
    if box.flow.new_page:
        ctx.break_pending = True
    p = ctx.heading(heading_style(box, ctx.layout.theme.layout.toc_levels))
    placed = ctx.placed(box).own
    if placed is not None:
        number(p, *placed)
    elif box.number:
        add_run(p, f"{box.number} ")
    add_spans(p, box.text, ctx.targets)
    add_bookmark(p, box.target, ctx.bookmark_id())


def text(ctx: Context, box: TextBox) -> None:
    add_spans(ctx.paragraph(TEXT_STYLES[box.style]), box.text, ctx.targets)


TEXT_STYLES = {"body": "Normal", "quote": "Quote"}


def list_box(ctx: Context, box: ListBox) -> None:
    """A list; as a whole it ends with the gap a paragraph ends with."""
    last = _items(ctx, box)
    if last is not None:
        last.paragraph_format.space_after = Pt(ctx.looks["body"].after)


def _items(ctx: Context, box: ListBox):
    """List Bullet / List Number (2, 3 when nested), items in the box's Word list; the last
    paragraph written."""
    level = ctx.numbering.level(box)
    kind = "Number" if box.ordered else "Bullet"
    style = f"List {kind}" + (f" {level + 1}" if level else "")
    num_id, p = ctx.numbering.list_for(box), None
    for entry in box.entries:
        p = ctx.paragraph(style)
        number(p, num_id, level)
        if entry.mark:
            rule(p, "left", MARK_PT, ctx.palette.text.hex, MARK_SPACE_PT)
        add_spans(p, entry.text, ctx.targets)
        for child in entry.children:
            p = _items(ctx, child)
    return p


def page_break(ctx: Context, box: PageBreakBox) -> None:
    """The next paragraph starts a new page."""
    ctx.break_pending = True


def case_list(ctx: Context, box: CaseListBox) -> None:
    """A meeting's saksliste: the parts the layout made of it, in order."""
    write_blocks(ctx, box.parts)


WRITERS = {
    HeadingBox: heading,
    TextBox: text,
    ListBox: list_box,
    PageBreakBox: page_break,
    KeyFiguresBox: panels.key_figures,
    GoalBox: panels.goal,
    StrategiesBox: panels.strategy_list,
    SwotBox: swot.swot,
    CalloutBox: callouts.callout,
    ChartBox: figures.chart,
    ImageBox: figures.image,
    TableBox: tables.table,
    ProgramBox: program.program,
    PartBox: parts.part,
    AppendixBox: appendices.appendix,
    AppendixListBox: appendices.appendix_list,
    ReferencesBox: references.references,
    SignaturesBox: signing.signatures,
    ForewordBox: signing.foreword,
    CaseListBox: case_list,
}
