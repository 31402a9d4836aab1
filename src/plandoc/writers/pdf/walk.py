"""Blocks → flowables: one function per block kind, dispatched by type.

The panels (key figures, goals, SWOT, callouts) live in panels.py; this module holds the text
blocks, tables, figures and the dispatch.  Every flowable made here carries its structure role.
"""

from __future__ import annotations

from reportlab.lib.units import cm, mm
from reportlab.platypus import (CondPageBreak, KeepTogether, ListFlowable, ListItem, PageBreak,
                                Paragraph, Spacer, Table, TableStyle)
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from plandoc import model as m
from plandoc.writers.pdf import panels, program
from plandoc.writers.pdf.context import SPLIT_MIN, Ctx, caption, source
from plandoc.writers.pdf.flowables import (ChartRecord, ChartSlot, HeadingParagraph,
                                           LinedParagraph, fitted_image, role)
from plandoc.writers.pdf.markup import colored, esc
from plandoc.writers.pdf.styles import Look, tint


def walk(blocks, ctx: Ctx) -> list:
    """The flowables of a sequence of blocks."""
    out = []
    for block in blocks:
        out += BUILDERS[type(block)](block, ctx)
    return out


def heading(b: m.Heading, ctx: Ctx) -> list:
    """'<number> <title>', kept with what follows; chapters never start low on a page."""
    title = ctx.md(b.text)
    outline = m.plain(b.text)
    if b.number:
        title = colored(esc(b.number), ctx.look.hex["secondary"]) + " " + title
        outline = f"{b.number} {outline}"
    key = ctx.key(b.anchor)
    style = ctx.look[f"h{min(b.level, 3)}"]
    para = HeadingParagraph(title, style, level=b.level, key=key, outline=outline,
                            in_toc=b.in_toc)
    if b.level == 1 and b.number:      # focus areas (numbered chapters) open a new page
        return [role(PageBreakIfNotEmpty(), "Artifact"), para]
    space = {1: 0.30, 2: 0.18}.get(b.level, 0.12) * ctx.height
    return [CondPageBreak(space), para]


def paragraph(b: m.Paragraph, ctx: Ctx) -> list:
    return [role(LinedParagraph(ctx.md(b.text), ctx.look["body"]), "P")]


def bullet_list(b: m.ListBlock, ctx: Ctx) -> list:
    flow = _list(b, ctx, depth=0)
    flow.spaceAfter = ctx.look.sizes["body"] * 0.7
    return [flow]


def _list(b: m.ListBlock, ctx: Ctx, depth: int) -> ListFlowable:
    look = ctx.look
    items = []
    for n, item in enumerate(b.items):
        body = role(LinedParagraph(ctx.md(item.text), look["list"]), "LBody", depth=depth, item=n,
                    ordered=b.ordered)
        children = [_list(child, ctx, depth + 1) for child in item.children]
        items.append(role(ListItem([body] + children), "LI", depth=depth, item=n))
    size = look.sizes["body"]
    common = dict(leftIndent=size * 1.7, bulletColor=look.colors["primary"], bulletDedent="auto")
    if b.ordered:
        flow = ListFlowable(items, bulletType="1", start=b.start, bulletFormat="%s.",
                            bulletFontName=look.fonts.body, bulletFontSize=size, **common)
    else:
        char = look.bullet if depth == 0 else "–"
        flow = ListFlowable(items, bulletType="bullet", start=char,
                            bulletFontName=look.fonts.symbol, bulletFontSize=size * 0.9,
                            bulletOffsetY=-size * 0.05, **common)
    return role(flow, "L", ordered=b.ordered, depth=depth)


def chart(b: m.Chart, ctx: Ctx) -> list:
    """A slot of the chart's size (the vector chart is laid in after the build), caption."""
    w_mm, h_mm = ctx.charts.size_mm()
    record = ChartRecord(len(ctx.records), ctx.charts.pdf(b), b.alt)
    ctx.records.append(record)
    parts = [ChartSlot(record, w_mm * mm, h_mm * mm),
             caption(ctx, "figure", b.number, esc(b.title))] + source(ctx, b.source)
    return [KeepTogether(parts)]


def image(b: m.Image, ctx: Ctx) -> list:
    width = b.width_cm * cm if b.width_cm else ctx.width
    img = fitted_image(b.path, min(width, ctx.width), ctx.height * 0.75, b.alt,
                       min_dpi=ctx.look.min_dpi)
    img.hAlign = "LEFT"
    parts = [img]
    if b.caption or b.number:
        parts.append(caption(ctx, "figure", b.number, ctx.md(b.caption)))
    return [KeepTogether(parts), Spacer(1, ctx.look.sizes["body"])]


def table(b: m.Table, ctx: Ctx) -> list:
    """Caption above, header row repeated on every page, wrapped cells."""
    look = ctx.look
    head = [role(Paragraph(ctx.md(c), look["cell_head"]), "TH") for c in b.header]
    rows = [[role(Paragraph(ctx.md(c), look["cell"]), "TD") for c in row] for row in b.rows]
    ncols = max([len(head)] + [len(r) for r in rows]) or 1
    widths = list(b.widths) if len(b.widths) == ncols and sum(b.widths) > 0 else [1.0] * ncols
    col_widths = [ctx.width * w / sum(widths) for w in widths]
    data = ([head] if head else []) + rows
    data = [r + [""] * (ncols - len(r)) for r in data] or [[""] * ncols]
    t = role(Table(data, colWidths=col_widths, repeatRows=1 if head else 0, splitInRow=SPLIT_MIN,
                   hAlign="LEFT"), "Table")
    t.setStyle(_table_style(look, len(data), bool(head)))
    t.spaceAfter = look.sizes["body"]
    parts = [caption(ctx, "table", b.number, ctx.md(b.caption), above=True)] if \
        (b.caption or b.number) else []
    return parts + [t]


def _table_style(look: Look, nrows: int, header: bool) -> TableStyle:
    """Header row in the primary colour, thin rules and light bands between body rows."""
    first = 1 if header else 0
    cmds = [("FONTNAME", (0, 0), (-1, -1), look.fonts.body),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("LINEBELOW", (0, first), (-1, -1), 0.5, tint(look.colors["muted"], 0.35))]
    if header:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), look.colors["primary"]))
    cmds += [("BACKGROUND", (0, r), (-1, r), look.colors["light"])
             for r in range(first + 1, nrows, 2)]
    return TableStyle(cmds)


def page_break(b: m.PageBreak, ctx: Ctx) -> list:
    return [role(PageBreak(), "Artifact")]


BUILDERS = {
    m.Heading: heading, m.Paragraph: paragraph, m.ListBlock: bullet_list,
    m.KeyFigures: panels.key_figures, m.Chart: chart, m.Swot: panels.swot, m.Goal: panels.goal,
    m.Callout: panels.callout, m.Table: table, m.Image: image, m.PageBreak: page_break,
    m.Program: program.program, m.PartTitle: program.part_title,
}
