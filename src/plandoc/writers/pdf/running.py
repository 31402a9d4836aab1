"""What is drawn on a page around the flow: running header and footer, watermark, line numbers.

The running lines (Layout.running) are drawn in one function, `draw_running`, so a later step
can mark them as artifacts.  The watermark (Layout.watermark) is drawn last, over the page's
content, light and translucent, so tinted panels do not hide it.  Line numbers are drawn when a
page ends, from the baselines its LinedParagraphs recorded.
"""

from __future__ import annotations

import math

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from plandoc.labels import format_number

HEADER_MM, HEADER_RULE_MM, FOOTER_MM = 9, 2.6, 12   # header above, footer below the text block
WATERMARK_GREY, WATERMARK_ALPHA = 0.45, 0.25   # over white: the grey of 0.86; text shows through
LINE_NUMBER_MM = 5                             # line numbers end this far left of the text


def draw_running(canv, doc) -> None:
    """Header (left | right) over a rule, footer (left | 'Side 3 av 24') of a body page; no
    header on page 1 when the layout says so (an invitation's letterhead stands there).

    The footer is a form filled in after the last page (later.py): its right part holds the
    page total, and the left part is shortened to the room the right part leaves."""
    running, style, (width, height) = doc.layout.running, doc.look["running"], canv._pagesize
    left, right = doc.leftMargin, width - doc.rightMargin     # the page's: landscape or not
    top = height - doc.topMargin + HEADER_MM * mm
    foot = doc.bottomMargin - FOOTER_MM * mm
    canv.saveState()
    doc.later.draw(canv, _footer(doc, (left, right, foot)))
    canv.setFillColor(style.textColor)
    if running.first_header or doc.page > 1:
        _pair(canv, style, (left, right, top), running.header_left, running.header_right, 0.45)
        canv.setStrokeColor(doc.look.colour(doc.layout.palette.header_rule))
        canv.setLineWidth(0.6)
        canv.line(left, top - HEADER_RULE_MM * mm, right, top - HEADER_RULE_MM * mm)
    canv.restoreState()


def _footer(doc, where: tuple):
    """The footer's drawing, for a form filled in when the page total is known."""
    running, style, number = doc.layout.running, doc.look["running"], doc.page

    def fill(form, later) -> None:
        form.setFillColor(style.textColor)
        page = running.page.format(page=number, total=later.total)
        _pair(form, style, where, running.footer_left, page, None)
    return fill


def _pair(canv, style, where: tuple, left_text: str, right_text: str, share) -> None:
    """Two strings at the left and right of a line; `share` caps the left one (else the right
    one is drawn whole), and the other is shortened with '…' to the room that is left."""
    left, right, y = where
    font, size, width = style.fontName, style.fontSize, right - left
    canv.setFont(font, size)
    if share is not None:
        left_text = fit(left_text, font, size, width * share)
        right_text = fit(right_text, font, size, width - _width(left_text, style) - 10 * mm)
    else:
        left_text = fit(left_text, font, size, width - _width(right_text, style) - 10 * mm)
    canv.drawString(left, y, left_text)
    canv.drawRightString(right, y, right_text)


def _width(text: str, style) -> float:
    return stringWidth(text, style.fontName, style.fontSize)


def fit(text: str, font: str, size: float, width: float) -> str:
    """`text`, shortened with '…' if it is wider than `width`."""
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)        # the longest head that fits with '…': a binary search, as
    while low < high:               # a 70 000-character title took minutes char by char
        mid = (low + high + 1) // 2
        if stringWidth(text[:mid] + "…", font, size) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"


def draw_watermark(canv, doc, bottom: float = 0) -> None:
    """The layout's watermark ('UTKAST') large, light and diagonal across the page.

    `bottom` keeps it above the cover's band, so it never runs into the status text there.
    """
    text = doc.layout.watermark
    if not text:
        return
    width, height = canv._pagesize[0], canv._pagesize[1] - bottom
    font = doc.look.fonts.face("heading", bold=True)
    size = min(0.72 * math.hypot(width, height) / (stringWidth(text, font, 100) / 100), 150)
    canv.saveState()
    canv.setFillGray(WATERMARK_GREY)
    canv.setFillAlpha(WATERMARK_ALPHA)
    canv.setFont(font, size)
    canv.translate(width / 2, bottom + height / 2)
    canv.rotate(math.degrees(math.atan2(height, width)))
    canv.drawCentredString(0, -size * 0.35, text)
    canv.restoreState()


def draw_line_numbers(canv, doc) -> None:
    """Number the recorded baselines of this page 1, 2, … top down, in the left margin."""
    style = doc.look["running"]
    canv.saveState()
    canv.setFont(style.fontName, style.fontSize * 0.9)
    canv.setFillColor(doc.look.colour(doc.layout.palette.muted))
    x = doc.leftMargin - LINE_NUMBER_MM * mm
    ys = sorted({round(y, 1) for y in canv.line_marks}, reverse=True)
    for n, y in enumerate(ys, start=1):
        canv.drawRightString(x, y, format_number(n, doc.layout.meta.language))
    canv.restoreState()
    canv.line_marks = []
