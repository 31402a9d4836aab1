"""List marks by depth — bullets (the style's bullet, then dashes) and numbers (1. a) i.) —
and the label each item shows.  The DOCX numbering definitions are made from the same styles.
"""

from __future__ import annotations

from plandoc.layout.boxes import ListStyle

DEPTHS = 3
ORDERED = (ListStyle("decimal", "{n}."), ListStyle("lowerLetter", "{n})"),
           ListStyle("lowerRoman", "{n}."))
SUB_BULLET = "–"
ROMAN_MAX = 3999                      # larger numbers are written in digits
ROMAN = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90), ("l", 50),
         ("xl", 40), ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))


def list_styles(bullet: str) -> tuple[tuple[ListStyle, ...], tuple[ListStyle, ...]]:
    """(bullet styles, ordered styles), one per depth."""
    bullets = (ListStyle("bullet", bullet),) + (ListStyle("bullet", SUB_BULLET),) * (DEPTHS - 1)
    return bullets, ORDERED


def style_at(styles, depth: int) -> ListStyle:
    """The style of `depth`; deeper lists take the deepest style."""
    return styles[min(depth, len(styles) - 1)]


def label(style: ListStyle, n: int) -> str:
    """The label of item number `n` (from 1): '3.', 'c)', 'iv.' or the bullet."""
    if style.format == "bullet":
        return style.template
    return style.template.format(n=_number(style.format, n))


def _number(fmt: str, n: int) -> str:
    if fmt == "lowerLetter":
        letters = ""
        while n > 0:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters
    if fmt == "lowerRoman":
        if n > ROMAN_MAX:           # a list may start at 999999999: a million m's is no label
            return str(n)
        out = ""
        for letters, value in ROMAN:
            while n >= value:
                out, n = out + letters, n - value
        return out
    return str(n)
