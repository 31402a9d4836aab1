"""Raw OOXML for what python-docx does not model: fields, bookmarks, links, alt text, settings.

Fields are complex fields (begin / instrText / separate / cached result / end) so that Word and
LibreOffice show the cached result and recompute it; `updateFields` asks Word to refresh all of
them (the table of contents included) when the document is opened.
"""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from plandoc.writers.docx.ooxml import element

TOC_INSTR = ' TOC \\o "1-3" \\h \\z \\u '

# settings.xml children that must come after w:updateFields (schema order)
_AFTER_UPDATE_FIELDS = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars",
                        "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
                        "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
                        "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary",
                        "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")


def _run(*children):
    r = OxmlElement("w:r")
    for c in children:
        r.append(c)
    return r


def _text(value: str):
    t = OxmlElement("w:t")
    t.text = value
    t.set(qn("xml:space"), "preserve")
    return t


def field_begin(p, instr: str, dirty: bool = False) -> None:
    """Append the start of a complex field (begin, instruction, separate) to paragraph `p`.

    `dirty` marks the cached result as stale, so Word recomputes it.
    """
    instr_el = OxmlElement("w:instrText")
    instr_el.text = instr
    instr_el.set(qn("xml:space"), "preserve")
    begin = element("w:fldChar", fldCharType="begin")
    if dirty:
        begin.set(qn("w:dirty"), "true")
    p.append(_run(begin))
    p.append(_run(instr_el))
    p.append(_run(element("w:fldChar", fldCharType="separate")))


def field_end(p) -> None:
    """Append the end of a complex field to paragraph `p`."""
    p.append(_run(element("w:fldChar", fldCharType="end")))


def add_field(paragraph, instr: str, result: str) -> None:
    """A whole field in one paragraph, e.g. PAGE with cached result '1'."""
    p = paragraph._p
    field_begin(p, f" {instr} ")
    p.append(_run(_text(result)))
    field_end(p)


def add_bookmark(paragraph, name: str, bookmark_id: int) -> None:
    """Wrap the paragraph's whole content in bookmark `name`."""
    p = paragraph._p
    start = element("w:bookmarkStart", id=bookmark_id, name=name)
    ppr = p.find(qn("w:pPr"))
    p.insert(0 if ppr is None else 1, start)
    p.append(element("w:bookmarkEnd", id=bookmark_id))


def add_hyperlink(paragraph, text: str, *, url: str | None = None, anchor: str | None = None,
                  style: str = "Hyperlink", bold: bool = False, italic: bool = False):
    """A real w:hyperlink: external (relationship to `url`) or to a bookmark `anchor`."""
    link = OxmlElement("w:hyperlink")
    if url is not None:
        link.set(qn("r:id"), paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True))
    else:
        link.set(qn("w:anchor"), anchor)
        link.set(qn("w:history"), "1")
    rpr = OxmlElement("w:rPr")
    if style:
        rpr.append(element("w:rStyle", val=style))
    if bold:
        rpr.append(OxmlElement("w:b"))
    if italic:
        rpr.append(OxmlElement("w:i"))
    link.append(_run(rpr, _text(text)))
    paragraph._p.append(link)
    return link


def set_alt_text(inline_shape, descr: str, title: str | None = None) -> None:
    """Alternative text of a picture: wp:docPr @descr (and @title), also on pic:cNvPr."""
    inline = inline_shape._inline
    doc_pr = inline.docPr
    doc_pr.set("descr", descr)
    if title:
        doc_pr.set("title", title)
        doc_pr.set("name", title)
    for cnv in inline.iter(qn("pic:cNvPr")):
        cnv.set("descr", descr)


def set_update_fields(settings) -> None:
    """w:updateFields=true in settings.xml, in schema position: Word refreshes fields on open."""
    root = settings.element
    old = root.find(qn("w:updateFields"))
    if old is not None:
        root.remove(old)
    new = element("w:updateFields", val="true")
    for el in root:
        if el.tag.rsplit("}", 1)[-1] in _AFTER_UPDATE_FIELDS:
            el.addprevious(new)
            return
    root.append(new)
