"""Headings and their numbers: chapters 1, 2 …, sections 1.1 …, subsections 1.1.1 …

In an appendix (reader/case.py) sections are numbered under the appendix: 'V1.1', 'V1.1.1'
('A1.1' in English), or 'A.1' when the appendices are lettered.

Focus areas count as chapters and are always numbered; plain chapters are numbered unless the
document says `number_chapters: false` or the chapter says `numbered: false`.
"""

from __future__ import annotations

from plandoc.model import Heading, Inline
from plandoc.reader.context import Ctx


def make_heading(ctx: Ctx, level: int, text: Inline, numbered: bool | None = None,
                 in_toc: bool = True, kind: str = "chapter", ident: str = "") -> Heading:
    """A heading at `level` with the next number (or none); `ident` is the author's `id:`."""
    c = ctx.counters
    if level == 1:
        c.chapter_numbered = ctx.number_chapters if numbered is None else numbered
        c.section = c.subsection = 0
        if c.chapter_numbered:
            c.chapter += 1
        number = str(c.chapter) if c.chapter_numbered else None
    elif level == 2:
        c.section += 1
        c.subsection = 0
        number = f"{c.prefix or c.chapter}.{c.section}" \
            if c.chapter_numbered and numbered is not False else None
    else:
        c.subsection += 1
        number = f"{c.prefix or c.chapter}.{c.section}.{c.subsection}" \
            if c.chapter_numbered and numbered is not False else None
    return Heading(level, text, number, ctx.next_anchor(), in_toc, kind, ident)


def after_appendix(ctx: Ctx, line: int | None, what: str, title: Inline, file=None) -> bool:
    """A chapter (or part, focus area) once an appendix has begun is a problem at its line."""
    if not ctx.counters.appendix:
        return False
    from plandoc.model import plain
    ctx.problem(line, f"appendices come after the main text — move {what} '{plain(title)}' "
                "before the first appendix", file)
    return True
