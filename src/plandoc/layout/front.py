"""What opens a document without a cover: an invitation's or a saksframlegg's title and facts.

A plan opens with a cover page (frame.py); an invitation and a saksframlegg open on their first
page with a title and a table of their facts, built here from the metadata as ordinary model
blocks, which the layout then lays out like any other.  An invitation also closes with blocks
of its own (back_blocks): practical information — the venue and the contact person.
"""

from __future__ import annotations

from plandoc.labels import format_date, format_day, labels
from plandoc.model import (MEETING_KINDS, Block, Callout, CaseFacts, Contact, Heading, Image,
                           Meeting,
                           Meta, Paragraph, Registration, Span, Table)

MAP_WIDTH_CM = 12        # a venue's map or picture


def front_blocks(meta: Meta) -> tuple[Block, ...]:
    """The opening blocks of a document without a cover (none for a plan)."""
    if meta.kind == "saksframlegg":
        return _saksframlegg(meta)
    if meta.kind == "invitation":
        return _invitation(meta)
    if meta.kind in MEETING_KINDS:
        from plandoc.layout import meeting
        return meeting.front(meta)
    return ()


def _facts(pairs, widths=()) -> Table:
    """A one-row table: labels as the header row, the values beneath."""
    pairs = [(k, v) for k, v in pairs if v]
    return Table(tuple((Span(k),) for k, _ in pairs), (tuple((Span(v),) for _, v in pairs),),
                 widths=widths if len(widths) == len(pairs) else ())


def _date(d, lang) -> str:
    return format_date(d, lang) if d else ""


def _saksframlegg(meta: Meta) -> tuple[Block, ...]:
    """Saksbehandler / Arkiv / Arkivsaksnr., the saksgang, then the title (the letterhead
    above them is the frame's masthead)."""
    w = labels(meta.language)
    facts = tuple((k, v) for k, v in ((w["case_officer"], meta.case_officer),
                                      (w["archive_code"], meta.archive_code),
                                      (w["archive_case_no"], meta.archive_case)) if v)
    return (CaseFacts(facts, meta.steps),
            Heading(1, (Span(meta.title),), None, "front-title", in_toc=False))


def _invitation(meta: Meta) -> tuple[Block, ...]:
    """Title and subtitle, the meetings (a row each: day, time, place) and the registration."""
    out: list[Block] = [Heading(1, (Span(meta.title),), None, "front-title", in_toc=False)]
    if meta.subtitle:
        out.append(Paragraph((Span(meta.subtitle, italic=True),)))
    if any(_meeting_cells(x, meta.language) != ("", "", "") for x in meta.meetings):
        out.append(_meetings(meta))
    if meta.registration:
        out.append(_registration(meta.registration, meta.language))
    return tuple(out)


def _meetings(meta: Meta) -> Table:
    """One row per meeting; a column only when some meeting has a value for it."""
    w, lang = labels(meta.language), meta.language
    cells = [_meeting_cells(x, lang) for x in meta.meetings]
    used = [i for i in range(3) if any(row[i] for row in cells)]
    header = (w["date"], w["time"], w["place"])
    return Table(tuple((Span(header[i]),) for i in used),
                 tuple(tuple((Span(row[i]),) if row[i] else () for i in used) for row in cells),
                 widths=tuple((1.45, 1.05, 2.1)[i] for i in used))


def _meeting_cells(meeting: Meeting, lang: str) -> tuple[str, str, str]:
    """'Onsdag 6. mars 2024', 'kl. 18.00–21.00', 'Aulaen på Hemnesberget, Skolegata 2'."""
    day = format_day(meeting.date, lang) if meeting.date else ""
    return (day[:1].upper() + day[1:], clock_span(meeting.start, meeting.end, lang),
            ", ".join(x for x in (meeting.place, meeting.address) if x))


def clock_span(start: str | None, end: str | None, lang: str) -> str:
    """'kl. 18.00–21.00' or 'kl. 18.00' (nb, nn); '' without a time."""
    if not start:
        return ""
    return labels(lang)["at_time"].format(time=f"{start}–{end}" if end else start)


def _registration(r: Registration, lang: str) -> Callout:
    """'Påmelding innen fredag 1. mars 2024' over where to register ('https://… eller
    e-post@…', links clickable), set apart in a note panel."""
    w = labels(lang)
    lead = w["registration"].format(date=format_day(r.deadline, lang)) if r.deadline \
        else w["register"]
    where = [Span(x, href=href) for x, href in ((r.url, r.url), (r.email, f"mailto:{r.email}"))
             if x]
    spans: list[Span] = []
    for i, link in enumerate(where):
        spans += [Span(f" {w['or']} ")] if i else []
        spans.append(link)
    return Callout("note", (Span(lead),), (tuple(spans),) if spans else ())


def back_blocks(meta: Meta) -> tuple[Block, ...]:
    """What closes an invitation: 'Praktisk informasjon' with the venue note, its map and the
    contact person (none when it gives neither)."""
    if meta.kind != "invitation" or not (meta.venue or meta.contact):
        return ()
    w = labels(meta.language)
    out: list[Block] = [Heading(2, (Span(w["practical"]),), None, "back-practical",
                                in_toc=False)]
    if meta.venue and meta.venue.note:
        out.append(Paragraph(meta.venue.note))
    if meta.venue and meta.venue.image:
        out.append(Image(meta.venue.image, meta.venue.alt, width_cm=MAP_WIDTH_CM))
    if meta.contact:
        out.append(_contact(meta.contact, w))
    return tuple(out)


def _contact(c: Contact, w: dict) -> Callout:
    """Kontaktperson: the name (and title), the phone as a tel: link, the e-mail as mailto:."""
    lines = [(Span(c.name, bold=True),) + ((Span(f", {c.title}"),) if c.title else ())]
    if c.phone:
        lines.append((Span(f"{w['phone']}: "), Span(c.phone, href=f"tel:{tel(c.phone)}")))
    if c.email:
        lines.append((Span(f"{w['email']}: "), Span(c.email, href=f"mailto:{c.email}")))
    return Callout("note", (Span(w["contact"]),), tuple(lines))


def tel(phone: str) -> str:
    """'75 10 10 00' → '+4775101000': a Norwegian number without its country code gets +47."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    return f"+{digits}" if phone.strip().startswith("+") else \
        f"+47{digits}" if len(digits) == 8 else digits
