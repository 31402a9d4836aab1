"""A body's meeting: `document: meeting:` (when, where, who) and the `case_list:` block.

meeting   → model.BodyMeeting: body, date, time, place, members, absence_to; the minutes add
            present, absent and substitutes (each a name or {name, role, party, for})
case_list → model.CaseList: rows `- case: sak-budsjett.yaml` naming saksframlegg content files
            in the same folder; title, arkivsaksnr and the utvalgssaksnr for this meeting's body
            are taken from those files (never typed twice); the minutes add `deliberation:`
            (behandling) and `decision:` (vedtak) as Markdown text under a row
"""

from __future__ import annotations

import re

from plandoc.errors import ContentError
from plandoc.files import YMap, load_yaml
from plandoc.model import MEETING_KINDS, Attendee, BodyMeeting, CaseItem, CaseList, Meta
from plandoc.reader.blocks import markdown, register
from plandoc.reader.context import Ctx, describe

TIME = re.compile(r"(\d{1,2})[.:](\d{2})(?:\s*[-–]\s*(\d{1,2})[.:](\d{2}))?")
ATTENDANCE = ("present", "absent", "substitutes")
EXAMPLE = ("'meeting: {body: Formannskapet, date: 2025-06-19, time: \"09.00\", "
           "place: Formannskapssalen}'")


def read_meeting(ctx: Ctx, value, line: int, kind: str) -> BodyMeeting | None:
    """`meeting:` under `document:` — only a meeting notice or minutes has one."""
    from plandoc.reader.meta import read_date

    if kind not in MEETING_KINDS:
        ctx.problem(line, "document meeting: only a meeting notice or minutes has a meeting — "
                    "expected 'kind: meeting_notice' or 'kind: meeting_minutes', or remove "
                    "meeting")
        return None
    m = ctx.mapping(value, line, "document meeting")
    if m is None or not ctx.keys(m, "meeting", ("body",), ("date", "time", "place", "members",
                                                          "absence_to") + ATTENDANCE):
        return None
    text = {k: ctx.string(m[k], m.line_of(k), f"meeting {k}").strip()
            for k in ("body", "place", "absence_to") if m.get(k) is not None}
    when = read_date(ctx, m["date"], m.line_of("date")) if m.get("date") is not None else None
    people = {k: _people(ctx, m, k, kind) for k in ("members",) + ATTENDANCE if k in m}
    return BodyMeeting(text["body"], when, _time(ctx, m), text.get("place"),
                   absence_to=text.get("absence_to"), **people)


def _time(ctx: Ctx, m: YMap) -> str | None:
    """'09.00' or '09.00–15.00' (written '9:00', '09.00-15.00' … as well)."""
    if m.get("time") is None:
        return None
    text = ctx.string(m["time"], m.line_of("time"), "meeting time").strip()
    found = TIME.fullmatch(text)
    if found is None:
        ctx.problem(m.line_of("time"), f"meeting time '{text}' is not a time — expected e.g. "
                    "'09.00' or '09.00–15.00'")
        return None
    h1, m1, h2, m2 = found.groups()
    start = f"{int(h1):02d}.{m1}"
    return f"{start}–{int(h2):02d}.{m2}" if h2 else start


def _people(ctx: Ctx, m: YMap, key: str, kind: str) -> tuple[Attendee, ...]:
    """A list of names or {name, role, party} ({name, for, party} for a substitute)."""
    if key in ATTENDANCE and kind != "meeting_minutes":
        ctx.problem(m.line_of(key), f"meeting {key}: a meeting notice records no attendance "
                    f"— expected 'kind: meeting_minutes', or remove {key}")
        return ()
    seq = ctx.sequence(m[key], m.line_of(key), f"meeting {key}")
    return tuple(p for i, v in enumerate(seq) if (p := _person(ctx, v, seq.line_of(i), key)))


def _person(ctx: Ctx, value, line: int, key: str) -> Attendee | None:
    if not isinstance(value, YMap):
        if key == "substitutes":
            ctx.problem(line, f"a substitute must say whom they met for — expected "
                        f"'- {{name: {_shown(value)}, for: …}}'")
            return None
        return Attendee(ctx.string(value, line, f"a name in meeting {key}").strip())
    needed = ("name", "for") if key == "substitutes" else ("name",)
    if not ctx.keys(value, f"meeting {key}", needed, ("role", "party", "for")):
        return None
    text = {k: ctx.string(value[k], value.line_of(k), f"meeting {key} {k}").strip()
            for k in ("name", "role", "party", "for") if value.get(k) is not None}
    return Attendee(text["name"], text.get("role"), text.get("party"), text.get("for"))


def _shown(value) -> str:
    return str(value) if isinstance(value, str) else "…"


