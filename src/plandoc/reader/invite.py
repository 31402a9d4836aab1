"""An invitation's facts under `document:` → model: meetings, registration, contact and venue.

    meetings:      [{date: 2024-03-06, time: "18.00–21.00", place: …, address: …}, …]
                   (or `date`, `time`, `place` for one meeting)
    registration:  {deadline: 2024-03-01, url: https://…, email: …}
    contact:       {name: …, title: …, phone: "75 10 10 00", email: …}
    venue:         {note: …, file: kart.png, alt: …}

Times are read here too ('18.00', '18:00', '18', '18.00–21.00'), for meetings and program items
alike, and given back as 'HH.MM'.
"""

from __future__ import annotations

import re

from plandoc.files import YMap
from plandoc.model import Contact, Meeting, Registration, Venue
from plandoc.reader.context import Ctx

FIELDS = ("meetings", "registration", "contact", "venue")
CLOCK = re.compile(r"(\d{1,2})(?:[.:](\d{2}))?")
SPAN = re.compile(r"\s*(\S+?)\s*(?:[-–—]\s*(\S+)\s*)?")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
PHONE = re.compile(r"\+?[\d ()-]*\d[\d ()-]*")
TIME_EXAMPLE = "e.g. '18.00' or '18.00–21.00'"


def clock(ctx: Ctx, text: str, line: int, what: str) -> str | None:
    """'18', '18.00' or '18:00' → '18.00'; None and a problem when it is no time of day."""
    match = CLOCK.fullmatch(text)
    if not match:
        ctx.problem(line, f"{what} '{text}' is not a time — expected hours and minutes, "
                    f"{TIME_EXAMPLE}")
        return None
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    if hours > 23 or minutes > 59:
        ctx.problem(line, f"{what} '{text}' is not a time of day — expected hours 0–23 and "
                    "minutes 00–59, e.g. '18.00'")
        return None
    return f"{hours:02d}.{minutes:02d}"


def times(ctx: Ctx, value, line: int, what: str, end=None) -> tuple[str | None, str | None]:
    """A start and an optional end: 'time: 18.00–18.15', or 'time: 18.00' with 'end: 18.15'."""
    text = f"{value:.2f}" if isinstance(value, float) else ctx.string(value, line, what)
    span = SPAN.fullmatch(text)
    if not span or (span.group(2) and end is not None):
        ctx.problem(line, f"{what} '{text}' is not a time — expected {TIME_EXAMPLE}"
                    + (" (or 'end:', not both)" if end is not None else ""))
        return None, None
    start = clock(ctx, span.group(1), line, what)
    last = span.group(2) or (f"{end:.2f}" if isinstance(end, float) else
                             ctx.string(end, line, f"{what} end") if end is not None else None)
    stop = clock(ctx, last, line, f"{what} end") if last else None
    if start and stop and stop <= start:
        ctx.problem(line, f"{what} ends at {stop}, not after it starts at {start} — expected "
                    f"an end after the start, e.g. '{start}–{_later(start)}'")
        return start, None
    return start, stop


def _later(start: str) -> str:
    hours, minutes = map(int, start.split("."))
    return f"{min(hours + 1, 23):02d}.{minutes:02d}"


def read_invitation(ctx: Ctx, m: YMap, values: dict) -> None:
    """Fill `values` with the invitation's meetings, registration, contact and venue."""
    from plandoc.reader.meta import read_date

    for key in FIELDS:
        if m.get(key) is not None and values["kind"] != "invitation":
            ctx.problem(m.line_of(key), f"document {key} belongs to an invitation — expected "
                        "'kind: invitation', or remove it")
    if values["kind"] != "invitation":
        return
    if m.get("meetings") is not None:
        values["meetings"] = _meetings(ctx, m, read_date)
    elif any(m.get(k) is not None for k in ("date", "time", "place")):
        start, end = times(ctx, m["time"], m.line_of("time"), "document time") \
            if m.get("time") is not None else (None, None)
        values["meetings"] = (Meeting(values.get("date"), start, end, values.get("place")),)
    if m.get("registration") is not None:
        values["registration"] = _registration(ctx, m, values.get("meetings", ()), read_date)
    if m.get("contact") is not None:
        values["contact"] = _contact(ctx, m["contact"], m.line_of("contact"))
    if m.get("venue") is not None:
        values["venue"] = _venue(ctx, m["venue"], m.line_of("venue"))


