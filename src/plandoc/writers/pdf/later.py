"""What is known only when the last page is done: the page total in the footer ("Side 3 av 12")
and the contents' page numbers, so one reportlab pass makes the whole document.

Each is drawn where it belongs as a named form XObject (`canvas.doForm`), and the form is
defined after the pass, when the total and every heading's page are known (reportlab lets a
form be defined after its use).  The layout of the pass is final: the contents' rows are seeded
before it (contents.seed) and a number sits right-aligned in its own room, so nothing it draws
moves anything else.  A form draws with the graphics state of the place that uses it, inside
that place's marked content (an artifact: the footer, a contents row's dots and number).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

from reportlab.pdfbase.pdfdoc import pdfdocEnc


IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class Later:
    """The page total, the pages headings were drawn on, and the forms still to be defined."""

    def __init__(self):
        self.total = 0                      # pages drawn so far; the total after the pass
        self.pages: dict[str, int] = {}     # heading key → the page it was drawn on
        self._forms: list[tuple[str, tuple, tuple, Callable]] = []

    def draw(self, canv, fill: Callable) -> None:
        """Draw here what `fill(form, later)` will draw, in the coordinates of here, once the
        pass is over.

        The form is drawn in page coordinates (the current transformation undone around it,
        and done again inside it), so a reader that places a form's text without the matrix it
        was drawn in (pypdf) still finds it where it is."""
        name, matrix = f"Later{len(self._forms) + 1}", canv._currentMatrix
        self._forms.append((name, (0, 0, *canv._pagesize), matrix, fill))
        if matrix == IDENTITY:
            canv.doForm(name)
            return
        canv.saveState()
        canv.transform(*_inverse(matrix))
        canv.doForm(name)
        canv.restoreState()

    def define(self, canv) -> None:
        """Define every form drawn in the pass (after the last page, before saving)."""
        for name, bbox, matrix, fill in self._forms:
            canv.beginForm(name, *bbox)
            if matrix != IDENTITY:
                canv.transform(*matrix)
            fill(canv, self)
            _no_cr_end(canv)
            canv.endForm()


def _no_cr_end(canv) -> None:
    """Keep the form's compressed stream from ending in CR (1 in 256): finish._write would
    open and save the whole file again for it.  An empty line more changes the checksum."""
    while zlib.compress(pdfdocEnc("\n".join([canv._preamble, *canv._code]))).endswith(b"\r"):
        canv._code.append("")


def _inverse(matrix: tuple) -> tuple:
    """The inverse of a PDF transformation matrix (a b c d e f)."""
    a, b, c, d, e, f = matrix
    det = a * d - b * c
    return (d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det)
