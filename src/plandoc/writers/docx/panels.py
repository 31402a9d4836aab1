"""Plan panels: key figures (cards of large numbers), the SWOT grid and goals with strategies.

All are Layout Table grids with shaded cells or plain styled paragraphs — never text boxes — so
they flow, break across pages and stay editable.
"""

from __future__ import annotations

from docx.shared import Pt

from plandoc.model import Goal, KeyFigures, Swot
from plandoc.writers.docx.context import Context
from plandoc.writers.docx.inline import add_spans
from plandoc.writers.docx.ooxml import (borders, cell_margins, cell_shading, column_gutters,
                                        row_cant_split, tint)

SWOT_ROWS = (("strengths", "weaknesses"), ("opportunities", "threats"))
WHITE = "#FFFFFF"
DIGIT_EM = 0.66  # advance of a bold digit, generous
GUTTER = 48  # eighths of a point: the white gap between the SWOT pairs


def key_figures(ctx: Context, block: KeyFigures) -> None:
    """Numbers over their labels, side by side on light cards; caption and source below."""
    n = max(len(block.items), 1)
    t = ctx.table(1, n, "Layout Table", [ctx.text_width_mm / n] * n)
    column_gutters(t)
    longest = max((item.value for item in block.items), key=len, default="")
    size = _fitting_size(longest, ctx.text_width_mm / n - 4, ctx.theme.sizes["key_figure"])
    for cell, item in zip(t.rows[0].cells, block.items):
        cell_shading(cell, ctx.theme.colors["light"])
        cell_margins(cell._tc.get_or_add_tcPr(), "w:tcMar", top=3, bottom=3, left=2, right=2)
        cell.paragraphs[0].style = "Key Figure"
        run = cell.paragraphs[0].add_run(item.value)
        if size is not None:
            run.font.size = Pt(size)
        add_spans(cell.add_paragraph(style="Key Figure Label"), item.label, ctx.anchors)
    row_cant_split(t.rows[0])
    _caption_and_source(ctx, block.caption, block.source)


def _fitting_size(value: str, width_mm: float, size: float) -> float | None:
    """A smaller size when the longest figure would not fit its card (many in one row)."""
    needed_mm = len(value) * size * DIGIT_EM * 25.4 / 72
    return max(size * width_mm / needed_mm, 10) if needed_mm > width_mm else None


def _caption_and_source(ctx, caption, source) -> None:
    if caption:
        p = ctx.paragraph("Caption")
        p.paragraph_format.keep_with_next = bool(source)
        add_spans(p, caption, ctx.anchors)
    if source:
        ctx.paragraph("Source", f"{ctx.words['source']}: {source}")
    if not caption and not source:
        ctx.spacer()


def swot(ctx: Context, block: Swot) -> None:
    """2×2 quadrants (S W / O T); each a title bar in its colour over its groups of bullets."""
    if block.caption:
        add_spans(ctx.paragraph("Caption"), block.caption, ctx.anchors)
    quadrants = {q.kind: q for q in block.quadrants}
    half = ctx.text_width_mm / 2
    t = ctx.table(4, 2, "Layout Table", [half, half])
    column_gutters(t)
    for pair, kinds in enumerate(SWOT_ROWS):
        title_row, body_row = t.rows[2 * pair], t.rows[2 * pair + 1]
        row_cant_split(title_row)
        for col, kind in enumerate(kinds):
            color = ctx.theme.swot_colors[kind]
            _swot_title(ctx, title_row.cells[col], kind, color, gap=pair > 0)
            _swot_body(ctx, body_row.cells[col], quadrants.get(kind), color)
    ctx.spacer()


def _swot_title(ctx, cell, kind: str, color: str, gap: bool) -> None:
    cell_shading(cell, color)
    cell_margins(cell._tc.get_or_add_tcPr(), "w:tcMar", top=1.5, bottom=1.5, left=3.5, right=3)
    if gap:
        borders(cell._tc.get_or_add_tcPr(), "w:tcBorders", {"top": (GUTTER, WHITE, 0)})
    p = cell.paragraphs[0]
    p.style = "SWOT Title"
    p.add_run(ctx.words[kind])


def _swot_body(ctx, cell, quadrant, color: str) -> None:
    cell_shading(cell, tint(color, 0.1))
    cell_margins(cell._tc.get_or_add_tcPr(), "w:tcMar", top=1, bottom=3, left=3.5, right=3)
    first = cell.paragraphs[0]
    groups = quadrant.groups if quadrant else ()
    for i, group in enumerate(groups):
        title = first if i == 0 else cell.add_paragraph()
        title.style = "SWOT Group"
        title.paragraph_format.keep_with_next = i > 0 or None
        add_spans(title, group.title, ctx.anchors)
        for item in group.items:
            add_spans(cell.add_paragraph(style="List Bullet"), item, ctx.anchors)


def goal(ctx: Context, block: Goal) -> None:
    """'1.1 MÅL: text', then STRATEGI and the strategies 'a) text', kept together."""
    p = ctx.paragraph("Goal")
    p.add_run(f"{block.number} {ctx.words['goal']}: ", style="Goal Label")
    add_spans(p, block.text, ctx.anchors)
    if not block.strategies:
        p.paragraph_format.keep_with_next = False
        return
    ctx.paragraph("Strategy Label", ctx.words["strategy"])
    last = len(block.strategies) - 1
    for i, strategy in enumerate(block.strategies):
        s = ctx.paragraph("Strategy")
        s.add_run(f"{strategy.letter})\t", style="Strategy Letter")
        add_spans(s, strategy.text, ctx.anchors)
        s.paragraph_format.keep_with_next = i < last
