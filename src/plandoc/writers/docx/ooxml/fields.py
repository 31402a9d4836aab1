"""Complex fields (begin, instruction, separate, cached result, end) in a paragraph.

Word and LibreOffice show the cached result and recompute it (PAGE, NUMPAGES, TOC, a caption's
SEQ number, a cross-reference's REF); a field can open in one paragraph and close in a later
one, as a table of contents does.
"""

from __future__ import annotations

from plandoc.writers.docx.ooxml.base import element, qn


def _run(*children, look=None):
    r = element("w:r")
    if look is not None:
        r.append(_rpr(*look))
    for c in children:
        r.append(c)
    return r


def _rpr(style: str | None, bold: bool):
    rpr = element("w:rPr")
    if style:
        rpr.append(element("w:rStyle", val=style))
    if bold:
        rpr.append(element("w:b"))
    return rpr


def text_element(value: str, tag: str = "w:t"):
    """A w:t (or w:instrText) keeping its spaces."""
    t = element(tag)
    t.text = value
    t.set(qn("xml:space"), "preserve")
    return t


def begin_field(paragraph, instruction: str, dirty: bool = False, look=None) -> None:
    """Open a field in `paragraph`; `dirty` asks Word to recompute its cached result."""
    p = paragraph._p
    begin = element("w:fldChar", fldCharType="begin")
    if dirty:
        begin.set(qn("w:dirty"), "true")
    p.append(_run(begin, look=look))
    p.append(_run(text_element(f" {instruction.strip()} ", "w:instrText"), look=look))
    p.append(_run(element("w:fldChar", fldCharType="separate"), look=look))


def end_field(paragraph, look=None) -> None:
    """Close the field opened last."""
    paragraph._p.append(_run(element("w:fldChar", fldCharType="end"), look=look))


def add_field(paragraph, instruction: str, cached: str, style: str | None = None,
              bold: bool = False) -> None:
    """A whole field in one paragraph, e.g. PAGE with the cached result '1' (an empty
    `cached`: no result run, and Word is asked to compute it); `style` (a character style)
    and `bold` for its runs, as the text around it looks."""
    look = (style, bold) if style or bold else None
    begin_field(paragraph, instruction, dirty=not cached, look=look)
    if cached:
        paragraph._p.append(_run(text_element(cached), look=look))
    end_field(paragraph, look=look)


def add_tab(paragraph) -> None:
    """A tab character (to the paragraph style's next tab stop)."""
    paragraph._p.append(_run(element("w:tab")))
