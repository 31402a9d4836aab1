"""What every block writer needs: the document, theme, labels, lists, bookmarks, a pending break.

Block writers add body content only through `Context.paragraph` and `Context.table`, so a page
break asked for by a PageBreak block (or after the table of contents) lands on whatever comes
next as `pageBreakBefore` — no empty paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.enum.text import WD_BREAK

from plandoc.labels import labels
from plandoc.layout.front import part_heading
from plandoc.model import Heading, PartTitle, plain
from plandoc.writers.docx.ooxml import table_width
from plandoc.writers.docx.tablestyles import INDENTS

TOC_LEVELS = 3


@dataclass
class Context:
    """State of one DOCX being written."""

    doc: object
    theme: object
    charts: object
    meta: object
    numbering: object
    words: dict = field(default_factory=dict)
    bookmarks: dict = field(default_factory=dict)  # id(Heading) → bookmark name
    anchors: dict = field(default_factory=dict)  # Heading.anchor → bookmark name
    toc: list = field(default_factory=list)  # (Heading, bookmark name) in order
    break_pending: bool = False
    next_bookmark_id: int = 1

    @classmethod
    def create(cls, doc, theme, charts, document, numbering, blocks=None) -> "Context":
        ctx = cls(doc, theme, charts, document.meta, numbering,
                  words=labels(document.meta.language))
        for i, block in enumerate(document.blocks if blocks is None else blocks):
            if isinstance(block, Heading):
                ctx._register(block, i)
            elif isinstance(block, PartTitle):      # a part's title page: a chapter-level entry
                ctx._register(part_heading(block), i, key=id(block))
        return ctx

    def _register(self, heading: Heading, index: int, key: int | None = None) -> None:
        name = f"_Toc{index + 1:05d}"
        self.bookmarks[id(heading) if key is None else key] = name
        if heading.anchor:
            self.anchors[heading.anchor] = name
        if heading.in_toc and heading.level <= TOC_LEVELS:
            self.toc.append((heading, name))

    @property
    def text_width_mm(self) -> float:
        return self.theme.text_width_mm

    def paragraph(self, style: str, text: str | None = None):
        """A new body paragraph in `style`; takes a pending page break."""
        p = self.doc.add_paragraph(text, style=style)
        if self.break_pending:
            p.paragraph_format.page_break_before = True
            self.break_pending = False
        return p

    def table(self, rows: int, cols: int, style: str, widths_mm: list[float]):
        """A new body table of fixed column widths; a pending page break goes before it."""
        if self.break_pending:
            self.doc.add_paragraph(style="Spacer").add_run().add_break(WD_BREAK.PAGE)
            self.break_pending = False
        table = self.doc.add_table(rows=rows, cols=cols)
        table.style = style
        table.autofit = False
        table_width(table, widths_mm, INDENTS.get(style, 0))
        return table

    def spacer(self) -> None:
        """A small gap after a table (and a separator so two tables never merge)."""
        self.paragraph("Spacer")

    def bookmark_id(self) -> int:
        self.next_bookmark_id += 1
        return self.next_bookmark_id - 1


def heading_text(heading: Heading) -> str:
    """'1 Slagkraft for næringsutvikling' — the number, a space and the title."""
    title = plain(heading.text)
    return f"{heading.number} {title}" if heading.number else title


def split_template(template: str) -> list[str]:
    """'Side {page} av {total}' → ['Side ', '{page}', ' av ', '{total}', '']."""
    return re.split(r"(\{page\}|\{total\})", template)
