"""Styles: a municipality's look, from `styles/<name>/style.yaml` to a typed Theme.

    load_theme(name, search_dirs, origin) -> Theme        (plandoc.style.load)

theme.py holds the types, schema.py declares every key with its check, assets.py checks font,
image and template files, glyphs.py checks that the style's fonts can draw a document's text.
"""

from plandoc.style.load import load_theme, style_dirs
from plandoc.style.theme import Theme

__all__ = ["Theme", "load_theme", "style_dirs"]
