"""Charts, images and data tables, with the caption and source lines the layout composed.

A caption is its label in bold ('Figur 3: ', from Caption.lead) and then its text; a box without
a caption has no caption line.  Tables carry theirs above (kept with the table), figures below.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import NextPageTemplate, PageBreak, Paragraph, Spacer

from plandoc.layout import boxes as b
from plandoc.writers.pdf.context import Ctx
from plandoc.writers.pdf.flow import together
from plandoc.writers.pdf.flowables import ChartRecord, ChartSlot, fitted_image, role
from plandoc.writers.pdf.grid import SPLIT_MIN, whole_rows, grid, padding
from plandoc.writers.pdf.markup import destination, esc
from plandoc.writers.pdf.styles import ALIGN


def caption(ctx: Ctx, cap: b.Caption) -> Paragraph:
    """'<b>Figur 1:</b> text'; one above its table stays with it."""
    style = ctx.look["caption"]
    if cap.above:
        style = style.clone(f"{style.name}_above", keepWithNext=1)
    lead = f"<b>{esc(cap.lead)}</b>" if cap.lead else ""
    return ctx.para(destination(cap.target) + lead + ctx.md(cap.text), style, "Caption")


def captions(ctx: Ctx, cap: b.Caption | None, source: str | None = None) -> list:
    """The caption line (if any) and the source line 'Kilde: SSB' (if any)."""
    out = [caption(ctx, cap)] if cap else []
    if source:
        out.append(ctx.para(esc(source), "source", source=True))
    return out


def chart(ctx: Ctx, box: b.ChartBox) -> None:
    """A slot of the chart's size (the vector chart is laid in after the build), caption below."""
    size = (box.width_mm, box.height_mm)
    record = ChartRecord(len(ctx.records), ctx.charts.pdf(box.chart, size), box.alt)
    ctx.records.append(record)
    slot = ChartSlot(record, box.width_mm * mm, box.height_mm * mm)
    ctx.add(*together([slot] + captions(ctx, box.caption, box.source)))


def image(ctx: Ctx, box: b.ImageBox) -> None:
    img = fitted_image(box.path, box.width_mm * mm, box.max_height_mm * mm, box.alt,
                       min_dpi=ctx.look.min_dpi)
    img.hAlign = "LEFT"
    credit = [ctx.para(esc(box.credit), "credit")] if box.credit else []
    ctx.add(*together([img] + credit + captions(ctx, box.caption)),
            role(Spacer(1, ctx.look.sizes.body), "Artifact"))


def table(ctx: Ctx, box: b.TableBox) -> None:
    """Caption above, header row repeated on every page, wrapped cells in the layout's
    alignment, group rows across the columns; a landscape table on landscape pages of its
    own, then portrait pages again."""
    page = ctx.layout.theme.page
    if not box.landscape:
        ctx.add(*captions(ctx, box.caption), _grid(ctx, box, ctx.width, ctx.height))
        return
    from plandoc.writers.pdf.walk import WRITERS
    width, height = page.landscape_width_mm * mm, page.landscape_height_mm * mm
    if box.turn_before:
        ctx.add(*_turn("landscape"))
    for h in box.headings:
        WRITERS[type(h)](ctx, h)
    ctx.add(*captions(ctx, box.caption), _grid(ctx, box, width, height))
    if box.turn_after:
        ctx.add(*_turn("body"))


def _turn(template: str) -> list:
    """A new page on the page template `template` ('landscape' or 'body')."""
    return [role(NextPageTemplate(template), "Artifact"), role(PageBreak(), "Artifact")]


def _grid(ctx: Ctx, box: b.TableBox, width: float, height: float):
    head = [ctx.cell(ctx.md(c), _aligned(ctx, "table_heading", a), "TH")
            for c, a in zip(box.header, _align(box))]
    rows = [_row(ctx, box, row) for row in box.rows]
    data = ([head] if head else []) + rows or [[""] * len(box.widths)]
    t = grid(data, [width * w for w in box.widths], ctx.look.fonts.body,
             *_table_commands(ctx, box, len(data), bool(head)), repeatRows=1 if head else 0,
             splitInRow=SPLIT_MIN)
    whole_rows(t, width, height)
    t.spaceAfter = ctx.look.sizes.body
    return role(t, "Table")


def _align(box: b.TableBox) -> tuple[str, ...]:
    """Each column's alignment; a decimal column's cells are right-aligned (their trailing
    room, as the layout gave it, is right padding: see _trailing)."""
    return tuple("right" if a == "decimal" else a
                 for a in box.align or ("left",) * len(box.widths))


def _trailing(box: b.TableBox, first: int) -> list:
    """Right padding of the decimal columns' cells: the cell padding and the room the layout
    left after each figure, so the commas line up."""
    return [("RIGHTPADDING", (c, r), (c, r), 6 + room)
            for r, after in enumerate(box.trailing, start=first)
            for c, room in enumerate(after) if room > 0]


def _aligned(ctx: Ctx, name: str, align: str):
    """The text style `name`, aligned as the layout said."""
    if align == "left":
        return ctx.look[name]
    key = f"{name}_{align}"
    if key not in ctx.look.styles:
        ctx.look.styles[key] = ctx.look[name].clone(key, alignment=ALIGN[align])
    return ctx.look.styles[key]


def _row(ctx: Ctx, box: b.TableBox, row) -> list:
    if isinstance(row, b.GroupRow):
        return [ctx.cell(ctx.md(row.text), "table_group", "TD")] + [""] * (len(box.widths) - 1)
    return [ctx.cell(ctx.md(c), _aligned(ctx, "table_text", a), "TD")
            for c, a in zip(row, _align(box))]


def _table_commands(ctx: Ctx, box: b.TableBox, nrows: int, header: bool) -> list:
    """Header row in the primary colour, rules under body rows, every other body row banded
    (as Word's banding counts them); a group row spans the columns, tinted, and stays with the
    row after it."""
    first, p, colour = (1 if header else 0), ctx.layout.palette, ctx.look.colour
    cmds = padding(6, 6, 4, 5) + [("LINEBELOW", (0, first), (-1, -1), 0.5, colour(p.rule))]
    if header:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), colour(p.primary)))
    for r, row in enumerate(box.rows, start=first):
        if isinstance(row, b.GroupRow):
            cmds += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), colour(row.fill)),
                     ("NOSPLIT", (0, r), (-1, min(r + 1, nrows - 1)))]
        elif (r - first) % 2:
            cmds.append(("BACKGROUND", (0, r), (-1, r), colour(p.band)))
    if box.total and nrows - first > 1:       # the sum stays with the row above it
        cmds.append(("NOSPLIT", (0, nrows - 2), (-1, nrows - 1)))
    return cmds + _trailing(box, first)
