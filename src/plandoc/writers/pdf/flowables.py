"""Custom flowables and the structure role every flowable carries.

`role(f, 'H1')` marks a flowable with its structure role (H1–H3, P, L, LI, Lbl, LBody, Table,
TH, TD, Caption, Figure, Artifact, …) and extra facts such as alt text, so a later step can tag
the PDF (PDF/UA) without re-deriving structure from layout.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Paragraph
from reportlab.platypus.paragraph import (_HSFrag, _SplitFragHY, _SplitWord, _SplitWordEnd,
                                          _SplitWordHY)
from reportlab.platypus.paraparser import ParaFrag

from plandoc import svg
from plandoc.errors import warn
from plandoc.writers.pdf.parse import QuickParse
from plandoc.writers.pdf.reading import languages_after


def role(flowable, name: str, **info):
    """Attach a structure role (and facts such as `alt`) to a flowable; returns it."""
    flowable.pdf_role = name
    flowable.pdf_info = info
    return flowable


class WrapOnce:
    """A paragraph broken into lines once per width.

    reportlab wraps a paragraph again and again at the same width — a table sizing its rows,
    a KeepTogether measuring its content, each pass of multiBuild — and breaking the lines is
    most of a PDF's work; the lines come out the same each time, so they are kept per width
    (the last one; a different width breaks them again).
    """

    def wrap(self, availWidth, availHeight):
        memo = self.__dict__.get("_wrapped")
        if memo is not None and memo[0] == availWidth:
            _, self.width, self.height, self.blPara = memo
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        if getattr(self, "blPara", None) is not None and self.width == availWidth:
            self._wrapped = (availWidth, self.width, self.height, self.blPara)
        return size


class CellParagraph(WrapOnce, QuickParse, Paragraph):
    """A paragraph in a table cell, broken into lines once per width."""


class LinedParagraph(WrapOnce, QuickParse, Paragraph):
    """A paragraph that records the baseline of each line it draws, for line numbers.

    The marks go to the canvas's `line_marks` list (set up per page by the template, absent when
    line numbers are off); the page-end hook numbers them in the margin.  reportlab's split
    makes its parts with self.__class__, so split paragraphs keep recording.  `langs_open`: the
    language spans a split part goes on with (begun in the part before, reading.py).
    """

    langs_open: tuple[str, ...] = ()

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2:
            parts[0].langs_open = self.langs_open
            parts[1].langs_open = languages_after(parts[0].frags, self.langs_open)
        return parts

    def beginText(self, x, y):
        tx = super().beginText(x, y)
        for lang in self.langs_open if hasattr(tx, "language") else ():
            tx.language(lang)
        return tx

    def draw(self):
        super().draw()
        if getattr(self, "bar", None):
            self._draw_bar(*self.bar)
        marks = getattr(self.canv, "line_marks", None)
        if marks is None or not getattr(self, "blPara", None):
            return
        style = self.style
        first = self.height - style.fontSize
        for i in range(len(self.blPara.lines)):
            marks.append(self.canv.absolutePosition(0, first - i * style.leading)[1])

    def _draw_bar(self, colour, width: float, gap: float) -> None:
        """A vertical bar in the margin beside the paragraph (`bar`: colour, width, gap to the
        first line's start): a changed vedtak point, seen in print as on screen."""
        st = self.style
        x = min(st.leftIndent, st.leftIndent + st.firstLineIndent, st.bulletIndent) - gap
        self.canv.saveState()
        self.canv.setStrokeColor(colour)
        self.canv.setLineWidth(width)
        self.canv.line(x, 0, x, self.height)
        self.canv.restoreState()


ESTIMATE_ABOVE = 3000   # points: a LongParagraph this tall at one width is estimated at another


class LongParagraph(LinedParagraph):
    """A flow paragraph too long to break into lines as a whole on every page.

    reportlab breaks a paragraph's whole text into lines each time it tries a frame, and its
    line breaker pops words off the front of a list: a 100 000-character paragraph cost
    seconds per page, quadratic in its length.  This one breaks only a head of the text,
    enough for the room on the page (doubling it until it runs past the room), draws the lines
    that fit and carries on with the rest.  The lines are those of the whole paragraph: lines
    are broken greedily, so every line but the head's last is what the whole text gives, and
    the head's last line is never drawn from the head.  `wrap` counts the lines the same way,
    a head at a time, so its height is true (a table cell may hold one) in linear time.
    """

    HEAD = 4000          # characters broken first; doubled until the head overflows the room

    def wrap(self, availWidth, availHeight):
        heights = self.__dict__.setdefault("_heights", {})
        height = heights.get(availWidth)
        guesses = {**self.__dict__.get("_guesses", {}), **heights}
        if height is None and guesses:
            # counted at another width (a table splitting a row wraps at the column's width,
            # padding and all) or carried over from the part before: when that is pages long,
            # so is this, and that is all a splitting table asks; counting again on every page
            # made it quadratic
            width, known = min(guesses.items(), key=lambda wh: abs(wh[0] - availWidth))
            if known * width / availWidth > ESTIMATE_ABOVE:
                self.width, self.height = availWidth, known * width / availWidth
                return self.width, self.height
        if height is None:
            lines, whole = self._lines(availWidth, availHeight / self.style.leading + 1)
            height = lines * self.style.leading
            if whole:
                heights[availWidth] = height
        self.width, self.height = availWidth, height
        return self.width, self.height

    def _lines(self, width: float, enough: float) -> tuple[int, bool]:
        """How many lines the text makes `width` wide, counted a head at a time, and whether
        that is all of it: counting stops past `enough` lines (the frame only asks whether
        the paragraph fits; the page after asks again)."""
        frags, total, chars, leading = self.frags, 0, self.HEAD, self.style.leading
        while True:
            if total > enough:
                return total, False
            head, rest = _cut(frags, chars)
            part = LinedParagraph(None, self.style, frags=head)
            part.wrap(width, 0xFFFFFF)
            lines = len(part.blPara.lines)
            if not rest:
                return total + lines, True
            if lines >= 4:                # keep all but the head's last two lines
                parts = part.split(width, (lines - 2) * leading + leading / 2)
                carried = _carried(parts[1]) if len(parts) == 2 else None
                if carried is not None:
                    total += len(parts[0].blPara.lines)
                    frags, chars = _merged(carried + rest), self.HEAD
                    continue
            chars *= 2

    def draw(self):
        """Drawn whole only when it fits where it stands, so it is not that long after all."""
        whole = self._part(_copy(self.frags))
        whole.wrap(self.width, 0xFFFFFF)
        whole.drawOn(self.canv, 0, 0)

    def split(self, availWidth, availHeight):
        if 0 < getattr(self, "width", 0) < availWidth:
            # a table splitting a row passes the column's width, padding and all: split at the
            # width the cell wrapped it to, where its lines are drawn (and counted)
            availWidth = self.width
        size = self.style.fontSize
        lines = availHeight / self.style.leading + 3      # a head a little over the room
        chars = max(200, int(lines * availWidth / (0.4 * size) * 1.2))
        while True:
            head, rest = _cut(self.frags, chars)
            if not rest:                  # the head is the whole text: an ordinary paragraph
                whole = self._part(_copy(self.frags))
                whole.wrap(availWidth, availHeight)
                return whole.split(availWidth, availHeight)
            part = self._part(head)
            part.wrap(availWidth, availHeight)
            lines = len(part.blPara.lines)
            parts = part.split(availWidth, availHeight)
            if not parts:                 # not two lines' room: the next frame
                return []
            if len(parts) == 2 and lines > len(parts[0].blPara.lines) + 1:
                carried = _carried(parts[1])
                if carried is not None:
                    tail = LongParagraph(None, self.style, frags=_merged(carried + rest))
                    tail.langs_open = parts[1].langs_open
                    drawn = len(parts[0].blPara.lines) * self.style.leading
                    known = self.__dict__.get("_heights", {}).get(availWidth)
                    if known is not None:   # the same lines, less those drawn: no recount
                        tail._heights = {availWidth: known - drawn}
                    tail._guesses = {w: h - drawn * availWidth / w for w, h in {
                        **self.__dict__.get("_guesses", {}),
                        **self.__dict__.get("_heights", {})}.items()}
                    return [parts[0], tail]
            chars *= 2

    def _part(self, frags: list) -> LinedParagraph:
        """An ordinary paragraph of `frags`, going on with this one's language spans."""
        part = LinedParagraph(None, self.style, frags=frags)
        part.langs_open = self.langs_open
        return part


def _copy(frags: list) -> list:
    return [f.clone() for f in frags]


def _cut(frags: list, chars: int) -> tuple[list, list]:
    """`frags` cut at the first space at or after `chars` characters: (head, rest), the
    space dropped, copies of the frags; rest is [] when there is no such space."""
    seen = 0
    for n, f in enumerate(frags):
        text = getattr(f, "text", "") or ""
        at = text.find(" ", max(0, chars - seen)) if seen + len(text) > chars else -1
        if at >= 0:
            head = _copy(frags[:n]) + ([f.clone(text=text[:at])] if at else [])
            tail = text[at + 1:]
            rest = ([f.clone(text=tail)] if tail else []) + _copy(frags[n + 1:])
            return head, rest
        seen += len(text)
    return _copy(frags), []


def _carried(p) -> list | None:
    """The text frags of a split paragraph's second part, a space after them, to be joined
    with the text that follows; None when reportlab made them in a form not read here."""
    frags = p.frags
    if len(frags) == 1 and hasattr(frags[0], "words") and not hasattr(frags[0], "text"):
        f = frags[0]                       # one face: reportlab keeps a word list
        text = []
        for w in f.words:                  # a word hyphenated or broken is joined again
            text.append(str(w)[:-1] if isinstance(w, _SplitWordHY) else str(w))
            split = isinstance(w, _SplitWord) and not isinstance(w, _SplitWordEnd)
            text.append("" if split else " ")
        return [_face(f, "".join(text))]
    out = []
    for word in frags:                     # several faces: words of (frag, text) pairs
        if not isinstance(word, list) or not word[1:]:
            return None
        for f, text in word[1:]:
            if getattr(f, "cbDefn", None) or getattr(f, "lineBreak", False):
                return None
            out.append(f.clone(text=text))
        if isinstance(word, _SplitFragHY):  # a hyphenated word's head: the hyphen goes
            out[-1].text = out[-1].text[:-1]
        if isinstance(word, _HSFrag):      # a word that a space follows
            out[-1].text += " "
    if not out:
        return None
    if not out[-1].text.endswith(" "):
        out[-1].text += " "
    return out


def _merged(frags: list) -> list:
    """Neighbouring frags of the same face joined, so one face stays one frag."""
    out = []
    for f in frags:
        if out and _same_face(out[-1], f):
            out[-1].text += f.text
        else:
            out.append(f)
    return out


def _same_face(a, b) -> bool:
    da = {k: v for k, v in a.__dict__.items() if k != "text"}
    db = {k: v for k, v in b.__dict__.items() if k != "text"}
    return type(a) is type(b) and da == db


def _face(f, text: str):
    """A text frag in the face of reportlab's one-face word list `f`."""
    frag = ParaFrag()
    for key, value in f.__dict__.items():
        if key not in ("words", "lines", "kind", "text"):
            setattr(frag, key, value)
    frag.text = text
    return frag


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
            top = self.height + self.style.fontSize * 0.6
            self.canv.bookmarkHorizontal(self.key, 0, top)
            tagger = getattr(self.canv, "tagger", None)
            if tagger:                  # a link here is described by the heading's text
                tagger.titles[(self.canv.getPageNumber() - 1,
                               self.canv.absolutePosition(0, top)[1])] = self.outline
        super().draw()


@dataclass
class ChartRecord:
    """Where a chart was drawn in the final pass, and what to put there."""

    index: int
    pdf: bytes
    alt: str
    page: int = -1                     # 0-based page index
    rect: tuple = (0.0, 0.0, 0.0, 0.0)  # x0, y0, x1, y1 in points, page coordinates
    mcid: int | None = None            # the Figure's marked-content id on that page


class ChartSlot(Flowable):
    """An empty rectangle of a chart's size that records where it lands on the page.

    reportlab cannot import PDF pages, so the vector chart is laid into this rectangle after
    the build (see charts.place_charts).
    """

    def __init__(self, record: ChartRecord, width: float, height: float):
        super().__init__()
        self.record, self.width, self.height = record, width, height
        role(self, "Figure", alt=record.alt, deferred=True)   # its content is laid in later

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self):
        x0, y0 = self.canv.absolutePosition(0, 0)
        x1, y1 = self.canv.absolutePosition(self.width, self.height)
        self.record.page = self.canv.getPageNumber() - 1
        self.record.rect = (x0, y0, x1, y1)
        self.record.mcid = getattr(self, "pdf_mcid", None)   # its marked content (tags.py)


