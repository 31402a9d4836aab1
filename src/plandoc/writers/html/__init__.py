"""HTML writer: a laid-out document (plandoc.layout.Layout) → one accessible, self-contained web
page for the municipality's website.

    write_html(layout, charts, out)

Semantic HTML5 (one h1, headings in order, nav, main, sections, real lists and tables), charts
as inline SVG with their numbers as a table, the style's colours and fonts, and no scripts or
outside requests: the stylesheet, images and fonts are inside the file.  Modules: markup (the
one place that writes tags; spans), context, walk (WRITERS: one handler per box kind) with
figures, panels and parts, page (head, cover or letterhead, contents), css and fonts.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

__all__ = ["write_html"]


def write_html(layout, charts, out: Path) -> None:
    """Write `layout` as a web page at `out` (charts: a plandoc.charts.ChartRenderer)."""
    Path(out).write_bytes(render(layout, charts).encode("utf-8"))


def render(layout, charts) -> str:
    """The page's markup."""
    from plandoc.writers.html import page
    from plandoc.writers.html.context import Ctx
    from plandoc.writers.html.css import stylesheet
    from plandoc.writers.html.fonts import font_faces
    from plandoc.writers.html.walk import write_blocks

    ctx = Ctx(layout, charts)
    write_blocks(ctx, layout.blocks)
    ctx.close_section()
    main = "<main id=\"main\">" + "".join(ctx.parts) + ctx.notes.markup() + "</main>"
    body = page.top(ctx) + page.contents(ctx) + main + page.footer(ctx)
    cache = charts.cache_dir.parent / "webfonts" if charts.cache_dir else None
    faces = font_faces(layout.theme, _text(body), cache)
    return page.document(ctx, stylesheet(layout, faces), body)


def _text(markup: str) -> str:
    """The characters a reader sees: text and attribute values (list labels), not data."""
    markup = re.sub(r'data:[^"\')]+', "", markup)
    return html.unescape(re.sub(r"[<>]", " ", markup))
