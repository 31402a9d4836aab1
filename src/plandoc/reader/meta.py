"""The `document:` mapping → Meta, with every field checked."""

from __future__ import annotations

import datetime as dt

from plandoc.labels import LANGUAGES
from plandoc.model import CaseRef, Meta
from plandoc.reader.context import Ctx, describe
from plandoc.reader.yamlsrc import YMap

STATUSES = ("utkast", "høringsutkast", "vedtatt")
KINDS = ("plan",)
TEXT_FIELDS = ("title", "municipality", "subtitle", "part", "period", "organisation", "author",
               "adopted_by", "case", "subject", "style")
FIELDS = TEXT_FIELDS + ("kind", "language", "status", "date", "cases", "keywords",
                        "number_chapters", "toc")


def read_meta(ctx: Ctx, m: YMap) -> Meta:
    """Check and convert the document metadata."""
    ctx.keys(m, "document", required=("title", "municipality"), optional=FIELDS)
    values = {k: ctx.string(m[k], m.line_of(k), f"document {k}")
              for k in TEXT_FIELDS if m.get(k) is not None}
    values["kind"] = _choice(ctx, m, "kind", KINDS, "plan")
    values["language"] = _choice(ctx, m, "language", LANGUAGES, "nb")
    values["status"] = _choice(ctx, m, "status", STATUSES, "utkast")
    if m.get("date") is not None:
        values["date"] = _date(ctx, m["date"], m.line_of("date"))
    if m.get("cases") is not None:
        values["cases"] = tuple(_case(ctx, v, ln) for v, ln in _items(ctx, m, "cases"))
    if m.get("keywords") is not None:
        values["keywords"] = tuple(ctx.string(v, ln, "a keyword")
                                   for v, ln in _items(ctx, m, "keywords"))
    if "toc" in m:
        values["toc"] = ctx.boolean(m["toc"], m.line_of("toc"), "document toc")
    if "number_chapters" in m:
        ctx.number_chapters = ctx.boolean(m["number_chapters"], m.line_of("number_chapters"),
                                          "document number_chapters")
    ctx.language = values["language"]
    values.setdefault("title", "")
    values.setdefault("municipality", "")
    return Meta(**values)


def _choice(ctx: Ctx, m: YMap, key: str, allowed, default: str) -> str:
    value = m.get(key, default)
    if value not in allowed:
        ctx.problem(m.line_of(key), f"document {key} {describe(value)} is not known — expected "
                    "one of: " + ", ".join(allowed))
        return default
    return value


def _items(ctx: Ctx, m: YMap, key: str):
    seq = ctx.sequence(m[key], m.line_of(key), f"document {key}")
    return [(v, seq.line_of(i)) for i, v in enumerate(seq)]


def _date(ctx: Ctx, value, line: int) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        ctx.problem(line, f"date {describe(value)} is not a date — expected YYYY-MM-DD, "
                    "e.g. 2021-05-12")
        return None


def _case(ctx: Ctx, value, line: int) -> CaseRef:
    if not isinstance(value, YMap):
        return CaseRef(ctx.string(value, line, "a case reference"))
    ctx.keys(value, "case reference", required=("ref",), optional=("body", "date", "title"))
    text = {k: ctx.string(value[k], value.line_of(k), f"case {k}")
            for k in ("ref", "body", "title") if value.get(k) is not None}
    when = _date(ctx, value["date"], value.line_of("date")) if value.get("date") else None
    return CaseRef(text.get("ref", ""), text.get("body"), when, text.get("title"))
