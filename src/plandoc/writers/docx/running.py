"""Running header and footer of the body section, from the layout's Running lines.

Header: header_left, a right tab, header_right, over a hairline in the palette's header rule.
Footer: footer_left, a right tab, the page template ('Side {page} av {total}') with {page} and
{total} as real PAGE and NUMPAGES fields.
"""

from __future__ import annotations

import re

from plandoc.layout.boxes import Running
from plandoc.writers.docx.ooxml.fields import add_field
from plandoc.writers.docx.ooxml.paragraphs import rule

FIELDS = {"{page}": "PAGE", "{total}": "NUMPAGES"}
RULE_PT, RULE_SPACE_PT = 0.6, 4


def write_running(ctx, section, running: Running) -> None:
    """Give `section` its own header and footer (page 1 without the header, when the layout
    says so: it has the same footer and an empty header)."""
    header = section.header
    header.is_linked_to_previous = section.footer.is_linked_to_previous = False
    top = header.paragraphs[0]
    top.style = "Header"
    top.add_run(f"{running.header_left}\t{running.header_right}")
    rule(top, "bottom", RULE_PT, ctx.palette.header_rule.hex, RULE_SPACE_PT)
    _footer(section.footer, running)
    if not running.first_header:
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].style = "Header"
        _footer(section.first_page_footer, running)


def _footer(footer, running: Running) -> None:
    foot = footer.paragraphs[0]
    foot.style = "Footer"
    foot.add_run(f"{running.footer_left}\t")
    for piece in split_template(running.page):
        if piece in FIELDS:
            add_field(foot, FIELDS[piece], "1")
        elif piece:
            foot.add_run(piece)


def split_template(template: str) -> list[str]:
    """'Side {page} av {total}' → ['Side ', '{page}', ' av ', '{total}', '']."""
    return re.split(r"(\{page\}|\{total\})", template)
