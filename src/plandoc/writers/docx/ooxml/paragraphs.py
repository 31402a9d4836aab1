"""Paragraph properties python-docx has no API for: borders, list membership, outline level, a
hidden mark, line numbering exemption, hyphenation exemption.  Each helper takes a python-docx
Paragraph.

New paragraphs and plain runs are built here as the elements python-docx would make (the same
bytes), without its generic child-insertion machinery, which scans every possible successor tag
for each child it adds: `new_paragraph`, `set_style`, `add_run`, `add_text`, `emphasise` and
`keep_next` are the writer's hot path.
"""

from __future__ import annotations

import re

from docx.enum.style import WD_STYLE_TYPE
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from plandoc.writers.docx.ooxml.base import (OxmlElement, append_content, child, eighths, element,
                                             hexval, put, qn)

P_PR, P_STYLE, R_PR = qn("w:pPr"), qn("w:pStyle"), qn("w:rPr")
PRESERVE = qn("xml:space")
BREAKS = re.compile(r"([\t\r\n])")     # what python-docx's run.text makes w:tab and w:br of


def new_paragraph(container, style: str | None = None, text: str | None = None) -> Paragraph:
    """A paragraph at the end of python-docx `container` (the document or a table cell; in
    the body, before its final sectPr) in `style` (a name or key, resolved as python-docx
    would), holding `text` in one run."""
    p = OxmlElement("w:p")
    parent = getattr(container, "_body", container)
    if style is not None:
        set_style(p, parent.part, style)
    append_content(parent._element, p)
    paragraph = Paragraph(p, parent)
    if text:
        add_text(paragraph, text)
    return paragraph


def restyle(paragraph: Paragraph, style: str) -> Paragraph:
    """`paragraph.style = style`, without python-docx's generic insertion; the paragraph."""
    set_style(paragraph._p, paragraph.part, style)
    return paragraph


def set_style(p, part, style: str) -> None:
    """Give paragraph element `p` the paragraph style `style` (no pStyle for the default
    style, but a pPr all the same, as python-docx's `paragraph.style = style`)."""
    style_id = part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
    ppr = _ppr_of(p)
    if style_id is None:
        ppr._remove_pStyle()
        return
    found = ppr.find(P_STYLE)
    if found is None:
        found = OxmlElement("w:pStyle")
        ppr.insert(0, found)
    found.set(qn("w:val"), style_id)


def _ppr(paragraph):
    """The paragraph's pPr, made as its first child when missing."""
    return _ppr_of(paragraph._p)


def _ppr_of(p):
    """The pPr of paragraph element `p`, made as its first child when missing."""
    ppr = p.find(P_PR)
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    return ppr


def rule(paragraph, side: str, width_pt: float, colour: str, space_pt: float = 0) -> None:
    """A line on `side` ('top', 'bottom' …) of the paragraph, `space_pt` from its text."""
    box = child(_ppr(paragraph), "w:pBdr")
    put(box, element(f"w:{side}", val="single", sz=eighths(width_pt), space=round(space_pt),
                     color=hexval(colour)))


def number(paragraph, num_id: int, level: int) -> None:
    """Make the paragraph an item of Word list `num_id` at `level` (0-based)."""
    num_pr = element("w:numPr")
    num_pr.append(element("w:ilvl", val=level))
    num_pr.append(element("w:numId", val=num_id))
    put(_ppr(paragraph), num_pr)


def keep_next(paragraph, keep: bool) -> None:
    """`paragraph.paragraph_format.keep_with_next = keep`, without python-docx's search."""
    put(_ppr(paragraph), element("w:keepNext") if keep else element("w:keepNext", val=0))


def outline(paragraph, level: int) -> None:
    """The paragraph's own outline level (0 is heading 1), over its style's."""
    put(_ppr(paragraph), element("w:outlineLvl", val=level))


def hide_mark(paragraph, size_pt: float = 1) -> None:
    """Hide the paragraph mark and make it tiny: an empty paragraph that takes no room."""
    rpr = child(_ppr(paragraph), "w:rPr")
    put(rpr, element("w:vanish"))
    put(rpr, element("w:sz", val=round(size_pt * 2)))


def no_line_numbers(paragraph) -> None:
    """Leave the paragraph out of line numbering."""
    put(_ppr(paragraph), element("w:suppressLineNumbers"))


NB_HYPHEN = "\u2011"


def add_text(paragraph, text: str):
    """A run of `text` at the end of the paragraph; each no-break hyphen (U+2011, which the
    layout puts inside numbers and case numbers) becomes Word's own w:noBreakHyphen, drawn
    with the font's hyphen whether or not the font has U+2011."""
    parts = text.split(NB_HYPHEN)
    run = add_run(paragraph, parts[0])
    for part in parts[1:]:
        run._r.append(element("w:noBreakHyphen"))
        if part:
            run._r.append(_t(part))
    return run


def add_run(paragraph, text: str = "") -> Run:
    """`paragraph.add_run(text)` built directly: the same w:t, w:tab and w:br children."""
    r = OxmlElement("w:r")
    for piece in BREAKS.split(text) if text else ():
        if piece == "\t":
            r.append(OxmlElement("w:tab"))
        elif piece in ("\r", "\n"):
            r.append(OxmlElement("w:br"))
        elif piece:
            r.append(_t(piece))
    paragraph._p.append(r)
    return Run(r, paragraph)


def emphasise(run, bold: bool = False, italic: bool = False) -> Run:
    """`run.bold = True` and / or `run.italic = True`, set directly; the run."""
    if bold or italic:
        r = run._r
        rpr = r.find(R_PR)
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            r.insert(0, rpr)
        for tag, wanted in (("w:b", bold), ("w:i", italic)):
            if wanted:
                put(rpr, element(tag))
    return run


def _t(text: str):
    """A w:t of `text`, space-preserving when it starts or ends with white space."""
    t = OxmlElement("w:t")
    t.text = text
    if len(text.strip()) < len(text):
        t.set(PRESERVE, "preserve")
    return t
