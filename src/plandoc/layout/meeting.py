"""A body's meeting laid out once: the notice's or minutes' header, attendance and saksliste.

front(meta)        → the opening model blocks (under the frame's letterhead: emblem,
                     municipality, 'MØTEINNKALLING' / 'MØTEPROTOKOLL'): the title,
                     a facts table (Utvalg | Møtedato | Tidspunkt | Møtested, 'torsdag 19. juni
                     2025', 'kl. 09.00'), the members summoned, 'Forfall meldes til …'; the
                     minutes: møtende medlemmer, forfall and møtende varamedlemmer
case_list(block)   → a CaseListBox: the 'Saksliste' heading and table (Saksnr | Arkivsaksnr |
                     Innhold); the minutes add each case's behandling and vedtak under its own
                     heading
papers_last(blocks) → the included case papers after everything else, each on a new page
case_title(case, public) → the one place a case's title is decided (a public build of an
                     exempt case: its public_title); exempt_mark(case) → its marking
"""

from __future__ import annotations

import dataclasses

from plandoc.labels import format_date, format_day, labels
from plandoc.layout import boxes as b
from plandoc.model import (Attendee, Block, BodyMeeting, CaseItem, CaseList, Heading,
                           Meta, PageBreak, Paragraph, Reference, Span, Table)

ATTENDANCE = ("present", "absent", "substitutes")


def front(meta: Meta) -> tuple[Block, ...]:
    """The header of a meeting notice or minutes, as ordinary model blocks."""
    w, meeting = labels(meta.language), meta.meeting
    out: list[Block] = [Heading(1, (Span(meta.title),), None, "meeting-title", in_toc=False),
                        *_facts(meta, w)]
    if meeting is None:
        return tuple(out)
    if meeting.members:
        out += _people(w["meeting.members"], meeting.members, w, "members")
    for key in ATTENDANCE:
        out += _people(w[f"meeting.{key}"], getattr(meeting, key), w, key)
    if meeting.absence_to:
        out.append(Paragraph((Span(w["meeting.absence_to"].format(
            contact=meeting.absence_to)),)))
    return tuple(out)


def _facts(meta: Meta, w: dict) -> list[Table]:
    """One header row of labels and the values beneath: the body (unless it is the title),
    the day with its weekday, 'kl. 09.00', the place (no table without any of them)."""
    meeting = meta.meeting or BodyMeeting(body="")
    pairs = [(w["committee"], meeting.body if meeting.body != meta.title else ""),
             (w["meeting_date"], format_day(meeting.date, meta.language) if meeting.date
              else ""),
             (w["meeting.time"], w["at_time"].format(time=meeting.time) if meeting.time
              else ""),
             (w["meeting.place"], meeting.place or "")]
    widths = {w["committee"]: 1.4, w["meeting_date"]: 1.6, w["meeting.time"]: 1.0,
              w["meeting.place"]: 2.4}
    pairs = [(k, v) for k, v in pairs if v]
    return [Table(tuple((Span(k),) for k, _ in pairs), (tuple((Span(v),) for _, v in pairs),),
                  widths=tuple(widths[k] for k, _ in pairs), align=("left",) * len(pairs))
            ] if pairs else []


def _people(title: str, people: tuple[Attendee, ...], w: dict, key: str) -> list[Block]:
    """'Møtende medlemmer' and a table Navn | Funksjon | Representerer (a substitute: Navn |
    Møtte for | Representerer); a column nobody fills is left out.  The heading is level 2,
    under the meeting's title (level 1): an outline skips no level."""
    if not people:
        return []
    columns = [("name", 2.0), ("for" if key == "substitutes" else "role", 1.6), ("party", 1.2)]
    value = {"name": lambda p: p.name, "role": lambda p: p.role,
             "for": lambda p: p.substitutes_for, "party": lambda p: p.party}
    used = [(c, x) for c, x in columns if c == "name" or any(value[c](p) for p in people)]
    rows = tuple(tuple((Span(value[c](p) or ""),) if value[c](p) else () for c, _ in used)
                 for p in people)
    header = tuple((Span(w[f"meeting.{c}"]),) for c, _ in used)
    return [Heading(2, (Span(title),), None, f"meeting-{key}", in_toc=False),
            Table(header, rows, widths=tuple(x for _, x in used), align=("left",) * len(used))]


def case_title(case: Meta, public: bool = False) -> str:
    """The title a saksliste row or a minutes heading shows for a case: its own, or in a
    public build of an exempt case (unntatt offentlighet) the exemption's `public_title`
    ('' : none at all) when it has one."""
    if public and case.exempt is not None and case.exempt.public_title is not None:
        return case.exempt.public_title
    return case.title


def exempt_mark(case: Meta, words: dict) -> str:
    """'Unntatt offentlighet, jf. offl. § 13, jf. fvl. § 13' for an exempt case, else ''."""
    return words["exempt.marking"].format(basis=case.exempt.basis) if case.exempt else ""


def _titled(case: Meta, s) -> tuple[Span, ...]:
    """A saksliste cell: the title with the exemption's marking beside it."""
    title, mark = case_title(case, s.public), exempt_mark(case, s.words)
    spans = ((Span(title),) if title else ()) + ((Span(" — "),) if title and mark else ())
    return spans + ((Span(mark, italic=True),) if mark else ())


