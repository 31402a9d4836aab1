"""The print file's page boxes and crop marks, added with pikepdf after reportlab.

reportlab lays out the trimmed page (A4, say) with its decoration already reaching 3 mm past
the edge (see PlanDocTemplate's bleed).  Here every page gets TrimBox = the trimmed page,
BleedBox = 3 mm around it, and a MediaBox with room for crop marks; the boxes grow outward
(negative origin) so no content, link or bookmark has to move.  The crop marks sit in that
outer room, starting 1 mm outside the bleed so they never print into it.
"""

from __future__ import annotations

import pikepdf
from reportlab.lib.units import mm

from plandoc.writers.pdf.tags import artifact_bytes
from plandoc.writers.pdf.profile import BLEED_MM, MARK_LENGTH_MM, MARK_OFFSET_MM, SLUG_MM

MARK_WIDTH = 0.25       # points: hairline crop marks
REGISTRATION = b"1 1 1 1 K"   # marks print on every separation


def press_boxes(pdf: pikepdf.Pdf) -> None:
    """TrimBox, BleedBox, a larger MediaBox and crop marks on every page."""
    for page in pdf.pages:
        x0, y0, x1, y1 = (float(v) for v in page.obj.MediaBox)
        page.obj.TrimBox = _box(x0, y0, x1, y1, 0)
        page.obj.BleedBox = _box(x0, y0, x1, y1, BLEED_MM * mm)
        page.obj.MediaBox = _box(x0, y0, x1, y1, SLUG_MM * mm)
        if "/CropBox" in page.obj:
            del page.obj.CropBox
        page.contents_add(pdf.make_stream(artifact_bytes(crop_marks(x0, y0, x1, y1))),
                          prepend=False)


def _box(x0: float, y0: float, x1: float, y1: float, grow: float) -> pikepdf.Array:
    return pikepdf.Array([round(v, 3) for v in (x0 - grow, y0 - grow, x1 + grow, y1 + grow)])


def crop_marks(x0: float, y0: float, x1: float, y1: float) -> bytes:
    """Two hairlines per corner, in line with the trim edges, outside the bleed."""
    off, length = MARK_OFFSET_MM * mm, MARK_LENGTH_MM * mm
    lines = []
    for x, sx in ((x0, -1), (x1, 1)):
        for y, sy in ((y0, -1), (y1, 1)):
            lines.append(((x + sx * off, y), (x + sx * (off + length), y)))   # horizontal
            lines.append(((x, y + sy * off), (x, y + sy * (off + length))))   # vertical
    ops = [b"q", REGISTRATION, f"{MARK_WIDTH} w 0 J".encode()]
    ops += [f"{a[0]:.3f} {a[1]:.3f} m {b[0]:.3f} {b[1]:.3f} l S".encode() for a, b in lines]
    return b"\n".join(ops + [b"Q"]) + b"\n"
