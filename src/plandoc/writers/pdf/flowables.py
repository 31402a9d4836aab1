"""Custom flowables and the structure role every flowable carries.

`role(f, 'H1')` marks a flowable with its structure role (H1–H3, P, L, LI, Lbl, LBody, Table,
TH, TD, Caption, Figure, Artifact, …) and extra facts such as alt text, so a later step can tag
the PDF (PDF/UA) without re-deriving structure from layout.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Paragraph
from reportlab.platypus.doctemplate import IndexingFlowable

from plandoc.errors import warn


def role(flowable, name: str, **info):
    """Attach a structure role (and facts such as `alt`) to a flowable; returns it."""
    flowable.pdf_role = name
    flowable.pdf_info = info
    return flowable


class LinedParagraph(Paragraph):
    """A paragraph that records the baseline of each line it draws, for line numbers.

    The marks go to the canvas's `line_marks` list (set up per page by the template, absent when
    line numbers are off); the page-end hook numbers them in the margin.  reportlab's split
    makes its parts with self.__class__, so split paragraphs keep recording.
    """

    def draw(self):
        super().draw()
        marks = getattr(self.canv, "line_marks", None)
        if marks is None or not getattr(self, "blPara", None):
            return
        style = self.style
        first = self.height - style.fontSize
        for i in range(len(self.blPara.lines)):
            marks.append(self.canv.absolutePosition(0, first - i * style.leading)[1])


class HeadingParagraph(LinedParagraph):
    """A heading: its destination where it is drawn, reported to the outline and contents.

    `key` is the destination name the layout chose (HeadingBox.target), `outline` its outline
    text and `toc` its contents text (None when the contents does not list it); the template
    reports it after drawing (template.PlanDocTemplate.afterFlowable).  If a (very long)
    heading splits, only its first part carries the key, so outline and contents list it once.
    """

    def __init__(self, markup, style, *args, level: int = 1, key: str = "", outline: str = "",
                 toc: str | None = None, **kw):
        super().__init__(markup, style, *args, **kw)
        self.level, self.key, self.outline, self.toc = level, key, outline, toc
        role(self, f"H{min(level, 6)}")

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        for n, part in enumerate(parts):
            part.level, part.outline, part.toc = self.level, self.outline, self.toc
            part.key = self.key if n == 0 else ""
            role(part, f"H{min(self.level, 6)}", continued=n > 0)
        return parts

    def draw(self):
        if self.key:
            self.canv.bookmarkHorizontal(self.key, 0, self.height + self.style.fontSize * 0.6)
        super().draw()


@dataclass
class ChartRecord:
    """Where a chart was drawn in the final pass, and what to put there."""

    index: int
    pdf: bytes
    alt: str
    page: int = -1                     # 0-based page index
    rect: tuple = (0.0, 0.0, 0.0, 0.0)  # x0, y0, x1, y1 in points, page coordinates


class ChartSlot(Flowable):
    """An empty rectangle of a chart's size that records where it lands on the page.

    reportlab cannot import PDF pages, so the vector chart is laid into this rectangle after
    the build (see charts.place_charts).
    """

    def __init__(self, record: ChartRecord, width: float, height: float):
        super().__init__()
        self.record, self.width, self.height = record, width, height
        role(self, "Figure", alt=record.alt)

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self):
        x0, y0 = self.canv.absolutePosition(0, 0)
        x1, y1 = self.canv.absolutePosition(self.width, self.height)
        self.record.page = self.canv.getPageNumber() - 1
        self.record.rect = (x0, y0, x1, y1)


@dataclass
class PageCount:
    """The page total shown in the footer: last pass's count and this pass's count."""

    total: int | None = None
    seen: int = 0
    stable: bool = field(default=False)


class PageTotal(IndexingFlowable):
    """Zero-size flowable that makes multiBuild repeat until the page total is stable."""

    def __init__(self, count: PageCount):
        super().__init__()
        self.count = count
        self.width = self.height = 0
        role(self, "Artifact")

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        pass

    def afterBuild(self):
        self.count.stable = self.count.seen == self.count.total
        self.count.total = self.count.seen

    def isSatisfied(self):
        return self.count.stable


def fitted_image(path, width: float, max_height: float, alt: str, min_dpi: float = 0) -> Image:
    """An image `width` points wide (aspect kept), shrunk to fit `max_height`.

    With `min_dpi` (the print profile), an image with fewer pixels than that at its printed
    size gets a warning; it is still used.
    """
    px_width, px_height = ImageReader(str(path)).getSize()
    aspect = px_height / px_width
    width = min(width, max_height / aspect)
    dpi = px_width / (width / 72)
    if dpi < min_dpi:
        warn(path, None, f"image is {whole(dpi)} dpi at its printed size ({whole(width / mm)} "
             f"mm wide) — print needs at least {whole(min_dpi)} dpi, that is "
             f"{whole(min_dpi * width / 72)} pixels across; it is used as it is")
    return role(Image(str(path), width=width, height=width * aspect), "Figure", alt=alt)


def whole(x: float) -> int:
    """`x` rounded half up, so 190.5 dpi reads 191 however the width was given (mm or cm)."""
    return math.floor(x + 0.5 + 1e-9)
