"""Every character of a document's text must be in its style's fonts, or the PDF shows a blank.

A Sámi or Kven place name (ŋ, ŧ, đ, č …) in a style whose font lacks those letters is a user
mistake: it is reported with the file and line where the character first stands.
"""

from __future__ import annotations

import functools
from pathlib import Path

from plandoc.errors import ContentError, Problem
from plandoc.model import Document, field_names
from plandoc.style.assets import font_codepoints
from plandoc.style.theme import Theme

NOT_DRAWN = {"alt", "href", "path", "anchor", "source_file", "style", "kind", "language",
             "status"}  # text fields that are never set in the document's fonts
TEXT_SUFFIXES = (".yaml", ".yml", ".md", ".csv")


def check_glyphs(doc: Document, theme: Theme) -> None:
    """Raise a ContentError naming each character the style's text fonts cannot draw."""
    have = _covered(theme)
    missing = sorted(c for c in _characters(doc) if ord(c) not in have and not c.isspace())
    if missing:
        by_line: dict[tuple, list[str]] = {}
        for c in missing:
            by_line.setdefault(_first_use(doc, c), []).append(c)
        raise ContentError([Problem(*where, _message(chars, theme))
                            for where, chars in by_line.items()])


def _message(chars: list[str], theme: Theme) -> str:
    """One line's characters the fonts lack: the first few named, the rest counted."""
    font = theme.fonts.body
    named = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in chars[:4])
    more = f" and {len(chars) - 4} more" if len(chars) > 4 else ""
    what = "character" if len(chars) == 1 else "characters"
    verb = "is" if len(chars) == 1 else "are"
    return (f"{what} {named}{more} {verb} not in the style's font {font.family} "
            f"({font.regular.name}), so the PDF cannot show {'it' if len(chars) == 1 else 'them'}"
            " — expected a style whose fonts have "
            f"{'it' if len(chars) == 1 else 'them'}")


def _covered(theme: Theme) -> frozenset:
    files = {f for fam in (theme.fonts.body, theme.fonts.heading) for f in fam.files}
    sets = [font_codepoints(Path(f)) for f in files]
    return frozenset.intersection(*sets) if sets else frozenset()


def _characters(doc: Document) -> set[str]:
    chars: set[str] = set()
    _collect(doc.meta, chars)
    for block in doc.blocks:
        _collect(block, chars)
    return chars


def _collect(value, chars: set[str]) -> None:
    if isinstance(value, str):
        chars.update(value)
    elif isinstance(value, (tuple, list)):
        for item in value:
            _collect(item, chars)
    else:
        for name in _drawn(type(value)):
            _collect(getattr(value, name), chars)


@functools.cache
def _drawn(cls: type) -> tuple[str, ...]:
    """The fields of a model class whose text is drawn (none for anything else)."""
    return tuple(n for n in field_names(cls) or () if n not in NOT_DRAWN)


def _first_use(doc: Document, char: str) -> tuple[Path, int | None]:
    for path in (p for p in doc.inputs if p.suffix in TEXT_SUFFIXES):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if char in line and not line.lstrip().startswith("#"):
                return path, n
    return doc.source, None
