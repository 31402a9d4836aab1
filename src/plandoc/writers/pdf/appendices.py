"""Appendices: the heading 'Vedlegg 1 Kartgrunnlag', drawn as a chapter heading on a new page,
and the list of appendices — a contents of its own that keeps only the appendices' entries, so
each line gets its true page (filled in after the pass, as the contents': later.py)."""

from __future__ import annotations

from plandoc.layout import boxes as b
from plandoc.writers.pdf.contents import Contents_, entry
from plandoc.writers.pdf.context import Ctx
from plandoc.writers.pdf.flowables import role
from plandoc.writers.pdf.grid import padding, style
from plandoc.writers.pdf.markup import esc


def appendix(ctx: Ctx, box: b.AppendixBox) -> None:
    """The appendix heading, as the layout gave it: 'Vedlegg 1' then the title."""
    from plandoc.writers.pdf.walk import heading
    heading(ctx, b.HeadingBox(1, box.label, box.text, box.target, box.toc_text,
                              box.outline_text, box.flow))


class AppendixContents(Contents_):
    """A contents that lists only the given appendices (by target), with their pages."""

    def __init__(self, rows: dict[str, str], **kw) -> None:
        super().__init__(**kw)
        self.rows = rows

    def notify(self, kind, stuff):
        if kind == "TOCEntry" and stuff[3] in self.rows:
            self.addEntry(0, esc(self.rows[stuff[3]]), stuff[2], stuff[3])


def appendix_list(ctx: Ctx, box: b.AppendixListBox) -> None:
    """The list's title (not in the contents), then 'Vedlegg 1 Kartgrunnlag ….. 14'."""
    ctx.add(ctx.para(esc(box.title), "h2", "H2"))
    if not box.entries:
        return
    rows = {e.target: f"{e.label} {e.text}" for e in box.entries}
    toc = AppendixContents(rows, levelStyles=[ctx.look["toc1"]],
                           tableStyle=style(ctx.look.fonts.body, *padding(0, 0, 0, 0)),
                           dotsMinLevel=0)
    toc._entries = [entry(1, text, 0, key) for key, text in rows.items()]
    ctx.add(role(toc, "TOC"))
