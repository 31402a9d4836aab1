"""HTML text: escaping, elements, and inline spans → markup (the one place that writes tags).

Text is escaped as it is, so '<font> & <b>' prints literally.  A span's bold and italic become
strong and em, a language span `lang`, a link a real link (an in-page '#anchor' goes to the
layout's target for it), and a footnote reference a raised, linked number whose note the
context collects for the notes at the end of the page.
"""

from __future__ import annotations

import re
from html import escape

from plandoc.model import Inline, Span


def esc(text: str) -> str:
    """`text` escaped for an element's content or a quoted attribute."""
    return escape(text, quote=True)


def attrs(**values) -> str:
    """' name="value"' for each value that is not None or False (`cls` is 'class', `_` in a
    name is '-'); True gives the bare name."""
    out = []
    for name, value in values.items():
        if value is None or value is False:
            continue
        name = "class" if name == "cls" else name.replace("_", "-")
        out.append(f" {name}" if value is True else f' {name}="{esc(str(value))}"')
    return "".join(out)


def el(tag: str, content: str = "", **values) -> str:
    """`<tag …>content</tag>`; `content` is markup already."""
    return f"<{tag}{attrs(**values)}>{content}</{tag}>"


def spans(ctx, inline: Inline) -> str:
    """The markup of `inline`."""
    return "".join(_span(ctx, span) for span in inline)


UNBREAKABLE = re.compile(r"\S*[\u2011\u2060]\S*")


def txt(text: str) -> str:
    """`text` escaped; a word the layout made unbreakable ('24/2231‑14', '2025–⁠2030': a
    no-break hyphen, a word joiner) kept on one line by the stylesheet instead, with a plain
    hyphen, so the page's search and copy find what the author typed."""
    out, end = [], 0
    for found in UNBREAKABLE.finditer(text):
        word = found.group(0).replace("\u2011", "-").replace("\u2060", "")
        out += [esc(text[end:found.start()]), el("span", esc(word), cls="nw")]
        end = found.end()
    return "".join(out) + esc(text[end:])


def plain(text: str) -> str:
    """`text` for an attribute or the title: the layout's no-break hyphen a plain one, its word
    joiners left out."""
    return text.replace("\u2011", "-").replace("\u2060", "")


def _span(ctx, span: Span) -> str:
    if span.note is not None:
        return ctx.notes.reference(span.text, spans(ctx, span.note))
    text = txt(span.text)
    if span.bold:
        text = el("strong", text)
    if span.italic:
        text = el("em", text)
    if span.lang:
        text = el("span", text, lang=span.lang)
    if span.href:
        text = el("a", text, href=href(ctx.layout.targets, span.href))
    return text


def href(targets: dict, link: str) -> str:
    """A link's address: '#' and the layout's target for an in-page anchor, else as written."""
    if link.startswith("#") and link[1:] in targets:
        return "#" + targets[link[1:]]
    return link
