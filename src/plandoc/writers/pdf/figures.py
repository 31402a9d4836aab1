"""Charts, images and data tables, with the caption and source lines the layout composed.

A caption is its label in bold ('Figur 3: ', from Caption.lead) and then its text; a box without
a caption has no caption line.  Tables carry theirs above (kept with the table), figures below.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from plandoc.layout import boxes as b
from plandoc.writers.pdf.context import Ctx
from plandoc.writers.pdf.flow import together
from plandoc.writers.pdf.flowables import ChartRecord, ChartSlot, fitted_image, role
from plandoc.writers.pdf.grid import SPLIT_MIN, whole_rows, grid, padding
from plandoc.writers.pdf.markup import destination, esc


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
    ctx.add(*together([img] + captions(ctx, box.caption)),
            role(Spacer(1, ctx.look.sizes.body), "Artifact"))


def table(ctx: Ctx, box: b.TableBox) -> None:
    """Caption above, header row repeated on every page, wrapped cells."""
    head = [ctx.cell(ctx.md(c), "table_heading", "TH") for c in box.header]
    rows = [[ctx.cell(ctx.md(c), "table_text", "TD") for c in row] for row in box.rows]
    data = ([head] if head else []) + rows or [[""] * len(box.widths)]
    t = grid(data, [ctx.width * w for w in box.widths], ctx.look.fonts.body,
             *_table_commands(ctx, len(data), bool(head)), repeatRows=1 if head else 0,
             splitInRow=SPLIT_MIN)
    whole_rows(t, ctx.width, ctx.height)
    t.spaceAfter = ctx.look.sizes.body
    ctx.add(*captions(ctx, box.caption), role(t, "Table"))


def _table_commands(ctx: Ctx, nrows: int, header: bool) -> list:
    """Header row in the primary colour, rules under body rows, every other body row banded."""
    first, p, colour = (1 if header else 0), ctx.layout.palette, ctx.look.colour
    cmds = padding(6, 6, 4, 5) + [("LINEBELOW", (0, first), (-1, -1), 0.5, colour(p.rule))]
    if header:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), colour(p.primary)))
    return cmds + [("BACKGROUND", (0, r), (-1, r), colour(p.band))
                   for r in range(first + 1, nrows, 2)]
