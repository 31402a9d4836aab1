"""Bookmarks and hyperlinks: a heading's link target and links to it or to a web address."""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from plandoc.writers.docx.ooxml.base import element, qn
from plandoc.writers.docx.ooxml.fields import text_element
from plandoc.writers.docx.ooxml.language import lang_element


def add_bookmark(paragraph, name: str, bookmark_id: int) -> None:
    """Wrap the paragraph's whole content in bookmark `name`."""
    p = paragraph._p
    start = element("w:bookmarkStart", id=bookmark_id, name=name)
    p.insert(0 if p.pPr is None else 1, start)
    p.append(element("w:bookmarkEnd", id=bookmark_id))


def start_bookmark(paragraph, name: str, bookmark_id: int) -> None:
    """Open bookmark `name` at the paragraph's end: what is added next is inside it."""
    paragraph._p.append(element("w:bookmarkStart", id=bookmark_id, name=name))


def end_bookmark(paragraph, bookmark_id: int) -> None:
    """Close the bookmark opened with `bookmark_id`."""
    paragraph._p.append(element("w:bookmarkEnd", id=bookmark_id))


def add_hyperlink(paragraph, text: str, *, url: str | None = None, anchor: str | None = None,
                  style: str | None = "Hyperlink", bold: bool = False,
                  italic: bool = False, lang: str | None = None) -> None:
    """A real w:hyperlink: to `url` (an external relationship) or to bookmark `anchor`;
    `lang`: the language of its text when it is not the document's."""
    link = element("w:hyperlink")
    if url is not None:
        link.set(qn("r:id"), paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True))
    else:
        link.set(qn("w:anchor"), anchor)
        link.set(qn("w:history"), "1")
    rpr = element("w:rPr")
    if style:
        rpr.append(element("w:rStyle", val=style))
    for tag, wanted in (("w:b", bold), ("w:i", italic)):
        if wanted:
            rpr.append(element(tag))
    if lang:
        rpr.append(lang_element(lang))
    run = element("w:r")
    run.append(rpr)
    run.append(text_element(text))
    link.append(run)
    paragraph._p.append(link)


def extend_link(paragraph) -> None:
    """Move the runs after the paragraph's last hyperlink into it, so a contents entry's tab
    and page number link to its heading too (as Word writes the entries)."""
    p = paragraph._p
    links = p.findall(qn("w:hyperlink"))
    if not links:
        return
    for el in list(links[-1].itersiblings()):
        links[-1].append(el)
