"""Blocks that are signed: a foreword (forord) and a signature block (underskrifter).

    foreword: {title: Forord, text: "…Markdown…", signature: {name, title, place, date}}
    signatures: {place: Mosjøen, date: 2026-11-12, signers: [{name: …, title: …}, …]}
"""

from __future__ import annotations

import re

from plandoc.files import YMap
from plandoc.model import MAX_SIGNERS, Foreword, Signatures, Signer
from plandoc.reader.blocks import MAX_TITLE, inline, markdown, register
from plandoc.reader.context import Ctx
from plandoc.reader.meta import read_date

SIGNER_KEYS = ("name", "title")
PLACE_KEYS = ("place", "date")


@register("foreword")
def foreword(ctx: Ctx, value, line: int, item) -> list:
    """The foreword's text (block Markdown), its title and the one who signs it."""
    m = ctx.mapping(value, line, "foreword")
    if m is None or not ctx.keys(m, "foreword", optional=("title", "text", "signature")):
        return []
    if not isinstance(m.get("text"), str) or not m["text"].strip():
        ctx.problem(m.line_of("text") if "text" in m else line, "foreword has no text — "
                    "expected 'text: |' followed by the foreword's paragraphs")
        return []
    title = inline(ctx, m["title"], m.line_of("title"), "foreword title", limit=MAX_TITLE) \
        if m.get("title") is not None else ()
    body = markdown(ctx, m["text"], m.line_of("text") + 1)
    for n, row in enumerate(m["text"].split("\n")):
        if re.match(r" {0,3}#{1,6}(\s|$)", row):   # it would take a chapter's number
            ctx.problem(m.line_of("text") + 1 + n, "a heading in the foreword — a foreword is "
                        "one unnumbered chapter: write its text as paragraphs (a **bold** line "
                        "can stand as a subheading)")
    sign = _signature(ctx, m["signature"], m.line_of("signature")) \
        if m.get("signature") is not None else None
    return [Foreword(tuple(body), title, sign)]


def _signature(ctx: Ctx, value, line: int) -> Signatures | None:
    """The foreword's signer, with the place and date it was signed."""
    m = ctx.mapping(value, line, "foreword signature")
    if m is None or not ctx.keys(m, "foreword signature", optional=SIGNER_KEYS + PLACE_KEYS):
        return None
    signer = _signer(ctx, m, line, "foreword signature")
    return Signatures((signer,) if signer else (), *_place_date(ctx, m))


@register("signatures")
def signatures(ctx: Ctx, value, line: int, item) -> list:
    """Up to MAX_SIGNERS signers, each with a name and a title, after a place and date."""
    m = ctx.mapping(value, line, "signatures")
    if m is None or not ctx.keys(m, "signatures", ("signers",), PLACE_KEYS):
        return []
    seq = ctx.sequence(m["signers"], m.line_of("signers"), "signatures signers")
    if not seq or len(seq) > MAX_SIGNERS:
        ctx.problem(m.line_of("signers"), f"signatures has {len(seq)} signers — expected 1 to "
                    f"{MAX_SIGNERS} (make a second 'signatures:' block for more)")
    signers = [_signer(ctx, v, seq.line_of(i), "signer") for i, v in enumerate(seq)]
    signers = tuple(s for s in signers[:MAX_SIGNERS] if s)
    return [Signatures(signers, *_place_date(ctx, m))] if signers else []


def _signer(ctx: Ctx, value, line: int, what: str) -> Signer | None:
    """{name: …, title: …}; a signer must have a name."""
    m = ctx.mapping(value, line, what)
    if m is None:
        return None
    if what == "signer":
        ctx.keys(m, what, optional=SIGNER_KEYS)
    if m.get("name") is None or not str(m["name"]).strip():
        ctx.problem(line, f"{what} has no name — expected 'name: Kari Nordmann' (and "
                    "'title: Ordfører')")
        return None
    name = ctx.string(m["name"], m.line_of("name"), f"{what} name")
    title = ctx.string(m["title"], m.line_of("title"), f"{what} title") \
        if m.get("title") is not None else None
    return Signer(name, title)


def _place_date(ctx: Ctx, m: YMap) -> tuple:
    place = ctx.string(m["place"], m.line_of("place"), "place") \
        if m.get("place") is not None else None
    when = read_date(ctx, m["date"], m.line_of("date")) if m.get("date") is not None else None
    return place, when
