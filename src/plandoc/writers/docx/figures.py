"""Charts and images: a picture with alt text, its caption below and the source line.

An image the layout calls decorative (empty alt text) is marked so, as Word 365 does.

The chart's PNG is rendered at the size the layout gave the box; an image is the box's width,
shrunk to its maximum height.  The picture keeps with its caption (and the caption with its
source), so a figure never loses its caption to the next page.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from plandoc import svg
from plandoc.layout.boxes import ChartBox, ImageBox
from plandoc.writers.docx.captions import caption_title, write_caption, write_source
from plandoc.writers.docx.context import Context
from plandoc.writers.docx.ooxml.pictures import attach_svg, flush, mark_decorative, set_alt_text
from plandoc.writers.docx.ooxml.paragraphs import keep_next

GAP_MM = 2          # above a picture


def chart(ctx: Context, box: ChartBox) -> None:
    """The chart's picture, its caption and source."""
    png = ctx.charts.png(box.chart, (box.width_mm, box.height_mm))
    p, shape = _picture(ctx, io.BytesIO(png), Mm(box.width_mm), Mm(box.height_mm))
    set_alt_text(shape, box.alt, caption_title(box.caption))
    write_caption(ctx, box.caption, keep_with_next=bool(box.source))
    write_source(ctx, box.source)


def image(ctx: Context, box: ImageBox) -> None:
    """The image at the box's width (lower if too tall), with its caption if it has one."""
    p, shape = _picture(ctx, box.path, Mm(box.width_mm), None, box.max_height_mm)
    limit = Mm(box.max_height_mm)
    if shape.height > limit:
        shape.width, shape.height = int(shape.width * limit / shape.height), limit
    describe(shape, box.alt, caption_title(box.caption), box.decorative)
    keep_next(p, box.caption is not None or bool(box.credit))
    if box.credit:
        keep_next(ctx.paragraph("Photo Credit", box.credit), box.caption is not None)
    write_caption(ctx, box.caption)


def describe(shape, alt: str, title: str | None, decorative: bool) -> None:
    """The picture's alt text (and title), or the decorative mark the layout asked for."""
    if decorative:
        mark_decorative(shape)
    else:
        set_alt_text(shape, alt, title)


def _picture(ctx: Context, source, width, height, max_height_mm: float = math.inf):
    """A paragraph holding only the picture, kept with what follows it."""
    p = ctx.paragraph("Normal")
    fmt = p.paragraph_format
    fmt.keep_with_next, fmt.space_before, fmt.space_after = True, Mm(GAP_MM), Mm(1)
    fmt.line_spacing, fmt.alignment = 1.0, WD_ALIGN_PARAGRAPH.LEFT
    shape = place_picture(p.add_run(), source, width, height, max_height_mm)
    flush(shape)                # on the margin, as in the PDF
    return p, shape


def place_picture(run, source, width=None, height=None, max_height_mm: float = math.inf):
    """`source` (a path or PNG bytes) in `run` at `width` or `height` (python-docx keeps the
    aspect).  An SVG goes in as Word 2016+ keeps one: a PNG drawn from it, sharp at
    plandoc.svg.RASTER_DPI for its printed size, with the SVG itself beside it."""
    if not isinstance(source, Path) or not svg.is_svg(source):
        return run.add_picture(source if isinstance(source, io.BytesIO) else str(source),
                               width=width, height=height)
    fit = (height.mm, math.inf) if height is not None else (max_height_mm, width.mm)
    shape = run.add_picture(io.BytesIO(svg.png(source, *fit)), width=width, height=height)
    attach_svg(shape, run.part, source.read_bytes())
    return shape
