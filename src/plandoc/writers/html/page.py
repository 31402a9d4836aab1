"""The web page around the blocks: head, skip link, the cover or letterhead, the contents, main.

Order as in the PDF and DOCX: the cover's lines (the title is the page's one h1) or the
letterhead, then the contents as a `nav` of nested lists linking to the headings, then `main`
with the blocks and, at its end, the footnotes.  The draft marking ('HØRINGSUTKAST') is a line
of text at the top, and the skip link the first thing a keyboard reaches; both are marked
data-furniture, as the page's footer, for what the PDF draws as page furniture.
"""

from __future__ import annotations

from plandoc.layout import boxes as b
from plandoc.writers.html.figures import data_address
from plandoc.writers.html.markup import el, esc, plain, txt

LANG = {"nb": "nb", "nn": "nn", "en": "en"}


def document(ctx, css: str, body: str, chapter: str = "") -> str:
    """The whole page; `chapter`: the chapter's title on a chapter's own page."""
    meta = ctx.layout.meta
    title = " – ".join(x for x in (chapter, meta.title, meta.municipality) if x)
    head = ('<meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            + el("title", esc(plain(title)))
            + '<meta name="generator" content="plandoc">' + el("style", css))
    return ("<!DOCTYPE html>\n" + f'<html lang="{LANG[meta.language]}">'
            + el("head", head) + el("body", body) + "</html>\n")


def body(ctx, n: int, names: list[str]) -> str:
    """The body of page `n` of the edition: the front page (`n` 0) with the cover and the
    contents, a chapter's page with a line back to the front page; the pager when split."""
    chunk = ctx.chunks[n]
    main = el("main", "".join(chunk.parts) + chunk.notes.markup(), id="main")
    head = top(ctx) + contents(ctx) if n == 0 else marks(ctx) + back(ctx)
    return head + main + pager(ctx, n, names) + footer(ctx)


def marks(ctx) -> str:
    """The skip link and the draft marking."""
    out = el("a", txt(ctx.words["skip"]), href="#main", cls="skip", data_furniture=True)
    if ctx.layout.watermark:
        out += el("p", txt(ctx.layout.watermark), cls="draft", data_furniture=True)
    return out


def back(ctx) -> str:
    """A chapter page's header: the municipality and the document's title, linking home."""
    meta = ctx.layout.meta
    link = el("a", txt(f"{meta.municipality} · {meta.title}"), href="index.html")
    return el("header", el("p", link, cls="home"), cls="chapter-head", data_furniture=True)


def pager(ctx, n: int, names: list[str]) -> str:
    """Links to the previous and the next page, when the edition has more than one."""
    if len(names) == 1:
        return ""
    words, chunks = ctx.words, ctx.chunks
    links = []
    if n > 0:
        title = chunks[n - 1].title or words["front_page"]
        links.append(el("a", txt(f"{words['previous']}: {title}"), href=names[n - 1],
                        rel="prev"))
    if n + 1 < len(names):
        links.append(el("a", txt(f"{words['next']}: {chunks[n + 1].title}"),
                        href=names[n + 1], rel="next"))
    return el("nav", "".join(links), cls="pager", aria_label=words["chapters"],
              data_furniture=True)


def top(ctx) -> str:
    """Skip link, draft marking, then the cover or the letterhead."""
    layout = ctx.layout
    out = marks(ctx)
    if layout.cover is not None:
        out += el("header", cover(ctx, layout.cover), cls="cover")
    elif layout.masthead is not None:
        out += el("header", masthead(layout.masthead), cls="masthead")
    return out


def cover(ctx, c: b.Cover) -> str:
    """Photo and credit, the emblem beside the municipality, the title block, the band."""
    out = ""
    if c.photo:
        out += f'<img class="cover-photo" src="{data_address(c.photo.path)}" ' \
               f'alt="{esc(plain(c.photo.alt))}">'
        out += el("p", txt(c.photo.credit), cls="credit cover-credit")
    out += el("div", _emblem(c.logo, c.logo_alt) + el("p", txt(c.municipality),
                                                      cls="municipality"), cls="brand")
    out += el("div", "".join(_line(line) for line in c.lines), cls="title-block")
    if c.band_lines:
        out += el("div", "".join(el("p", txt(x.text), cls=x.role) for x in c.band_lines),
                  cls="band")
    return out


def _line(line: b.CoverLine) -> str:
    if line.role == "title":
        return el("h1", txt(line.text))
    return el("p", txt(line.text), cls=line.role)


def masthead(m: b.Masthead) -> str:
    """The emblem beside the municipality's name, the paper's kind under it."""
    name = el("p", txt(m.municipality), cls="municipality")
    if m.label:
        name += el("p", txt(m.label), cls="paper-kind")
    return el("div", _emblem(m.logo, m.logo_alt) + el("div", name), cls="brand")


def _emblem(path, alt: str) -> str:
    if path is None:
        return ""
    return f'<img class="emblem" src="{data_address(path)}" alt="{esc(plain(alt))}">'


def contents(ctx) -> str:
    """The contents as nested lists of links, or '' when the document has none."""
    toc = ctx.layout.contents
    if toc is None:
        return ""
    title = el("h2", txt(toc.title), id="contents-title")
    return el("nav", title + _entries(list(toc.entries), 1), cls="contents",
              aria_labelledby="contents-title")


def _entries(entries: list, level: int) -> str:
    """Entries from the front of `entries` at `level` and deeper, as one list (consumed)."""
    items = []
    while entries and entries[0].level >= level:
        entry = entries.pop(0)
        link = el("a", txt(entry.text), href=f"#{entry.target}")
        items.append(el("li", link + _entries(entries, entry.level + 1)))
    return el("ol", "".join(items)) if items else ""


def footer(ctx) -> str:
    """The running footer's text, as a page footer."""
    text = ctx.layout.running.footer_left
    return el("footer", el("p", txt(text)), cls="page-footer", data_furniture=True) \
        if text else ""
