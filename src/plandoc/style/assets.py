"""Style assets: font files (TrueType, embeddable, Norwegian letters, code points), images, templates.

Each check returns the message of what is wrong, or None.  Font facts are read once per file
with fontTools and cached, so a build that checks the same fonts for several documents reads
each file once.
"""

from __future__ import annotations

import functools
import importlib.util
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

NORWEGIAN = "æøåÆØÅ"
FSTYPE_FORBIDS = {0x0002: "restricted licence embedding", 0x0200: "bitmap embedding only"}
FAMILY_NAME_ID = 1
IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff")


@dataclass(frozen=True)
class FontFacts:
    """What plandoc needs to know of a font file to check it."""

    fs_type: int
    codepoints: frozenset


def builtin_font_dir() -> Path:
    """matplotlib's bundled DejaVu fonts, found without importing matplotlib."""
    spec = importlib.util.find_spec("matplotlib")
    return Path(spec.submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf"


def font_problem(file: Path, letters: bool) -> str | None:
    """What keeps `file` from being a style font (TrueType, embeddable, æøå for text)."""
    try:
        magic = file.read_bytes()[:4]
    except OSError as exc:
        return f"cannot read font {file}: {exc.strerror}"
    if magic not in (b"\x00\x01\x00\x00", b"true"):
        return (f"font {file.name} is not a TrueType font (.ttf with glyf outlines) — the PDF "
                "needs TrueType")
    facts = font_facts(file)
    if facts is None:
        return f"font {file.name} cannot be read: the file is damaged — expected a TrueType font (.ttf)"
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
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(file, lazy=True) as font:
            if not {"cmap", "glyf", "head"} <= set(font.keys()):
                return None
            fs_type = font["OS/2"].fsType if "OS/2" in font else 0
            cmap = font.getBestCmap() or {}
    except (TTLibError, OSError, KeyError, AssertionError, struct.error):
        return None
    return FontFacts(fs_type, frozenset(cmap))


@functools.lru_cache(maxsize=16)
def family_name(file: Path, fallback: str) -> str:
    """The family name inside a (checked) font file, as Word names the font; `fallback` if none.

    Read only when a writer needs it (the DOCX names the symbol font), not when checking.
    """
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(file, lazy=True) as font:
            name = font["name"].getDebugName(FAMILY_NAME_ID) if "name" in font else None
    except (TTLibError, OSError, KeyError, AssertionError, struct.error):
        return fallback
    return name or fallback


def font_codepoints(file: Path) -> frozenset:
    """The characters a (validated) font file has glyphs for."""
    facts = font_facts(file)
    return facts.codepoints if facts else frozenset()


def image_problem(file: Path, value: str) -> str | None:
    """A logo must be a PNG or JPEG that decodes completely."""
    from plandoc.files import image_readable

    with open(file, "rb") as fh:
        head = fh.read(4)
    if not any(head.startswith(magic) for magic in IMAGE_MAGIC):
        return f"image {value} is not a PNG or JPEG file — expected a .png or .jpg logo"
    if not image_readable(file):
        return (f"image {value} cannot be read: the file is damaged or incomplete — expected "
                "a PNG or JPEG file")
    return None


def template_problem(file: Path, value: str) -> str | None:
    """A Word template must be a .docx or .dotx package with a main document part."""
    try:
        with zipfile.ZipFile(file) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError):
        names = set()
    if not {"[Content_Types].xml", "word/document.xml"} <= names:
        return (f"word_template {value} is not a Word document or template — expected a "
                ".docx or .dotx file saved by Word")
    return None
