"""A saksframlegg as case systems print it: letterhead, header facts and saksgang, the innstilling
as numbered vedtak points, and each body's behandling and vedtak with its changed points marked.

The header, the innstilling and the vedtak are laid out as boxes the writers already draw
(tables, headings, paragraphs, numbered lists with hanging indents), so both formats show the
same numbers and words; the letterhead above them is the frame's masthead (layout/frame.py).
"""

from __future__ import annotations

import dataclasses

from plandoc import model as m
from plandoc.labels import format_date, innstilling_title
from plandoc.layout import boxes as b
from plandoc.layout.lists import label, style_at
from plandoc.layout.tables import table
from plandoc.model import Span, plain

ROOM = {2: 0.18, 3: 0.12}


def case_facts(block: m.CaseFacts, s) -> tuple[b.Box, ...]:
    """Saksbehandler | Arkiv | Arkivsaksnr. as a one-row table, then the saksgang table."""
    w, out = s.words, []
    if block.facts:
        out.append(table(m.Table(tuple((Span(k),) for k, _ in block.facts),
                                 (tuple((Span(v),) for _, v in block.facts),)), s))
    if block.steps:
        rows = tuple(((Span(x.case or ""),), (Span(x.body),),
                      (Span(format_date(x.date, s.language) if x.date else ""),))
                     for x in block.steps)
        box = table(m.Table(tuple((Span(w[k]),) for k in ("step.case", "committee",
                                                          "meeting_date")), rows,
                            widths=(1, 2, 1.2)), s)
        out.append(dataclasses.replace(box, caption=b.Caption("", (Span(w["saksgang"]),), True)))
    return tuple(out)


def _heading(text, level: int, s) -> b.HeadingBox:
    """A heading of the case paper, not in the contents."""
    return b.HeadingBox(level, None, tuple(text), s.target(""), None, plain(text),
                        b.Flow(room=ROOM[level]))


CASE_PAPER_KINDS = ("saksframlegg", "meeting_notice", "meeting_minutes")   # (the notice holds
#                                                                           its case papers)


def recommendation(block: m.Recommendation, s) -> tuple[b.Box, ...] | b.CalloutBox:
    """In a saksframlegg: 'Kommunedirektørens innstilling' (or the author's title), its text
    and its numbered points.  Text without points elsewhere (a plan's 'Forslag til vedtak')
    stays a panel set apart."""
    case_paper = s.kind in CASE_PAPER_KINDS
    if not case_paper and not block.points:
        from plandoc.layout.blocks import callout
        return callout(m.Callout("recommendation", block.title or
                                 (Span(s.words["recommendation"]),), block.paragraphs), s)
    title = block.title or (Span(innstilling_title(s.chief_executive, s.language)),) \
        if case_paper else (Span(s.words["recommendation"]),)
    return (_heading(title, 2, s), *(b.TextBox(p) for p in block.paragraphs),
            *_points(block.points, s))


def _points(points, s) -> tuple[b.ListBox, ...]:
    """The numbered points '1.' '2.' …, sub-points 'a)' and bullets under their point."""
    if not points:
        return ()
    style = style_at(s.lists[1], 0)
    entries = tuple(b.ListEntry(label(style, p.number), _marked(p, s), _under(p, s), p.changed)
                    for p in points)
    return (b.ListBox(entries, True, 1, 0, style),)


def _under(p: m.Point, s) -> tuple[b.ListBox, ...]:
    """A point's lettered sub-points and its bullets, one level in."""
    out = []
    for items, ordered in ((p.points, True), (p.bullets, False)):
        if items:
            style = style_at(s.lists[1 if ordered else 0], 1)
            out.append(b.ListBox(tuple(b.ListEntry(label(style, i + 1), text)
                                       for i, text in enumerate(items)), ordered, 1, 1, style))
    return tuple(out)


def _marked(p: m.Point, s) -> m.Inline:
    """A changed point in italics with '(endret)' after it in bold: seen in black and white
    and read out by a screen reader, not told by colour alone."""
    if not p.changed:
        return p.text
    return tuple(dataclasses.replace(x, italic=True) for x in p.text) + \
        (Span(f" ({s.words['changed']})", bold=True),)


def decision(block: m.Decision, s) -> tuple[b.Box, ...]:
    """'Behandling i Kommunestyret 20. mars 2025, sak 18/25', the treatment, the votes, then
    'Vedtak' and the vedtak's points (a note says how changed ones are marked)."""
    w, step = s.words, block.step
    title = w["treatment"].format(body=step.body)
    if step.date:
        title += " " + format_date(step.date, s.language)
    if step.case:
        title += ", " + w["case"].format(case=step.case)
    out: list[b.Box] = [_heading((Span(title),), 2, s),
                        *(b.TextBox(p) for p in block.treatment)]
    vote = w["unanimous"] if block.unanimous else w["votes"].format(
        **{"for": block.votes[0], "against": block.votes[1]}) if block.votes else ""
    if vote:
        out.append(b.TextBox((Span(vote, bold=True),)))
    out.append(_heading((Span(w["vedtak"]),), 3, s))
    if any(p.changed for p in block.points):
        out.append(b.TextBox((Span(w["changed.note"], italic=True),)))
    return (*out, *(b.TextBox(p) for p in block.paragraphs), *_points(block.points, s))
