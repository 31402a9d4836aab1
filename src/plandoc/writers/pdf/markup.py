"""Inline spans → reportlab paragraph markup.

Every character of content is XML-escaped, so '<', '&' and '<font>' in a plan print literally;
only the tags made here (<b>, <i>, <a>, <bullet>, <onDraw>) reach reportlab's paragraph parser.
A span in another language is framed by two zero-width onDraw markers that reading.py turns
into marked content with its /Lang.  A link
'#anchor' goes to the destination the layout gave that heading (`Layout.targets`); one whose
heading the layout does not know stays plain text rather than a dead link.
"""

from __future__ import annotations

from itertools import groupby
from plandoc.writers.xmltext import escape, quoteattr

from plandoc.model import Inline, Span
from plandoc.writers.pdf.reading import LANGUAGE


UNBREAKABLE = str.maketrans({"\u2011": "-", "\u2060": None})


def esc(text: str) -> str:
    """Text escaped for a reportlab paragraph; line breaks become <br/>.

    The layout's no-break hyphen and word joiner (layout/text.py) are drawn as a hyphen and
    nothing: reportlab breaks lines only at spaces and inside words of letters, so a token the
    layout kept together stays whole, and fonts such as Liberation Sans lack both characters.
    """
    return escape(text.translate(UNBREAKABLE)).replace("\n", "<br/>")


def href(target: str, targets: dict) -> str | None:
    """Where a link goes: '#<destination>' inside the document, else the URL itself."""
    if not target.startswith("#"):
        return target
    name = targets.get(target[1:])
    return f"#{name}" if name else None


def span(s: Span, link: str, targets: dict) -> str:
    """One span as markup; `link` is the colour of links.  A footnote reference is its number
    raised, with a callback that tells the page it stands on (see notes.py)."""
    if s.note is not None:
        return f'<super>{esc(s.text)}</super><onDraw name="plandoc_note" label={quoteattr(s.text)}/>'
    out = esc(s.text)
    if s.italic:
        out = f"<i>{out}</i>"
    if s.bold:
        out = f"<b>{out}</b>"
    goes = href(s.href, targets) if s.href else None
    if goes:
        out = f"<a href={quoteattr(goes)} color={quoteattr(link)}>{out}</a>"
    return out


def _in_language(out: str, lang: str) -> str:
    """Markup between the markers that begin and end a span in language `lang`."""
    return (f'<onDraw name="{LANGUAGE}" label={quoteattr(lang)}/>{out}'
            f'<onDraw name="{LANGUAGE}" label={quoteattr("/" + lang)}/>')


def inline(text: Inline, link: str, targets: dict) -> str:
    """A tuple of spans as one markup string; neighbours in the same other language (bold
    and plain words of one phrase) share one pair of language markers."""
    out = []
    for lang, group in groupby(text, key=lambda s: s.lang):
        markup = "".join(span(s, link, targets) for s in group)
        out.append(_in_language(markup, lang) if lang and markup else markup)
    return "".join(out)


def destination(name: str) -> str:
    """A named destination where the paragraph starts ('' for no name): the target of a
    cross-reference to a goal, figure or table."""
    return f"<a name={quoteattr(name)}/>" if name else ""


def label(text: str, font: str | None = None) -> str:
    """A paragraph's label ('1.', 'a)', '•', '1.1') in the hanging room before its text, in
    `font`, or without one in the style's bullet font (reportlab copies the whole paragraph
    style for a <bullet> with attributes: a tenth of the paragraphs' cost)."""
    if font:     # a <font> inside: reportlab copies the whole style for a <bullet font=…>
        return f"<bullet><font name={quoteattr(font)}>{esc(text)}</font></bullet>"
    return f"<bullet>{esc(text)}</bullet>"
