"""SVG emblems: checked to be a plain, self-contained drawing, then drawn as vectors in the PDF
(svglib → a reportlab Drawing), rasterised for the DOCX (resvg) and placed as they are in the
web page (a data: address in an <img>, which runs no script and fetches nothing).

The check refuses what could reach outside the file or run (scripts, event attributes,
foreignObject, any href or url() other than '#id', entities declared in a DOCTYPE — a DOCTYPE
that only names SVG 1.1, as Illustrator writes one, is fine: no parser here fetches it), what
the PDF could not draw as it should (text, whose font the PDF/A file would have to embed) and a
drawing with no size; so the writers only ever get a drawing that needs nothing but itself.
"""

from __future__ import annotations

import functools
import math
import re
from pathlib import Path

SVG = "{http://www.w3.org/2000/svg}"
HREFS = ("href", "{http://www.w3.org/1999/xlink}href")
EXPECTED = "expected a plain SVG drawing"
REFUSED = {
    "script": "contains a script (<script>) — " + EXPECTED + " without scripts",
    "foreignObject": "contains a <foreignObject> (HTML inside the drawing) — " + EXPECTED,
    "text": "contains text (<text>) — convert the text to paths (outlines) in the drawing "
            "program: a PDF/A file must embed every font it uses",
}
DOCTYPE_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[")   # a DOCTYPE with declarations: [ … ]
OUTSIDE = re.compile(r"url\(\s*['\"]?(?!#)|@import", re.IGNORECASE)
LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px|pt|mm|cm|in|pc)?\s*$")
RASTER_DPI = 600       # the DOCX's picture of an emblem: sharp in print at its size


def is_svg(file: Path) -> bool:
    """Whether `file` is (or claims to be) an SVG: its name, or XML where a picture would start."""
    if Path(file).suffix.lower() == ".svg":
        return True
    try:
        with open(file, "rb") as fh:
            head = fh.read(256).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False
    return head.startswith((b"<?xml", b"<svg", b"<!--"))


def problem(file: Path) -> str | None:
    """What keeps `file` from being an emblem, worded to follow 'image NAME ', or None."""
    try:
        data = Path(file).read_bytes()
    except OSError as exc:
        return f"cannot be read: {exc.strerror}"
    return _problem(data) or _draw_problem(Path(file))


def _problem(data: bytes) -> str | None:
    from xml.etree import ElementTree

    if b"<!ENTITY" in data or DOCTYPE_SUBSET.search(data):
        return ("declares entities in its DOCTYPE — " + EXPECTED + " (save it as plain SVG, "
                "without entities)")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        return f"is not well-formed XML ({exc}) — expected an SVG file"
    if root.tag != f"{SVG}svg":
        return (f"is not an SVG drawing (its outer element is <{_local(root.tag)}>) — expected "
                "an <svg> element in the SVG namespace")
    return next(filter(None, map(_element_problem, root.iter())), None) or _size_problem(root)


def _element_problem(element) -> str | None:
    """Scripts, HTML, text, or anything that refers outside the file."""
    name = _local(element.tag) if isinstance(element.tag, str) else ""
    if name in REFUSED:
        return REFUSED[name]
    for key, value in element.attrib.items():
        if _local(key).lower().startswith("on"):
            return (f"has a script in <{name} {_local(key)}> — {EXPECTED} without scripts")
        if key in HREFS and not value.strip().startswith("#"):
            return _outside(name, value)
        if OUTSIDE.search(value):
            return _outside(name, value)
    if name == "style" and OUTSIDE.search(element.text or ""):
        return _outside(name, (element.text or "").strip())
    return None


def _outside(name: str, value: str) -> str:
    shown = value if len(value) <= 60 else value[:57] + "…"
    return (f"refers to something outside the drawing (<{name}> '{shown}') — {EXPECTED} that "
            "needs no other file or address")


def _size_problem(root) -> str | None:
    box = (root.get("viewBox") or "").replace(",", " ").split()
    try:
        if len(box) == 4 and float(box[2]) > 0 and float(box[3]) > 0:
            return None
    except ValueError:
        pass
    if all(LENGTH.match(root.get(k) or "") and float(LENGTH.match(root.get(k)).group(1)) > 0
           for k in ("width", "height")):
        return None
    return ("has no size: neither a viewBox nor a width and height in absolute units — "
            "expected e.g. <svg viewBox=\"0 0 100 120\">")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _draw_problem(file: Path) -> str | None:
    d = drawing(file)
    if d is None or not d.width or not d.height:
        return "cannot be drawn: svglib read no drawing from it — " + EXPECTED
    return None


def drawing(file: Path):
    """The SVG as a reportlab Drawing (its size in points), or None if svglib cannot read it."""
    stat = Path(file).stat()
    return _drawing(Path(file), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _drawing(file: Path, mtime_ns: int, size: int):
    import logging

    from svglib.svglib import svg2rlg

    quiet = logging.getLogger("svglib")        # it logs what it skips; the check said enough
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        return svg2rlg(str(file))
    except Exception:  # noqa: BLE001 - svglib raises anything on a drawing it cannot read
        return None
    finally:
        quiet.setLevel(level)


def size(file: Path) -> tuple[float, float] | None:
    """The drawing's width and height in points, or None if it cannot be drawn."""
    d = drawing(file)
    return (d.width, d.height) if d is not None and d.width and d.height else None


def png(file: Path, height_mm: float, width_mm: float = math.inf) -> bytes:
    """The (checked) drawing as a PNG sharp at RASTER_DPI when printed as large as fits
    `height_mm` and `width_mm`, its aspect kept."""
    w, h = size(file) or (1, 1)
    stat = Path(file).stat()
    printed = min(height_mm, width_mm * h / w)
    return _png(Path(file), stat.st_mtime_ns, stat.st_size, round(printed / 25.4 * RASTER_DPI))


@functools.lru_cache(maxsize=8)
def _png(file: Path, mtime_ns: int, size: int, height_px: int) -> bytes:
    import resvg_py

    return bytes(resvg_py.svg_to_bytes(svg_path=str(file), height=height_px,
                                       skip_system_fonts=True))
