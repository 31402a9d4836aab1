"""Paragraph properties python-docx has no API for: borders, list membership, outline level, a
hidden mark, line numbering exemption, hyphenation exemption.  Each helper takes a python-docx
Paragraph.
"""

from __future__ import annotations

from plandoc.writers.docx.ooxml.base import child, eighths, element, hexval, put


def _ppr(paragraph):
    return paragraph._p.get_or_add_pPr()


def rule(paragraph, side: str, width_pt: float, colour: str, space_pt: float = 0) -> None:
    """A line on `side` ('top', 'bottom' …) of the paragraph, `space_pt` from its text."""
    box = child(_ppr(paragraph), "w:pBdr")
    put(box, element(f"w:{side}", val="single", sz=eighths(width_pt), space=round(space_pt),
                     color=hexval(colour)))


def number(paragraph, num_id: int, level: int) -> None:
    """Make the paragraph an item of Word list `num_id` at `level` (0-based)."""
    num_pr = _ppr(paragraph).get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


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
    run = paragraph.add_run(parts[0])
    for part in parts[1:]:
        run._r.append(element("w:noBreakHyphen"))
        if part:
            run._r.add_t(part)
    return run
