"""Which variant of the PDF to write: screen (default), archival PDF/A-2a, or print.

Kept free of reportlab and pikepdf imports so the build step can make one cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass

from plandoc.layout.frame import BLEED_MM  # noqa: F401 - the layout crops cover photos for it

MARK_OFFSET_MM = 4.0    # crop marks start this far outside the trim (1 mm clear of the bleed)
MARK_LENGTH_MM = 6.0    # and are this long
SLUG_MM = 12.0          # room around the trim for bleed and marks: the print file's MediaBox
MIN_PRINT_DPI = 300     # raster images below this at their printed size get a warning


@dataclass(frozen=True)
class PdfProfile:
    """`pdfa`: ISO 19005-2 level A (tagged).  `press`: bleed, crop marks, trim/bleed boxes, CMYK."""

    pdfa: bool = False
    press: bool = False

    @property
    def bleed_mm(self) -> float:
        """Bleed the page decoration extends into (0 on screen)."""
        return BLEED_MM if self.press else 0.0

    @property
    def min_dpi(self) -> float:
        """Images below this resolution get a warning (0: no check)."""
        return MIN_PRINT_DPI if self.press else 0
