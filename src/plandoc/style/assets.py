"""Style assets: font files (TrueType, embeddable, Norwegian letters, code points) and images.

Font facts are read once per file with fontTools and cached, so a build that checks the same
fonts for several documents reads each file once.
"""

from __future__ import annotations

import functools
import struct
from pathlib import Path

from plandoc.errors import ContentError, Problem
from plandoc.files import image_readable


def check_truetype(file: Path, where: Path, line: int) -> None:
    """A TrueType font (glyf outlines), not OpenType/CFF or something else."""
    try:
        magic = file.read_bytes()[:4]
    except OSError as exc:
        raise ContentError(Problem(where, line, f"cannot read font {file}: {exc.strerror}"))
    if magic not in (b"\x00\x01\x00\x00", b"true"):
        raise ContentError(Problem(where, line, f"font {file.name} is not a TrueType font "
                                   "(.ttf with glyf outlines) — the PDF needs TrueType"))


NORWEGIAN = "æøåÆØÅ"
FSTYPE_FORBIDS = {0x0002: "restricted licence embedding", 0x0200: "bitmap embedding only"}


def check_font_tables(file: Path, where: Path, line: int, letters: bool) -> None:
    """The font may be embedded (OS/2 fsType) and, for text, has the Norwegian letters."""
    stat = file.stat()
    facts = _font_facts(file, stat.st_mtime_ns, stat.st_size)
    if facts is None:
        raise ContentError(Problem(where, line, f"font {file.name} cannot be read: the file "
                                   "is damaged — expected a TrueType font (.ttf)"))
    fs_type, codepoints = facts
    missing = "".join(c for c in NORWEGIAN if ord(c) not in codepoints)
    for bit, why in FSTYPE_FORBIDS.items():
        if fs_type & bit:
            raise ContentError(Problem(where, line, f"font {file.name} may not be embedded: "
                                       f"its licence forbids it (OS/2 fsType {fs_type:#06x}, "
                                       f"{why}) — the PDF embeds every font; choose another"))
    if letters and missing:
        raise ContentError(Problem(where, line, f"font {file.name} lacks the Norwegian letters "
                                   f"{' '.join(missing)} — expected a font with all of "
                                   f"{NORWEGIAN}"))


@functools.lru_cache(maxsize=64)
def _font_facts(file: Path, mtime_ns: int, size: int) -> tuple[int, frozenset] | None:
    """(OS/2 fsType, the code points it has glyphs for) of a font; None if it cannot be read."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(file, lazy=True) as font:
            if not {"cmap", "glyf", "head"} <= set(font.keys()):
                return None
            fs_type = font["OS/2"].fsType if "OS/2" in font else 0
            cmap = font.getBestCmap() or {}
    except (TTLibError, OSError, KeyError, AssertionError, struct.error):
        return None
    return fs_type, frozenset(cmap)


def font_codepoints(file: Path) -> frozenset:
    """The characters a (validated) font file has glyphs for."""
    stat = file.stat()
    facts = _font_facts(file, stat.st_mtime_ns, stat.st_size)
    return facts[1] if facts else frozenset()


def check_image(file: Path, where: Path, line: int, value: str) -> None:
    """A PNG or JPEG that decodes completely."""
    if not image_readable(file):
        raise ContentError(Problem(where, line, f"image {value} cannot be read: the file is "
                                   "damaged or incomplete — expected a PNG or JPEG file"))
