"""Word fonts and the free files that stand in for them with the same metrics.

A style may name a font every Windows PC has (`family: Arial`) and give metric-compatible files
for the PDF (Liberation Sans): the two outputs then break lines alike, and the DOCX need not
carry the font.  Any other family is what the files say it is, or the outputs differ — which
`mismatch` puts into words for a warning.
"""

from __future__ import annotations

from pathlib import Path

# Word's font → the family name inside files with the same advance widths
METRIC_TWINS = {"arial": "liberation sans", "times new roman": "liberation serif",
                "courier new": "liberation mono", "calibri": "carlito", "cambria": "caladea"}


def word_font(family: str) -> bool:
    """A font Windows (and so Word) has on every PC, with a metric-compatible free twin."""
    return family.strip().lower() in METRIC_TWINS


def same_font(family: str, file_family: str) -> bool:
    """`family` (what Word is told) and `file_family` (what the PDF embeds) set text alike."""
    a, b = family.strip().lower(), file_family.strip().lower()
    return a == b or METRIC_TWINS.get(a) == b


def mismatch(role: str, family: str, file: Path, file_family: str) -> str | None:
    """The warning for a family whose files are another font, or None when they agree."""
    if same_font(family, file_family):
        return None
    return (f"the {role} font family '{family}' is not the font of its files ({file.name} is "
            f"'{file_family}'): the DOCX uses {family}, the PDF {file_family}, so lines and "
            "pages break differently — name the files' family, or a Word font with metric-"
            "compatible files (Arial with Liberation Sans, Calibri with Carlito …)")
