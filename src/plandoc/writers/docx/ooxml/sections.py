"""Sections: closing one at a paragraph, and Word's line numbering of a section."""

from __future__ import annotations

import copy

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
