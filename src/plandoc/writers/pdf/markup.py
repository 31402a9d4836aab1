"""Inline spans → reportlab paragraph markup.

Every character of content is XML-escaped, so '<', '&' and '<font>' in a plan print literally;
only the tags made here (<b>, <i>, <a>) reach reportlab's paragraph parser.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from plandoc.model import Inline, Span


def esc(text: str) -> str:
    """Text escaped for a reportlab paragraph; line breaks become <br/>."""
    return escape(text).replace("\n", "<br/>")


def span(s: Span, link_color: str) -> str:
    """One span as markup."""
    out = esc(s.text)
    if s.italic:
        out = f"<i>{out}</i>"
    if s.bold:
        out = f"<b>{out}</b>"
    if s.href:
        out = f"<a href={quoteattr(s.href)} color={quoteattr(link_color)}>{out}</a>"
    return out


def inline(text: Inline, link_color: str) -> str:
    """A tuple of spans as one markup string."""
    return "".join(span(s, link_color) for s in text)


def colored(markup: str, color: str) -> str:
    """Markup set in a colour ('#RRGGBB')."""
    return f"<font color={quoteattr(color)}>{markup}</font>"
