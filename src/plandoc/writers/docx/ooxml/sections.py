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
    drop_headers_of(document.sections[-1])


def drop_headers_of(section) -> None:
    """Remove every header and footer reference from `section`."""
    for ref in section._sectPr.xpath(HEADER_FOOTER):
        section._sectPr.remove(ref)


def number_lines(section, distance_twips: int = 340) -> None:
    """Word's line numbering in `section`: every line, restarting on each page."""
    put(section._sectPr, element("w:lnNumType", countBy=1, distance=distance_twips,
                                 restart="newPage"))


def break_section(document, paragraph, landscape: bool) -> None:
    """End a section at `paragraph` with the page setup, header, footer and line numbering of
    the document's last section, its page turned to landscape when `landscape` (the margins
    kept); the next section starts on a new page."""
    ended = copy.deepcopy(document.sections[-1]._sectPr)
    orient(ended, landscape)
    paragraph._p.set_sectPr(ended)


def orient_last(document, landscape: bool) -> None:
    """Turn the document's last section to landscape or portrait."""
    orient(document.sections[-1]._sectPr, landscape)


def orient(sect_pr, landscape: bool) -> None:
    """Turn a section's page to landscape (the longer side across) or portrait."""
    size = sect_pr.find(qn("w:pgSz"))
    if size is None:
        return
    sides = sorted(int(size.get(qn(f"w:{k}"))) for k in ("w", "h"))
    width, height = sides[::-1] if landscape else sides
    size.set(qn("w:w"), str(width))
    size.set(qn("w:h"), str(height))
    if landscape:
        size.set(qn("w:orient"), "landscape")
    elif size.get(qn("w:orient")) is not None:
        del size.attrib[qn("w:orient")]
