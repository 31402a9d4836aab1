"""Styles: a municipality's look, from `styles/<name>/style.yaml` to a typed Theme.

    load_theme(name, search_dirs, origin) -> Theme        (plandoc.style.load)

theme.py holds the types, schema.py declares every key with its check, assets.py checks font,
image and template files, glyphs.py checks that the style's fonts can draw a document's text.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["Theme", "load_theme", "style_dirs"]


def __getattr__(name: str):
    """Load the loader only when asked: writers import plandoc.style.theme for its types and
    need no YAML or font checking."""
    if name == "load_theme":
        from plandoc.style.load import load_theme
        return load_theme
    if name == "Theme":
        from plandoc.style.theme import Theme
        return Theme
    raise AttributeError(name)


def style_dirs(content_root: Path | None, extra: Path | None = None) -> list[Path]:
    """Where styles are looked for, first match wins (here, not in the loader: a worker asks
    after writing, and needs no YAML for it)."""
    dirs = [extra] if extra else []
    if content_root is not None:
        dirs += [content_root / "styles", content_root.parent / "styles"]
    dirs.append(Path.cwd() / "styles")
    return [d for d in dirs if d is not None]
