"""The cover: a section of its own, without header or footer, on exactly one page; and its
masthead (logo and name) as an invitation's letterhead, a Layout Table above the first block.

The page is one Layout Table as wide and as high as the page (the cover section has no side or
bottom margin), its rows of exact height:

    masthead     the logo (cover.logo_height_mm high, cover.logo_alt) beside the municipality
    title block  cover.lines by role, starting cover.title_drop_mm below the masthead
    band         the primary colour to the page's edges and foot, an accent stripe on its top
                 edge, cover.band_lines in white, bottom-aligned cover.band_inset_mm above the
                 foot and padded to line up with the body text's left margin

With a cover photo two rows come first and the section loses its top margin too: the photo
(page-wide, cover.photo.height_mm high, cropped by a:srcRect as the layout said, with its alt
text) and the photographer's credit, right-aligned under it.  Such a cover has no header (Word
and LibreOffice would push the page's rows below a header's line, onto two pages), so a draft's
watermark is anchored in the photo's paragraph instead.

Why not a floating table for the band: LibreOffice (7.4) turns a floating table into a frame only
when it is narrower than the text area (plus 4.69 mm), not in the page's lower left quarter and
not right before a next-page section break — a band across the foot of the page is all three, so
LibreOffice drew it inline under the title.  Rows of exact height put it at the foot in Word and
LibreOffice alike, and no estimate of text height is needed.  Everything with words is a real,
styled paragraph — no text boxes.  The table sits in the content control Word gives a cover page
('Cover Pages'), so Word treats it as the cover and code reading the body's tables skips it.
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT as VALIGN
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_LINE_SPACING
from docx.shared import Mm, Pt

from plandoc.layout.boxes import Cover, Masthead
from plandoc.layout.styles import text_styles
from plandoc.writers.docx.grid import cell_paragraph, first_paragraph
from plandoc.writers.docx.ooxml.paragraphs import add_run, hide_mark, new_paragraph
from plandoc.writers.docx.figures import describe, place_picture
from plandoc.writers.docx.ooxml.pictures import crop, flush, set_alt_text
from plandoc.writers.docx.ooxml.sections import end_section
from plandoc.writers.docx.ooxml.watermark import mark_paragraph
from plandoc.writers.docx.ooxml.tables import (as_cover_page, cell_borders, fixed_widths,
                                               merge_row, padding, shade, table_borders,
                                               table_look)

LOGO_GAP_MM = 6
MM_PER_PT = 25.4 / 72
LINE_STYLES = {"part": "Cover Part", "title": "Title", "subtitle": "Subtitle",
               "period": "Cover Period"}
BAND_STYLES = {"organisation": "Cover Band Strong", "exempt": "Cover Band Strong"}


def write_cover(ctx, cover: Cover) -> None:
    """Write the cover and close its section; what follows starts the body on a new page."""
    page = ctx.layout.theme.page
    above = 2 if cover.photo else 0
    t = ctx.word.add_table(rows=3 + above, cols=2)
    t.style, t.autofit = "Layout Table", False
    table_look(t, first_row=False)
    logo_mm = _logo(t.rows[above].cells[0], cover)
    first = page.margins.left + (logo_mm + LOGO_GAP_MM if logo_mm else 0)
    fixed_widths(t, [first, page.width_mm - first])
    for row, height in zip(t.rows, _photo_heights(ctx, cover) + _heights(ctx, cover, logo_mm)):
        row.height, row.height_rule = Mm(height), WD_ROW_HEIGHT_RULE.EXACTLY
    if cover.photo:
        _photo(ctx, *(merge_row(row) for row in t.rows[:2]), cover)
    _municipality(ctx, t.rows[above], cover, beside_logo=bool(logo_mm))
    title, band = (merge_row(row) for row in t.rows[above + 1:])
    _title_block(ctx, title, cover)
    _band(ctx, band, cover)
    as_cover_page(t)
    _close(ctx, top=not cover.photo)


def _photo_heights(ctx, cover: Cover) -> list[float]:
    """The photo's row and the credit's, as high as the credit's line with its spacing."""
    if not cover.photo:
        return []
    credit = text_styles(ctx.layout.theme)["cover_credit"]
    line = credit.before + credit.size * credit.leading + credit.after
    return [cover.photo.height_mm, line * MM_PER_PT]


def _photo(ctx, cell, credit_cell, cover: Cover) -> None:
    """The photo across the page, cropped to fill its row, and the credit under it."""
    photo, margins = cover.photo, ctx.layout.theme.page.margins
    padding(cell, top=0, left=0, right=0, bottom=0)
    p = first_paragraph(cell, "Spacer")
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    shape = p.add_run().add_picture(str(photo.path), width=Mm(ctx.layout.theme.page.width_mm),
                                    height=Mm(photo.height_mm))
    crop(shape, *photo.crop)
    flush(shape)
    describe(shape, photo.alt, photo.alt, photo.decorative)
    if ctx.layout.watermark:     # a header would push the photo down: the mark stands here
        mark_paragraph(p, ctx.layout.watermark, ctx.layout.theme.fonts.heading.family,
                       ctx.width_mm, ctx.palette.watermark.hex, 0)
    padding(credit_cell, top=0, left=margins.left, right=margins.right, bottom=0)
    add_run(first_paragraph(credit_cell, "Cover Credit"), photo.credit)


