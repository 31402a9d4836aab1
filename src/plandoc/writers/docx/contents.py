"""The table of contents: a real TOC field whose cached result already lists the layout's entries.

Each entry is a 'toc N' paragraph whose text links to its heading's bookmark.  Page numbers are
not known while writing: given them (`pages`, found by LibreOffice, plandoc.writers.docx.pagefill)
each entry ends in a tab to the style's dot-leader stop and a PAGEREF field with its number, and
the file opens as it is.  Without them the entries carry none, and Word rebuilds the field with
page numbers when it opens the file (settings.xml asks it to).
"""

from __future__ import annotations

from plandoc.layout.boxes import Contents
from plandoc.writers.docx.context import Context
from plandoc.writers.docx.ooxml.fields import add_field, add_tab, begin_field, end_field
from plandoc.writers.docx.ooxml.links import add_hyperlink, extend_link
from plandoc.writers.docx.ooxml.settings import update_fields_on_open

TOC_STYLES = 3


def toc_instruction(levels: int) -> str:
    """Styles of outline levels 1 to `levels`, as hyperlinks, no page numbers on the web.

    No \\u: it would list paragraphs by their own outline level too, and a heading the contents
    leaves out carries its level on the paragraph (Context.heading)."""
    return f'TOC \\o "1-{levels}" \\h \\z'


def write_contents(ctx: Context, contents: Contents, pages: dict | None = None) -> None:
    """The title (itself not listed), the field with its entries, then a page break;
    `pages`: bookmark → page number of every entry, or None."""
    ctx.paragraph("TOC Heading", contents.title)
    last = len(contents.entries) - 1
    for i, entry in enumerate(contents.entries):
        p = ctx.paragraph(f"toc {min(entry.level, TOC_STYLES)}")
        if i == 0:
            begin_field(p, toc_instruction(contents.levels), dirty=pages is None)
        add_hyperlink(p, entry.text, anchor=entry.target, style=None)
        if pages is not None:
            add_tab(p)
            add_field(p, f"PAGEREF {entry.target} \\h", str(pages[entry.target]))
            extend_link(p)
        if i == last:
            end_field(p)
    if pages is None:
        update_fields_on_open(ctx.word)
    ctx.break_pending = True
