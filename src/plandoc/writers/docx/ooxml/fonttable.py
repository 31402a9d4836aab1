"""Embedded fonts: obfuscated font parts and their entries in word/fontTable.xml.

ISO/IEC 29500-1 §17.8.1 and §17.8.3: a font part (/word/fonts/fontN.odttf) is the TrueType
file with its first 32 bytes XORed with the 16 bytes of a GUID, the w:fontKey that the font's
w:embedRegular (w:embedBold, …) in fontTable.xml carries beside the part's relationship id.
The key's bytes are read from the GUID's text from its end: '{…-…AABB}' → 0xBB, 0xAA, ….
"""

from __future__ import annotations

import hashlib
import uuid

from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from plandoc.writers.docx.ooxml.base import element

FONT_TYPE = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
FONT_TABLE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
TEXT_PARTS = ("/word/document.xml", "/word/header", "/word/footer", "/word/footnotes.xml",
              "/word/numbering.xml")
EMBED = {"regular": "embedRegular", "bold": "embedBold", "italic": "embedItalic",
         "bold_italic": "embedBoldItalic"}
FONT_ORDER = ("altName", "panose1", "charset", "family", "notTrueType", "pitch", "sig",
              "embedRegular", "embedBold", "embedItalic", "embedBoldItalic")


def font_key(data: bytes) -> str:
    """A GUID made from the font's bytes (the same font, the same key: reproducible builds)."""
    digest = hashlib.sha256(data).hexdigest()
    return "{" + str(uuid.uuid5(uuid.NAMESPACE_OID, digest)).upper() + "}"


def key_bytes(key: str) -> bytes:
    """The 16 bytes of a '{GUID}' key in the order §17.8.1 XORs them."""
    return bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]


def obfuscate(data: bytes, key: str) -> bytes:
    """The font with its first 32 bytes XORed with the key (the same call undoes it)."""
    k = key_bytes(key)
    head = bytes(b ^ k[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def embed_font(document, family: str, face: str, data: bytes, subsetted: bool) -> None:
    """Add `data` (a TrueType face of `family`) as an obfuscated part the font table links."""
    table = _font_table(document)
    root = parse_xml(table.blob)
    key = font_key(data)
    package = document.part.package
    number = sum(1 for p in package.iter_parts() if p.partname.startswith("/word/fonts/")) + 1
    part = Part(PackURI(f"/word/fonts/font{number}.odttf"), FONT_TYPE, obfuscate(data, key),
                package)
    r_id = table.relate_to(part, FONT_REL)
    embed = element(f"w:{EMBED[face]}", fontKey=key)
    embed.set(qn("r:id"), r_id)
    if subsetted:
        embed.set(qn("w:subsetted"), "true")
    _entry(root, family).append(embed)
    _sort(_entry(root, family))
    table._blob = _xml(root)


def _font_table(document):
    for rel in document.part.rels.values():
        if rel.reltype == FONT_TABLE_REL:
            return rel.target_part
    raise LookupError("the package has no word/fontTable.xml")


def _entry(root, family: str):
    """The w:font named `family`, added when the table has none."""
    for font in root.findall(qn("w:font")):
        if font.get(qn("w:name")) == family:
            return font
    font = element("w:font")
    font.set(qn("w:name"), family)
    root.append(font)
    return font


def _sort(font) -> None:
    rank = {name: i for i, name in enumerate(FONT_ORDER)}
    for el in sorted(font, key=lambda e: rank.get(e.tag.rsplit("}", 1)[-1], len(rank))):
        font.append(el)


def _xml(root) -> bytes:
    from lxml import etree
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def used_characters(document) -> set[int]:
    """Every character in the text-bearing parts (body, headers, footers, notes, list marks):
    the elements' text, and attributes beyond ASCII (w:lvlText '❖').  Parts already parsed
    are read as they are, not serialised and parsed again."""
    found: set[int] = set()
    for part in document.part.package.iter_parts():
        if str(part.partname).startswith(TEXT_PARTS):
            root = part.element if isinstance(part, XmlPart) else etree.fromstring(part.blob)
            found |= {ord(c) for s in root.xpath("//text()") if s.is_text for c in s}
            found |= {ord(c) for c in "".join(root.xpath("//@*")) if ord(c) > 0x7F}
    return found