def write_masthead(ctx, m: Masthead) -> None:
    """The letterhead of an invitation or a case paper: the cover's logo and name in a row
    (the paper's kind under the name), a rule beneath."""
    widths = [1, ctx.width_mm - 1] if m.logo else [ctx.width_mm]   # the logo's: once it is in
    t = ctx.table(1, len(widths), "Layout Table", widths)
    cells = t.rows[0].cells
    for cell in cells:
        padding(cell, top=0, left=0, right=0, bottom=2.5)
        cell.vertical_alignment = VALIGN.CENTER
    if m.logo:
        first = _logo(cells[0], m) + LOGO_GAP_MM
        fixed_widths(t, [first, ctx.width_mm - first])
    add_run(first_paragraph(cells[-1], "Cover Municipality"), m.municipality)
    if m.label:                                   # the paper's kind: 'SAKSFRAMLEGG'
        add_run(cell_paragraph(cells[-1], "Signer Title", first=False), m.label)
    table_borders(t, bottom=(m.rule_pt, m.rule.hex))
    ctx.spacer()


def _logo(cell, cover: Cover | Masthead) -> float:
    """The logo at the cover's logo height (an SVG as figures.place_picture puts one); its
    width in mm (0 without a logo)."""
    if cover.logo is None:
        return 0
    run = first_paragraph(cell, "Cover Municipality").add_run()
    shape = place_picture(run, Path(cover.logo), height=Mm(cover.logo_height_mm))
    set_alt_text(shape, cover.logo_alt, cover.logo_alt)
    return shape.width.mm


def _municipality(ctx, row, cover: Cover, beside_logo: bool) -> None:
    """The municipality's name, beside the logo or alone at the left margin."""
    margins = ctx.layout.theme.page.margins
    logo_cell, name_cell = row.cells
    if not beside_logo:
        logo_cell = name_cell = logo_cell.merge(name_cell)
    padding(logo_cell, left=margins.left)
    padding(name_cell, right=margins.right)
    logo_cell.vertical_alignment = name_cell.vertical_alignment = VALIGN.CENTER
    add_run(first_paragraph(name_cell, "Cover Municipality"), cover.municipality)


def _heights(ctx, cover: Cover, logo_mm: float) -> list[float]:
    """Masthead, title block and band: together exactly the page below the top margin."""
    page = ctx.layout.theme.page
    name = text_styles(ctx.layout.theme)["cover_municipality"]
    masthead = cover.logo_height_mm if logo_mm else name.size * name.leading * MM_PER_PT
    band = cover.band_height_mm + cover.band_stripe_mm
    above = sum(_photo_heights(ctx, cover)) or page.margins.top
    return [masthead, page.height_mm - above - masthead - band, band]


def _lines(cell, lines, styles: dict, default: str) -> list:
    """One paragraph per cover line, in the style of its role."""
    out = []
    for i, line in enumerate(lines):
        p = cell_paragraph(cell, styles.get(line.role, default), first=i == 0)
        add_run(p, line.text)
        out.append(p)
    return out


def _title_block(ctx, cell, cover: Cover) -> None:
    margins = ctx.layout.theme.page.margins
    padding(cell, left=margins.left, right=margins.right)
    paragraphs = _lines(cell, cover.lines, LINE_STYLES, "Cover Period")
    if paragraphs:
        paragraphs[0].paragraph_format.space_before = Mm(cover.title_drop_mm)


def _band(ctx, cell, cover: Cover) -> None:
    margins, palette = ctx.layout.theme.page.margins, ctx.palette
    shade(cell, palette.primary.hex)
    cell_borders(cell, top=(cover.band_stripe_mm / MM_PER_PT, palette.accent.hex))
    padding(cell, top=0, left=margins.left, right=margins.right, bottom=cover.band_inset_mm)
    cell.vertical_alignment = VALIGN.BOTTOM
    _lines(cell, cover.band_lines, BAND_STYLES, "Cover Band")


def _close(ctx, top: bool) -> None:
    """End the cover section with an empty, hidden paragraph, and take away its margins (the
    top one too when a photo starts at the page's edge)."""
    p = new_paragraph(ctx.word, "Spacer")
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    p.paragraph_format.line_spacing = Pt(1)
    hide_mark(p)
    end_section(ctx.word, p)
    cover = ctx.word.sections[0]
    cover.left_margin = cover.right_margin = cover.bottom_margin = Mm(0)
    if not top:
        cover.top_margin = cover.header_distance = Mm(0)
