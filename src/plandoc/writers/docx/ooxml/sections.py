"""Sections: closing one at a paragraph, and Word's line numbering of a section."""

from __future__ import annotations

import copy

from docx.oxml.ns import qn

from plandoc.writers.docx.ooxml.base import element, put

HEADER_FOOTER = "w:headerReference|w:footerReference|w:titlePg"


def end_section(document, paragraph) -> None:
    """End a section at `paragraph` with the page setup of the last section and no header or
    footer; what follows belongs to the next section, which starts on a new page."""
    last = document.sections[-1]._sectPr
    ended = copy.deepcopy(last)
    for ref in ended.xpath(HEADER_FOOTER):
        ended.remove(ref)
    paragraph._p.set_sectPr(ended)


def drop_headers(document) -> None:
    """Remove every header and footer reference from the document's last section."""
    last = document.sections[-1]._sectPr
    for ref in last.xpath(HEADER_FOOTER):
        last.remove(ref)


def number_lines(section, distance_twips: int = 340) -> None:
    """Word's line numbering in `section`: every line, restarting on each page."""
    put(section._sectPr, element("w:lnNumType", countBy=1, distance=distance_twips,
                                 restart="newPage"))


def break_section(document, paragraph, landscape: bool) -> None:
    """End a section at `paragraph` with the page setup, header, footer and line numbering of
    the document's last section, its page turned to landscape when `landscape` (the paper's
    width and height swapped, the margins kept); the next section starts on a new page."""
    ended = copy.deepcopy(document.sections[-1]._sectPr)
    size = ended.find(qn("w:pgSz"))
    if landscape and size is not None:
        width, height = size.get(qn("w:w")), size.get(qn("w:h"))
        size.set(qn("w:w"), height)
        size.set(qn("w:h"), width)
        size.set(qn("w:orient"), "landscape")
    paragraph._p.set_sectPr(ended)
