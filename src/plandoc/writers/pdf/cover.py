"""The cover page: municipality and logo, title block, and organisation + status on the band.

The band itself is drawn by the cover page template (decoration); everything with words is a
flowable with a structure role.  Each frame's content shrinks to fit, so a long title can never
push the cover onto a second page.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (FrameBreak, KeepInFrame, NextPageTemplate, PageBreak, Paragraph,
                                Spacer, Table, TableStyle)

from plandoc.labels import labels, status_line, version_line
from plandoc.model import Meta
from plandoc.style.theme import Theme
from plandoc.writers.pdf.flowables import fitted_image, role
from plandoc.writers.pdf.markup import esc
from plandoc.writers.pdf.styles import Look

LOGO_MM = 22


def cover(meta: Meta, theme: Theme, look: Look, frames: dict) -> list:
    """The flowables of the cover page, ending with a switch to the body template."""
    (w, h), (bw, bh) = frames["cover"], frames["band"]
    main = KeepInFrame(w, h, _masthead(meta, theme, look, w) + _title_block(meta, look),
                       mode="shrink")
    band = KeepInFrame(bw, bh, _band(meta, look), mode="shrink", vAlign="BOTTOM")
    return [main, FrameBreak(), band, NextPageTemplate("body"), PageBreak()]


def _masthead(meta: Meta, theme: Theme, look: Look, width: float) -> list:
    name = role(Paragraph(esc(meta.municipality), look["cover_municipality"]), "P",
                cover="municipality")
    if theme.logo is None:
        return [name]
    logo = fitted_image(theme.logo, LOGO_MM * mm * 3, LOGO_MM * mm, alt=meta.municipality,
                        min_dpi=look.min_dpi)
    t = Table([[logo, name]], colWidths=[logo.drawWidth + 6 * mm, None], hAlign="LEFT")
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), look.fonts.body),
                           ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [role(t, "Div", layout=True)]


def _title_block(meta: Meta, look: Look) -> list:
    out = [Spacer(1, 62 * mm)]
    if meta.part:
        out.append(role(Paragraph(esc(meta.part.upper()), look["cover_part"]), "P", cover="part"))
    out.append(role(Paragraph(esc(meta.title), look["cover_title"]), "H1", cover="title"))
    if meta.subtitle:
        out.append(role(Paragraph(esc(meta.subtitle), look["cover_subtitle"]), "P",
                        cover="subtitle"))
    if meta.period:
        text = labels(meta.language)["period"].format(period=meta.period)
        out.append(role(Paragraph(esc(text), look["cover_period"]), "P", cover="period"))
    return out


def _band(meta: Meta, look: Look) -> list:
    out = []
    if meta.organisation:
        out.append(role(Paragraph(esc(meta.organisation), look["cover_band_strong"]), "P",
                        cover="organisation"))
    for key, text in (("status", status_line(meta)), ("version", version_line(meta)),
                      ("cases", _case_refs(meta))):
        if text:
            out.append(role(Paragraph(esc(text), look["cover_band"]), "P", cover=key))
    return out


def _case_refs(meta: Meta) -> str:
    """'Arkivsak 20/1234' when the document names its archive case."""
    if not meta.archive_case:
        return ""
    return f"{labels(meta.language)['archive_case']} {meta.archive_case}"
