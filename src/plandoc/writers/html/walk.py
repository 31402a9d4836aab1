"""Boxes → HTML: one handler per box kind, in WRITERS, called handler(ctx, box).

The text boxes (headings, paragraphs, lists, page breaks) are here; figures and tables are in
figures.py, key figures, goals, the SWOT and callouts in panels.py, the program, parts,
appendices, references and signatures in parts.py.  A page break has no meaning on a web page
and writes nothing.  Lists are real lists whose markers are the layout's labels ('1.', 'a)',
'❖'), shown by the stylesheet from each item's data-label, never typed into the text.
"""

from __future__ import annotations

from plandoc.layout import boxes as b
from plandoc.writers.html import figures, panels, parts
from plandoc.writers.html.context import Ctx
from plandoc.writers.html.markup import el, esc, spans


def write_blocks(ctx: Ctx, boxes) -> None:
    """Write every box in order; consecutive goals share one list, consecutive paragraphs of
    a quote one blockquote."""
    for box in boxes:
        if not (isinstance(box, b.GoalBox) or isinstance(box, b.TextBox) and box.style == "quote"):
            ctx.close_group()
        WRITERS[type(box)](ctx, box)


def heading(ctx: Ctx, box: b.HeadingBox) -> None:
    """'<number> <title>' as the h element of its level; a chapter opens a section."""
    if box.level == 1:
        ctx.open_section(box.target, box.outline_text)
    number = el("span", esc(box.number), cls="number") + " " if box.number else ""
    ctx.add(el(ctx.heading_tag(box.level), number + spans(ctx, box.text), id=box.target,
               cls=f"l{min(box.level, 3)}"))


def text(ctx: Ctx, box: b.TextBox) -> None:
    if box.style == "quote":
        ctx.open_group("<blockquote>", "</blockquote>")
    else:
        ctx.close_group()
    ctx.add(el("p", spans(ctx, box.text)))


def list_box(ctx: Ctx, box: b.ListBox) -> None:
    ctx.add(list_markup(ctx, box))


def list_markup(ctx: Ctx, box: b.ListBox) -> str:
    """ol or ul; each item's marker its label, a changed vedtak point marked."""
    items = []
    for entry in box.entries:
        nested = "".join(list_markup(ctx, child) for child in entry.children)
        items.append(el("li", spans(ctx, entry.text) + nested, data_label=entry.label,
                        cls="changed" if entry.mark else None))
    return el("ol" if box.ordered else "ul", "".join(items), cls="marked")


def page_break(ctx: Ctx, box: b.PageBreakBox) -> None:
    """Nothing: a web page has no pages."""


def case_list(ctx: Ctx, box: b.CaseListBox) -> None:
    """A meeting's saksliste: the parts the layout made of it, in order."""
    write_blocks(ctx, box.parts)


WRITERS = {
    b.HeadingBox: heading, b.TextBox: text, b.ListBox: list_box, b.PageBreakBox: page_break,
    b.KeyFiguresBox: panels.key_figures, b.SwotBox: panels.swot, b.GoalBox: panels.goal,
    b.StrategiesBox: panels.strategy_list, b.CalloutBox: panels.callout,
    b.ChartBox: figures.chart, b.ImageBox: figures.image, b.TableBox: figures.table,
    b.ProgramBox: parts.program, b.PartBox: parts.part, b.AppendixBox: parts.appendix,
    b.AppendixListBox: parts.appendix_list, b.ReferencesBox: parts.references,
    b.SignaturesBox: parts.signatures, b.ForewordBox: parts.foreword,
    b.CaseListBox: case_list,
}
