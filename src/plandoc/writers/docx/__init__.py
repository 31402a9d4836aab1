"""DOCX writer: a plandoc.layout.Layout → a Word file with real styles, fields and sections.

    write_docx(layout, charts, out)

It draws what the layout decided and decides nothing a reader would see differ from the PDF.
Order of the file: the cover (a section of its own without header or footer), then the body
section with the running header and footer: the table of contents, then the blocks.

Modules: package (template, page setup, properties, stable save), styles / tablestyles /
numbering (the layout's text styles, colours and list styles → Word's), outline (the numbers of
headings, goals and strategies as Word's own multilevel lists), cover, running, marks
(watermark, line numbers), contents, walk (WRITERS: one handler per box kind) and the block
modules it dispatches to, context, inline, captions, grid; ooxml/ is the only place that
touches raw XML or python-docx internals.
"""

from __future__ import annotations

from pathlib import Path

from plandoc.writers.docx import package
from plandoc.writers.docx.contents import write_contents
from plandoc.writers.docx.context import Context
from plandoc.writers.docx.cover import write_cover, write_masthead
from plandoc.writers.docx.marks import mark_draft
from plandoc.writers.docx.numbering import Numbering
from plandoc.writers.docx.outline import Outline
from plandoc.writers.docx.ooxml.package import memoise_style_ids
from plandoc.writers.docx.ooxml.settings import hyphenate, theme_font_language
from plandoc.writers.docx.running import write_running
from plandoc.writers.docx.styles import LANGUAGE_TAGS, define_styles
from plandoc.writers.docx.walk import write_blocks

__all__ = ["write_docx"]


def write_docx(layout, charts, out: Path) -> None:
    """Write `layout` as a .docx at `out` (charts: a plandoc.charts.ChartRenderer)."""
    theme = layout.theme
    word = package.open_document(theme.word_template)
    package.page_setup(word.sections[0], theme.page)
    ctx = Context(word, layout, charts, Numbering(word, layout))
    ctx.outline = Outline(word, layout, ctx.looks)
    define_styles(word, layout, ctx.numbering)
    memoise_style_ids(word)
    theme_font_language(word, LANGUAGE_TAGS[layout.meta.language])
    if theme.typography.hyphenate:
        hyphenate(word)
    if layout.cover is not None:
        write_cover(ctx, layout.cover)
    write_running(ctx, word.sections[-1], layout.running)
    mark_draft(ctx)
    if layout.masthead is not None:
        write_masthead(ctx, layout.masthead)
    if layout.contents is not None:
        write_contents(ctx, layout.contents)
    write_blocks(ctx, layout.blocks)
    package.core_properties(word, layout.meta)
    package.save(word, Path(out))
