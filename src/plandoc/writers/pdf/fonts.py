"""The theme's TrueType faces, registered with reportlab; no base-14 font may reach the file.

Body and heading families are registered with their bold and italic faces, so <b> and <i> in a
paragraph pick the right file; the symbol font carries marks such as '❖' that a text face may
lack, and a label is drawn in it only when the paragraph's own face cannot draw the label.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics

from plandoc.style.assets import font_codepoints
from plandoc.style.theme import FontFamily, Theme
from plandoc.writers.pdf.facecache import ttfont

FACES = {(False, False): "regular", (True, False): "bold", (False, True): "italic",
         (True, True): "bold_italic"}


@dataclass(frozen=True)
class Fonts:
    """Registered font names by role ('body', 'heading') and face, and each name's file."""

    faces: dict          # (role, bold, italic) → registered name
    symbol: str
    files: dict          # registered name → Path

    def face(self, role: str = "body", bold: bool = False, italic: bool = False) -> str:
        """The registered name of a face."""
        return self.faces[(role, bold, italic)]

    @property
    def body(self) -> str:
        """The regular body face: the font of table styles and the document's initial font."""
        return self.face()

    def label_font(self, font: str, text: str) -> str:
        """`font` when it can draw every character of `text`, else the symbol font."""
        have = font_codepoints(self.files[font])
        return font if all(ord(c) in have or c.isspace() for c in text) else self.symbol


def font_name(path: Path) -> str:
    """Register one TrueType file (once per process; its parsed face kept in the build's cache,
    plandoc.writers.pdf.facecache) and return its reportlab name."""
    digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:8]
    name = f"pd-{path.stem}-{digest}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(ttfont(name, path))
    return name


def _family(family: FontFamily) -> dict:
    """Register a family's four faces with their bold/italic mapping: (bold, italic) → name."""
    names = {key: font_name(getattr(family, face)) for key, face in FACES.items()}
    pdfmetrics.registerFontFamily(names[(False, False)], normal=names[(False, False)],
                                  bold=names[(True, False)], italic=names[(False, True)],
                                  boldItalic=names[(True, True)])
    return names


def register_fonts(theme: Theme) -> Fonts:
    """Register every font of the theme."""
    faces, files = {}, {}
    for role in ("body", "heading"):
        family = getattr(theme.fonts, role)
        for (bold, italic), name in _family(family).items():
            faces[(role, bold, italic)] = name
            files[name] = getattr(family, FACES[(bold, italic)])
    symbol = font_name(theme.fonts.symbol)
    files[symbol] = theme.fonts.symbol
    return Fonts(faces, symbol, files)
