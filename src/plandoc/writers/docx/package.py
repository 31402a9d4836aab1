"""The package: a Word template or plandoc's default (ooxml.skeleton), page setup, properties,
a stable save.

A .dotx template is opened as a document by switching its main part's content type, so the
result is a .docx; its body is dropped (its styles, numbering, theme and settings are kept).
Saving rewrites the zip with fixed timestamps, so the same input gives the same bytes; core
dates come from the document's date only — never from the clock.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.shared import Mm

from plandoc import dates
from plandoc.writers.docx.ooxml.package import (app_properties, clear_body, custom_property,
                                                drop_dates, write_zip)
from plandoc.writers.docx.ooxml.skeleton import default_docx
from plandoc.writers.docx.styles import LANGUAGE_TAGS

TEMPLATE_TYPE = b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
DOTX_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCX_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
STYLE_PROPERTY = "plandoc-style"   # the custom property naming the document's plandoc style
HEADER_FOOTER_MM = 12


def open_document(template: Path | None):
    """A python-docx Document: the template (.docx or .dotx) emptied, or the default."""
    if template is None:
        word = docx.Document(io.BytesIO(default_docx()))
    else:
        word = docx.Document(io.BytesIO(_as_document(Path(template).read_bytes())))
    clear_body(word)
    return word


def _as_document(data: bytes) -> bytes:
    """The package bytes with a template's main content type switched to a document's."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(DOTX_TYPE, DOCX_TYPE).replace(TEMPLATE_TYPE, DOCX_TYPE)
            dst.writestr(info.filename, blob)
    return out.getvalue()


def page_setup(section, page) -> None:
    """Paper size and margins of the theme's Page; header and footer 12 mm from the edge."""
    m = page.margins
    section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
    section.top_margin, section.bottom_margin = Mm(m.top), Mm(m.bottom)
    section.left_margin, section.right_margin = Mm(m.left), Mm(m.right)
    section.header_distance = section.footer_distance = Mm(HEADER_FOOTER_MM)
    section.gutter = Mm(0)


CORE_MAX = 255    # characters python-docx (and Word's core properties) take in one value


def clip(text: str, sep: str = " ", limit: int = CORE_MAX) -> str:
    """`text` cut to `limit` characters for a core property, at the last `sep` that lets it
    end in '…' (at a character when no such break is near); the page keeps the whole text."""
    if len(text) <= limit:
        return text
    head = text[:limit - 1]
    cut = head.rfind(sep)
    if cut >= limit // 2:
        head = head[:cut]
    return head.rstrip(" ,;:") + "…"


def core_properties(word, meta) -> None:
    """Title, author, subject, keywords, language; dates from meta.date or none at all."""
    cp = word.core_properties
    cp.title = clip(meta.title)
    cp.author = cp.last_modified_by = clip(meta.author or meta.organisation or meta.municipality)
    cp.subject = clip(meta.subject or "")
    cp.keywords = clip(", ".join(meta.keywords), ", ")
    cp.language = LANGUAGE_TAGS[meta.language]
    cp.comments = cp.category = ""
    cp.revision = 1
    stamp = dates.stamp(meta)  # meta.date, else SOURCE_DATE_EPOCH, never the clock
    if stamp is not None:
        cp.created = cp.modified = stamp
    else:
        drop_dates(word)
    app_properties(word, "plandoc", meta.municipality)


def style_property(word, meta) -> None:
    """Name the document's plandoc style in a custom property, so `plandoc import` gives it
    back (a template made by `plandoc template` has none)."""
    custom_property(word, STYLE_PROPERTY, meta.style)


def save(word, out) -> None:
    """Write the .docx (a path or a binary file) with every zip entry dated 1980-01-01, so
    equal input → equal bytes."""
    write_zip(word, out, ZIP_DATE)
