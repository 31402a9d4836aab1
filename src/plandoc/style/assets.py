"""Style assets: font files (TrueType, embeddable, Norwegian letters, code points), images, templates.

Each check returns the message of what is wrong, or None.  Font facts are read once per file
with fontTools and cached, so a build that checks the same fonts for several documents reads
each file once — and on disk by the file's hash (factcache), so the next build needs no
fontTools at all.
"""

from __future__ import annotations

import functools
import importlib.util
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from plandoc.style.template import body_problem

NORWEGIAN = "æøåÆØÅ"
FSTYPE_FORBIDS = {0x0002: "restricted licence embedding", 0x0200: "bitmap embedding only"}
FAMILY_NAME_ID = 1
MAX_PIXELS = 40_000_000
LOGO_FAULTS = {
    "unreadable": "cannot read image {value}: {why}",
    "not_image": "is not a PNG, JPEG or SVG file — expected a .png, .jpg or .svg logo",
    "jpeg_header": "is a JPEG without a JFIF or Exif header (as CMYK JPEGs are saved), which a "
                   "Word document cannot hold — expected a PNG, or a JPEG saved as RGB",
    "too_large": "is {} × {} pixels — expected at most {limit} million pixels (a logo needs no "
                 "more than 2000 × 2000)",
    "damaged": "cannot be read: the file is damaged or incomplete — expected a PNG or JPEG file",
}


REQUIRED_TABLES = ("cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post")
# the tables reportlab reads to embed a TrueType font (OS/2 is optional)


@dataclass(frozen=True)
class FontFacts:
    """What plandoc needs to know of a font file to check it."""

    fs_type: int
    codepoints: frozenset
    missing: tuple[str, ...] = ()     # required tables the file lacks
    family: str = ""                  # the family name inside the file ('' when none)


