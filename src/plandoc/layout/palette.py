"""The colours the layout uses, by role: the theme's own and the tints derived from them.

Every tint is decided here, once, so no writer mixes colours of its own.
"""

from __future__ import annotations

from plandoc.layout.boxes import Palette
from plandoc.style.theme import Colour, Theme

RULE = 0.35         # hairlines: muted at 35 %
FILL = 0.10         # panels: a SWOT quadrant's body, a note box — its colour at 10 %


def palette(theme: Theme) -> Palette:
    """The theme's colours plus the derived ones."""
    c = theme.colours
    return Palette(primary=c.primary, secondary=c.secondary, accent=c.accent, text=c.text,
                   muted=c.muted, light=c.light, white=c.white, rule=c.muted.tint(RULE),
                   band=c.light, header_rule=c.muted.tint(RULE))


def fill(colour: Colour) -> Colour:
    """The tinted body of a panel whose bar or title is `colour`."""
    return colour.tint(FILL)
