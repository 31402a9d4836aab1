"""A starter Word template (.dotx) from a style: every style plandoc writes, in the style's look
and named in the chosen language, the page setup and list numbering — and no body content.

A municipality opens it in Word, restyles what it wants (Normal, Overskrift 1 …, Mål,
Strategi …), saves it and points its style at it (`word_template: mal.dotx`); plandoc then
uses the template's look for every style it defines (README "The Word template").
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from plandoc.layout import lay_out
from plandoc.model import Document, Meta
from plandoc.writers.docx import package
from plandoc.writers.docx.numbering import Numbering
from plandoc.writers.docx.ooxml.package import drop_dates
from plandoc.writers.docx.ooxml.settings import hyphenate, theme_font_language
from plandoc.writers.docx.styles import LANGUAGE_TAGS, define_styles


def write_template(theme, language: str, out: Path) -> None:
    """Write the starter template of `theme` with style names in `language` at `out`."""
    meta = Meta(title=f"Mal: {theme.name}", municipality=theme.name, language=language,
                status=None, toc=False)
    layout = lay_out(Document(meta, (), Path(out)), theme)
    word = package.open_document(None)
    package.page_setup(word.sections[0], theme.page)
    define_styles(word, layout, Numbering(word, layout))
    theme_font_language(word, LANGUAGE_TAGS[language])
    if theme.typography.hyphenate:
        hyphenate(word)
    package.core_properties(word, meta)
    drop_dates(word)                  # the same bytes whatever SOURCE_DATE_EPOCH says
    buf = io.BytesIO()
    package.save(word, buf)
    Path(out).write_bytes(as_template(buf.getvalue()))


def as_template(data: bytes) -> bytes:
    """A .docx package's bytes with its main part's content type a template's (.dotx)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(package.DOCX_TYPE, package.DOTX_TYPE)
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.external_attr = info.external_attr
            dst.writestr(entry, blob, zipfile.ZIP_DEFLATED)
    return out.getvalue()
