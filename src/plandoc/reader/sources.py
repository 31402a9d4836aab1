"""The `references:` block: the sources (Kilder) the text cites as `[@id]`.

    - references:
        title: Kilder            # optional; the language's word by default
        items:                   # or  file: kilder.yaml  (a YAML file holding that list)
          - {id: tøi2017, author: TØI, year: 2017, title: …, publisher: …, url: …}

The block becomes an unnumbered chapter heading (in the contents) and the References block;
which entries are cited is checked once the whole document is read (content.py).
"""

from __future__ import annotations

import dataclasses
import re

from plandoc.errors import ContentError
from plandoc.files import YMap, load_yaml
from plandoc.labels import labels
from plandoc.model import Reference, References, Span
from plandoc.reader.blocks import inline, register
from plandoc.reader.context import ID, Ctx
from plandoc.reader.headings import after_appendix, make_heading
from plandoc.reader.meta import read_date

REQUIRED = ("id", "author", "year", "title")
OPTIONAL = ("short", "publisher", "url", "accessed", "note")
WEB = re.compile(r"https?://[^/\s]\S*", re.IGNORECASE)


@register("references")
def references(ctx: Ctx, value, line: int, item) -> list:
    """The list's heading and its entries (a second block is a problem)."""
    m = ctx.mapping(value, line, "references")
    if m is None or not ctx.keys(m, "references", optional=("title", "items", "file")):
        return []
    if ctx.references:
        ctx.problem(line, "a second references block — the document has one at line "
                    f"{ctx.references[0]}; put every source in that one")
        return []
    ctx.references.append(line)
    title = inline(ctx, m["title"], m.line_of("title"), "references title") \
        if m.get("title") is not None else (Span(labels(ctx.language)["references"]),)
    after_appendix(ctx, line, "the references", title)
    heading = make_heading(ctx, 1, title, numbered=False)
    return [heading, References(_entries(ctx, m, line))]


def _entries(ctx: Ctx, m: YMap, line: int) -> tuple[Reference, ...]:
    """The entries under `items:`, or in the YAML file `file:` names."""
    if ("items" in m) == ("file" in m):
        ctx.problem(line, "references needs either 'items:' (a list of sources) or 'file:' (a "
                    "YAML file holding that list)" + (", not both" if "items" in m else ""))
        return ()
    if "items" in m:
        return _read_list(ctx, m["items"], m.line_of("items"))
    path = ctx.resolve(m["file"], m.line_of("file"), "references file")
    if path is None:
        return ()
    if path.suffix.lower() not in (".yaml", ".yml"):
        ctx.problem(m.line_of("file"), f"references file '{path.name}' is not YAML — expected "
                    "a .yaml file holding the list of sources")
        return ()
    try:
        data = load_yaml(path)
    except ContentError as exc:
        ctx.problems += exc.problems
        return ()
    return _read_list(dataclasses.replace(ctx, path=path), data, getattr(data, "line", 1))


def _read_list(ctx: Ctx, value, line: int) -> tuple[Reference, ...]:
    seq = ctx.sequence(value, line, "references items")
    return tuple(r for i, v in enumerate(seq) if (r := _entry(ctx, v, seq.line_of(i), i + 1)))


def _entry(ctx: Ctx, value, line: int, n: int) -> Reference | None:
    """One source: id, author, year and title, and what else identifies it."""
    m = ctx.mapping(value, line, f"source {n} of the references")
    if m is None:
        return None
    ident = ctx.string(m["id"], m.line_of("id"), "id") if m.get("id") is not None else ""
    where = f"source '{ident}'" if ident else f"source {n} of the references"
    if not ctx.keys(m, where, REQUIRED, OPTIONAL) or not _new_id(ctx, ident, m.line_of("id")):
        return None
    text = {k: ctx.string(m[k], m.line_of(k), f"{k} of {where}").strip()
            for k in ("author", "year", "title", "short", "publisher", "url")
            if m.get(k) is not None}
    if text.get("url") and not WEB.fullmatch(text["url"]):
        ctx.problem(m.line_of("url"), f"url '{text['url']}' of {where} is not a web address "
                    "— expected one starting with http:// or https://")
        text.pop("url")
    accessed = read_date(ctx, m["accessed"], m.line_of("accessed")) \
        if m.get("accessed") is not None else None
    note = inline(ctx, m["note"], m.line_of("note"), f"note of {where}") \
        if m.get("note") is not None else ()
    return Reference(ident, text["author"], text["year"], text["title"], text.get("short"),
                     text.get("publisher"), text.get("url"), accessed, note)


def _new_id(ctx: Ctx, ident: str, line: int) -> bool:
    """A source's id is a plain word, once in the list."""
    if not ID.fullmatch(ident):
        ctx.problem(line, f"source id '{ident}' must be a plain word of letters, digits, '-' "
                    "and '_' — e.g. 'tøi2017'")
        return False
    if ident in ctx.sources:
        ctx.problem(line, f"source id '{ident}' is already the id of the source at line "
                    f"{ctx.sources[ident]} — expected each id once in the references")
        return False
    ctx.sources[ident] = line
    return True
