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

from plandoc.errors import note
from plandoc.layout.boxes import AppendixListBox
from plandoc.writers.docx import package
from plandoc.writers.docx.contents import write_contents
from plandoc.writers.docx.context import Context
from plandoc.writers.docx.cover import write_cover, write_masthead
from plandoc.writers.docx.fonts import embed_style_fonts
from plandoc.writers.docx.marks import mark_draft
from plandoc.writers.docx.numbering import Numbering
from plandoc.writers.docx.outline import Outline
from plandoc.writers.docx.pagefill import rendered_pages, soffice
from plandoc.writers.docx.ooxml.package import resolve_styles
from plandoc.writers.docx.ooxml.settings import hyphenate, theme_font_language, word_2013_mode
from plandoc.writers.docx.running import write_running
from plandoc.writers.docx.styles import LANGUAGE_TAGS, define_styles
from plandoc.writers.docx.walk import write_blocks

__all__ = ["write_docx"]

PLACEHOLDER, ROUNDS = 10, 3    # a first guess of two digits; renderings at most
WORD_FILLS = ("the contents' page numbers are filled in when Word updates the fields "
              "(plandoc build --toc-pages fills them in with LibreOffice)")
NO_SOFFICE = ("--toc-pages: LibreOffice (soffice) was not found, so the contents' page numbers "
              "are filled in when Word updates the fields — install LibreOffice to have them "
              "in the file")
NOT_RENDERED = ("--toc-pages: LibreOffice could not render the DOCX, so the contents' page "
                "numbers are filled in when Word updates the fields")


def write_docx(layout, charts, out: Path, toc_pages: bool = False) -> None:
    """Write `layout` as a .docx at `out` (charts: a plandoc.charts.ChartRenderer);
    `toc_pages`: give the contents page numbers where LibreOffice is installed (pagefill)."""
    if layout.contents is None:
        _write(layout, charts, Path(out))
    elif toc_pages and soffice():
        _write_with_pages(layout, charts, Path(out))
    else:
        _write(layout, charts, Path(out))
        note(NO_SOFFICE if toc_pages else WORD_FILLS)


def _write_with_pages(layout, charts, out: Path) -> None:
    """Write, let LibreOffice find the headings' pages, write again with them; once more when
    a number's width changed (a longer number may push an entry onto a second line)."""
    targets = [entry.target for entry in layout.contents.entries] + [
        entry.target for box in layout.blocks if isinstance(box, AppendixListBox)
        for entry in box.entries]
    pages = dict.fromkeys(targets, PLACEHOLDER)
    for _ in range(ROUNDS):
        _write(layout, charts, out, pages)
        found = rendered_pages(out, targets)
        if found is None:
            _write(layout, charts, out)
            note(NOT_RENDERED)
            return
        if found == pages:
            return
        same_widths = all(len(str(found[t])) == len(str(pages[t])) for t in targets)
        pages = found
        if same_widths:
            break
    _write(layout, charts, out, pages)


def _write(layout, charts, out: Path, pages: dict | None = None) -> None:
    """One writing of the whole file; `pages`: the contents' page numbers, or None."""
    theme = layout.theme
    word = package.open_document(theme.word_template)
    package.page_setup(word.sections[0], theme.page)
    ctx = Context(word, layout, charts, Numbering(word, layout), pages=pages)
    ctx.outline = Outline(word, layout, ctx.looks)
    resolve_styles(word, define_styles(word, layout, ctx.numbering))
    theme_font_language(word, LANGUAGE_TAGS[layout.meta.language])
    word_2013_mode(word)
    if theme.typography.hyphenate:
        hyphenate(word)
    if layout.cover is not None:
        write_cover(ctx, layout.cover)
    write_running(ctx, word.sections[-1], layout.running)
    mark_draft(ctx)
    if layout.masthead is not None:
        write_masthead(ctx, layout.masthead)
    if layout.contents is not None:
        write_contents(ctx, layout.contents, pages)
    write_blocks(ctx, layout.blocks)
    _finish(word, layout, charts, out)


def _finish(word, layout, charts, out: Path) -> None:
    """Properties (the style's name among them, for `plandoc import`), fonts, the file."""
    package.core_properties(word, layout.meta)
    package.style_property(word, layout.meta)
    embed_style_fonts(word, layout.theme, charts.cache_dir.parent / "fontsubsets"
                      if charts.cache_dir else None)
    package.save(word, out)
