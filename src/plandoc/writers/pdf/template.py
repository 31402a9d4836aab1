"""The document template: page templates (cover without running lines, body with them, and a
landscape body page for wide tables: the paper turned, the margins and running lines kept) and the
hooks that make the outline, the contents entries, the page total and the line numbers.

Headings report themselves after they are drawn: each becomes an outline entry (nested by
level, with the layout's outline text) and, when the layout lists it, a contents entry with its
page and link.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepInFrame, KeepTogether, PageTemplate, Table
from reportlab.platypus.flowables import UseUpSpace, _ContainerSpace
from reportlab.platypus.doctemplate import ActionFlowable, BaseDocTemplate, _ktAllow

from plandoc.layout import Layout
from plandoc.writers.pdf.contents import heading_entry
from plandoc.writers.pdf.flow import KeepWithStart, together
from plandoc.writers.pdf.flowables import HeadingParagraph
from plandoc.writers.pdf.later import Later
from plandoc.writers.pdf.notes import CALLBACK, NoteFrame
from plandoc.writers.pdf.running import draw_line_numbers, draw_running, draw_watermark
from plandoc.writers.pdf.styles import Look
from plandoc.writers.pdf.tags import Tagger, TaggedFrame, enabled, furniture


def _run(flowables: list) -> int:
    """How many flowables at the front keep with the next."""
    n = 0
    while n < len(flowables) and flowables[n].getKeepWithNext() and _ktAllow(flowables[n]):
        n += 1
    return n


def _keeps_with(flowable) -> bool:
    """Whether a run of keep-with-next flowables can be kept with `flowable`."""
    return _ktAllow(flowable) and not isinstance(flowable, (ActionFlowable, UseUpSpace))


def rescued(f, frame, canv):
    """A flowable that did not fit on the last page, made placeable when it cannot be placed on
    this fresh one either: a table may split inside a row (a cell taller than the page) and
    then lose its repeated header (a header taller than the page); anything else is shrunk to
    the frame.  Groups come apart by themselves and are left alone."""
    if isinstance(f, _ContainerSpace) or not hasattr(f, "wrapOn"):
        return f
    width, height = frame._width, frame._height
    w, h = f.wrapOn(canv, width, height)
    if (h <= height and w <= width) or f.splitOn(canv, width, height):
        return f
    if isinstance(f, Table):
        f.splitInRow = 1
        if f.splitOn(canv, width, height):
            return f
        f.repeatRows = 0
        if f.splitOn(canv, width, height):
            return f
    kept = KeepInFrame(width, height, [f], mode="shrink")
    for name in ("pdf_role", "pdf_info", "notes"):
        if hasattr(f, name):
            setattr(kept, name, getattr(f, name))
    return kept


RUNNING = furniture(draw_running, "Pagination")       # page furniture is artifacts
WATERMARK = furniture(draw_watermark, "Watermark")
LINE_NUMBERS = furniture(draw_line_numbers)
LANG_TAGS = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}
NO_PADDING = dict(leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
BAND_TOP_MM = 12         # the band's text ends at least this far below the band's top edge


class PlanDocTemplate(BaseDocTemplate):
    """The theme's page size and margins, a cover template (when the layout has a cover) and
    the body template."""

    def __init__(self, file, *, layout: Layout, look: Look):
        page, meta = layout.theme.page, layout.meta
        super().__init__(
            file, pagesize=(page.width_mm * mm, page.height_mm * mm),
            leftMargin=page.margins.left * mm, rightMargin=page.margins.right * mm,
            topMargin=page.margins.top * mm, bottomMargin=page.margins.bottom * mm,
            title=meta.title, author=meta.author or meta.organisation or meta.municipality,
            subject=meta.subject or meta.subtitle or "", keywords=list(meta.keywords),
            creator="plandoc", producer="plandoc", invariant=1, lang=LANG_TAGS[meta.language],
            displayDocTitle=1, initialFontName=look.fonts.body,
            initialFontSize=layout.theme.sizes.body, keepTogetherClass=KeepWithStart)
        self.layout, self.look, self.later = layout, look, Later()
        body = [self._body_template(), self._landscape_template()]
        self.addPageTemplates([self._cover_template(), *body] if layout.cover else body)

    # --- page templates ------------------------------------------------------------------

    def _cover_frames(self) -> list[TaggedFrame]:
        band, foot = self.layout.cover.band_height_mm * mm, self.layout.cover.band_inset_mm * mm
        main_y = band + foot
        main = TaggedFrame(self.leftMargin, main_y, self.width,
                     self.pagesize[1] - self.topMargin - main_y, id="cover", **NO_PADDING)
        low = TaggedFrame(self.leftMargin, foot, self.width, band - foot - BAND_TOP_MM * mm,
                    id="band", **NO_PADDING)
        return [main, low]

    def cover_frames(self) -> dict:
        """Frame id → (width, height) of the cover's frames."""
        return {f.id: (f._width, f._height) for f in self._cover_frames()}

    def _cover_template(self) -> PageTemplate:
        above_band = (self.layout.cover.band_height_mm + self.layout.cover.band_stripe_mm) * mm
        return PageTemplate("cover", self._cover_frames(), onPage=furniture(self._draw_band),
                            onPageEnd=furniture(lambda canv, doc: draw_watermark(
                                canv, doc, above_band), "Watermark"))

    def _body_template(self) -> PageTemplate:
        frame = NoteFrame(self.leftMargin, self.bottomMargin, self.width, self.height,
                          id="body", note_style=self.look["footnote"], **NO_PADDING)
        self.body_frame = frame
        return PageTemplate("body", [frame], onPage=RUNNING, onPageEnd=WATERMARK)

    def _landscape_template(self) -> PageTemplate:
        page = self.layout.theme.page
        frame = NoteFrame(self.leftMargin, self.bottomMargin, page.landscape_width_mm * mm,
                          page.landscape_height_mm * mm, id="landscape",
                          note_style=self.look["footnote"], **NO_PADDING)
        self.landscape_frame = frame
        return PageTemplate("landscape", [frame], onPage=RUNNING,
                            onPageEnd=WATERMARK, pagesize=self.pagesize[::-1])

    def _draw_band(self, canv, doc) -> None:
        """The band in the primary colour across the cover's foot, the accent stripe on top.

        In the print file both reach `look.bleed` past the left, right and bottom edges.
        """
        b, band, p = self.look.bleed, self.layout.cover.band_height_mm * mm, self.layout.palette
        canv.saveState()
        canv.setFillColor(self.look.colour(p.primary))
        canv.rect(-b, -b, self.pagesize[0] + 2 * b, band + b, stroke=0, fill=1)
        canv.setFillColor(self.look.colour(p.accent))
        stripe = self.layout.cover.band_stripe_mm * mm
        canv.rect(-b, band, self.pagesize[0] + 2 * b, stripe, stroke=0, fill=1)
        canv.restoreState()

    # --- hooks -----------------------------------------------------------------------------

    def beforeDocument(self):
        self._outline_level = -1
        self.tagger = self.canv.tagger = Tagger() if enabled() else None
        self.later = self.canv.later = Later()
        self.canv.showOutline()
        self.canv.setNamedCB(CALLBACK, lambda canv, kind, label: self.body_frame.drawn.append(
            label))

    def beforePage(self):
        self.canv.line_marks = [] if self.layout.line_numbers else None

    def afterPage(self):
        self.later.total = self.page
        if self.frame in (self.body_frame, self.landscape_frame):
            self.frame.draw_notes(self.canv, self.look.colour(self.layout.palette.muted))
        if self.canv.line_marks:
            LINE_NUMBERS(self.canv, self)

    def _allSatisfied(self):
        """Whether multiBuild may stop (reportlab's test), and if so — the canvas is saved
        next — the forms of the page total and the contents' numbers, defined (later.py).

        The contents only ask for another pass when their rows changed, not their pages, so a
        plan takes one pass."""
        happy = super()._allSatisfied()
        if happy:
            self.later.define(self.canv)
        return happy

    def handle_keepWithNext(self, flowables):
        """reportlab's keep-with-next, but a KeepTogether after the run joins it.

        reportlab leaves containers out of the run, so a heading could end a page above a
        panel kept together; here the panel's parts take the container's place, each keeping
        with the next, and the run takes them all in.
        """
        n = _run(flowables)
        if n and n < len(flowables) and isinstance(flowables[n], KeepTogether):
            flowables[n:n + 1] = together(list(flowables[n]._content))
            n = _run(flowables)
        if n and (n == len(flowables) or not _keeps_with(flowables[n])):
            # Nothing to keep with: the end of the document, a page break or a container.
            # reportlab would wrap the run in a group whose last part still keeps with next,
            # and a last part taller than the page made it wrap and split that group forever.
            self._no_keep(flowables[n - 1])
        super().handle_keepWithNext(flowables)

    def _no_keep(self, flowable) -> None:
        """Clear `flowable`'s keep-with-next for this pass (multiBuild restores it)."""
        edits = getattr(self, "_multiBuildEdits", None)
        if edits:
            if "keepWithNext" in flowable.__dict__:
                edits((setattr, flowable, "keepWithNext", flowable.keepWithNext))
            else:
                edits((delattr, flowable, "keepWithNext"))
        flowable.__dict__["keepWithNext"] = 0

    def handle_flowable(self, flowables):
        """reportlab's, but a flowable that did not fit on a fresh page gets a second chance
        (see `rescued`) instead of stopping the build with a LayoutError."""
        if flowables and getattr(flowables[0], "_postponed", False):
            flowables[0] = rescued(flowables[0], self.frame, self.canv)
        super().handle_flowable(flowables)

    def afterFlowable(self, flowable):
        if isinstance(flowable, HeadingParagraph) and flowable.key:
            self._report_heading(flowable)

    def _report_heading(self, h: HeadingParagraph) -> None:
        level = min(h.level - 1, self._outline_level + 1)   # outlines may not skip a level
        self._outline_level = level
        self.canv.addOutlineEntry(h.outline, h.key, level=level, closed=level > 0)
        self.later.pages.setdefault(h.key, self.page)
        row = heading_entry(h, self.page)
        if row:
            self.notify("TOCEntry", row)
