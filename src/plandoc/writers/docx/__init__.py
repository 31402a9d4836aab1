"""DOCX writer: the document model + theme → a Word file with real styles, fields and sections.

    write_docx(doc, theme, charts, out)

Order of the package: cover (section 1, no header/footer), then section 2 with the running
header/footer: table of contents, then the body blocks.  See package.py (template, properties,
save), styles.py (theme → Word styles), walk.py (one function per block kind).
"""

from __future__ import annotations

from pathlib import Path

from plandoc.layout.front import front_blocks, has_cover
from plandoc.labels import watermark
from plandoc.model import Document
from plandoc.writers.docx import package
from plandoc.writers.docx.context import Context
from plandoc.writers.docx.cover import write_cover
from plandoc.writers.docx.fonts import family_name
from plandoc.writers.docx.numbering import Numbering
from plandoc.writers.docx.running import write_running_heads
from plandoc.writers.docx.styles import apply_styles
from plandoc.writers.docx.toc import write_toc
from plandoc.writers.docx.walk import write_blocks
from plandoc.writers.docx.draftmarks import add_watermark, number_lines, suppress_line_numbers

__all__ = ["write_docx"]


def write_docx(doc: Document, theme, charts, out: Path) -> None:
    """Write `doc` in `theme` as a .docx at `out` (charts: a plandoc.charts.ChartRenderer)."""
    word = package.open_document(theme.word_template)
    package.page_setup(word.sections[0], theme)
    numbering = Numbering(word, theme, family_name(theme.symbol_font, theme.body_font.family))
    apply_styles(word, theme, numbering, doc.meta.language, restyle=theme.word_template is None)
    package.cache_style_ids(word)
    blocks = front_blocks(doc.meta) + doc.blocks
    ctx = Context.create(word, theme, charts, doc, numbering, blocks)
    if has_cover(doc.meta):
        write_cover(ctx)
    write_running_heads(ctx, word.sections[-1])
    mark_draft(ctx, word.sections)
    if doc.meta.toc:
        write_toc(ctx)
    write_blocks(ctx, blocks)
    package.core_properties(word, doc.meta)
    package.app_properties(word, doc.meta)
    package.save(word, Path(out))


def mark_draft(ctx, sections) -> None:
    """The watermark of a draft in every section's header; line numbers in the body section."""
    text = watermark(ctx.meta)
    if text:
        for n, section in enumerate(sections):
            if section.header.is_linked_to_previous:   # the cover: a header with no text
                section.header.is_linked_to_previous = False
            add_watermark(section.header, text, ctx.theme.heading_font.family,
                          ctx.theme.text_width_mm, n + 1)
    if ctx.meta.line_numbers:
        number_lines(sections[-1])
        suppress_line_numbers(ctx.doc, cover=has_cover(ctx.meta))
