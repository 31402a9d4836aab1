"""The family name inside a TrueType file, so bullets can name the theme's symbol font in Word."""

from __future__ import annotations

from pathlib import Path

FAMILY_NAME_ID = 1


def family_name(path: Path | None, fallback: str) -> str:
    """The font's family name (name table, id 1), or `fallback` if it cannot be read."""
    if path is None:
        return fallback
    try:
        from fontTools.ttLib import TTFont

        with TTFont(str(path), lazy=True) as font:
            name = font["name"].getDebugName(FAMILY_NAME_ID)
    except Exception:  # noqa: BLE001 — any unreadable font falls back to the body family
        return fallback
    return name or fallback
