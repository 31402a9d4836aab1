"""The page templates (cover without header/footer, body with them), outline and TOC hooks.

Headings report themselves here after they are drawn: each becomes an outline entry (nested by
level) and, up to level 2, a TOC entry with its page and link.  The running header and footer
are drawn in one function, `draw_running`, so a later step can mark them as artifacts; it also
draws the status watermark of a draft (on the cover too) and the footer's status line.  Line
numbers are drawn when a page ends, from the baselines its LinedParagraphs recorded.
"""

from __future__ import annotations

import math

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Frame, PageTemplate, TableStyle
from reportlab.platypus.doctemplate import BaseDocTemplate
from reportlab.platypus.tableofcontents import TableOfContents

from plandoc.labels import format_number, labels, status_line, watermark
from plandoc.model import Meta
from plandoc.style.theme import Theme
from plandoc.writers.pdf.flowables import HeadingParagraph, PageCount, role
from plandoc.writers.pdf.markup import esc
from plandoc.writers.pdf.styles import Look

LANG_TAGS = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}
TOC_LEVELS = 2          # headings of level 1..TOC_LEVELS are listed in the contents
BAND_MM = 64            # height of the brand band at the foot of the cover
NO_PADDING = dict(leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


class PlanDocTemplate(BaseDocTemplate):
    """A4 (or the theme's size) plan document with cover and body page templates."""

    def __init__(self, file, *, theme: Theme, look: Look, meta: Meta, count: PageCount,
                 cover: bool = True):
        m = theme.margins_mm
        super().__init__(
            file, pagesize=(theme.page_size_mm[0] * mm, theme.page_size_mm[1] * mm),
            leftMargin=m["left"] * mm, rightMargin=m["right"] * mm,
            topMargin=m["top"] * mm, bottomMargin=m["bottom"] * mm,
            title=meta.title, author=meta.author or meta.organisation or meta.municipality,
            subject=meta.subject or meta.subtitle or "", keywords=list(meta.keywords),
            creator="plandoc", producer="plandoc", invariant=1, lang=LANG_TAGS[meta.language],
            displayDocTitle=1, initialFontName=look.fonts.body, initialFontSize=look.sizes["body"])
        self.look, self.meta, self.count = look, meta, count
        templates = [self._cover_template(), self._body_template()]
        self.addPageTemplates(templates if cover else templates[::-1])   # first one opens

    # --- page templates ------------------------------------------------------------------

    def _cover_frames(self) -> list[Frame]:
        band = BAND_MM * mm
        main_y = band + 14 * mm
        main = Frame(self.leftMargin, main_y, self.width, self.pagesize[1] - self.topMargin
                     - main_y, id="cover", **NO_PADDING)
        foot = Frame(self.leftMargin, 14 * mm, self.width, band - 26 * mm, id="band",
                     **NO_PADDING)
        return [main, foot]

    def cover_frames(self) -> dict:
        """Frame id → (width, height) of the cover's frames."""
        return {f.id: (f._width, f._height) for f in self._cover_frames()}

    def _cover_template(self) -> PageTemplate:
        return PageTemplate("cover", self._cover_frames(), onPage=self._draw_cover_band,
                            onPageEnd=lambda canv, doc: draw_watermark(
                                canv, doc, bottom=(BAND_MM + 2) * mm))

    def _body_template(self) -> PageTemplate:
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      **NO_PADDING)
        return PageTemplate("body", [frame], onPage=draw_running, onPageEnd=draw_watermark)

    def _draw_cover_band(self, canv, doc) -> None:
        """The cover's decoration: a band in the primary colour across the foot of the page.

        In the print file it reaches `look.bleed` past the left, right and bottom edges.
        """
        b = self.look.bleed
        canv.saveState()
        canv.setFillColor(self.look.colors["primary"])
        canv.rect(-b, -b, self.pagesize[0] + 2 * b, BAND_MM * mm + b, stroke=0, fill=1)
        canv.setFillColor(self.look.colors["accent"])
        canv.rect(-b, BAND_MM * mm, self.pagesize[0] + 2 * b, 1.6 * mm, stroke=0, fill=1)
        canv.restoreState()

    # --- hooks -----------------------------------------------------------------------------

    def beforeDocument(self):
        self._outline_level = -1
        self.canv.showOutline()

    def beforePage(self):
        self.canv.line_marks = [] if self.meta.line_numbers else None

    def afterPage(self):
        self.count.seen = self.page
        if self.canv.line_marks:
            draw_line_numbers(self.canv, self)

    def afterFlowable(self, flowable):
        if isinstance(flowable, HeadingParagraph) and flowable.key:
            self._report_heading(flowable)

    def _report_heading(self, h: HeadingParagraph) -> None:
        level = min(h.level - 1, self._outline_level + 1)   # outlines may not skip a level
        self._outline_level = level
        self.canv.addOutlineEntry(h.outline, h.key, level=level, closed=level > 0)
        entry = toc_entry(h, self.page)
        if entry:
            self.notify("TOCEntry", entry)


