"""Figures and tables: charts and images with alt text and 'Figur N:' captions, data tables.

Figures: picture, caption below ('Figur 1: …'), source line; kept together on one page.
Tables: caption above ('Tabell 1: …'), Plan Table style, header row repeated on every page.
"""

from __future__ import annotations

import io

from docx.shared import Mm

from plandoc.model import Chart, Image, Table, plain
from plandoc.writers.docx.context import Context
from plandoc.writers.docx.fields import set_alt_text
from plandoc.writers.docx.inline import add_spans
from plandoc.writers.docx.ooxml import child, row_cant_split, sort_props

MAX_IMAGE_HEIGHT_SHARE = 0.75  # of the text block's height


def chart(ctx: Context, block: Chart) -> None:
    """The chart's PNG (240 dpi) at the chart size, its caption and source."""
    width, height = ctx.charts.size_mm()
    title = f"{ctx.words['figure']} {block.number}: {block.title}"
    _picture(ctx, io.BytesIO(ctx.charts.png(block)), Mm(width), Mm(height), block.alt, title)
    caption = ctx.paragraph("Caption", title)
    _source(ctx, block.source, caption)


def image(ctx: Context, block: Image) -> None:
    """A picture at width_cm (or the text width, shrunk to fit the page), with its caption."""
    title = f"{ctx.words['figure']} {block.number}"
    title += f": {plain(block.caption)}" if block.caption else ""
    p = _picture(ctx, str(block.path), _image_width(ctx, block), None, block.alt, title)
    if block.caption:
        caption = ctx.paragraph("Caption", f"{ctx.words['figure']} {block.number}: ")
        add_spans(caption, block.caption, ctx.anchors)
        caption.paragraph_format.keep_with_next = False
    else:
        p.paragraph_format.keep_with_next = False


def table(ctx: Context, block: Table) -> None:
    """Caption above, header row as a repeating header, relative column widths."""
    if block.caption:
        caption = ctx.paragraph("Caption", f"{ctx.words['table']} {block.number}: ")
        add_spans(caption, block.caption, ctx.anchors)
    cols = len(block.header) or max((len(r) for r in block.rows), default=1)
    t = ctx.table(1 + len(block.rows), cols, "Plan Table", _widths(ctx, block, cols))
    for r, cells in enumerate((block.header, *block.rows)):
        row = t.rows[r]
        _row_flags(row, header=(r == 0))
        for c, cell_spans in enumerate(cells[:cols]):
            cell_p = row.cells[c].paragraphs[0]
            cell_p.style = "Table Heading" if r == 0 else "Table Text"
            add_spans(cell_p, cell_spans, ctx.anchors)
    ctx.spacer()


def _picture(ctx, source, width, height, alt: str, title: str):
    p = ctx.paragraph("Normal")
    fmt = p.paragraph_format
    fmt.keep_with_next, fmt.space_before, fmt.space_after = True, Mm(2), Mm(1)
    shape = p.add_run().add_picture(source, width=width, height=height)
    if height is None:
        _fit_height(ctx, shape)
    set_alt_text(shape, alt, title)
    return p


def _image_width(ctx, block: Image):
    width_mm = block.width_cm * 10 if block.width_cm else ctx.text_width_mm
    return Mm(min(width_mm, ctx.text_width_mm))


def _fit_height(ctx, shape) -> None:
    theme = ctx.theme
    text_height = theme.page_size_mm[1] - theme.margins_mm["top"] - theme.margins_mm["bottom"]
    limit = Mm(text_height * MAX_IMAGE_HEIGHT_SHARE)
    if shape.height > limit:
        shape.width, shape.height = int(shape.width * limit / shape.height), limit


def _source(ctx, source: str | None, caption) -> None:
    if source:
        ctx.paragraph("Source", f"{ctx.words['source']}: {source}")
    else:
        caption.paragraph_format.keep_with_next = False


def _widths(ctx, block: Table, cols: int) -> list[float]:
    weights = list(block.widths) if len(block.widths) == cols else [1.0] * cols
    total = sum(weights)
    return [ctx.text_width_mm * w / total for w in weights]


def _row_flags(row, header: bool) -> None:
    """Rows never split; the header row repeats on every page and stays with the next row."""
    row_cant_split(row)
    if header:
        tr_pr = row._tr.get_or_add_trPr()
        child(tr_pr, "w:tblHeader")
        sort_props(tr_pr)
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.keep_with_next = True
