"""settings.xml: refresh fields on open, automatic hyphenation, the theme fonts' language."""

from __future__ import annotations

from plandoc.writers.docx.ooxml.base import element, put


def update_fields_on_open(document) -> None:
    """w:updateFields: Word refreshes every field (the table of contents too) when it opens."""
    put(document.settings.element, element("w:updateFields", val="true"))


def hyphenate(document) -> None:
    """w:autoHyphenation: Word and LibreOffice hyphenate paragraphs that allow it."""
    put(document.settings.element, element("w:autoHyphenation", val="true"))


def theme_font_language(document, tag: str) -> None:
    """w:themeFontLang: the language Word takes the theme fonts for (python-docx's default
    says en-US and ja-JP); the document's own, as in the default run properties."""
    put(document.settings.element, element("w:themeFontLang", val=tag))
