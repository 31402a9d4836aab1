"""Document kinds as layout choices: what opens the document, and whether it has a cover.

A plan opens with a cover page (and a table of contents); an invitation and a saksframlegg open
on their first page with a title and a table of their facts, built here from the metadata as
ordinary model blocks, so both writers lay them out with the blocks they already know.
"""

from __future__ import annotations

from plandoc.labels import format_date, labels
from plandoc.model import Block, Heading, Meta, Paragraph, PartTitle, Span, Table


def has_cover(meta: Meta) -> bool:
    """Whether the document opens with a cover page."""
    return meta.kind == "plan"


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
    w, lang = labels(meta.language), meta.language
    facts = _facts([(w["case_officer"], meta.case_officer), (w["archive_case"], meta.archive_case),
                    (w["case_number"], meta.case), (w["committee"], meta.committee),
                    (w["meeting_date"], _date(meta.meeting_date, lang))], (1.8, 1, 1.25, 1.3, 1.2))
    return (Paragraph((Span(w["saksframlegg"].upper(), bold=True),)), facts,
            Heading(1, (Span(meta.title),), None, "front-title", in_toc=False))


def _invitation(meta: Meta) -> tuple[Block, ...]:
    w, lang = labels(meta.language), meta.language
    out: list[Block] = [Heading(1, (Span(meta.title),), None, "front-title", in_toc=False)]
    if meta.subtitle:
        out.append(Paragraph((Span(meta.subtitle, italic=True),)))
    out.append(_facts([(w["date"], _date(meta.date, lang)), (w["time"], meta.time),
                       (w["place"], meta.place)], (1, 1, 2)))
    return tuple(out)


def part_heading(part: PartTitle) -> Heading:
    """The heading a part's title page stands for in the contents and the outline."""
    label = (Span(part.label + " "),) if part.label else ()
    return Heading(1, label + tuple(part.text), None, part.anchor)
