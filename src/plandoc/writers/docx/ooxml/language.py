"""A run's language: `w:lang` on a span written in another language than the document's.

Word checks spelling and picks hyphenation by the language of each run, and screen readers
switch voice on it (WCAG 3.1.2).  Word knows its languages by region ('nb-NO', not 'nb'), so the
languages a Norwegian plan meets are given theirs; any other tag is written as the author did.
"""

from __future__ import annotations

from plandoc.writers.docx.ooxml.base import element, put

REGIONS = {"nb": "nb-NO", "nn": "nn-NO", "se": "se-NO", "en": "en-GB"}


def word_language(tag: str) -> str:
    """The tag Word wants for `tag`: 'en' → 'en-GB', 'se' → 'se-NO'; 'en-US' stays."""
    return REGIONS.get(tag, tag)


def lang_element(tag: str):
    """A w:lang element for a run's properties."""
    return element("w:lang", val=word_language(tag))


def set_run_language(run, tag: str) -> None:
    """Give a python-docx Run the language `tag` (in schema order among its properties)."""
    put(run._r.get_or_add_rPr(), lang_element(tag))
