"""HTML writer: a laid-out document (plandoc.layout.Layout) → an accessible, self-contained web
edition for the municipality's website.

    pages(layout, charts) -> [(file name, markup)]     'index.html', then a page per chapter
    write_html(layout, charts, out, page="index.html")

One page, or — where the style says `web: {chapters: true}` and the document has a cover — a
front page (cover, contents, what precedes the first chapter) and a page per chapter, each with
links to the previous and next.  Semantic HTML5 (one h1 per page, headings in order, nav, main,
sections, real lists and tables), charts as inline SVG with their numbers as a table, the
style's colours and fonts, and no scripts or outside requests: the stylesheet, images and fonts
are inside each page.  Modules: markup (the one place that writes tags; spans), context, walk
(WRITERS: one handler per box kind) with figures, panels and parts, page (head, cover or
letterhead, contents, the pager), links (in-page links across pages), css and fonts.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

__all__ = ["pages", "write_html"]

_made: dict = {}        # the pages of the layout being written: {id(layout): (layout, pages)}


def write_html(layout, charts, out: Path, page: str = "index.html") -> None:
    """Write the page named `page` of `layout`'s web edition at `out`."""
    Path(out).write_bytes(dict(pages(layout, charts))[page].encode("utf-8"))


def pages(layout, charts) -> list[tuple[str, str]]:
    """Every page of the web edition, the front page first (made once per layout)."""
    made = _made.get(id(layout))
    if made is None or made[0] is not layout:
        _made.clear()
        made = _made[id(layout)] = (layout, _render(layout, charts))
    return made[1]


def split(layout) -> bool:
    """Whether the web edition is a page per chapter: the style asks, the document has a
    cover (a plan; a case paper or an invitation is one page)."""
    return layout.theme.web_chapters and layout.cover is not None


def _render(layout, charts) -> list[tuple[str, str]]:
    from plandoc.writers.html import page
    from plandoc.writers.html.context import Ctx
    from plandoc.writers.html.css import stylesheet
    from plandoc.writers.html.fonts import font_faces
    from plandoc.writers.html.links import across_pages, file_names
    from plandoc.writers.html.walk import write_blocks

    ctx = Ctx(layout, charts, split=split(layout))
    write_blocks(ctx, layout.blocks)
    ctx.close_section()
    names = file_names(ctx.chunks)
    bodies = [page.body(ctx, i, names) for i in range(len(ctx.chunks))]
    bodies = across_pages(bodies, names)
    cache = charts.cache_dir.parent / "fontsubsets" if charts.cache_dir else None
    css = stylesheet(layout, font_faces(layout.theme, _text("".join(bodies)), cache))
    return [(name, page.document(ctx, css, body, chunk.title))
            for name, body, chunk in zip(names, bodies, ctx.chunks)]


def _text(markup: str) -> str:
    """The characters a reader sees: text and attribute values (list labels), not data."""
    markup = re.sub(r'data:[^"\')]+', "", markup)
    return html.unescape(re.sub(r"[<>]", " ", markup))
