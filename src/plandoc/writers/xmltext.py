"""Text escaped for XML as xml.sax.saxutils escapes it, without the ~20 ms import of
urllib.request, http.client, ssl and email that xml.sax.saxutils brings.
"""

from __future__ import annotations


def escape(text: str) -> str:
    """`text` safe inside an element: '&', '>' and '<' as entities (xml.sax.saxutils.escape)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(text: str) -> str:
    """`text` as a quoted attribute value, as xml.sax.saxutils.quoteattr makes it."""
    text = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"{}"'.format(text.replace('"', "&quot;"))