def fitted_image(path, width: float, max_height: float, alt: str, min_dpi: float = 0) -> Image:
    """An image `width` points wide (aspect kept), shrunk to fit `max_height`: a Figure with
    `alt` as its alternative text, or an artifact when `alt` is empty (decorative).

    With `min_dpi` (the print profile), an image with fewer pixels than that at its printed
    size gets a warning; it is still used.  An SVG is drawn as vectors (no pixels to count).
    """
    if svg.is_svg(path):
        img = VectorImage(svg.drawing(path), width, max_height)
        return role(img, "Figure", alt=alt) if alt.strip() else role(img, "Artifact")
    px_width, px_height = ImageReader(str(path)).getSize()
    aspect = px_height / px_width
    width = min(width, max_height / aspect)
    check_dpi(path, px_width, width, min_dpi)
    img = Image(str(path), width=width, height=width * aspect)
    return role(img, "Figure", alt=alt) if alt.strip() else role(img, "Artifact")  # ornament


class VectorImage(Flowable):
    """An SVG drawing (a reportlab Drawing) `width` points wide, aspect kept, shrunk to fit
    `max_height`: paths in the page's content, no raster.  `drawWidth` and `drawHeight` as a
    platypus Image has them."""

    def __init__(self, drawing, width: float, max_height: float):
        super().__init__()
        self.drawing = drawing
        self.scale = min(width / drawing.width, max_height / drawing.height)
        self.drawWidth = self.width = drawing.width * self.scale
        self.drawHeight = self.height = drawing.height * self.scale

    def wrap(self, availWidth, availHeight):
        return self.drawWidth, self.drawHeight

    def draw(self):
        from reportlab.graphics import renderPDF

        self.canv.saveState()
        self.canv.scale(self.scale, self.scale)
        renderPDF.draw(self.drawing, self.canv, 0, 0)
        self.canv.restoreState()


def check_dpi(path, pixels: float, width: float, min_dpi: float) -> None:
    """Warn when `pixels` across, printed `width` points wide, are fewer than `min_dpi` give."""
    dpi = pixels / (width / 72)
    if dpi < min_dpi:
        warn(path, None, f"image is {whole(dpi)} dpi at its printed size ({whole(width / mm)} "
             f"mm wide) — print needs at least {whole(min_dpi)} dpi, that is "
             f"{whole(min_dpi * width / 72)} pixels across; it is used as it is")


def whole(x: float) -> int:
    """`x` rounded half up, so 190.5 dpi reads 191 however the width was given (mm or cm)."""
    return math.floor(x + 0.5 + 1e-9)
