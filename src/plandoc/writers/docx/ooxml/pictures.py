"""Alternative text of a picture (python-docx's InlineShape has no API for it)."""

from __future__ import annotations

from docx.oxml.ns import qn


def set_alt_text(shape, descr: str, title: str | None = None) -> None:
    """wp:docPr @descr (and @title, @name), and @descr on pic:cNvPr, of an InlineShape."""
    inline = shape._inline
    doc_pr = inline.docPr
    doc_pr.set("descr", descr)
    if title:
        doc_pr.set("title", title)
        doc_pr.set("name", title)
    for cnv in inline.iter(qn("pic:cNvPr")):
        cnv.set("descr", descr)
