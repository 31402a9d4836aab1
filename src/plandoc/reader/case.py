"""Blocks of council case work: revision history, program, attachments, parts.

(The innstilling and a body's vedtak: reader/vedtak.py.)

revisions    → a Table (version, date, changes, decision) with headers in the document language
program      → a Program (timetable of items with time (and end), title, speaker, sub-items,
               questions; parts)
attachments  → a 'Vedlegg' heading and a numbered list; an item naming a plandoc content file
               shows that document's title, status line and version (the file must exist)
part         → a PartTitle: the title page of one part of a plan, listed in the contents
appendix     → an Appendix heading ('Vedlegg 1 Kartgrunnlag') and its body; after the main text
appendix_list → an AppendixList: the document's appendices, number and title
"""

from __future__ import annotations

import dataclasses

from plandoc.errors import ContentError
from plandoc.labels import format_date, labels, status_line, version_line
from plandoc.model import (Appendix, AppendixList, Heading, ListBlock, ListItem,
                           PartTitle, Program, ProgramItem,
                           ProgramPart, Span, Table)
from plandoc.reader.blocks import MAX_TITLE, exemption, inline, read_body, register
from plandoc.reader.headings import after_appendix
from plandoc.reader.context import Ctx, describe
from plandoc.reader.invite import times
from plandoc.files import YMap, load_yaml


@register("revisions")
def revisions(ctx: Ctx, value, line: int, item) -> list:
    """A revision history: list of {version, date, changes, decision}."""
    words = labels(ctx.language)
    seq = ctx.sequence(value, line, "revisions")
    rows = []
    for i, entry in enumerate(seq):
        m = ctx.mapping(entry, seq.line_of(i), "a revision")
        if m is None or not ctx.keys(m, "revision", ("version", "changes"), ("date", "decision")):
            continue
        when = ""
        if m.get("date") is not None:
            from plandoc.reader.meta import read_date
            d = read_date(ctx, m["date"], m.line_of("date"))
            when = format_date(d, ctx.language) if d else ""
        rows.append(tuple(inline(ctx, v, m.line_of(k), f"revision {k}") if v is not None else ()
                          for k, v in (("version", m["version"]), ("date", when or None),
                                       ("changes", m["changes"]),
                                       ("decision", m.get("decision")))))
    header = tuple((Span(words[f"rev.{k}"]),) for k in ("version", "date", "changes", "decision"))
    return [Table(header, tuple(rows), (Span(words["revisions"]),), (1, 1.4, 4, 2))]


@register("program")
def program(ctx: Ctx, value, line: int, item) -> list:
    """A meeting program: items {time, title, speaker, items} and parts {part, items}."""
    seq = ctx.sequence(value, line, "program")
    entries = []
    for i, entry in enumerate(seq):
        m = ctx.mapping(entry, seq.line_of(i), "a program item")
        if m is None:
            continue
        if "part" in m:
            ctx.keys(m, "program part", ("part",), ("items",))
            sub = ctx.sequence(m.get("items"), m.line_of("items"), "part items") \
                if "items" in m else []
            entries.append(ProgramPart(inline(ctx, m["part"], m.line_of("part"), "part"), tuple(
                _item(ctx, v, sub.line_of(j), timed=False) for j, v in enumerate(sub))))
        else:
            entries.append(_item(ctx, m, seq.line_of(i), timed=True))
    return [Program(tuple(entries), (Span(labels(ctx.language)["program"]),))]


def _item(ctx: Ctx, value, line: int, timed: bool) -> ProgramItem:
    if not isinstance(value, YMap):
        return ProgramItem(inline(ctx, value, line, "a program item"))
    ctx.keys(value, "program item", ("title",), ("time", "end", "speaker", "items", "questions"))
    if timed and value.get("time") in (None, ""):
        ctx.problem(value.line, "program item has no time — expected 'time: 18.00' (only the "
                    "items of a 'part:' may leave it out)")
    start, end = times(ctx, value["time"], value.line_of("time"), "program item time",
                       value.get("end")) if value.get("time") not in (None, "") else (None, None)
    if value.get("end") is not None and value.get("time") in (None, ""):
        ctx.problem(value.line_of("end"), "program item has an end but no time — expected "
                    "'time: 18.00' before 'end:'")
    return ProgramItem(
        inline(ctx, value.get("title"), value.line_of("title"), "program item title"),
        start, inline(ctx, value["speaker"], value.line_of("speaker"), "speaker")
        if value.get("speaker") else (), _texts(ctx, value, "items", "a sub-item"), end,
        _texts(ctx, value, "questions", "a question"))


def _texts(ctx: Ctx, value: YMap, key: str, what: str) -> tuple:
    """The items of a program item's list `key` (sub-items, questions) as inline text."""
    if key not in value:
        return ()
    seq = ctx.sequence(value[key], value.line_of(key), f"program item {key}")
    return tuple(inline(ctx, v, seq.line_of(j), what) for j, v in enumerate(seq))


@register("attachments")
def attachments(ctx: Ctx, value, line: int, item) -> list:
    """Vedlegg: text items, or {document: other.yaml} showing its title and status."""
    seq = ctx.sequence(value, line, "attachments")
    items = []
    for i, entry in enumerate(seq):
        at = seq.line_of(i)
        if isinstance(entry, YMap):
            items.append(_attachment(ctx, entry))
        else:
            items.append(ListItem(inline(ctx, entry, at, "an attachment")))
    words = labels(ctx.language)
    heading = Heading(2, (Span(words["attachments"]),), None, ctx.next_anchor(), in_toc=False)
    return [heading, ListBlock(tuple(items), ordered=True)]


