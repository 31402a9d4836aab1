"""A style's font subset to some characters, made with fontTools and kept on disk.

Both the DOCX (fonts embedded so the file travels) and the web edition (WOFF in the page) carry
subsets of the style's fonts.  Subsetting a face takes a quarter of a second, so each subset is
kept in a cache folder the build names (`OUT/.cache/fontsubsets`) by the font file's SHA-256,
the characters and the options — the same style's documents share them, and an edit that adds
no new character subsets nothing.

    subset(path, codepoints, cache, web=False) -> bytes
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from plandoc.cachefile import keep
from plandoc.style.factcache import digest

VERSION = 1
# what an editor types in a Norwegian or Sámi text: printable ASCII, Latin-1, Latin Extended-A
# and the punctuation plans use — every subset holds these, so an edit seldom needs a new one
TYPED = frozenset(range(0x20, 0x7F)) | frozenset(range(0xA0, 0x180)) | frozenset(
    map(ord, "\u2010\u2011\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2022"
             "\u2026\u2030\u2039\u203a\u20ac\u2122\u2190\u2192\u21a9\u2212\u2264\u2265"))
# Word sets Latin text without OpenType layout: its tables are dropped for the DOCX (a third
# the size, a quarter the time); FFTM is FontForge's timestamp, which fontTools cannot subset
DOCX_DROPPED = ("GSUB", "GPOS", "GDEF", "FFTM")


def subset(path: Path, codepoints, cache: Path | None, web: bool = False) -> bytes:
    """`path` with only `codepoints`: for the web (WOFF, OpenType layout kept) or for Word
    (TrueType, no layout tables or hinting, every name kept)."""
    chars = sorted(set(codepoints))
    key = hashlib.sha256(f"{VERSION}|{web}|{chars}|{digest(path)}".encode())
    kept = cache / f"{key.hexdigest()[:40]}.{'woff' if web else 'ttf'}" if cache else None
    if kept is not None and kept.is_file():
        return kept.read_bytes()
    data = _make(path, chars, web)
    if kept is not None:
        keep(kept, data)
    return data


def _make(path: Path, chars: list[int], web: bool) -> bytes:
    import logging

    from fontTools import subset as ft
    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)   # tables it drops, by design
    options = ft.Options()
    if web:
        options.flavor, options.layout_features = "woff", ["*"]
    else:
        options.name_IDs, options.name_languages, options.notdef_outline = ["*"], ["*"], True
        options.glyph_names, options.hinting = False, False
        options.drop_tables += list(DOCX_DROPPED)
    with TTFont(path, lazy=True, recalcTimestamp=False) as font:   # closes the file
        subsetter = ft.Subsetter(options)
        subsetter.populate(unicodes=chars)
        subsetter.subset(font)
        out = io.BytesIO()
        if web:
            font.flavor = "woff"
        font.save(out)
    return out.getvalue()


