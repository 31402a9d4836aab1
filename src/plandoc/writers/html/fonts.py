"""Web fonts from the style's font files: each face subset to Norwegian and Sámi text (Latin-1,
Latin Extended-A, the punctuation plans use) plus whatever else of the font the page uses, as
WOFF in the stylesheet (a data address), so the page looks as the PDF and needs no other file;
system fonts behind them.  Subsets are cached by the font file's and the characters' hash (in
the output folder's .cache); as the characters are mostly the fixed set, every page of a style
shares them and an edit seldom subsets again.

The style's fonts were checked to allow embedding when the style was loaded (plandoc.style).
"""

from __future__ import annotations

import base64
from pathlib import Path

FACES = (("regular", 400, "normal"), ("bold", 700, "normal"), ("italic", 400, "italic"),
         ("bold_italic", 700, "italic"))
FALLBACK = 'system-ui,-apple-system,"Segoe UI",Arial,sans-serif'


def font_faces(theme, text: str, cache: Path | None) -> str:
    """@font-face rules for the body and heading families and the two font variables."""
    used = set(text)
    rules, names = [], {}
    for role in ("body", "heading"):
        family = getattr(theme.fonts, role)
        name = names.get(family.regular) or f"plandoc-{role}"
        if family.regular not in names:
            names[family.regular] = name
            rules += [_face(name, getattr(family, face), weight, style, used, cache)
                      for face, weight, style in FACES]
        rules.append(f':root{{--{role}-font:"{name}","{family.family}",{FALLBACK}}}')
    return "".join(rules)


def _face(name: str, path: Path, weight: int, style: str, used: set, cache) -> str:
    from plandoc.style.assets import font_facts
    from plandoc.style.subset import TYPED, subset

    facts = font_facts(path)
    extra = {ord(c) for c in used} - TYPED
    if facts is not None:
        extra &= facts.codepoints
    data = base64.b64encode(subset(path, TYPED | extra, cache, web=True))
    return (f'@font-face{{font-family:"{name}";font-weight:{weight};font-style:{style};'
            f'font-display:swap;src:url(data:font/woff;base64,{data.decode("ascii")}) '
            f'format("woff")}}')
