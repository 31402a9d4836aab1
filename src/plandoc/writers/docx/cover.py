"""The cover: its own section without header or footer.

Logo and municipality over a primary rule at the top; part, title, subtitle and plan period in
the middle; organisation and the status line at the foot over a thin rule.  Everything is a
named style (Cover …, Title, Subtitle), nothing is a text box.
"""

from __future__ import annotations

import copy

from docx.oxml.ns import qn
from docx.shape import InlineShape
from docx.shared import Mm, Pt

from plandoc.labels import status_line, version_line
from plandoc.writers.docx.fields import set_alt_text
from plandoc.writers.docx.ooxml import borders, tint

LOGO_HEIGHT_MM = 24
TITLE_DROP_MM = 62  # space above the title block
MIN_FOOT_DROP_MM = 12
SAFETY_MM = 10  # what the height estimate may be short by
PT = 72 / 25.4  # points per millimetre
CHAR_EM = 0.58  # average character advance, generous for bold and wide faces
LINE_EM = 1.17  # line height of a font size


def write_cover(ctx) -> None:
    """Write the cover and close its section; what follows starts the body section."""
    _masthead(ctx)
    _title_block(ctx)
    foot = _foot(ctx)
    _push_down(ctx, foot)
    _end_section(ctx.doc, foot[-1])


def _masthead(ctx) -> None:
    meta, theme = ctx.meta, ctx.theme
    if theme.logo is not None:
        p = ctx.paragraph("Cover Municipality")
        p.paragraph_format.space_after = Pt(8)
        shape = p.add_run().add_picture(str(theme.logo), height=Mm(LOGO_HEIGHT_MM))
        set_alt_text(shape, meta.municipality, meta.municipality)
    name = ctx.paragraph("Cover Municipality", meta.municipality)
    borders(name._p.get_or_add_pPr(), "w:pBdr",
            {"bottom": (18, theme.colors["primary"], 6)})


def _title_block(ctx) -> None:
    meta = ctx.meta
    first = ctx.paragraph("Cover Part", meta.part) if meta.part else None
    title = ctx.paragraph("Title", meta.title)
    (first or title).paragraph_format.space_before = Mm(TITLE_DROP_MM)
    if meta.subtitle:
        ctx.paragraph("Subtitle", meta.subtitle)
    if meta.period:
        ctx.paragraph("Cover Period", ctx.words["period"].format(period=meta.period))


def _foot(ctx):
    meta, theme = ctx.meta, ctx.theme
    lines = [("Cover Organisation", meta.organisation)] if meta.organisation else []
    lines += [("Cover Status", text) for text in (status_line(meta), version_line(meta)) if text]
    if meta.archive_case:
        lines.append(("Cover Status", f"{ctx.words['archive_case']} {meta.archive_case}"))
    if not lines:
        lines.append(("Cover Status", ""))
    paragraphs = [ctx.paragraph(style, text) for style, text in lines]
    borders(paragraphs[0]._p.get_or_add_pPr(), "w:pBdr",
            {"top": (6, tint(theme.colors["muted"], 0.5), 8)})
    return paragraphs


def _push_down(ctx, foot) -> None:
    """Space above the foot block so it sits near the bottom margin (estimated, with slack)."""
    theme = ctx.theme
    usable = (theme.page_size_mm[1] - theme.margins_mm["top"] - theme.margins_mm["bottom"]) * PT
    width = theme.text_width_mm * PT
    used = sum(_height_pt(p, width) for p in ctx.doc.paragraphs)
    drop = max(usable - used - SAFETY_MM * PT, MIN_FOOT_DROP_MM * PT)
    foot[0].paragraph_format.space_before = Pt(drop)


def _height_pt(paragraph, width_pt: float) -> float:
    """Rough height of a cover paragraph: lines of text (or its picture) plus spacing."""
    style = paragraph.style
    size = _inherited(style, lambda s: s.font.size) or Pt(11)
    line = _inherited(style, lambda s: s.paragraph_format.line_spacing) or 1.0
    line = line if isinstance(line, float) else line.pt / size.pt
    fmt = paragraph.paragraph_format
    before = fmt.space_before or _inherited(style, lambda s: s.paragraph_format.space_before)
    after = fmt.space_after or _inherited(style, lambda s: s.paragraph_format.space_after)
    chars = len(paragraph.text) * size.pt * CHAR_EM
    lines = max(1, -(-chars // width_pt))
    pictures = sum(shape.height.pt for shape in _pictures(paragraph))
    text = lines * size.pt * LINE_EM * line
    return max(text, pictures) + (before.pt if before else 0) + (after.pt if after else 0) + 4


def _inherited(style, get):
    """A style property, looked up through the basedOn chain."""
    while style is not None:
        value = get(style)
        if value is not None:
            return value
        style = style.base_style
    return None


def _pictures(paragraph):
    return [InlineShape(el) for el in paragraph._p.iter(qn("wp:inline"))]


def _end_section(doc, last_paragraph) -> None:
    """Make `last_paragraph` carry the cover's sectPr: same page, no header/footer references."""
    body_sect = doc.element.body.find(qn("w:sectPr"))
    cover_sect = copy.deepcopy(body_sect)
    for ref in cover_sect.xpath("w:headerReference|w:footerReference|w:titlePg"):
        cover_sect.remove(ref)
    last_paragraph._p.set_sectPr(cover_sect)