def _attachment(ctx: Ctx, entry: YMap) -> ListItem:
    """{document: other.yaml} or {text: Kart}, either with an `exempt:`; an attached document
    that is exempt as a whole makes its item exempt unless the item says otherwise."""
    if "text" in entry and "document" in entry:
        ctx.problem(entry.line, "an attachment has both 'text' and 'document' — expected one")
    ctx.keys(entry, "attachment", (), ("document", "text", "exempt"))
    exempt = exemption(ctx, entry, "attachment")
    if entry.get("document") is None and entry.get("text") is None:
        ctx.problem(entry.line, "an attachment without 'document' or 'text' — expected "
                    "'document: other.yaml' or 'text: Kart over området'")
        return ListItem((), exempt=exempt)
    if entry.get("document") is None:
        return ListItem(inline(ctx, entry.get("text"), entry.line_of("text"), "an attachment"),
                        exempt=exempt)
    text, whole = _attached(ctx, entry["document"], entry.line_of("document"))
    return ListItem(text, exempt=exempt or whole)


def _attached(ctx: Ctx, name, line: int):
    """'Strategisk næringsplan (Utkast)' from another content file's metadata, and the
    exemption of that document (None when it has none)."""
    from plandoc.reader.meta import read_meta

    path = ctx.resolve(name, line, "attached document")
    if path is None:
        return (Span(str(name)),), None
    if path.suffix.lower() not in (".yaml", ".yml"):
        ctx.problem(line, f"attached document '{name}' is not a content file — expected a "
                    ".yaml file, or the attachment's name as text (e.g. '- Kart over området')")
        return (Span(str(name)),), None
    other = Ctx(path)
    try:
        data = load_yaml(path)
    except ContentError as exc:
        ctx.problems += exc.problems
        return (Span(str(name)),), None
    m = data.get("document") if isinstance(data, YMap) else None
    if not isinstance(m, YMap):
        ctx.problem(line, f"attached document '{name}' has no 'document:' metadata — expected "
                    "a plandoc content file")
        return (Span(str(name)),), None
    meta = read_meta(other, m)
    ctx.problems += other.problems
    said = dataclasses.replace(meta, language=ctx.language)
    facts = [status_line(said) if meta.status else "", version_line(said)]
    text = meta.title + (f" ({meta.subtitle})" if meta.subtitle else "")
    return (Span(text, bold=True),) + tuple(Span(f" — {x}") for x in facts if x), meta.exempt


@register("part")
def part(ctx: Ctx, value, line: int, item) -> list:
    """part: {label: Del 2, title: Naturbruksplan, intro: …} — a title page; body follows."""
    m = ctx.mapping(value, line, "part")
    if m is None or not ctx.keys(m, "part", ("title",), ("label", "intro")):
        return []
    label = ctx.string(m["label"], m.line_of("label"), "part label") if m.get("label") else ""
    intro = inline(ctx, m["intro"], m.line_of("intro"), "part intro") if m.get("intro") else ()
    title = inline(ctx, m["title"], m.line_of("title"), "part title")
    after_appendix(ctx, line, "part", title)
    return [PartTitle(label, title, ctx.next_anchor(), intro)]




def appendix_number(n: int, letters: bool) -> str:
    """1 → '1', or with letters 1 → 'A', 26 → 'Z', 27 → 'AA'."""
    if not letters:
        return str(n)
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


@register("appendix")
def appendix(ctx: Ctx, value, line: int, item) -> list:
    """appendix: {title: Kartgrunnlag, id: kart, body: [...]} — 'Vedlegg 1 Kartgrunnlag' on a
    new page, its sections numbered 'V1.1' ('A.1' with `appendix_numbering: letters`)."""
    if not isinstance(value, YMap):
        ctx.problem(line, f"appendix must be a mapping of keys, got {describe(value)} — "
                    "expected e.g. 'appendix: {title: Kartgrunnlag, id: kart}' with its "
                    "blocks under 'body:'")
        return []
    m = value
    if not ctx.keys(m, "appendix", ("title",), ("id", "body")):
        return []
    title = inline(ctx, m["title"], m.line_of("title"), "appendix title", limit=MAX_TITLE)
    c = ctx.counters
    c.appendix += 1
    letters = ctx.appendix_numbering == "letters"
    number = appendix_number(c.appendix, letters)
    c.prefix = number if letters else labels(ctx.language)["appendix.prefix"] + number
    c.chapter_numbered, c.section, c.subsection = True, 0, 0
    block = Appendix(number, title, ctx.next_anchor(), ctx.target_id(m, "appendix"))
    body = read_body(ctx, m["body"], m.line_of("body")) if "body" in m else []
    return [block, *body]


@register("appendix_list")
def appendix_list(ctx: Ctx, value, line: int, item) -> list:
    """appendix_list: {} or {title: Vedlegg til planen} — the appendices, number and title
    (the document must have one: checked once it is read)."""
    ctx.appendix_lists.append(line)
    if value is None:
        return [AppendixList()]
    m = ctx.mapping(value, line, "appendix_list")
    if m is None or not ctx.keys(m, "appendix_list", (), ("title",)):
        return [AppendixList()]
    title = inline(ctx, m["title"], m.line_of("title"), "appendix_list title",
                   limit=MAX_TITLE) if m.get("title") is not None else ()
    return [AppendixList(title)]
