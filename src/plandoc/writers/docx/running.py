"""Running header and footer of the body section, from the layout's Running lines.

Header: header_left, a tab to a right stop at the text block's edge (a landscape section's
wider), header_right, over a hairline in the palette's header rule.
Footer: footer_left, the same tab, the page template ('Side {page} av {total}') with {page} and
{total} as real PAGE and NUMPAGES fields.
"""

from __future__ import annotations

import re

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Mm

from plandoc.layout.boxes import Running
from plandoc.writers.docx.ooxml.fields import add_field
from plandoc.writers.docx.ooxml.paragraphs import add_run, rule
from plandoc.writers.docx.ooxml.sections import drop_headers_of
from plandoc.writers.docx.ooxml.watermark import add_watermark

FIELDS = {"{page}": "PAGE", "{total}": "NUMPAGES"}
RULE_PT, RULE_SPACE_PT = 0.6, 4


def write_running(ctx, section, running: Running, wide_mm: float | None = None) -> None:
    """Give `section` its own header and footer; `wide_mm`: the text width of a landscape
    section, where the right-hand text moves out to its right margin.  A portrait section's
    first page has no header when the layout says so (it keeps the footer)."""
    header, footer = section.header, section.footer
    header.is_linked_to_previous = footer.is_linked_to_previous = False
    _right_stop(header.paragraphs[0], ctx.width_mm, wide_mm)
    _right_stop(footer.paragraphs[0], ctx.width_mm, wide_mm)
    top = header.paragraphs[0]
    top.style = "Header"
    add_run(top, running.header_left)
    right_tab(top)
    add_run(top, running.header_right)
    rule(top, "bottom", RULE_PT, ctx.palette.header_rule.hex, RULE_SPACE_PT)
    _footer(section.footer, running)
    if not running.first_header and wide_mm is None:
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].style = "Header"
        _right_stop(section.first_page_footer.paragraphs[0], ctx.width_mm, None)
        _footer(section.first_page_footer, running)


def _right_stop(paragraph, width_mm: float, wide_mm: float | None) -> None:
    """A right-aligned tab stop at the right edge of the text block on the paragraph itself
    (a template's Header style may set others); a landscape section's replaces the portrait's."""
    stops = paragraph.paragraph_format.tab_stops
    if wide_mm is not None:
        stops.add_tab_stop(Mm(width_mm), WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(Mm(wide_mm or width_mm), WD_TAB_ALIGNMENT.RIGHT)


def _footer(footer, running: Running) -> None:
    foot = footer.paragraphs[0]
    foot.style = "Footer"
    add_run(foot, running.footer_left)
    right_tab(foot)
    for piece in split_template(running.page):
        if piece in FIELDS:
            add_field(foot, FIELDS[piece], "1")
        elif piece:
            add_run(foot, piece)


def right_tab(paragraph) -> None:
    """A tab to the paragraph's right stop at the edge of the text block (_right_stop).  Not
    Word's positional tab (w:ptab): LibreOffice ignores it and runs the two texts together."""
    paragraph.add_run().add_tab()


def split_template(template: str) -> list[str]:
    """'Side {page} av {total}' → ['Side ', '{page}', ' av ', '{total}', '']."""
    return re.split(r"(\{page\}|\{total\})", template)


def turned_running(ctx, section) -> None:
    """A landscape section's own header and footer (and draft watermark), as the others but
    reaching across its wider text block."""
    drop_headers_of(section)
    write_running(ctx, section, ctx.layout.running, ctx.layout.theme.page.landscape_width_mm)
    if ctx.layout.watermark:
        add_watermark(section.header, ctx.layout.watermark, ctx.layout.theme.fonts.heading.family,
                      ctx.width_mm, ctx.layout.palette.watermark.hex,   # fits the page's height
                      len(ctx.word.sections) + 100)