def builtin_font_dir() -> Path:
    """matplotlib's bundled DejaVu fonts, found without importing matplotlib."""
    spec = importlib.util.find_spec("matplotlib")
    return Path(spec.submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf"


def font_problem(file: Path, letters: bool) -> str | None:
    """What keeps `file` from being a style font (TrueType, embeddable, æøå for text)."""
    try:
        with open(file, "rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        return f"cannot read font {file}: {exc.strerror}"
    if magic not in (b"\x00\x01\x00\x00", b"true"):
        return (f"font {file.name} is not a TrueType font (.ttf with glyf outlines) — the PDF "
                "needs TrueType")
    facts = font_facts(file)
    if facts is None:
        return f"font {file.name} cannot be read: the file is damaged — expected a TrueType font (.ttf)"
    if facts.missing:
        return (f"font {file.name} lacks the table{'s' if len(facts.missing) > 1 else ''} "
                f"{', '.join(facts.missing)} the PDF needs — expected a complete TrueType font "
                "(.ttf)")
    for bit, why in FSTYPE_FORBIDS.items():
        if facts.fs_type & bit:
            return (f"font {file.name} may not be embedded: its licence forbids it (OS/2 fsType "
                    f"{facts.fs_type:#06x}, {why}) — the PDF embeds every font; choose another")
    missing = "".join(c for c in NORWEGIAN if ord(c) not in facts.codepoints)
    if letters and missing:
        return (f"font {file.name} lacks the Norwegian letters {' '.join(missing)} — expected a "
                f"font with all of {NORWEGIAN}")
    return None


def font_facts(file: Path) -> FontFacts | None:
    """fsType and code points of a font; None if it cannot be read."""
    stat = file.stat()
    return _font_facts(file, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=64)
def _font_facts(file: Path, mtime_ns: int, size: int) -> FontFacts | None:
    from plandoc.style import factcache

    kept = factcache.load(file)
    if kept is not None:
        return FontFacts(kept["fs_type"], factcache.codepoints(kept["ranges"]),
                         tuple(kept["missing"]), kept["family"])
    facts = _read_facts(file)
    if facts is not None:
        factcache.store(file, {"fs_type": facts.fs_type, "missing": list(facts.missing),
                               "ranges": factcache.ranges(facts.codepoints),
                               "family": facts.family})
    return facts


def _read_facts(file: Path) -> FontFacts | None:
    """A font's facts read with fontTools (its outlines checked); None if it cannot be read."""
    from fontTools.ttLib import TTFont

    try:
        with TTFont(file, lazy=True) as font:
            missing = tuple(t for t in REQUIRED_TABLES if t not in font)
            if {"cmap", "glyf", "head"} - set(font.keys()):
                return None
            fs_type = font["OS/2"].fsType if "OS/2" in font else 0
            cmap = font.getBestCmap() or {}
            if not missing and not _builtin(file):
                _read_outlines(font)
            family = font["name"].getDebugName(FAMILY_NAME_ID) if "name" in font else None
    except Exception:  # noqa: BLE001 - fontTools raises anything on a damaged file
        return None
    return FontFacts(fs_type, frozenset(cmap), missing, family or "")


def _builtin(file: Path) -> bool:
    """A font shipped with matplotlib: known good, not worth reading every outline of."""
    return file.parent == builtin_font_dir()


def _read_outlines(font) -> None:
    """Read what reportlab reads when it subsets the font; raise where it would fail.

    reportlab decompiles the metric tables, follows `loca` into `glyf` and, for a composite
    glyph, walks its component records to the glyphs they name; simple outlines it copies
    as bytes.  So that is what is checked — offsets inside the glyph table, component records
    complete and naming glyphs that exist — without decompiling every outline (which took half
    a second for a Liberation font).
    """
    for tag in ("head", "hhea", "maxp", "name", "post", "hmtx"):
        font[tag]   # noqa: B018 - decompiles the table
    data = font.reader["glyf"]
    offsets = list(font["loca"])
    if any(b < a for a, b in zip(offsets, offsets[1:])) or (offsets and offsets[-1] > len(data)):
        raise ValueError("loca offsets outside the glyf table")
    count = len(offsets) - 1
    for start, end in zip(offsets, offsets[1:]):
        if end - start >= 10 and struct.unpack_from(">h", data, start)[0] < 0:
            _check_components(data, start + 10, end, count)


MORE_COMPONENTS, WORD_ARGS, HAS_SCALE, XY_SCALE, TWO_BY_TWO = 0x20, 0x01, 0x08, 0x40, 0x80


def _check_components(data: bytes, at: int, end: int, count: int) -> None:
    """The component records of one composite glyph: each complete, each naming a glyph."""
    while True:
        if at + 4 > end:
            raise ValueError("a composite glyph's component record runs past its end")
        flags, index = struct.unpack_from(">HH", data, at)
        if index >= count:
            raise ValueError(f"a composite glyph names glyph {index}, which is not in the font")
        at += 4 + (4 if flags & WORD_ARGS else 2)
        at += 2 if flags & HAS_SCALE else 4 if flags & XY_SCALE else 8 if flags & TWO_BY_TWO \
            else 0
        if not flags & MORE_COMPONENTS:
            return


@functools.lru_cache(maxsize=16)
def family_name(file: Path, fallback: str) -> str:
    """The family name inside a (checked) font file, as Word names the font; `fallback` if none.

    Read with the font's other facts (font_facts), kept on disk when the build keeps them.
    """
    facts = font_facts(file)
    return facts.family if facts and facts.family else fallback


def font_codepoints(file: Path) -> frozenset:
    """The characters a (validated) font file has glyphs for."""
    facts = font_facts(file)
    return facts.codepoints if facts else frozenset()


def image_problem(file: Path, value: str) -> str | None:
    """A logo must be a PNG or JPEG that decodes completely and that Word can place, or a
    plain, self-contained SVG drawing (plandoc.svg)."""
    from plandoc import svg
    from plandoc.files import image_fault

    if svg.is_svg(file):
        fault = svg.problem(file)
        return f"image {value} {fault}" if fault else None

    fault = image_fault(file, MAX_PIXELS)
    if fault is None:
        return None
    prefix = "" if fault.kind == "unreadable" else f"image {value} "
    return prefix + LOGO_FAULTS[fault.kind].format(*(fault.size or ()), value=value,
                                                   why=fault.detail,
                                                   limit=MAX_PIXELS // 1_000_000)


W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEMPLATE_PARTS = {"[Content_Types].xml": None, "_rels/.rels": None,
                  "word/document.xml": f"{W_NS}document", "word/styles.xml": f"{W_NS}styles"}
MAIN_TYPES = ("wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml",
              "word.template.macroEnabledTemplate.main+xml")


def template_problem(file: Path, value: str) -> str | None:
    """A Word template must be a .docx or .dotx package the DOCX writer can open: every part
    readable, the main document, its styles and the package's index well-formed XML."""
    expected = "expected a .docx or .dotx file saved by Word"
    try:
        with zipfile.ZipFile(file) as z:
            names = set(z.namelist())
            if not set(TEMPLATE_PARTS) <= names:
                missing = ", ".join(sorted(set(TEMPLATE_PARTS) - names))
                return (f"word_template {value} is not a Word document or template (it has no "
                        f"{missing}) — {expected}")
            try:
                damaged = z.testzip()
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
                damaged = "a part"
            if damaged:
                return f"word_template {value} is damaged: {damaged} cannot be read — {expected}"
            for name in sorted(n for n in names if n.endswith((".xml", ".rels"))):
                problem = _xml_problem(z.read(name), TEMPLATE_PARTS.get(name))
                if problem:
                    return f"word_template {value} is damaged: {name} {problem} — {expected}"
            broken = _broken_relationship(z, names)
            if broken:
                return f"word_template {value} is damaged: {broken} — {expected}"
            types = z.read("[Content_Types].xml").decode("utf-8", "replace")
            body = body_problem(z, value)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
            NotImplementedError, RuntimeError, zlib.error):
        return f"word_template {value} is not a Word document or template — {expected}"
    if not any(t in types for t in MAIN_TYPES):
        return (f"word_template {value} is not a Word document or template (its main part is "
                f"not a Word document) — {expected}")
    return body


def _xml_problem(data: bytes, root: str | None) -> str | None:
    """What is wrong with one XML part: not well-formed, or the wrong root element."""
    from xml.etree import ElementTree

    try:
        element = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        return f"is not well-formed XML ({exc})"
    if root and element.tag != root:
        return f"is not a Word {root.removeprefix(W_NS)} part"
    if root == f"{W_NS}document" and element.find(f"{W_NS}body/{W_NS}sectPr") is None:
        return "has no body with section properties (w:sectPr)"
    return None


def _broken_relationship(z: zipfile.ZipFile, names: set[str]) -> str | None:
    """The first internal relationship that points to a part the package does not have."""
    import posixpath
    from xml.etree import ElementTree

    for rels in sorted(n for n in names if n.endswith(".rels")):
        folder = posixpath.dirname(posixpath.dirname(rels))
        for rel in ElementTree.fromstring(z.read(rels)):
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External":
                continue
            part = posixpath.normpath(target.lstrip("/") if target.startswith("/")
                                      else posixpath.join(folder, target))
            if part not in names:
                return f"{rels} points to {target}, which is not in the file"
    return None


def text_width(file: Path, text: str, size: float) -> float:
    """How wide `text` is set in the font `file` at `size` points, in points (advance widths;
    a character the font lacks counts as wide as '0')."""
    stat = file.stat()
    advances, em = _advances(file, stat.st_mtime_ns, stat.st_size)
    zero = advances.get(ord("0"), em // 2)
    return sum(advances.get(ord(c), zero) for c in text) * size / em


@functools.lru_cache(maxsize=16)
def _advances(file: Path, mtime_ns: int, size: int) -> tuple[dict, int]:
    from plandoc.style import factcache

    kept = factcache.load(file, "advances")
    if kept is not None:
        return {int(c): w for c, w in kept["advances"].items()}, kept["em"]
    advances, em = _read_advances(file)
    if advances:
        factcache.store(file, {"em": em, "advances": advances}, "advances")
    return advances, em


def _read_advances(file: Path) -> tuple[dict, int]:
    from fontTools.ttLib import TTFont

    try:
        with TTFont(file, lazy=True) as font:
            metrics = font["hmtx"].metrics
            return ({code: metrics[name][0] for code, name in
                     (font.getBestCmap() or {}).items() if name in metrics},
                    font["head"].unitsPerEm)
    except Exception:  # noqa: BLE001 - fontTools raises anything on a damaged file
        return {}, 1000


def logo_size(file: Path) -> tuple[float, float] | None:
    """A logo's width and height: pixels of a PNG or JPEG, points of an SVG drawing."""
    from plandoc import svg
    from plandoc.files import image_size

    return svg.size(file) if svg.is_svg(file) else image_size(file)


def aspect(file: Path) -> float:
    """An image's width over its height (1 when it cannot be measured): a logo drawn at a
    height gets its own width."""
    size = logo_size(file)
    return size[0] / size[1] if size and size[1] else 1.0
