"""What every block writer needs: the Word document, the layout, charts, lists, a pending break.

Block writers add body content only through `Context.paragraph` and `Context.table`, so a page
break the layout asked for lands on whatever comes next as 'page break before' — no empty
paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from plandoc.layout.styles import text_styles
from plandoc.writers.docx.captions import caption_numbers
from plandoc.writers.docx.inline import Targets
from plandoc.writers.docx.outline import Placed
from plandoc.writers.docx.ooxml.paragraphs import new_paragraph, outline
from plandoc.writers.docx.ooxml.tables import fixed_widths, new_table, table_look
from plandoc.writers.docx.tablestyles import INDENTS


NOT_PLACED = Placed(None)


@dataclass
class Context:
    """State of one DOCX being written."""

    word: object                 # the python-docx Document
    layout: object               # plandoc.layout.Layout
    charts: object               # plandoc.charts.ChartRenderer
    numbering: object            # plandoc.writers.docx.numbering.Numbering
    outline: object = None       # plandoc.writers.docx.outline.Outline: Word-counted numbers
    break_pending: bool = False
    next_bookmark: int = 1
    spaced: bool = False         # the last thing written is a Spacer
    pages: dict | None = None    # bookmark → page, found by LibreOffice (--toc-pages), or None
    sequences: dict = field(default_factory=dict)   # SEQ identifier → Word's count so far

    @property
    def palette(self):
        return self.layout.palette

    @cached_property
    def targets(self) -> dict:
        """The layout's targets, and the numbers Word shows at them (for REF fields):
        headings and unlabelled goals it numbers ('\\n': the paragraph's number, whose level
        text names every level above it),
        captions' SEQ numbers (the bookmarked number itself)."""
        numbers = {k: (v, "\\n \\h") for k, v in self.outline.numbers.items()}
        numbers |= {k: (v, "\\h") for k, v in caption_numbers(self.layout.blocks).items()}
        return Targets(self.layout.targets, numbers)

    @cached_property
    def looks(self) -> dict:
        """The layout's text styles, by name."""
        return text_styles(self.layout.theme)

    @property
    def width_mm(self) -> float:
        """Width of the text block."""
        return self.layout.theme.page.text_width_mm

    def paragraph(self, style: str, text: str | None = None):
        """A new body paragraph in `style`; it takes a pending page break."""
        p = new_paragraph(self.word, style, text)
        self.spaced = style == "Spacer"
        if self.break_pending:
            p.paragraph_format.page_break_before = True
            self.break_pending = False
        return p

    def heading(self, style: str):
        """A heading paragraph in `style`.  A 'No TOC' twin's style has no outline level (the
        TOC field's \\o reads the styles' levels), so the paragraph states its own: the
        navigation pane and screen readers see heading N, and no level is skipped."""
        p = self.paragraph(style)
        if style.endswith(" No TOC"):
            outline(p, int(style.split()[1]) - 1)
        return p

    def table(self, rows: int, cols: int, style: str, widths_mm):
        """A new body table of fixed column widths; a pending page break goes before it.  A
        'Layout Table' is marked as layout (no header row), for screen readers and Word's
        accessibility checker; a data table says its header row itself (tables.py)."""
        if self.break_pending:
            self.paragraph("Spacer")
        table = new_table(self.word, rows, cols, sum(widths_mm))
        self.spaced = False
        table.style = style
        table.autofit = False
        fixed_widths(table, widths_mm, INDENTS.get(style, 0))
        table_look(table, first_row=False)
        return table

    def spacer(self) -> None:
        """A small gap after a table, which also keeps the next table from merging with it."""
        self.paragraph("Spacer")

    def gap(self) -> None:
        """A small gap before a panel, unless one is there already or a page break comes."""
        if not (self.spaced or self.break_pending):
            self.paragraph("Spacer")

    def placed(self, box):
        """Where Word numbers `box` (outline.Placed; nothing numbered for a box not planned)."""
        return self.outline.placed.get(id(box), NOT_PLACED)

    def counts_to(self, sequence: str, number: str) -> bool:
        """Whether Word's next SEQ field of `sequence` ('Figur') shows `number` (then it is
        counted)."""
        if str(self.sequences.get(sequence, 0) + 1) != number:
            return False
        self.sequences[sequence] = int(number)
        return True

    def bookmark_id(self) -> int:
        """A fresh w:id for a bookmark."""
        self.next_bookmark += 1
        return self.next_bookmark - 1


def even_widths(total_mm: float, n: int) -> list[float]:
    """`n` equal columns across `total_mm`."""
    return [total_mm / n] * n

