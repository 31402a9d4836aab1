"""The colours the layout uses, by role: the theme's own and the tints derived from them.

Every tint is decided here, once, so no writer mixes colours of its own.  So is legibility:
each colour text is set in is darkened, as little as needed, until it has a WCAG 2.1 contrast
of at least 4.5:1 against every background text stands on (white paper, the light colour, the
panels' tints), and a colour that white text stands on (a SWOT quadrant's title bar) is darkened
until white text on it has as much.  A style whose colours already pass keeps them exactly.  The accent
keeps the style's own colour for the cover's stripe; text in it takes `accent_text`.
"""

from __future__ import annotations

from plandoc.layout.boxes import Palette
from plandoc.style.theme import WHITE, Colour, Theme

RULE = 0.35         # hairlines: muted at 35 %
FILL = 0.10         # panels: a SWOT quadrant's body, a note box — its colour at 10 %
TEXT_CONTRAST = 4.5  # WCAG 2.1 AA for text of ordinary size (large text needs only 3)
STEP = 0.02         # each darkening step mixes in 2 % black
SWOT_KINDS = ("strengths", "weaknesses", "opportunities", "threats")


def palette(theme: Theme) -> Palette:
    """The theme's colours plus the derived ones, text colours made legible."""
    c = theme.colours
    grounds = backgrounds(theme)
    ink = {role: legible(getattr(c, role), grounds)
           for role in ("primary", "secondary", "text", "muted")}
    return Palette(**ink, accent=c.accent, light=c.light, white=c.white,
                   rule=c.muted.tint(RULE), band=c.light, header_rule=c.muted.tint(RULE),
                   accent_text=legible(c.accent, grounds))


def backgrounds(theme: Theme) -> tuple[Colour, ...]:
    """Every background coloured text stands on: paper, the light colour, the panels' tints."""
    c = theme.colours
    return (WHITE, c.light, fill(c.accent), fill(c.primary),
            *(fill(c.swot.of(kind)) for kind in SWOT_KINDS))


def fill(colour: Colour) -> Colour:
    """The tinted body of a panel whose bar or title is `colour`."""
    return colour.tint(FILL)


def under_white(colour: Colour) -> Colour:
    """`colour`, darkened as little as needed for white text on it to be legible."""
    return legible(colour, (WHITE,))


def legible(colour: Colour, grounds, ratio: float = TEXT_CONTRAST) -> Colour:
    """`colour`, darkened step by step until its contrast with every one of `grounds` is at
    least `ratio` (unchanged when it already is)."""
    out, amount = colour, 1.0
    while min(contrast(out, g) for g in grounds) < ratio and amount > 0:
        amount = round(amount - STEP, 4)
        out = shade(colour, amount)
    return out


def shade(colour: Colour, amount: float) -> Colour:
    """`colour` mixed with black: amount 1 is the colour itself, 0 is black."""
    rgb = (round(x * 255 * amount) for x in colour.rgb)
    cmyk = None
    if colour.cmyk:
        cy, m, y, k = colour.cmyk
        cmyk = (cy, m, y, round(100 - (100 - k) * amount, 2))
    return Colour("#" + "".join(f"{v:02X}" for v in rgb), cmyk)


def luminance(colour: Colour) -> float:
    """WCAG 2.1 relative luminance."""
    lin = [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in colour.rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: Colour, b: Colour) -> float:
    """WCAG 2.1 contrast ratio of two colours, from 1 to 21."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
