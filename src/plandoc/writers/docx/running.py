"""Running header and footer of the body section (not linked to the cover, which has none).

Header: municipality at the left, document title at the right, over a hairline (one line
'municipality – title' when both would not fit side by side).
Footer: the status line at the left, 'Side X av Y' at the right with real PAGE and NUMPAGES.
"""

from __future__ import annotations

from plandoc.labels import status_line
from plandoc.writers.docx.context import split_template
from plandoc.writers.docx.fields import add_field
from plandoc.writers.docx.ooxml import borders, tint

CHAR_EM = 0.55  # average advance of a character of running text, generous
FIELDS = {"{page}": ("PAGE", "1"), "{total}": ("NUMPAGES", "1")}


def write_running_heads(ctx, section) -> None:
    """Give `section` its own header and footer."""
    _header(ctx, section.header)
    _footer(ctx, section.footer)


def _header(ctx, header) -> None:
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.style = "Header"
    meta = ctx.meta
    fits = _width_mm(meta.municipality + meta.title, ctx.theme) < ctx.theme.text_width_mm - 15
    p.add_run(meta.municipality + ("\t\t" if fits else " – ") + meta.title)
    borders(p._p.get_or_add_pPr(), "w:pBdr",
            {"bottom": (4, tint(ctx.theme.colors["muted"], 0.5), 4)})


def _footer(ctx, footer) -> None:
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]
    p.style = "Footer"
    status = status_line(ctx.meta)
    past_centre = _width_mm(status, ctx.theme) > ctx.theme.text_width_mm / 2 - 20
    p.add_run(status + ("\t" if past_centre else "\t\t"))   # a long status passes the centre tab
    for piece in split_template(ctx.words["page_of"]):
        if piece in FIELDS:
            add_field(p, *FIELDS[piece])
        elif piece:
            p.add_run(piece)


def _width_mm(text: str, theme) -> float:
    """Rough width of `text` in the header's type size."""
    return len(text) * theme.sizes["small"] * CHAR_EM * 25.4 / 72
