"""Appendices: the heading 'Vedlegg 1 Kartgrunnlag', drawn as a chapter heading (Heading 1, so
Word's TOC field lists it) on a new page, and the list of appendices — each entry a link to its
appendix's bookmark, a dot leader and a PAGEREF field to the bookmark: Word and LibreOffice fill
in the page when they update fields (the cached result is empty, as Word knows the page only
once it lays the file out — unless --toc-pages had LibreOffice find it: ctx.pages).
"""

from __future__ import annotations

from plandoc.layout.boxes import AppendixBox, AppendixListBox, HeadingBox
from plandoc.writers.docx.context import Context
from plandoc.writers.docx.ooxml.fields import add_field, add_tab
from plandoc.writers.docx.ooxml.links import add_hyperlink
from plandoc.writers.docx.ooxml.paragraphs import add_run


def appendix(ctx: Context, box: AppendixBox) -> None:
    """The appendix heading, as the layout gave it: 'Vedlegg 1' then the title."""
    from plandoc.writers.docx.walk import heading
    heading(ctx, HeadingBox(1, box.label, box.text, box.target, box.toc_text, box.outline_text,
                            box.flow))


def appendix_list(ctx: Context, box: AppendixListBox) -> None:
    """The list's title (not in the contents), then 'Vedlegg 1 Kartgrunnlag ….. 14' per
    appendix: the text linked to the appendix, the page a PAGEREF field after the style's
    dot-leader tab."""
    add_run(ctx.heading("Heading 2 No TOC"), box.title)
    for entry in box.entries:
        p = ctx.paragraph("Appendix List")
        add_hyperlink(p, f"{entry.label} {entry.text}", anchor=entry.target, style=None)
        add_tab(p)
        page = ctx.pages.get(entry.target) if ctx.pages else None
        add_field(p, f"PAGEREF {entry.target} \\h", str(page or ""))
