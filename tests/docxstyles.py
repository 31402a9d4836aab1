"""plandoc's Word styles read back by their keys (English names), whatever the document's
language named them: `key(paragraph.style)` is 'Goal' for the style 'Mål' of id 'Goal', and
`style_of(word, 'Goal')` finds it."""

from __future__ import annotations

from plandoc.style.wordstyles import OWN

KEY_BY_ID = {entry[0]: key for key, entry in OWN.items()}


def key(style) -> str:
    """plandoc's key of a python-docx style: its English name."""
    return KEY_BY_ID.get(style.style_id, style.name)


def style_of(word, name: str):
    """The python-docx style of key `name` in document `word`."""
    if name in OWN:
        return next(s for s in word.styles if s.style_id == OWN[name][0])
    return word.styles[name]
