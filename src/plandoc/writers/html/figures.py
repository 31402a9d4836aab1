"""Charts, images and data tables on the web page.

A chart is inline SVG (text as outlines) named by the block's alt text (role img), with the
numbers it shows as a real table beside it, collapsed under a summary; its caption and source
under it.  An image is embedded as a data address with its alt text (empty for a decorative
one), the photographer's credit under it, then the caption.  A data table has its caption,
header cells with scope, group rows as header cells across the table, and the layout's column
alignment; a table wider than a phone scrolls inside its own focusable region.
"""

from __future__ import annotations

import base64
import mimetypes
import re

from plandoc import svg
from plandoc.layout import boxes as b
from plandoc.writers.html.markup import el, esc, plain, spans, txt

ALIGN = {"right": "num", "decimal": "num", "centre": "centre"}


def caption_lines(ctx, caption: b.Caption | None, source: str | None) -> str:
    """A figure's caption and source line, as the layout wrote them ('' for neither)."""
    out = el("span", caption_markup(ctx, caption), cls="caption", id=caption.target or None) \
        if caption else ""
    return out + (el("span", txt(source), cls="source") if source else "")


def caption_markup(ctx, caption: b.Caption) -> str:
    lead = el("span", txt(caption.lead.rstrip()), cls="lead") + " " if caption.lead else ""
    return lead + spans(ctx, caption.text)


def chart(ctx, box: b.ChartBox) -> None:
    """The SVG, the data table under its summary, then caption and source."""
    key = ctx.next_id("chart")
    svg = named_svg(ctx.charts.svg(box.chart, (box.width_mm, box.height_mm)), key, box.alt)
    data = ""
    if box.data is not None:
        summary = el("summary", txt(ctx.words["chart_data"]))
        data = el("details", summary + table_markup(ctx, box.data), cls="chart-data",
                  data_furniture=True)
    under = caption_lines(ctx, box.caption, box.source)
    ctx.add(el("figure", el("div", svg, cls="chart") + data + el("figcaption", under),
               cls="figure"))


def named_svg(svg: bytes, key: str, alt: str) -> str:
    """matplotlib's SVG as inline markup: no XML prolog, ids made unique to this chart, scaled
    to its container, an image named by `alt`."""
    text = svg.decode("utf-8")
    text = text[text.index("<svg"):]
    text = re.sub(r'\bid="([^"]+)"', rf'id="{key}-\1"', text)
    text = re.sub(r'(href="#|url\(#)([^")]+)', rf"\1{key}-\2", text)
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.S)
    text = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"',
                  rf'<svg \1role="img" aria-label="{esc(plain(alt))}" focusable="false"', text, count=1)
    return text.strip()


def image(ctx, box: b.ImageBox) -> None:
    """The picture (alt text, or empty alt for ornament), the credit, the caption."""
    img = f'<img src="{data_address(box.path)}" alt="{esc(plain(box.alt))}">'
    credit = el("p", txt(box.credit), cls="credit") if box.credit else ""
    caption = el("figcaption", caption_lines(ctx, box.caption, None)) if box.caption else ""
    ctx.add(el("figure", img + credit + caption, cls="figure image",
               style=f"max-width:{box.width_mm:.0f}mm"))


def data_address(path) -> str:
    """A file as a data: address, so the page needs no other file.  An SVG (checked: no
    script, nothing outside it) stays a drawing; in an <img> a browser would run or fetch
    nothing of it anyway."""
    kind = "image/svg+xml" if svg.is_svg(path) else \
        mimetypes.guess_type(str(path))[0] or "application/octet-stream"
    return f"data:{kind};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def table(ctx, box: b.TableBox) -> None:
    """The headings that go with a landscape table, then the table."""
    if box.headings:
        from plandoc.writers.html.walk import write_blocks
        write_blocks(ctx, box.headings)
    ctx.add(table_markup(ctx, box))


def table_markup(ctx, box: b.TableBox) -> str:
    """caption, thead with the header row, tbody with body and group rows; in a region that
    scrolls sideways on a narrow screen."""
    key = ctx.next_id("table")
    caption = el("caption", caption_markup(ctx, box.caption), id=box.caption.target or None) \
        if box.caption else ""
    head = el("thead", el("tr", _cells(ctx, box.header, box.align, "th"))) if box.header else ""
    body = el("tbody", "".join(_row(ctx, box, row) for row in box.rows))
    cls = "data" + (" total" if box.total else "")
    markup = el("table", caption + head + body, cls=cls, id=key)
    label = box.caption.title if box.caption else ctx.words["table"]
    return el("div", markup, cls="table-wrap", tabindex="0", role="region", aria_label=plain(label))


def _row(ctx, box: b.TableBox, row) -> str:
    if isinstance(row, b.GroupRow):
        return el("tr", el("th", spans(ctx, row.text), colspan=len(box.widths),
                           scope="colgroup", style=f"background:{row.fill.hex}"), cls="group")
    return el("tr", _cells(ctx, row, box.align, "td"))


def _cells(ctx, cells, align, tag: str) -> str:
    align = align or ("left",) * len(cells)
    scope = "col" if tag == "th" else None
    return "".join(el(tag, spans(ctx, cell), scope=scope, cls=ALIGN.get(where))
                   for cell, where in zip(cells, align))
