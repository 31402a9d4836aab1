"""Complex fields (begin, instruction, separate, cached result, end) in a paragraph.

Word and LibreOffice show the cached result and recompute it (PAGE, NUMPAGES, TOC); a field can
open in one paragraph and close in a later one, as a table of contents does.
"""

from __future__ import annotations

from docx.oxml.ns import qn

from plandoc.writers.docx.ooxml.base import element


def _run(*children):
    r = element("w:r")
    for c in children:
        r.append(c)
    return r


def text_element(value: str, tag: str = "w:t"):
    """A w:t (or w:instrText) keeping its spaces."""
    t = element(tag)
    t.text = value
    t.set(qn("xml:space"), "preserve")
    return t


def begin_field(paragraph, instruction: str, dirty: bool = False) -> None:
    """Open a field in `paragraph`; `dirty` asks Word to recompute its cached result."""
    p = paragraph._p
    begin = element("w:fldChar", fldCharType="begin")
    if dirty:
        begin.set(qn("w:dirty"), "true")
    p.append(_run(begin))
    p.append(_run(text_element(f" {instruction.strip()} ", "w:instrText")))
    p.append(_run(element("w:fldChar", fldCharType="separate")))


def end_field(paragraph) -> None:
    """Close the field opened last."""
    paragraph._p.append(_run(element("w:fldChar", fldCharType="end")))


def add_field(paragraph, instruction: str, cached: str) -> None:
    """A whole field in one paragraph, e.g. PAGE with the cached result '1' (an empty
    `cached`: no result run, and Word is asked to compute it)."""
    begin_field(paragraph, instruction, dirty=not cached)
    if cached:
        paragraph._p.append(_run(text_element(cached)))
    end_field(paragraph)


def add_tab(paragraph) -> None:
    """A tab character (to the paragraph style's next tab stop)."""
    paragraph._p.append(_run(element("w:tab")))