def toc_entry(h: HeadingParagraph, page: int) -> tuple | None:
    """The table-of-contents entry of a heading, or None when it is not listed."""
    if not (h.in_toc and h.level <= TOC_LEVELS):
        return None
    text = f"<b>{esc(h.outline)}</b>" if h.level == 1 else esc(h.outline)
    return (h.level - 1, text, page, h.key)


def seed_toc(toc: TableOfContents, story: list) -> None:
    """Give the contents its real rows before the first pass.

    Laid out empty, the contents grows on the second pass and moves every page after it, so
    long documents needed a third pass (×20 plan: 3 passes, 5 s each); seeded with the headings
    (page numbers still unknown) its size is right from the start and two passes suffice.
    reportlab copies `_entries` to the rows it draws at the start of each pass.
    """
    toc._entries = [e for h in _headings(story) if (e := toc_entry(h, 0))]


def _headings(flowables):
    for f in flowables:
        if isinstance(f, HeadingParagraph):
            yield f
        yield from _headings(getattr(f, "_content", None) or [])


def draw_running(canv, doc: PlanDocTemplate) -> None:
    """Running header (municipality, title) and footer (status, 'Side 3 av 24') of a body page.

    A draft's watermark is drawn last, over the page's content (draw_watermark), so tinted
    panels and tables do not hide it.
    """
    look, meta = doc.look, doc.meta
    width, height = doc.pagesize
    left, right = doc.leftMargin, width - doc.rightMargin
    size = look.sizes["small"]
    top = height - doc.topMargin + 9 * mm
    canv.saveState()
    canv.setFont(look.fonts.body, size)
    canv.setFillColor(look.colors["muted"])
    name = fit(meta.municipality, look.fonts.body, size, (right - left) * 0.45)
    canv.drawString(left, top, name)
    room = right - left - stringWidth(name, look.fonts.body, size) - 10 * mm
    canv.drawRightString(right, top, fit(meta.title, look.fonts.body, size, room))
    canv.setStrokeColor(look.colors["light"])
    canv.setLineWidth(0.6)
    canv.line(left, top - 2.6 * mm, right, top - 2.6 * mm)
    total = doc.count.total or doc.page
    footer = labels(meta.language)["page_of"].format(page=doc.page, total=total)
    canv.drawRightString(right, doc.bottomMargin - 12 * mm, footer)
    room = right - left - stringWidth(footer, look.fonts.body, size) - 10 * mm
    canv.drawString(left, doc.bottomMargin - 12 * mm,
                    fit(status_line(meta), look.fonts.body, size, room))
    canv.restoreState()


WATERMARK_GREY, WATERMARK_ALPHA = 0.45, 0.25   # over white: the grey of 0.86; text shows through


def draw_watermark(canv, doc: PlanDocTemplate, bottom: float = 0) -> None:
    """'UTKAST' / 'HØRINGSUTKAST' large, light and diagonal across the page of a draft.

    `bottom` keeps it above the cover's band, so it never runs into the status text there.
    """
    text = watermark(doc.meta)
    if not text:
        return
    width, height = doc.pagesize[0], doc.pagesize[1] - bottom
    font = doc.look.fonts.heading_bold
    angle = math.degrees(math.atan2(height, width))
    size = 0.72 * math.hypot(width, height) / (stringWidth(text, font, 100) / 100)
    size = min(size, 150)
    canv.saveState()
    canv.setFillGray(WATERMARK_GREY)
    canv.setFillAlpha(WATERMARK_ALPHA)
    canv.setFont(font, size)
    canv.translate(width / 2, bottom + height / 2)
    canv.rotate(angle)
    canv.drawCentredString(0, -size * 0.35, text)
    canv.restoreState()


def draw_line_numbers(canv, doc: PlanDocTemplate) -> None:
    """Number the recorded baselines of this page 1, 2, … top down, in the left margin."""
    look = doc.look
    size = look.sizes["small"] * 0.9
    x = doc.leftMargin - 5 * mm
    canv.saveState()
    canv.setFont(look.fonts.body, size)
    canv.setFillColor(look.colors["muted"])
    ys = sorted({round(y, 1) for y in canv.line_marks}, reverse=True)
    for n, y in enumerate(ys, start=1):
        canv.drawRightString(x, y, format_number(n, doc.meta.language))
    canv.restoreState()
    canv.line_marks = []


def fit(text: str, font: str, size: float, width: float) -> str:
    """`text`, shortened with '…' if it is wider than `width`."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def table_of_contents(look: Look) -> TableOfContents:
    """The TOC flowable, in TrueType fonts only (its own table style included)."""
    style = TableStyle([("FONTNAME", (0, 0), (-1, -1), look.fonts.body),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
    toc = TableOfContents(levelStyles=[look["toc0"], look["toc1"], look["toc2"]],
                          tableStyle=style, dotsMinLevel=0)
    return role(toc, "TOC")
