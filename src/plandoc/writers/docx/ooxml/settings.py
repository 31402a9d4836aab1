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


WORD_URI = "http://schemas.microsoft.com/office/word"
WORD_2013 = (("compatibilityMode", "15"), ("overrideTableStyleFontSizeAndJustification", "1"),
             ("enableOpenTypeFeatures", "1"), ("doNotFlipMirrorIndents", "1"),
             ("differentiateMultirowTableHeaders", "1"))


def word_2013_mode(document) -> None:
    """w:compat as Word 2013 and later write it (compatibilityMode 15 and its companions), in
    place of python-docx's (or a template's) Word 2010 one: Word opens the file without the
    compatibility-mode banner."""
    compat = element("w:compat")
    for name, value in WORD_2013:
        compat.append(element("w:compatSetting", name=name, uri=WORD_URI, val=value))
    put(document.settings.element, compat)


def embed_fonts(document, subset: bool) -> None:
    """w:embedTrueTypeFonts (and w:saveSubsetFonts when the parts hold only the characters
    used): Word keeps the fonts in the file when it saves it again."""
    put(document.settings.element, element("w:embedTrueTypeFonts", val="true"))
    if subset:
        put(document.settings.element, element("w:saveSubsetFonts", val="true"))
