"""A meeting program as a timetable, and a plan part's title page.

Program: a Layout Table of two columns — the time (bold, primary colour) and the item: title in
bold, 'ved speaker' beneath, sub-items as '–' lines; a part ('Del 1: …') is a merged, tinted row.
Part title page: Heading 1 (so the TOC field and navigation list it) on a page of its own.
"""

from __future__ import annotations

from docx.shared import Mm, Pt, RGBColor

from plandoc.layout.front import part_heading
from plandoc.model import PartTitle, Program, ProgramPart
from plandoc.writers.docx.context import Context
from plandoc.writers.docx.fields import add_bookmark
from plandoc.writers.docx.inline import add_spans
from plandoc.writers.docx.ooxml import borders, cell_margins, cell_shading, row_cant_split, tint

TIME_MM = 22


def program(ctx: Context, block: Program) -> None:
    if block.title:
        add_spans(ctx.paragraph("Heading 2 No TOC"), block.title, ctx.anchors)
    rows = []
    for entry in block.entries:
        rows.append(entry)
        if isinstance(entry, ProgramPart):
            rows += list(entry.items)
    t = ctx.table(len(rows), 2, "Layout Table", [TIME_MM, ctx.text_width_mm - TIME_MM])
    primary = ctx.theme.colors["primary"]
    hairline = (4, tint(ctx.theme.colors["muted"], 0.3), 0)
    borders(t._tbl.tblPr, "w:tblBorders", {"top": (10, primary, 0), "insideH": hairline,
                                          "bottom": hairline})
    for row, entry in zip(t.rows, rows):
        row_cant_split(row)
        time_cell, cell = row.cells
        for c in (time_cell, cell):
            cell_margins(c._tc.get_or_add_tcPr(), "w:tcMar", top=1.2, bottom=1.5, left=2, right=2)
        if isinstance(entry, ProgramPart):
            merged = time_cell.merge(cell)
            cell_shading(merged, ctx.theme.colors["light"])
            p = merged.paragraphs[0]
            p.style = "Table Text"
            for run in add_spans(p, entry.title, ctx.anchors) or p.runs:
                run.bold = True
                run.font.color.rgb = RGBColor.from_string(primary.lstrip("#").upper())
            continue
        _time(time_cell, entry.time or "", primary)
        _item(ctx, cell, entry)


def _time(cell, text: str, color: str) -> None:
    p = cell.paragraphs[0]
    p.style = "Table Text"
    run = p.add_run(text)
    run.bold = True
    run.font.color.rgb = RGBColor.from_string(color.lstrip("#").upper())


def _item(ctx: Context, cell, item) -> None:
    p = cell.paragraphs[0]
    p.style = "Table Text"
    start = len(p.runs)
    add_spans(p, item.title, ctx.anchors)
    if item.time:
        for run in p.runs[start:]:
            run.bold = True
    if item.speaker:
        sp = cell.add_paragraph(style="Table Text")
        sp.add_run(f"{ctx.words['by']} ")
        add_spans(sp, item.speaker, ctx.anchors)
        for run in sp.runs:
            run.italic = True
    for sub in item.items:
        sp = cell.add_paragraph(style="Table Text")
        sp.paragraph_format.left_indent = Mm(4)
        sp.paragraph_format.first_line_indent = Mm(-3)
        sp.add_run("– ")
        add_spans(sp, sub, ctx.anchors)


def part_title(ctx: Context, block: PartTitle) -> None:
    """Heading 1 '<label> <title>' lower on a page of its own; the body starts on the next."""
    ctx.break_pending = True
    p = ctx.paragraph("Heading 1")
    p.paragraph_format.space_before = Mm(70)
    if block.label:
        label = p.add_run(block.label)
        label.font.size = Pt(ctx.theme.sizes["body"] + 2)
        label.font.color.rgb = RGBColor.from_string(ctx.theme.colors["accent"].lstrip("#").upper())
        label.add_break()
    add_spans(p, block.text, ctx.anchors)
    for run in p.runs[1:] if block.label else p.runs:
        run.font.size = Pt(ctx.theme.sizes["title"])
    add_bookmark(p, ctx.bookmarks[id(block)], ctx.bookmark_id())
    if block.intro:
        add_spans(ctx.paragraph("Subtitle"), block.intro, ctx.anchors)
    ctx.break_pending = True


__all__ = ["program", "part_title", "part_heading"]