def _meetings(ctx: Ctx, m: YMap, read_date) -> tuple[Meeting, ...]:
    for key in ("time", "place"):
        if m.get(key) is not None:
            ctx.problem(m.line_of(key), f"document {key} and meetings both given — expected "
                        f"the {key} of each meeting under 'meetings:'")
    seq = ctx.sequence(m["meetings"], m.line_of("meetings"), "document meetings")
    out = []
    for i, value in enumerate(seq):
        item = ctx.mapping(value, seq.line_of(i), "a meeting")
        if item is None or not ctx.keys(item, "meeting", (), ("date", "time", "place", "address")):
            continue
        if item.get("date") is None:
            ctx.problem(item.line, "meeting has no date — expected 'date: 2024-03-06' (the day "
                        "of the meeting, YYYY-MM-DD)")
            continue
        start, end = times(ctx, item["time"], item.line_of("time"), "meeting time") \
            if item.get("time") is not None else (None, None)
        text = {k: ctx.string(item[k], item.line_of(k), f"meeting {k}")
                for k in ("place", "address") if item.get(k) is not None}
        out.append(Meeting(read_date(ctx, item["date"], item.line_of("date")), start, end,
                           text.get("place"), text.get("address")))
    return tuple(out)


def _registration(ctx: Ctx, m: YMap, meetings, read_date) -> Registration | None:
    r = ctx.mapping(m["registration"], m.line_of("registration"), "document registration")
    if r is None or not ctx.keys(r, "registration", (), ("deadline", "url", "email")):
        return None
    if all(r.get(k) is None for k in ("deadline", "url", "email")):
        ctx.problem(r.line, "registration says nothing — expected 'deadline: 2024-03-01' and "
                    "where to register ('url: https://…' or 'email: …')")
        return None
    deadline = read_date(ctx, r["deadline"], r.line_of("deadline")) \
        if r.get("deadline") is not None else None
    days = [x.date for x in meetings if x.date]
    if deadline and days and deadline > min(days):
        ctx.problem(r.line_of("deadline"), f"registration deadline {deadline.isoformat()} is "
                    f"after the first meeting on {min(days).isoformat()} — expected a day "
                    "before the meeting")
    url = ctx.string(r["url"], r.line_of("url"), "registration url") \
        if r.get("url") is not None else None
    if url and not re.match(r"https?://\S+$", url):
        ctx.problem(r.line_of("url"), f"registration url '{url}' is not a web address — "
                    "expected one starting with https:// or http://")
    return Registration(deadline, url, _email(ctx, r, "registration"))


def _email(ctx: Ctx, m: YMap, what: str) -> str | None:
    if m.get("email") is None:
        return None
    text = ctx.string(m["email"], m.line_of("email"), f"{what} email").strip()
    if not EMAIL.fullmatch(text):
        ctx.problem(m.line_of("email"), f"{what} email '{text}' is not an e-mail address — "
                    "expected e.g. 'postmottak@vefsn.kommune.no'")
        return None
    return text


def _contact(ctx: Ctx, value, line: int) -> Contact | None:
    c = ctx.mapping(value, line, "document contact")
    if c is None or not ctx.keys(c, "contact", ("name",), ("title", "phone", "email")):
        return None
    text = {k: ctx.string(c[k], c.line_of(k), f"contact {k}").strip()
            for k in ("name", "title", "phone") if c.get(k) is not None}
    phone = text.get("phone")
    if phone and not PHONE.fullmatch(phone):
        ctx.problem(c.line_of("phone"), f"contact phone '{phone}' is not a phone number — "
                    "expected digits, e.g. '75 10 10 00' or '+47 75 10 10 00'")
        phone = None
    return Contact(text["name"], text.get("title"), phone, _email(ctx, c, "contact"))


def _venue(ctx: Ctx, value, line: int) -> Venue | None:
    from plandoc.reader.blocks import inline
    from plandoc.reader.figures import image_file

    v = ctx.mapping(value, line, "document venue")
    if v is None or not ctx.keys(v, "venue", (), ("note", "file", "alt")):
        return None
    if v.get("file") is not None and v.get("alt") in (None, ""):
        ctx.problem(v.line_of("file"), "venue file has no alt text — expected 'alt: …' "
                    "saying what the map or picture shows")
        return None
    note = inline(ctx, v["note"], v.line_of("note"), "venue note") \
        if v.get("note") is not None else ()
    path = image_file(ctx, v, "venue map") if v.get("file") is not None else None
    alt = ctx.string(v["alt"], v.line_of("alt"), "venue alt") if v.get("alt") else ""
    return Venue(note, path, alt)