def case_list(block: CaseList, s) -> b.CaseListBox:
    """The saksliste; the minutes add each case's behandling and vedtak.  A row's saksnr
    links to what the file holds of the case: its behandling, else its papers."""
    from plandoc.layout.blocks import LAYOUTS

    first, s.cases = s.cases + 1, s.cases + len(block.items)
    items = tuple(enumerate(block.items, first))
    model = [Heading(2, (Span(s.words["case_list"]),), None, "case-list", in_toc=False),
             _table(block, items, s)]
    for n, item in items:
        if item.deliberation or item.decision:
            model += _minutes(item, f"sak{n}", s)
    parts = []
    for x in model:
        parts.append(LAYOUTS[type(x)](x, s))
        s.page_start = False
    return b.CaseListBox(tuple(parts))


def _table(block: CaseList, items, s) -> Table:
    w = s.words
    header = tuple((Span(w[f"case_list.{k}"]),) for k in ("number", "archive_case", "title"))
    rows = tuple(((Span(item.number, href=_link(block, n, item, s)),) if item.number else (),
                  (Span(item.case.archive_case),) if item.case.archive_case else (),
                  _titled(item.case, s)) for n, item in items)
    return Table(header, rows, widths=(1.0, 1.3, 5.0), align=("left", "left", "left"))


def _link(block: CaseList, n: int, item: CaseItem, s) -> str | None:
    """'#sak2' (its behandling in the minutes) or '#sak2-front-title' (its papers), or None."""
    if item.deliberation or item.decision:
        return f"#sak{n}"
    if block.include_cases and not (s.public and item.case.exempt):
        return f"#sak{n}-front-title"
    return None


def _minutes(item: CaseItem, anchor: str, s) -> list[Block]:
    """'45/25 Title' and the exemption's marking, then 'Behandling i Formannskapet 19. juni
    2025' and its text, 'Vedtak i Formannskapet 19. juni 2025' and the vedtak (an exempt case
    in a public build: its public title and the marking only)."""
    w, meeting = s.words, s.meeting
    when = f" {format_date(meeting.date, s.language)}" if meeting and meeting.date else ""
    body = meeting.body if meeting else ""
    out: list[Block] = [Heading(2, (Span(case_title(item.case, s.public)),), item.number,
                                anchor, in_toc=False)]
    if item.case.exempt:
        out.append(Paragraph((Span(exempt_mark(item.case, w), italic=True),)))
        if s.public:                    # the public sees that it was treated, not how
            return out
    for key, blocks in (("deliberation", item.deliberation), ("decision", item.decision)):
        if blocks:
            out.append(Paragraph((Span(w[key].format(body=body) + when, bold=True),)))
            out += blocks
    return out


def papers_last(blocks: tuple, public: bool = False) -> tuple:
    """`blocks` followed by the papers of every case a saksliste includes, in order: each
    starts on a new page with its own saksframlegg header.  A public build leaves out the
    papers of an exempt case (its saksliste row shows the marking)."""
    from plandoc.layout.front import front_blocks

    items = [(block.include_cases, item) for block in blocks if isinstance(block, CaseList)
             for item in block.items]              # numbered as case_list numbers them
    papers = tuple(x for n, (included, item) in enumerate(items, 1)
                   if included and not (public and item.case.exempt) for x in prefixed(
                       (PageBreak(), *_marked(item.case), *front_blocks(item.case),
                        *item.papers), f"sak{n}-"))
    return tuple(blocks) + papers


def _marked(case: Meta) -> tuple[Block, ...]:
    """A case's papers open with 'SAKSFRAMLEGG' (the file's letterhead is the meeting's) and
    an exempt case's with its marking first, in bold."""
    words = labels(case.language)
    mark = exempt_mark(case, words)
    return ((Paragraph((Span(mark, bold=True),)),) if mark else ()) + \
        (Paragraph((Span(words["saksframlegg"].upper(), bold=True),)),)


NAMES = ("anchor", "id", "goal")      # a heading's anchor, an author's id, an action's goal


def prefixed(value, prefix: str):
    """`value` with every anchor and id inside it, and every '#…' link and reference to them,
    begun with `prefix`: the papers of several cases in one file each keep their own '#h1',
    'id: budsjett' and cross-references (a source's id stays: citations name it as '@id')."""
    if isinstance(value, tuple):
        return tuple(prefixed(v, prefix) for v in value)
    if not dataclasses.is_dataclass(value) or isinstance(value, (Meta, Reference)):
        return value
    changes = {}
    for f in dataclasses.fields(value):
        v = getattr(value, f.name)
        if f.name in NAMES and isinstance(v, str) and v:
            changes[f.name] = prefix + v
        elif f.name == "href" and isinstance(v, str) and v.startswith("#"):
            changes[f.name] = f"#{prefix}{v[1:]}"
        elif isinstance(v, tuple) or dataclasses.is_dataclass(v):
            changes[f.name] = prefixed(v, prefix)
    return dataclasses.replace(value, **changes)
