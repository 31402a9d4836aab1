"""Markdown → model: inline spans (bold, italic, links, spans in another language) and blocks
(paragraphs, lists, headings, GFM pipe tables).

A span in another language is pandoc's bracketed span, `[climate adaptation]{lang=en}`, parsed
by mdit-py-plugins' attrs plugin (spans only); `lang_problems` finds what is wrong with one.

markdown-it-py parses with raw HTML off, so '<font>' and '&' stay literal text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import unquote

from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.footnote import footnote_plugin

from plandoc.model import Inline, ListBlock, ListItem, Paragraph, Span, Table

_md = MarkdownIt("commonmark", {"html": False, "typographer": False}).disable("image") \
    .use(attrs_plugin, after=(), spans=True)
# Block Markdown (text blocks, included files) knows footnotes: '[^1]' and '[^1]: Kilde …'.
# Inline fields do not (a definition cannot stand in one), so '[^1]' there stays text and the
# reader refuses it with a message.
_md_blocks = MarkdownIt("commonmark", {"html": False, "typographer": False}) \
    .disable("image").enable("table").use(footnote_plugin, inline=False, move_to_end=True, always_match_refs=False) \
    .use(attrs_plugin, after=(), spans=True)
_md_blocks.validateLink = lambda url: True
# Every link is parsed as a link, so the reader can refuse the ones the outputs may not carry
# with a message (markdown-it would silently print 'javascript:' and 'file:' links as text).
_md.validateLink = lambda url: True

SAFE_LINK = re.compile(r"^(?:https?://[^/\s]|mailto:\S|tel:\S|#)", re.IGNORECASE)
LINKS_ALLOWED = ("links may be http://, https://, mailto: or tel: addresses, or '#' and the "
                 "anchor of a heading in this document")


def link_problem(href: str) -> str | None:
    """What is wrong with a link's target, or None for a web, mail, phone or '#' link.

    Anything else — file:, smb:, pdf:, javascript:, data:, a UNC path, a relative file name —
    would make the PDF or DOCX open something on the reader's machine or network.
    """
    if SAFE_LINK.match(href):
        return None
    return f"link '{unquote(href)}' is not allowed — {LINKS_ALLOWED}"


LANG = re.compile(r"[a-z]{2,3}(?:-[A-Z]{2})?")     # 'en', 'se', 'sma', 'en-GB'
ATTRIBUTES = re.compile(r"\]\{([^{}\n]*)\}")         # the {…} after a bracketed span
LANG_EXAMPLE = "[climate adaptation]{lang=en}"


def lang_problems(text: str) -> list[str]:
    """What is wrong with each bracketed span's attributes in `text`: only `lang=` with a
    language tag of the form 'en', 'sma' or 'en-GB' is understood."""
    out = []
    for found in ATTRIBUTES.finditer(text):
        parts = found.group(1).split()
        for part in parts:
            key, _, value = part.partition("=")
            value = value.strip('"\'')
            if key != "lang" or not value:
                out.append(f"span attribute '{part}' is not supported — expected only the "
                           f"language, as in {LANG_EXAMPLE}")
            elif not LANG.fullmatch(value):
                out.append(f"language tag '{value}' is not valid — expected a code such as "
                           "'en', 'se' or 'en-GB'")
        if not parts:
            out.append(f"span '{{}}' has no language — expected {{lang=…}}, as in "
                       f"{LANG_EXAMPLE}")
    return out


def parse_inline(text: str) -> Inline:
    """Inline Markdown → spans; plain text without Markdown gives one span."""
    if not any(c in text for c in "*_[`\\&\n"):
        return (Span(text),) if text else ()
    tokens = _md.parseInline(text)
    return _spans(tokens[0].children or []) if tokens else ()


FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")
FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:")


def _spans(children, notes=None) -> Inline:
    """Spans of inline tokens; a link to '#id' with no text, `[](#id)`, is a cross-reference
    (a span with `ref` set and no text: the layout writes the target's label there).
    `notes`: label → the note's spans, for footnote references (block Markdown only)."""
    spans, bold, italic, href, opened, langs = [], 0, 0, None, 0, [None]
    for tok in children:
        kind = tok.type
        if kind == "span_open":
            lang = str(tok.attrs.get("lang", ""))
            langs.append(lang if LANG.fullmatch(lang) else langs[-1])
        elif kind == "span_close":
            langs.pop()
        elif kind == "footnote_ref":
            label = tok.meta.get("label", "")
            note = (notes or {}).get(label)
            spans.append(Span("", note=note) if note is not None else Span(f"[^{label}]"))
        elif kind == "strong_open" or kind == "strong_close":
            bold += 1 if kind.endswith("open") else -1
        elif kind == "em_open" or kind == "em_close":
            italic += 1 if kind.endswith("open") else -1
        elif kind == "link_open":
            href = tok.attrs.get("href")
            if href and href.startswith("#"):
                href = unquote(href)   # markdown-it percent-encodes 'å' in '#mål-næring'
            opened = len(spans)
        elif kind == "link_close":
            if len(spans) == opened and href and href.startswith("#") and len(href) > 1:
                spans.append(Span("", bold > 0, italic > 0, href, ref=True, lang=langs[-1]))
            href = None
        else:
            text = {"softbreak": " ", "hardbreak": "\n"}.get(kind, tok.content)
            if text:
                spans.append(Span(text, bold > 0, italic > 0, href, lang=langs[-1]))
    return _citations(_merge(spans))


CITATION = re.compile(r"\[(@[^\[\]\n]*)\]")
CITED = re.compile(r"(@[\w-]+)\s*(?:,\s*(.*))?", re.DOTALL)


def _citations(spans: Inline) -> Inline:
    """Spans with each citation '[@id]', '[@id, s. 12; @other]' in plain text made a span of
    its own: `cite` holds (key, locator) pairs; a part that is no '@id' keeps its whole text as
    the key (the reader reports it)."""
    if not any("[@" in s.text for s in spans):
        return spans
    out: list[Span] = []
    for s in spans:
        if s.href is not None or s.note is not None or s.ref or "[@" not in s.text:
            out.append(s)
            continue
        at = 0
        for found in CITATION.finditer(s.text):
            if found.start() > at:
                out.append(replace(s, text=s.text[at:found.start()]))
            out.append(replace(s, text="", cite=_cited(found.group(1))))
            at = found.end()
        if at < len(s.text):
            out.append(replace(s, text=s.text[at:]))
    return tuple(out)


def _cited(inside: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for part in inside.split(";"):
        found = CITED.fullmatch(part.strip())
        pairs.append((found.group(1), (found.group(2) or "").strip()) if found
                     else (part.strip(), ""))
    return tuple(pairs)


def _merge(spans: list[Span]) -> Inline:
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev and not prev.ref and not span.ref and prev.note is None and span.note is None \
                and not prev.cite and not span.cite and (prev.bold, prev.italic, prev.href, prev.lang) \
                == (span.bold, span.italic, span.href, span.lang):
            out[-1] = replace(span, text=prev.text + span.text)
        else:
            out.append(span)
    return tuple(out)


UNSUPPORTED = {"fence": "code blocks (```)", "code_block": "indented code blocks",
               "html_block": "HTML blocks"}


def parse_blocks(text: str, heading, unsupported=None, links=None, footnotes=None):
    """Block Markdown → (block, line offset) pairs.

    `heading(level, inline, line)` makes a numbered Heading the way the reader numbers chapters;
    `unsupported(what, line)` hears of each construct plandoc does not draw (never dropped
    silently); `links(inline, line)`, when given, sees the spans of every line of text that has
    a link or a citation (paragraphs, headings, list items), with the line it starts on.
    `footnotes`, when given, is a dict filled with 'used' (the labels referred to, with the
    line their paragraph starts on) and 'headings' (lines of headings that refer to a note):
    the reader checks them against the definitions it finds in the source.  Paragraphs
    inside a block quote ('> …', nested quotes flattened) come back with `quote` set.
    """
    tokens = _md_blocks.parse(text, env := {})
    tokens, notes, note_lines = _footnotes(tokens)
    if footnotes is not None:
        footnotes["used"] = [(c.meta.get("label", ""), tok.map[0] if tok.map else 0)
                             for tok in tokens if tok.type == "inline"
                             for c in tok.children or () if c.type == "footnote_ref"]
        footnotes["headings"] = [tokens[i + 1].map[0] for i, tok in enumerate(tokens)
                                 if tok.type == "heading_open" and tokens[i + 1].map and any(
                                     c.type == "footnote_ref" for c in tokens[i + 1].children or ())]
    if links is not None:
        for tok in [*tokens, *note_lines]:
            if tok.type == "inline" and ("[@" in tok.content or any(
                    c.type == "link_open" for c in tok.children or ())):
                links(_spans(tok.children), tok.map[0] if tok.map else 0)
    out, i, quote = [], 0, 0
    while i < len(tokens):
        tok = tokens[i]
        line = tok.map[0] if tok.map else 0
        if tok.type == "heading_open":
            level = min(int(tok.tag[1]), 3)
            out.append((heading(level, _spans(tokens[i + 1].children or []), line), line))
            i += 3
        elif tok.type == "paragraph_open":
            out.append((Paragraph(_spans(tokens[i + 1].children or [], notes), quote > 0),
                        line))
            i += 3
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            block, i = _list(tokens, i, notes)
            out.append((block, line))
        elif tok.type == "table_open":
            block, i = _table(tokens, i, notes)
            out.append((block, line))
        else:
            quote += {"blockquote_open": 1, "blockquote_close": -1}.get(tok.type, 0)
            if tok.type in UNSUPPORTED and unsupported:
                unsupported(UNSUPPORTED[tok.type], line)
            i += 1
    return out


def _footnotes(tokens):
    """The tokens without the footnote block, the notes' spans by label (a note of several
    paragraphs is one paragraph), and the notes' lines of text (their links are checked like
    the others)."""
    if not any(t.type == "footnote_block_open" for t in tokens):
        return tokens, {}, []
    start = next(i for i, t in enumerate(tokens) if t.type == "footnote_block_open")
    end = max(i for i, t in enumerate(tokens) if t.type == "footnote_block_close")
    notes, label, parts, lines = {}, None, [], []
    for tok in tokens[start:end]:
        if tok.type == "footnote_open":
            label, parts = tok.meta.get("label", ""), []
        elif tok.type == "inline" and label is not None:
            lines.append(tok)
            parts += ([Span(" ")] if parts else []) + list(_spans(tok.children or []))
        elif tok.type == "footnote_close" and label is not None:
            notes.setdefault(label, _merge(parts))
            label = None
    return tokens[:start] + tokens[end + 1:], notes, lines


def _list(tokens, i, notes=None):
    open_tok = tokens[i]
    ordered = open_tok.type == "ordered_list_open"
    start = int(open_tok.attrs.get("start", 1)) if ordered else 1
    close = open_tok.type.replace("_open", "_close")
    items, i = [], i + 1
    while tokens[i].type != close:
        item, i = _item(tokens, i, notes)
        items.append(item)
    return ListBlock(tuple(items), ordered, start), i + 1


def _item(tokens, i, notes=None):
    """tokens[i] is list_item_open; returns the ListItem and the index after its close."""
    text, children, i = (), [], i + 1
    while tokens[i].type != "list_item_close":
        tok = tokens[i]
        if tok.type == "inline":
            more = _spans(tok.children or [], notes)
            text = text + ((Span(" "),) if text else ()) + more
            i += 1
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            sub, i = _list(tokens, i, notes)
            children.append(sub)
        else:
            i += 1
    return ListItem(_merge(list(text)), tuple(children)), i + 1


_ALIGN = {"text-align:left": "left", "text-align:right": "right",
          "text-align:center": "center"}


def _table(tokens, i, notes=None):
    """tokens[i] is table_open: a pipe table → a Table without caption (the header row's
    colons give the alignment; a column without them is left to the layout); returns it and
    the index after table_close."""
    rows, align, row = [], [], None
    while tokens[i].type != "table_close":
        tok = tokens[i]
        if tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close":
            rows.append(tuple(row))
        elif tok.type == "th_open":
            align.append(_ALIGN.get(str(tok.attrs.get("style", "")), ""))
        elif tok.type == "inline" and row is not None:
            row.append(_spans(tok.children or [], notes))
        i += 1
    given = tuple(align) if any(align) else ()
    return Table(rows[0], tuple(rows[1:]), align=given), i + 1
