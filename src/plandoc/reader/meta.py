"""The `document:` mapping → Meta, with every field checked."""

from __future__ import annotations

import datetime as dt
import re

from plandoc.labels import LANGUAGES
from plandoc.model import MEETING_KINDS, CaseRef, CaseStep, Exemption, CoverImage, Meta
from plandoc.reader.context import Ctx, describe
from plandoc.reader.goals import read_labels
from plandoc.reader.invite import FIELDS as INVITATION_FIELDS, read_invitation
from plandoc.files import YMap, as_text, image_size

STATUSES = ("utkast", "høringsutkast", "vedtatt")
KINDS = ("plan", "invitation", "saksframlegg") + MEETING_KINDS
AUDIENCES = ("internal", "public")                  # public: built without exempt content
NO_COVER = {"invitation": "an invitation", "saksframlegg": "a saksframlegg",
            "meeting_notice": "a meeting notice", "meeting_minutes": "meeting minutes"}
APPENDIX_NUMBERINGS = ("numbers", "letters")       # Vedlegg 1, 2 … or Vedlegg A, B …
TEXT_FIELDS = ("title", "municipality", "subtitle", "part", "period", "organisation", "author",
               "adopted_by", "case", "subject", "style", "archive_case", "version", "replaces",
               "case_officer", "committee", "time", "place", "archive_code",
               "chief_executive")
DATE_FIELDS = ("date", "consultation_deadline", "meeting_date")
FIELDS = TEXT_FIELDS + DATE_FIELDS + ("kind", "language", "status", "cases", "keywords",
                                      "number_chapters", "toc", "line_numbers",
                                      "appendix_numbering", "goal_labels", "cover_image",
                                      "proceedings", "exempt", "audience", "meeting") + \
    INVITATION_FIELDS
FIELD_LIMITS = {"municipality": 200, "title": 1000}   # names set large, on one or two lines
# What each status needs, and an example of each field for the message.
STATUS_NEEDS = {
    "vedtatt": (("adopted_by", "kommunestyret"), ("date", "2021-05-12"), ("case", "38/20")),
    "høringsutkast": (("consultation_deadline", "2021-06-01"),),
}


def read_meta(ctx: Ctx, m: YMap) -> Meta:
    """Check and convert the document metadata."""
    ctx.keys(m, "document", required=("title", "municipality"), optional=FIELDS)
    values = {k: ctx.string(m[k], m.line_of(k), f"document {k}")
              for k in TEXT_FIELDS if m.get(k) is not None}
    for key, limit in FIELD_LIMITS.items():
        if len(values.get(key, "")) > limit:
            ctx.problem(m.line_of(key), f"document {key} has {len(values[key])} characters — "
                        f"expected at most {limit} (it stands on the cover or letterhead and in "
                        "every page's header)")
    values["kind"] = _choice(ctx, m, "kind", KINDS, "plan")
    values["language"] = _choice(ctx, m, "language", LANGUAGES, "nb")
    values["status"] = _status(ctx, m, values["kind"])
    for key in DATE_FIELDS:
        if m.get(key) is not None:
            values[key] = read_date(ctx, m[key], m.line_of(key))
    if m.get("cases") is not None:
        values["cases"] = tuple(_case(ctx, v, ln) for v, ln in _items(ctx, m, "cases"))
    if m.get("keywords") is not None:
        values["keywords"] = tuple(ctx.string(v, ln, "a keyword")
                                   for v, ln in _items(ctx, m, "keywords"))
    for switch in ("toc", "line_numbers"):
        if switch in m:
            values[switch] = ctx.boolean(m[switch], m.line_of(switch), f"document {switch}")
    if values["kind"] != "plan":
        values.setdefault("toc", False)     # an invitation or a saksframlegg has no contents
    if "number_chapters" in m:
        ctx.number_chapters = ctx.boolean(m["number_chapters"], m.line_of("number_chapters"),
                                          "document number_chapters")
    ctx.language = values["language"]
    values["appendix_numbering"] = ctx.appendix_numbering = _choice(
        ctx, m, "appendix_numbering", APPENDIX_NUMBERINGS, "numbers")
    if m.get("goal_labels") is not None:
        ctx.goal_labels = read_labels(ctx, m["goal_labels"], m.line_of("goal_labels"),
                                      "document goal_labels")
    if m.get("proceedings") is not None:
        values["proceedings"] = tuple(s for v, ln in _items(ctx, m, "proceedings")
                                      if (s := _step(ctx, v, ln)) is not None)
    if m.get("exempt") is not None:
        values["exempt"] = read_exemption(ctx, m["exempt"], m.line_of("exempt"), "document exempt")
    values["audience"] = _choice(ctx, m, "audience", AUDIENCES, "internal")
    if values["audience"] == "public" and values.get("exempt"):
        ctx.problem(m.line_of("audience"), "document audience 'public' but the document is "
                    "exempt from public access ('exempt:') — remove one of them")
    _meeting(ctx, m, values)
    if m.get("cover_image") is not None:
        values["cover_image"] = _cover_image(ctx, m["cover_image"], m.line_of("cover_image"))
        if values["kind"] != "plan":
            ctx.problem(m.line_of("cover_image"), "document cover_image: "
                        f"{NO_COVER[values['kind']]} has no cover page — remove cover_image, "
                        "or make it 'kind: plan'")
    read_invitation(ctx, m, values)
    values.setdefault("title", "")
    values.setdefault("municipality", "")
    return Meta(**values)


