"""Styles: a municipality's look, from `styles/<name>/style.yaml` to a typed Theme.

    load_theme(name, search_dirs, origin) -> Theme        (plandoc.style.load)

theme.py holds the types, schema.py declares every key with its check, assets.py checks font,
image and template files, glyphs.py checks that the style's fonts can draw a document's text.
"""

from __future__ import annotations

__all__ = ["Theme", "load_theme", "style_dirs"]


def __getattr__(name: str):
    """Load the loader only when asked: writers import plandoc.style.theme for its types and
    need no YAML or font checking."""
    if name in ("load_theme", "style_dirs"):
        from plandoc.style import load
        return getattr(load, name)
    if name == "Theme":
        from plandoc.style.theme import Theme
        return Theme
    raise AttributeError(name)
