"""The one place a layout Colour becomes a reportlab colour.

Screen and PDF/A files draw in RGB from the colour's '#RRGGBB'; the print file draws in the
style's CMYK ink wherever the colour has one (its tints included: the layout scaled the ink).
No colour is mixed here — the layout's palette and boxes carry every tint.
"""

from __future__ import annotations

from reportlab.lib import colors

from plandoc.style.theme import Colour


def rl_colour(colour: Colour, press: bool) -> colors.Color:
    """`colour` for reportlab: CMYK (0–1) in the print profile when it has ink, else RGB."""
    if press and colour.cmyk is not None:
        return colors.CMYKColor(*(x / 100 for x in colour.cmyk))
    return colors.HexColor(colour.hex)


def markup_colour(colour: colors.Color) -> str:
    """A reportlab colour as paragraph markup accepts it: 'cmyk(c,m,y,k)' or '#RRGGBB'."""
    if isinstance(colour, colors.CMYKColor):
        return "cmyk({:g},{:g},{:g},{:g})".format(*colour.cmyk())
    return colour.hexval().replace("0x", "#")
