"""Package parts python-docx hides: the body of a template, the dates of
the core properties, docProps/app.xml, the resolver of style look-ups, and the zip written in
one pass.
"""

from __future__ import annotations

import zipfile

from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn

from plandoc.writers.xmltext import escape
from plandoc.writers.docx.ooxml.sections import drop_headers

APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
USER_DEFINED = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"   # the property set of custom properties


def clear_body(document) -> None:
    """Drop a template's body content and its header and footer references (not its styles)."""
    body = document.element.body
    for el in list(body):
        if el.tag != qn("w:sectPr"):
            body.remove(el)
    drop_headers(document)


def drop_dates(document) -> None:
    """No created / modified / printed dates in docProps/core.xml."""
    root = document.core_properties._element
    for tag in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
        for el in root.findall(qn(tag)):
            root.remove(el)


def app_properties(document, application: str, company: str) -> None:
    """docProps/app.xml naming the application and company (not a template's Word version)."""
    for part in document.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<Properties xmlns="{APP_NS}"><Application>{escape(application)}</Application>'
                f"<Company>{escape(company)}</Company></Properties>").encode()


def custom_property(document, name: str, value: str) -> None:
    """Set the text property `name` in docProps/custom.xml (Word: File › Properties › Custom),
    keeping the properties a template brought."""
    from docx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    package = document.part.package
    part = next((p for p in package.iter_parts() if p.partname == "/docProps/custom.xml"), None)
    root = etree.fromstring(part.blob) if part is not None else \
        etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    for old in root.findall(f"{{{CUSTOM_NS}}}property[@name='{name}']"):
        root.remove(old)
    pids = [int(p.get("pid", 1)) for p in root]
    prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property", fmtid=USER_DEFINED,
                            pid=str(max(pids, default=1) + 1), name=name)
    etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if part is not None:
        part._blob = blob
    else:
        package.relate_to(Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, blob,
                               package), RT.CUSTOM_PROPERTIES)


def resolve_styles(document, ids: dict[str, str]) -> None:
    """Every style look-up goes through `ids`: plandoc's key (a style's English name, any case)
    → its id in this document, whatever the style is called there ('Goal' → the style 'Mål' of
    id 'Goal').  Other names fall to python-docx's own look-up, memoised: it scans every style
    for the default one on each `paragraph.style = name`.  Call it once every style is defined.
    """
    part, cache = document.part, {}
    lookup = part.get_style_id

    def get_style_id(style, style_type):
        if isinstance(style, str) and style.casefold() in ids:
            return ids[style.casefold()]
        key = (style if isinstance(style, str) else id(style), style_type)
        if key not in cache:
            cache[key] = lookup(style, style_type)
        return cache[key]

    part.get_style_id = get_style_id


def write_zip(document, out, date_time: tuple) -> None:
    """Write the package to `out` (a path or a binary file) as python-docx's save does — the
    same entries in the same order — with every entry dated `date_time` and mode 644, in one
    pass (saving with python-docx and rewriting its zip deflated everything twice)."""
    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        writer = _Entries(zf, date_time)
        PackageWriter._write_content_types_stream(writer, package.parts)
        PackageWriter._write_pkg_rels(writer, package.rels)
        PackageWriter._write_parts(writer, package.parts)


class _Entries:
    """python-docx's PhysPkgWriter, with fixed dates and modes."""

    def __init__(self, zf: zipfile.ZipFile, date_time: tuple):
        self.zf, self.date_time = zf, date_time

    def write(self, pack_uri, blob: bytes) -> None:
        entry = zipfile.ZipInfo(pack_uri.membername, date_time=self.date_time)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = 0o644 << 16
        self.zf.writestr(entry, blob)
