"""reportlab's parsed TrueType faces kept on disk, so a cold process does not parse them again.

`TTFont(name, path)` reads every glyph's width, the character map and the glyph offsets from
the font's tables, a few milliseconds a face in every process of every cold build.  What that
parse leaves on the face (TTFontFile.extractInfo: names, metrics, char → glyph, widths, hmtx,
loca) is plain data; it is kept beside the font facts (plandoc.style.factcache, OUT/.cache/fonts)
by the font file's SHA-256 and reportlab's version, as marshal of ints, floats, bytes, strings,
lists, tuples and dicts (never pickle).  An entry is MAGIC, the font's SHA-256, the SHA-256 of
the rest, the rest: a damaged entry, or one of another font, fails the checks and the font is
parsed as before.  glyphToChar,
which only shaping reads (TTFont.hbAddPrivate), is kept marshalled apart and read when asked for.

A face from an entry still reads the font file and its table directory as reportlab does (the
subset made when the PDF is saved copies glyphs from it); only extractInfo is skipped.  Without
a cache folder (`plandoc check`, tests that write nothing) every font is parsed as before.

    ttfont(name, path) -> TTFont
"""

from __future__ import annotations

import hashlib
import marshal
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import (TTEncoding, TTFNameBytes, TTFont, TTFontFace,
                                       TTFontParser)
from reportlab.rl_config import unShapedFontGlob

from plandoc.style import factcache

FORMAT = 2
KIND = f"rlface{FORMAT}-{reportlab.Version}-m{marshal.version}"
MAGIC = b"plandoc-rlface-%d\n" % FORMAT
NAMES = ("name", "familyName", "styleName", "fullName", "uniqueFontID")
# what extractInfo sets, beyond the table directory (TTFontParser) and TypeFace's defaults, and
# the read position it leaves (every later read seeks first; kept so the face is the same)
STATE = NAMES + ("_pos", "fontRevision", "unitsPerEm", "bbox", "ascent", "descent", "capHeight",
                 "stemV", "italicAngle", "underlinePosition", "underlineThickness", "flags",
                 "numGlyphs", "_full_font", "charToGlyph", "glyphToChar", "charWidths",
                 "hmetrics", "defaultWidth", "glyphPos")
TYPES = {"_pos": int, "fontRevision": tuple, "unitsPerEm": int, "bbox": list, "stemV": int,
         "flags": int, "numGlyphs": int, "_full_font": bool, "charToGlyph": dict,
         "glyphToChar": bytes, "charWidths": dict, "hmetrics": list, "glyphPos": list}


def ttfont(name: str, path: Path) -> TTFont:
    """reportlab's TTFont for `path` named `name`: its face from the cache when kept there,
    else parsed (and kept, when the build names a cache folder)."""
    face = _cached_face(path)
    if face is not None:
        return CachedTTFont(name, face)
    font = TTFont(name, str(path))
    data = _entry(font.face, path)
    if data is not None:
        factcache.store_bytes(path, data, KIND)
    return font


class CachedFace(TTFontFace):
    """A TTFontFace whose parsed state comes from an entry: the file and its table directory
    are read as TTFontFace reads them, extractInfo is not run."""

    def __init__(self, filename: str, state: dict) -> None:
        pdfmetrics.TypeFace.__init__(self, None)
        TTFontParser.__init__(self, filename)
        self._glyphs = state.pop("glyphToChar")
        vars(self).update(state)
        self._pdfScale = _scale(self.unitsPerEm)

    def __getattr__(self, name: str):
        """glyphToChar, read from the entry the first time it is asked for."""
        if name != "glyphToChar" or "_glyphs" not in vars(self):
            raise AttributeError(name)
        self.glyphToChar = marshal.loads(vars(self).pop("_glyphs"))
        return self.glyphToChar


class CachedTTFont(TTFont):
    """TTFont.__init__ (as of reportlab 5.1; a test compares their attributes) with the face
    given instead of parsed."""

    def __init__(self, name: str, face: TTFontFace) -> None:
        self.fontName = name
        self.face = face
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)


def _scale(units_per_em: int):
    """extractInfo's font units → 1/1000 em (TTFont.pdfScale, used in shaping)."""
    if units_per_em == 1000:
        return lambda x: x
    mult = 1000 / units_per_em
    return lambda x: x * mult


def _cached_face(path: Path) -> CachedFace | None:
    """The face kept for `path`'s bytes, or None (no folder, no entry, a bad entry)."""
    data = factcache.load_bytes(path, KIND)
    state = _state(data, path) if data is not None else None
    if state is None:
        return None
    try:
        face = CachedFace(str(path), state)
    except Exception:  # a file reportlab cannot read: let TTFont say so
        return None
    return face if _fits(face) else None


def _entry(face: TTFontFace, path: Path) -> bytes | None:
    """The bytes kept for a parsed face; None for a face that depends on more than its file
    (a name made up for a nameless font, subsetting forbidden by fsType and rl_config)."""
    state = {k: v for k, v in vars(face).items() if k in STATE}
    if len(state) != len(STATE) or _restricted(face) or not isinstance(face.name, TTFNameBytes):
        return None
    for key in NAMES:
        value = state[key]
        state[key] = ("ttfname", bytes(value)) if isinstance(value, TTFNameBytes) else value
    try:
        state["glyphToChar"] = marshal.dumps(state["glyphToChar"])
        body = marshal.dumps(state)
    except ValueError:   # something marshal cannot keep: a reportlab we do not know
        return None
    return _head(path) + hashlib.sha256(body).digest() + body


def _head(path: Path) -> bytes:
    """What an entry of `path`'s bytes starts with: MAGIC and the font's SHA-256."""
    return MAGIC + bytes.fromhex(factcache.digest(path))


def _state(data: bytes, path: Path) -> dict | None:
    """An entry's face state, or None when it is damaged or not one of `path`'s."""
    start = len(MAGIC) + 64
    body = memoryview(data)[start:]
    if not data.startswith(_head(path)) or hashlib.sha256(body).digest() != data[start - 32:start]:
        return None
    try:
        state = marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return None
    if not isinstance(state, dict) or set(state) != set(STATE):
        return None
    if not all(isinstance(state[k], t) for k, t in TYPES.items()):
        return None
    for key in NAMES:
        value = state[key]
        if isinstance(value, tuple) and len(value) == 2 and value[0] == "ttfname":
            state[key] = value = TTFNameBytes(value[1], "utf8")
        if not isinstance(value, (bytes, str)):
            return None
    return state


def _restricted(face: TTFontFace) -> bool:
    """fsType forbids subsetting (extractInfo then asks rl_config about the file's name)."""
    if "OS/2" not in face.table:
        return False
    fs_type = face.get_ushort(face.table["OS/2"]["offset"] + 8)
    return fs_type == 0x0002 or bool(fs_type & 0x0300)


def _fits(face: CachedFace) -> bool:
    """The entry agrees with the file read: glyph count (maxp), units per em (head), a glyph
    offset for every glyph and one more (loca)."""
    try:
        glyphs = face.get_ushort(face.table["maxp"]["offset"] + 4)
        em = face.get_ushort(face.table["head"]["offset"] + 18)
        restricted = _restricted(face)
    except Exception:
        return False
    return (not restricted and glyphs == face.numGlyphs == len(face.hmetrics)
            and em == face.unitsPerEm and len(face.glyphPos) == glyphs + 1)
