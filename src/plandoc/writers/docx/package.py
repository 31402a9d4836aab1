"""The package: start from a Word template or python-docx's default, page setup, properties, save.

A .dotx template is opened as a document by switching its main part's content type, so the
result is a .docx.  The template's body text is dropped (only its styles, numbering, theme and
settings are kept).  Saving rewrites the zip with fixed timestamps, so the same input gives the
same bytes; core dates come from the document's date only — never from the clock.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Mm

from plandoc import dates
from plandoc.writers.docx.styles import LANGUAGE_TAGS

TEMPLATE_TYPE = b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
DOTX_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCX_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
STYLES_FX = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
HEADER_FOOTER_MM = 12


def open_document(template: Path | None):
    """A python-docx Document: the template (.docx or .dotx) emptied, or the default."""
    if template is None:
        doc = docx.Document()
        _drop_leftovers(doc)
    else:
        doc = docx.Document(io.BytesIO(_as_document(Path(template).read_bytes())))
    _clear_body(doc)
    return doc


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


def _drop_leftovers(doc) -> None:
    """Drop two parts of python-docx's default package that would mislead.

    Its thumbnail shows an empty page; its stylesWithEffects.xml holds the default styles,
    which Word 2010 would read instead of ours.
    """
    for rels, reltype in ((doc.part.package.rels, RT.THUMBNAIL), (doc.part.rels, STYLES_FX)):
        for r_id, rel in list(rels.items()):
            if rel.reltype == reltype:
                rels.pop(r_id)


def _clear_body(doc) -> None:
    body = doc.element.body
    for el in list(body):
        if el.tag != qn("w:sectPr"):
            body.remove(el)
    sect = body.find(qn("w:sectPr"))
    for ref in sect.xpath("w:headerReference|w:footerReference|w:titlePg"):
        sect.remove(ref)


def page_setup(section, theme) -> None:
    """Page size and margins from the theme; header and footer 12 mm from the edge."""
    width, height = theme.page_size_mm
    m = theme.margins_mm
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(m["top"]), Mm(m["bottom"])
    section.left_margin, section.right_margin = Mm(m["left"]), Mm(m["right"])
    section.header_distance = section.footer_distance = Mm(HEADER_FOOTER_MM)
    section.gutter = Mm(0)


def core_properties(doc, meta) -> None:
    """Title, author, subject, keywords, language; dates from meta.date or none at all."""
    cp = doc.core_properties
    cp.title = meta.title
    cp.author = meta.author or meta.organisation or meta.municipality
    cp.subject = meta.subject or ""
    cp.keywords = ", ".join(meta.keywords)
    cp.language = LANGUAGE_TAGS[meta.language]
    cp.comments = ""
    cp.category = ""
    cp.last_modified_by = cp.author
    cp.revision = 1
    stamp = dates.stamp(meta)  # meta.date, else SOURCE_DATE_EPOCH, never the clock
    if stamp is not None:
        cp.created = cp.modified = stamp
    else:
        _drop_dates(cp)


def app_properties(doc, meta) -> None:
    """docProps/app.xml naming plandoc and the municipality (not the template's Word version)."""
    for part in doc.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<Properties xmlns="{APP_NS}"><Application>plandoc</Application>'
                f"<Company>{escape(meta.municipality)}</Company></Properties>").encode()


def _drop_dates(cp) -> None:
    root = cp._element
    for tag in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
        for el in root.findall(qn(tag)):
            root.remove(el)


def save(doc, out: Path) -> None:
    """Write the .docx with every zip entry dated 1980-01-01, so equal input → equal bytes."""
    buf = io.BytesIO()
    doc.save(buf)
    src = zipfile.ZipFile(buf)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))


def cache_style_ids(word) -> None:
    """Memoise style name → id lookups for this document.

    python-docx resolves a style name on every `paragraph.style = name` by scanning every style
    for the default one; with a few hundred paragraphs that was 1.4 s of a 1.9 s write.  The
    styles are all defined before the body is written, so the answers never change.
    """
    part, cache = word.part, {}
    lookup = part.get_style_id

    def get_style_id(style, style_type):
        key = (style if isinstance(style, str) else id(style), style_type)
        if key not in cache:
            cache[key] = lookup(style, style_type)
        return cache[key]

    part.get_style_id = get_style_id

