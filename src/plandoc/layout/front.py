"""What opens a document without a cover: an invitation's or a saksframlegg's title and facts.

A plan opens with a cover page (frame.py); an invitation and a saksframlegg open on their first
page with a title and a table of their facts, built here from the metadata as ordinary model
blocks, which the layout then lays out like any other.
"""

from __future__ import annotations

from plandoc.labels import format_date, labels
from plandoc.model import Block, CaseFacts, Heading, Letterhead, Meta, Paragraph, Span, Table


def front_blocks(meta: Meta) -> tuple[Block, ...]:
    """The opening blocks of a document without a cover (none for a plan)."""
    if meta.kind == "saksframlegg":
        return _saksframlegg(meta)
    if meta.kind == "invitation":
        return _invitation(meta)
    return ()


def _facts(pairs, widths=()) -> Table:
    """A one-row table: labels as the header row, the values beneath."""
    pairs = [(k, v) for k, v in pairs if v]
    return Table(tuple((Span(k),) for k, _ in pairs), (tuple((Span(v),) for _, v in pairs),),
                 widths=widths if len(widths) == len(pairs) else ())


def _date(d, lang) -> str:
    return format_date(d, lang) if d else ""


def _saksframlegg(meta: Meta) -> tuple[Block, ...]:
    """The letterhead, Saksbehandler / Arkiv / Arkivsaksnr., the saksgang, then the title."""
    w = labels(meta.language)
    facts = tuple((k, v) for k, v in ((w["case_officer"], meta.case_officer),
                                      (w["archive_code"], meta.archive_code),
                                      (w["archive_case_no"], meta.archive_case)) if v)
    return (Letterhead(meta.municipality, w["saksframlegg"]), CaseFacts(facts, meta.steps),
            Heading(1, (Span(meta.title),), None, "front-title", in_toc=False))


def _invitation(meta: Meta) -> tuple[Block, ...]:
    w, lang = labels(meta.language), meta.language
    out: list[Block] = [Heading(1, (Span(meta.title),), None, "front-title", in_toc=False)]
    if meta.subtitle:
        out.append(Paragraph((Span(meta.subtitle, italic=True),)))
    out.append(_facts([(w["date"], _date(meta.date, lang)), (w["time"], meta.time),
                       (w["place"], meta.place)], (1, 1, 2)))
    return tuple(out)