@register("case_list")
def case_list(ctx: Ctx, value, line: int, item) -> list:
    """case_list: [- case: sak.yaml …] or {cases: [...], include_cases: true}."""
    if ctx.meeting is None:
        if ctx.kind in MEETING_KINDS:       # its `meeting:` was wrong: reported there
            return []
        ctx.problem(line, "case_list: a saksliste belongs to a meeting — expected 'kind: "
                    "meeting_notice' or 'kind: meeting_minutes' with " + EXAMPLE
                    + " under 'document:'")
        return []
    include = False
    if isinstance(value, YMap):
        if not ctx.keys(value, "case_list", ("cases",), ("include_cases",)):
            return []
        if "include_cases" in value:
            include = ctx.boolean(value["include_cases"], value.line_of("include_cases"),
                                  "case_list include_cases")
        value, line = value["cases"], value.line_of("cases")
    seq = ctx.sequence(value, line, "case_list")
    rows = tuple(r for i, v in enumerate(seq) if (r := _row(ctx, v, seq.line_of(i), include)))
    _once(ctx, seq)
    return [CaseList(rows, include)]


def _once(ctx: Ctx, seq) -> None:
    """A case stands once in a saksliste."""
    seen: dict[str, int] = {}
    for i, row in enumerate(seq):
        name = row.get("case") if isinstance(row, YMap) else None
        if not isinstance(name, str):
            continue
        if name in seen:
            ctx.problem(seq.line_of(i), f"case_list case '{name}' is already on the list at "
                        f"line {seen[name]} — expected each case once")
        seen.setdefault(name, seq.line_of(i))


def _row(ctx: Ctx, value, line: int, include: bool) -> CaseItem | None:
    """One row: the case file and, in the minutes, its behandling and vedtak."""
    if not isinstance(value, YMap):
        ctx.problem(line, f"a case_list row must name its case, got {describe(value)} — "
                    "expected '- case: sak-budsjett.yaml'")
        return None
    if not ctx.keys(value, "case_list row", ("case",), ("deliberation", "decision")):
        return None
    texts = {k: _text(ctx, value, k) for k in ("deliberation", "decision") if k in value}
    found = case_document(ctx, value["case"], value.line_of("case"), include)
    if found is None:
        return None
    meta, papers = found
    return CaseItem(meta, case_number(ctx, meta, value["case"], value.line_of("case")),
                    texts.get("deliberation", ()), texts.get("decision", ()), papers)


def _text(ctx: Ctx, row: YMap, key: str) -> tuple:
    """Markdown text of the minutes (a notice has no behandling or vedtak yet)."""
    at = row.line_of(key)
    if ctx.kind != "meeting_minutes":
        ctx.problem(at, f"case_list {key}: a meeting notice has no behandling or vedtak yet — "
                    f"expected 'kind: meeting_minutes', or remove {key}")
        return ()
    return tuple(markdown(ctx, ctx.string(row[key], at, f"case_list {key}"), at + 1))


def case_document(ctx: Ctx, name, line: int, include: bool):
    """(the saksframlegg's Meta, its blocks when included) — or None after a problem."""
    from plandoc.reader.content import read_document
    from plandoc.reader.meta import read_meta

    path = ctx.resolve(name, line, "case_list case")
    if path is None:
        return None
    if path.suffix.lower() not in (".yaml", ".yml"):
        ctx.problem(line, f"case_list case '{name}' is not a content file — expected the "
                    ".yaml file of a saksframlegg")
        return None
    try:
        data = load_yaml(path)
    except ContentError as exc:
        ctx.problems += exc.problems
        return None
    m = data.get("document") if isinstance(data, YMap) else None
    other = Ctx(path, roots=ctx.roots)
    meta = read_meta(other, m) if isinstance(m, YMap) else None
    if meta is None or meta.kind != "saksframlegg":
        what = f"is a {meta.kind.replace('_', ' ')}" if meta else "has no 'document:'"
        ctx.problem(line, f"case_list case '{name}' {what}, not a saksframlegg — expected "
                    "a content file with 'kind: saksframlegg'")
        return None
    if not include:
        ctx.problems += other.problems
        return meta, ()
    try:
        doc = read_document(path, ctx.roots)
    except ContentError as exc:
        ctx.problems += exc.problems
        return None
    ctx.inputs += doc.inputs
    return doc.meta, doc.blocks


def case_number(ctx: Ctx, meta: Meta, name, line: int) -> str | None:
    """The case's number in this meeting's body: its proceedings step for the body (the old
    one-body form: its committee), that step's number or else the case's own."""
    wanted, day = ctx.meeting.body.casefold(), ctx.meeting.date
    steps = [s for s in meta.proceedings if s.body.strip().casefold() == wanted]
    steps.sort(key=lambda s: s.date != day)     # a body that treats it twice: this meeting's
    if steps:
        return steps[0].case or meta.case
    if not meta.proceedings and (meta.committee or "").strip().casefold() == wanted:
        return meta.case
    body = ctx.meeting.body
    ctx.problem(line, f"case_list case '{name}' has no step for {body} in its proceedings — "
                f"expected a row '{{body: {body}, case: …, date: …}}' under its 'document: "
                "proceedings:'")
    return None
