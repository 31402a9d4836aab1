"""Text the layout makes unbreakable, and which cells hold numbers.

A number, a time span, a case number or a date must never break across lines in a narrow table
column or a key figure: '64 943', '12,5 %', '350 000 kr', '18.00–18.15', '21/01456-18',
'1. mai 2025'.  `keep_together` marks the break opportunities inside such a token with
characters that forbid the break:

- a space becomes a no-break space (U+00A0), which every font has and both Word and reportlab
  honour;
- a hyphen-minus becomes a no-break hyphen (U+2011) — the DOCX writer writes Word's own
  `w:noBreakHyphen`, the PDF writer the font's hyphen (reportlab breaks only at spaces and
  inside words of letters, never at a hyphen between digits);
- a dash ('–') is followed by a word joiner (U+2060), which Word and LibreOffice honour and the
  PDF writer leaves out (reportlab never breaks after a dash).

These characters are generated here, after the style's glyph check of the content.
`is_number` says whether a cell holds a number in Norwegian (or English) notation, which makes
its column right-aligned when the table does not say otherwise.
"""

from __future__ import annotations

import functools
import re

from plandoc.model import Inline, Span

NBSP, NB_HYPHEN, WORD_JOINER = "\u00a0", "\u2011", "\u2060"
_SP = "[ \u00a0\u202f\u2009]"
_UNIT = r"(?:%|‰|kr\.?|NOK|mill\.|mrd\.|km²|km|m²|m³|daa|kg|tonn|timer|år|dager|pst\.)"
_MONTHS = ("januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|"
           "desember|jan\\.|feb\\.|mar\\.|apr\\.|jun\\.|jul\\.|aug\\.|sep\\.|sept\\.|okt\\.|"
           "nov\\.|des\\.")
_AMOUNT = rf"[-−–+]?\d{{1,3}}(?:{_SP}\d{{3}})+(?:,\d+)?|[-−–+]?\d+(?:,\d+)?"
_TOKENS = re.compile("|".join((
    rf"(?<![\w.])\d{{1,2}}[.:]\d{{2}}{_SP}?[–-]{_SP}?\d{{1,2}}[.:]\d{{2}}(?!\w)",   # 18.00–18.15
    rf"(?<![\w.])\d{{1,2}}\.{_SP}(?:{_MONTHS})(?:{_SP}\d{{4}})?(?!\w)",             # 1. mai 2025
    r"(?<![\w/])\d+/\d+(?:-\d+)?(?![\w/])",                                         # 21/01456-18
    r"(?<![\w,.])\d{4}[–-]\d{2,4}(?!\w)",                                           # 2022–2025
    rf"(?<![\w,])(?:kr\.?{_SP})?(?:{_AMOUNT})(?:{_SP}?{_UNIT}(?!\w)){{0,2}}(?!\d)",        # 350 000 kr
)), re.IGNORECASE)
_NUMBER = re.compile(rf"(?:kr\.?{_SP}?)?(?:{_AMOUNT}|[-−–+]?\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?)"
                     rf"(?:{_SP}?{_UNIT}){{0,2}}", re.IGNORECASE)
_PLACEHOLDERS = {"", "-", "–", "—", "..", "...", "…", ":"}   # SSB's 'no figure' marks


def _joined(token: str) -> str:
    out = re.sub(_SP, NBSP, token).replace("-", NB_HYPHEN)
    return out.replace("–", "–" + WORD_JOINER) if not out.endswith("–") else out


def keep_together(text: str) -> str:
    """`text` with every number, time span, case number and date made unbreakable."""
    if not any(c.isdigit() for c in text):
        return text
    return _TOKENS.sub(lambda m: _joined(m.group(0)), text)


def keep_spans(text: Inline) -> Inline:
    """Inline spans with `keep_together` applied to each span's text."""
    return tuple(Span(keep_together(s.text), s.bold, s.italic, s.href, lang=s.lang) if any(
        c.isdigit() for c in s.text) else s for s in text)


def is_number(text: str) -> bool:
    """'64 943', '12,5 %', '350 000 kr', '-2,5', '1 234,50', '2024' — a figure, not words."""
    return _NUMBER.fullmatch(text.strip()) is not None


_FRACTION = re.compile(r",\d[^,]*$")


def fraction(text: str) -> str:
    """The part of a figure from its decimal comma on (',5 %' of '12,5 %'; '' for '100'): what
    a decimal column keeps room for after the comma."""
    found = _FRACTION.search(text.strip())
    return found.group(0) if found and is_number(text) else ""


def is_placeholder(text: str) -> bool:
    """An empty cell or SSB's mark for a missing figure ('–', '..', ':')."""
    return text.strip() in _PLACEHOLDERS


SHY = "\u00ad"
DICTIONARIES = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}   # pyphen's, as the PDF uses


def soft_hyphens(word: str, language: str) -> str:
    """`word` with soft hyphens (U+00AD) where the language's dictionary may break it
    ('Kompetanse­arbeids­plassene'): for a word too long for its table column, so Word,
    LibreOffice and reportlab all break it at a proper point, with a hyphen, never raw."""
    name = DICTIONARIES.get(language, "nb_NO")
    return _hyphenator(name).inserted(word, hyphen=SHY)


@functools.lru_cache(maxsize=4)
def _hyphenator(name: str):
    import pyphen

    return pyphen.Pyphen(lang=name, left=2, right=3)
