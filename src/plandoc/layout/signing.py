"""Signed blocks: a foreword (an unnumbered chapter with its signature) and signature lines.

The place and date read 'Mosjøen, 12. november 2026' (plandoc.labels); signers stand two to a
row, each slot half the text width with room above its line to sign by hand.
"""

from __future__ import annotations

from plandoc.labels import format_date
from plandoc.layout import boxes as b
from plandoc.model import Foreword, Heading, PageBreak, Signatures, Span

COLUMNS = 2              # signers side by side
SLOT_SHARE = 0.45        # of the text width: a slot, with the rest as the gap between two
ROOM_MM = 16             # space above the line for a handwritten signature
FOREWORD_ANCHOR = "forord"


def signatures(block: Signatures, s) -> b.SignaturesBox:
    """Place and date, then the signers in rows of COLUMNS."""
    slots = tuple(b.SignatureSlot(x.name, x.title or "") for x in block.signers)
    rows = tuple(slots[i:i + COLUMNS] for i in range(0, len(slots), COLUMNS))
    return b.SignaturesBox(place_date(block, s.language), rows, COLUMNS, SLOT_SHARE, ROOM_MM)


def place_date(block: Signatures, lang: str) -> str:
    """'Mosjøen, 12. november 2026', either part alone, or ''."""
    when = format_date(block.date, lang) if block.date else ""
    return ", ".join(x for x in (block.place, when) if x)


def foreword_heading(block: Foreword, words: dict) -> Heading:
    """The foreword's title as an unnumbered chapter the contents lists."""
    text = block.title or (Span(words["foreword"]),)
    return Heading(1, text, None, FOREWORD_ANCHOR, in_toc=True)


def foreword(block: Foreword, s) -> b.ForewordBox:
    """Heading, text and signature; the blocks of its text laid out as everywhere else."""
    from plandoc.layout.blocks import LAYOUTS

    head = LAYOUTS[Heading](foreword_heading(block, s.words), s)
    body = tuple(LAYOUTS[type(x)](x, s) for x in block.body)
    sign = signatures(block.signature, s) if block.signature else None
    return b.ForewordBox(head, body, sign)


def first(blocks: tuple) -> tuple:
    """The blocks with every foreword moved to the front, each followed by a page break (a
    foreword has a page of its own, whatever the style says about chapters)."""
    forewords = tuple(x for x in blocks if isinstance(x, Foreword))
    if not forewords:
        return blocks
    rest = tuple(x for x in blocks if not isinstance(x, Foreword))
    return tuple(y for x in forewords for y in (x, PageBreak())) + rest
