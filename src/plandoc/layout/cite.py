"""Citations `[@id]` and the reference list: '(TØI, 2017)' in the text, the entries in order.

    ordered(entries) -> [(reference, year as cited)] in the list's order
    resolve(blocks) -> the blocks with every citation written out as links to its entries
    entry_text(reference, year, words, language) -> one entry of the list, as spans

The list is sorted by author, then year, then title (Norwegian alphabet: æ, ø, å after z).
Two sources cited by the same name and year get '2017a', '2017b' in that order, in the text
and in the list alike.  Resolved once here, before the blocks are laid out, for both writers:
a citation becomes ordinary link spans to '#@id', which the layout's `targets` maps to the
entry's bookmark ('@' keeps the sources apart from the ids of goals and headings).  Citations
inside footnotes are written out the same way.
"""

from __future__ import annotations

import re
from collections import Counter

from plandoc import model as m
from plandoc.labels import NBSP, format_date
from plandoc.layout.refs import walk_spans
from plandoc.model import Span, plain

_NORDIC = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"})   # after z


def _order(ref: m.Reference) -> tuple:
    """Author (Norwegian order), then year (a source without a year first), then title."""
    digits = re.match(r"\d+", ref.year)
    return (ref.author.casefold().translate(_NORDIC), int(digits.group()) if digits else -1,
            ref.title.casefold().translate(_NORDIC))


def cited_name(ref: m.Reference) -> str:
    """The name the text cites a source by: its short name, else its author."""
    return ref.short or ref.author


def ordered(entries) -> list[tuple[m.Reference, str]]:
    """The entries in the list's order with their years as cited ('2017a' when needed)."""
    entries = sorted(entries, key=_order)
    same = Counter((cited_name(r), r.year) for r in entries)
    seen: Counter = Counter()
    out = []
    for ref in entries:
        key = (cited_name(ref), ref.year)
        year = ref.year
        if same[key] > 1:
            letter = "abcdefghijklmnopqrstuvwxyz"[seen[key] % 26]
            year += letter if year[-1:].isdigit() else f"-{letter}"
            seen[key] += 1
        out.append((ref, year))
    return out


def resolve(blocks) -> tuple:
    """`blocks` with each citation span replaced by '(', a link per source, ')'."""
    found = {ref.id: f"{cited_name(ref)},{NBSP}{year}" for block in blocks
             if isinstance(block, m.References) for ref, year in ordered(block.entries)}
    return tuple(walk_spans(block, lambda spans: _spans(spans, found)) for block in blocks)


def _spans(spans: tuple, found: dict) -> tuple:
    if not any(s.cite or s.note for s in spans):
        return spans
    out: list[Span] = []
    for s in spans:
        if s.note:
            out.append(Span(s.text, s.bold, s.italic, s.href, s.ref, _spans(s.note, found),
                            lang=s.lang))
        elif s.cite:
            out += _citation(s, found)
        else:
            out.append(s)
    return tuple(out)


def _citation(s: Span, found: dict) -> list[Span]:
    """'(TØI, 2017; SSB, 2023, tabell 07459)': each source a link to its entry."""
    out = [Span("(", s.bold, s.italic, lang=s.lang)]
    for i, (key, where) in enumerate(s.cite):
        if i:
            out.append(Span("; ", s.bold, s.italic, lang=s.lang))
        text = found.get(key[1:], key[1:]) + (f", {where}" if where else "")
        out.append(Span(text, s.bold, s.italic, f"#{key}", lang=s.lang))
    return out + [Span(")", s.bold, s.italic, lang=s.lang)]


def _stop(text: str) -> str:
    """The full stop after a part of an entry, unless it ends with one already ('?', '!')."""
    return "" if text.rstrip().endswith((".", "?", "!")) else "."


def entry_text(ref: m.Reference, year: str, words: dict, language: str) -> m.Inline:
    """'Author (2017a). *Title*. Publisher. Note. https://… (lest 12. mars 2024)'."""
    out = [Span(f"{ref.author} ({year}). "), Span(ref.title, italic=True),
           Span(_stop(ref.title))]
    if ref.publisher:
        out.append(Span(f" {ref.publisher}{_stop(ref.publisher)}"))
    if ref.note:
        out += [Span(" "), *ref.note, Span(_stop(plain(ref.note)))]
    if ref.url:
        out += [Span(" "), Span(ref.url, href=ref.url)]
    if ref.accessed:
        out.append(Span(f" ({words['accessed']} {format_date(ref.accessed, language)})"))
    return tuple(out)
