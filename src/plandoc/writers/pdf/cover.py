"""The cover page: municipality and logo, the title block, and the lines on the band; and the
same masthead as an invitation's letterhead.

The layout gives the lines, their order and their roles; each role has its text style.  The
band itself is drawn by the cover page template (decoration); everything with words is a
flowable with a structure role.  Each frame's content shrinks to fit, so a long title can never
push the cover onto a second page.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (Flowable, FrameBreak, HRFlowable, KeepInFrame, NextPageTemplate,
                                PageBreak, Spacer)

from plandoc.layout.boxes import Cover, CoverLine, CoverPhoto, Masthead
from plandoc.writers.pdf.context import Ctx
from plandoc.writers.pdf.flowables import check_dpi, fitted_image, role
from plandoc.writers.pdf.grid import grid, padding
from plandoc.writers.pdf.markup import esc

LOGO_GAP_MM = 6          # between the logo and the municipality's name
LOGO_MAX_WIDTH = 3       # a logo may be up to three times as wide as it is high


def cover(ctx: Ctx, c: Cover, frames: dict) -> None:
    """The flowables of the cover page, ending with a switch to the body template."""
    (w, h), (bw, bh) = frames["cover"], frames["band"]
    photo = _photo(ctx, c.photo, w) if c.photo else []
    h -= sum(f.wrap(w, h)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in photo)
    title = [Spacer(1, c.title_drop_mm * mm)] + [_line(ctx, line) for line in c.lines]
    main = KeepInFrame(w, h, _masthead(ctx, c, w) + title, mode="shrink")
    band = KeepInFrame(bw, bh, _at_foot([_band_line(ctx, line) for line in c.band_lines],
                                        bw, bh), mode="shrink")
    ctx.add(*photo, main, FrameBreak(), band, NextPageTemplate("body"), PageBreak())


def _photo(ctx: Ctx, photo: CoverPhoto, width: float) -> list:
    """The photo from the page's top edge, and the photographer's credit at its foot."""
    page, (left, _, right, _) = ctx.layout.theme.page, photo.crop
    top = page.margins.top * mm
    pixels = ImageReader(str(photo.path)).getSize()[0] * (1 - left - right)
    check_dpi(photo.path, pixels, page.width_mm * mm, ctx.look.min_dpi)
    band = PhotoBand(photo, width, photo.height_mm * mm - top, ctx.look.bleed)
    out = [role(band, "Artifact") if photo.decorative else role(band, "Figure", alt=photo.alt)]
    if photo.credit:
        out.append(ctx.cell(esc(photo.credit), "cover_credit"))
    return out


class PhotoBand(Flowable):
    """A photo across the page, from its top edge (and `bleed` past it and the sides) down to
    this flowable's foot; the picture scaled to the layout's crop and clipped to the band."""

    def __init__(self, photo: CoverPhoto, width: float, height: float, bleed: float):
        super().__init__()
        self.photo, self.width, self.height, self.bleed = photo, width, height, bleed

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self):
        x0, _ = self.canv.absolutePosition(0, 0)
        page_width, b = self.canv._pagesize[0], self.bleed
        left, top, right, foot = self.photo.bleed_crop if b else self.photo.crop
        box = (-x0 - b, 0, page_width + 2 * b, self.photo.height_mm * mm + b)
        full_w, full_h = box[2] / (1 - left - right), box[3] / (1 - top - foot)
        self.canv.saveState()
        path = self.canv.beginPath()
        path.rect(*box)
        self.canv.clipPath(path, stroke=0, fill=0)
        self.canv.drawImage(str(self.photo.path), box[0] - left * full_w, -foot * full_h,
                            full_w, full_h, mask="auto")
        self.canv.restoreState()


def _at_foot(lines: list, width: float, height: float) -> list:
    """The band's lines pushed down so the last ends at the frame's foot (band_inset_mm)."""
    used = sum(f.wrap(width, height)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in lines)
    return [Spacer(1, max(height - used - 1, 0))] + lines


def _line(ctx: Ctx, line: CoverLine):
    """A line of the title block in the style of its role; the title is the cover's H1."""
    name = "H1" if line.role == "title" else "P"
    return ctx.cell(esc(line.text), f"cover_{line.role}", name, cover=line.role)


def _band_line(ctx: Ctx, line: CoverLine):
    """The organisation (and an exempt document's marking) stand out on the band; status,
    version and archive case follow."""
    style = "cover_band_strong" if line.role in ("organisation", "exempt") else "cover_band"
    return ctx.cell(esc(line.text), style, cover=line.role)


def masthead(ctx: Ctx, m: Masthead) -> None:
    """The letterhead of an invitation or a case paper: the cover's masthead (emblem and name,
    the paper's kind under the name), a rule beneath."""
    rule = HRFlowable(width="100%", thickness=m.rule_pt, color=ctx.look.colour(m.rule),
                      spaceBefore=2.5 * mm, spaceAfter=7 * mm)
    ctx.add(*_masthead(ctx, m, ctx.width), role(rule, "Artifact"))


def _masthead(ctx: Ctx, c: Cover | Masthead, width: float) -> list:
    name = ctx.cell(esc(c.municipality), "cover_municipality", cover="municipality")
    label = getattr(c, "label", "")        # a letterhead's paper kind under the name
    if label:
        name = [name, ctx.cell(esc(label), "signer_title")]
    if c.logo is None:
        return name if label else [name]
    height = c.logo_height_mm * mm
    logo = fitted_image(c.logo, height * LOGO_MAX_WIDTH, height, alt=c.logo_alt,
                        min_dpi=ctx.look.min_dpi)
    t = grid([[logo, name]], [logo.drawWidth + LOGO_GAP_MM * mm, None], ctx.look.fonts.body,
             ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *padding(0, 0, 0, 0))
    return [role(t, "Div", layout=True)]