def _meeting(ctx: Ctx, m: YMap, values: dict) -> None:
    """A meeting notice's or minutes' `meeting:` (reader/meeting.py); the case list needs it."""
    from plandoc.reader.meeting import EXAMPLE, read_meeting

    ctx.kind = values["kind"]
    if m.get("meeting") is not None:
        values["meeting"] = ctx.meeting = read_meeting(ctx, m["meeting"], m.line_of("meeting"),
                                                       values["kind"])
    elif values["kind"] in MEETING_KINDS:
        ctx.problem(m.line, f"document kind '{values['kind']}' needs 'meeting:' — expected "
                    f"e.g. {EXAMPLE}")


def _cover_image(ctx: Ctx, value, line: int) -> CoverImage | None:
    """{file, alt or decorative, credit}: the cover's photo, checked as an image block's
    picture is."""
    from plandoc.reader.alt import alt_text
    from plandoc.reader.figures import image_file

    m = ctx.mapping(value, line, "cover_image")
    if m is None or not ctx.keys(m, "cover_image", ("file",), ("alt", "decorative", "credit")):
        return None
    alt = alt_text(ctx, m, "cover_image")
    path = image_file(ctx, m, "cover image", drawing=False)
    credit = ctx.string(m["credit"], m.line_of("credit"), "cover image credit") \
        if m.get("credit") is not None else None
    return CoverImage(path, alt, credit, image_size(path) or (1, 1)) if path else None


def _status(ctx: Ctx, m: YMap, kind: str) -> str | None:
    """The status; a plan is an utkast unless it says otherwise, other kinds have none."""
    if m.get("status") is None and kind != "plan":
        return None
    status = _choice(ctx, m, "status", STATUSES, "utkast")
    missing = [(k, example) for k, example in STATUS_NEEDS.get(status, ()) if m.get(k) in
               (None, "")]
    if missing:
        names = ", ".join(k for k, _ in missing)
        examples = ", ".join(f"'{k}: {example}'" for k, example in missing)
        ctx.problem(m.line_of("status"), f"document status '{status}' needs {names} — expected "
                    f"{examples} under 'document:'")
    return status


def _choice(ctx: Ctx, m: YMap, key: str, allowed, default: str) -> str:
    value = m.get(key, default)
    if value not in allowed:
        hint = " (nb: bokmål, nn: nynorsk)" if key == "language" else ""
        ctx.problem(m.line_of(key), f"document {key} {describe(value)} is not known — expected "
                    "one of: " + ", ".join(allowed) + hint)
        return default
    return value


def _items(ctx: Ctx, m: YMap, key: str):
    seq = ctx.sequence(m[key], m.line_of(key), f"document {key}")
    return [(v, seq.line_of(i)) for i, v in enumerate(seq)]


def read_date(ctx: Ctx, value, line: int) -> dt.date | None:
    """A YYYY-MM-DD date (YAML 1.2 reads it as text); a day that does not exist is a problem."""
    if isinstance(value, dt.date):
        return value
    text = str(value).strip() if isinstance(value, (str, int)) else ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            ctx.problem(line, f"date {text} does not exist — expected a real day as "
                        "YYYY-MM-DD, e.g. 2021-05-12")
            return None
    shown = as_text(value) if isinstance(value, (int, float)) else describe(value)
    ctx.problem(line, f"date {shown} is not a date — expected YYYY-MM-DD, e.g. 2021-05-12")
    return None


def read_exemption(ctx: Ctx, value, line: int, what: str) -> Exemption | None:
    """`exempt: "offl. § 13, jf. fvl. § 13"` or `{basis: …, public_title: …}`."""
    if not isinstance(value, YMap):
        basis, public_title = ctx.string(value, line, what).strip(), None
    elif not ctx.keys(value, what, ("basis",), ("public_title",)):
        return None
    else:
        basis = ctx.string(value["basis"], value.line_of("basis"), f"{what} basis").strip()
        public_title = ctx.string(value["public_title"], value.line_of("public_title"),
                                  f"{what} public_title").strip() \
            if value.get("public_title") is not None else None
    if not basis:
        ctx.problem(line, f"{what} has no legal basis — expected the law that allows it, e.g. "
                    "'exempt: offl. § 13, jf. fvl. § 13'")
        return None
    return Exemption(basis, public_title)


def _step(ctx: Ctx, value, line: int) -> CaseStep | None:
    """{body, case, date}: one body's treatment of the case (a row of the saksgang)."""
    m = ctx.mapping(value, line, "a proceedings step")
    if m is None or not ctx.keys(m, "proceedings step", ("body",), ("case", "date")):
        return None
    case = ctx.string(m["case"], m.line_of("case"), "proceedings case") \
        if m.get("case") is not None else None
    when = read_date(ctx, m["date"], m.line_of("date")) if m.get("date") is not None else None
    return CaseStep(ctx.string(m["body"], m.line_of("body"), "proceedings body"), case, when)


def _case(ctx: Ctx, value, line: int) -> CaseRef:
    if not isinstance(value, YMap):
        return CaseRef(ctx.string(value, line, "a case reference"))
    ctx.keys(value, "case reference", required=("ref",), optional=("body", "date", "title"))
    text = {k: ctx.string(value[k], value.line_of(k), f"case {k}")
            for k in ("ref", "body", "title") if value.get(k) is not None}
    when = read_date(ctx, value["date"], value.line_of("date")) if value.get("date") else None
    return CaseRef(text.get("ref", ""), text.get("body"), when, text.get("title"))
