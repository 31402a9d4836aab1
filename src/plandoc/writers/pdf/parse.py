"""Paragraph markup into reportlab's fragments without html.parser.

reportlab reads every paragraph's markup with Python's html.parser, which scans it character
class by character class (~3% of a plan's PDF).  The markup here is plandoc's own (markup.py:
well-formed, a few tags, every character of content escaped), so one regular expression splits
it into the tuple tree reportlab's parser also takes (`ParaParser.tt_parse`), with the tag and
attribute names in lower case and the text cut where html.parser cuts it — at each entity,
which becomes its own piece of text — so reportlab's own handlers make the same fragments.
Markup the expression does not take whole goes to reportlab's parse as before.

`QuickParse` is the paragraph mixin that does this.
"""

from __future__ import annotations

import html
import re

from reportlab.platypus.paragraph import textTransformFrags
from reportlab.platypus.paraparser import ParaParser, known_entities

TOKEN = re.compile(r"""<(/?)([A-Za-z]\w*)((?:\s+[A-Za-z_][\w:.-]*=(?:"[^"<]*"|'[^'<]*'))*)\s*(/?)>"""
                   r"|&([A-Za-z]\w*);|([^<&]+)")
ATTRIBUTE = re.compile(r"""([A-Za-z_][\w:.-]*)=(?:"([^"]*)"|'([^']*)')""")


def tree(markup: str) -> tuple | None:
    """`markup` as reportlab's tuple tree ('para', {}, [children], None), or None when it is
    not the well-formed markup this reads (reportlab's parser then reads it)."""
    root = ("para", {}, [], None)
    open_ = [root]
    at = 0
    for match in TOKEN.finditer(markup):
        if match.start() != at:
            return None
        at = match.end()
        closing, tag, attributes, empty, entity, text = match.groups()
        if text is not None:
            open_[-1][2].append(text)
        elif entity is not None:
            open_[-1][2].append(_entity(entity))
        elif closing:
            if attributes or empty or len(open_) == 1 or open_[-1][0] != tag.lower():
                return None
            open_.pop()
        else:
            node = (tag.lower(), _attributes(attributes), [], None)
            open_[-1][2].append(node)
            if not empty:
                open_.append(node)
    return root if at == len(markup) and len(open_) == 1 else None


def _entity(name: str) -> str:
    """What reportlab's parser makes of '&name;' (handle_entityref); a character reference
    ('&#10;') in text is left to reportlab's parse."""
    return known_entities.get(name, f"&{name};")


def _attributes(text: str) -> dict:
    """Attributes as html.parser hands them on: names in lower case, values unescaped."""
    return {m[1].lower(): html.unescape(m[2] if m[2] is not None else m[3])
            for m in ATTRIBUTE.finditer(text)}


class QuickParse:
    """A reportlab Paragraph whose markup is read by `tree` (reportlab's parse otherwise)."""

    def _setup(self, text, style, bulletText, frags, cleaner):
        if frags is None and text is not None:
            cleaned = cleaner(text)
            made = tree(cleaned)
            if made is not None:
                parser = ParaParser()
                parser.caseSensitive = self.caseSensitive
                style, frags, bullet = parser.tt_parse(made, style)
                if frags is not None:
                    textTransformFrags(frags, style)
                    return super()._setup(cleaned, style, bullet or bulletText, frags,
                                          cleaner)
        return super()._setup(text, style, bulletText, frags, cleaner)
