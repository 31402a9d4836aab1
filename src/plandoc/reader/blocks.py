"""The `body:` list → model blocks: one reader function per block kind.

Each function gets (ctx, value, line, item) and returns a list of blocks; problems go to ctx.
figures.py and panels.py add their kinds to BLOCKS with @register.
"""

from __future__ import annotations

import dataclasses
import re

from plandoc.errors import ContentError, did_you_mean
from plandoc.model import ListBlock, ListItem, PageBreak, Paragraph, Table
from plandoc.reader.context import Ctx, describe
from plandoc.reader.headings import after_appendix, make_heading
from plandoc.reader.inline import (FOOTNOTE_DEF, FOOTNOTE_REF, lang_problems, parse_blocks,
                                   parse_inline)
from plandoc.reader.pipes import check_rules, check_table
from plandoc.files import MAX_TEXT, YMap, read_text, spaced

HEADING_KINDS = {"chapter": 1, "section": 2, "subsection": 3}


def read_body(ctx: Ctx, value, line: int) -> list:
    """A list of block items → blocks."""
    out = []
    seq = ctx.sequence(value, line, "body")
    for i, item in enumerate(seq):
        out += read_block(ctx, item, seq.line_of(i))
    return out


def read_block(ctx: Ctx, item, line: int) -> list:
    """One item of a body list."""
    if item == "page_break":
        return [PageBreak()]
    if not isinstance(item, YMap) or not item:
        ctx.problem(line, f"expected a block such as 'paragraph: …' or 'chapter: …', got "
                    f"{describe(item)}")
        return []
    kind = next((k for k in item if k in BLOCKS), None)
    if kind is None:
        first = str(next(iter(item)))
        ctx.problem(item.line_of(first), f"unknown block '{first}'" + did_you_mean(first, BLOCKS))
        return []
    if kind not in HEADING_KINDS and kind != "goal":   # their settings stand beside them
        for extra in item:
            if extra == "exempt" and kind != "paragraph":
                ctx.problem(item.line_of(extra), f"'exempt' on a {kind} — an exemption stands "
                            "beside a chapter, section, subsection or paragraph, or on an "
                            f"attachment or list item (put the {kind} in an exempt section)")
            elif extra != kind and (extra, kind) != ("exempt", "paragraph"):
                ctx.problem(item.line_of(extra), f"unknown key '{extra}' in {kind} — put the "
                            f"block's settings under '{kind}:'")
    return BLOCKS[kind](ctx, item[kind], item.line_of(kind), item)


def exemption(ctx: Ctx, item: YMap, what: str, titled: bool = True):
    """The `exempt:` beside a block or in an item (None without one); `titled`: whether the
    thing has a title a public build could show in its place (`public_title`) — what has none
    (a paragraph, a list item) shows only the marking."""
    from plandoc.reader.meta import read_exemption

    if not isinstance(item, YMap) or item.get("exempt") is None:
        return None
    found = read_exemption(ctx, item["exempt"], item.line_of("exempt"), f"{what} exempt")
    if found and found.public_title is not None and not titled:
        ctx.problem(item.line_of("exempt"), f"{what} exempt: public_title on a {what}, which "
                    "has no title — remove public_title (a public build prints the marking "
                    f"in the {what}'s place), or make it an exempt section with a title")
    return dataclasses.replace(found, public_title="") if found and not titled else found


MAX_TITLE = 1000   # characters in a heading, a slogan or a box's title: set large, page-wide
MAX_BOX_TEXT = 5000  # characters in the text of a callout (a box that does not break nicely)


def inline(ctx: Ctx, value, line: int, what: str, file=None, limit: int | None = None):
    """A text field with inline Markdown (`file`: where it was read when not the YAML).

    `limit`: at most this many characters (titles and boxes; any text is at most MAX_TEXT).
    """
    text = ctx.string(value, line, what)
    if limit and len(text) > limit:
        ctx.problem(line, f"{what} has {spaced(len(text))} characters — expected at most "
                    f"{spaced(limit)} (put the rest in a paragraph)", file)
    check_images(ctx, text, line, file)
    check_spans(ctx, text, line, file)
    if "[^" in text and FOOTNOTE_REF.search(text):
        ctx.problem(line, f"footnote {FOOTNOTE_REF.search(text).group(0)} in {what} — "
                    "footnotes work in 'text:' blocks and included Markdown files, with the "
                    "note's definition ('[^1]: …') in the same text", file)
    return ctx.check_links(parse_inline(text), line, file)


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\(")


def check_images(ctx: Ctx, text: str, line: int, file=None) -> None:
    """Markdown's ![alt](file) is not drawn: images are blocks of their own, with alt text."""
    if "![" in text and _MD_IMAGE.search(text):
        ctx.problem(line, "Markdown images ![…](…) are not supported — use an 'image:' block "
                    "with 'file:' and 'alt:'", file)


def check_spans(ctx: Ctx, text: str, line: int, file=None) -> None:
    """A span in another language, `[…]{lang=en}`, names a valid language and nothing else."""
    if "]{" in text:
        for message in lang_problems(text):
            ctx.problem(line, message, file)


def heading_block(ctx: Ctx, value, line: int, item: YMap) -> list:
    """chapter / section / subsection with an optional body."""
    kind = next(k for k in item if k in HEADING_KINDS)
    ctx.keys(item, kind, required=(kind,), optional=("body", "numbered", "toc", "id", "exempt"))
    numbered = ctx.boolean(item["numbered"], item.line_of("numbered"), f"{kind} numbered") \
        if "numbered" in item else None
    in_toc = ctx.boolean(item["toc"], item.line_of("toc"), f"{kind} toc") if "toc" in item \
        else True
    title = inline(ctx, value, line, f"{kind} title", limit=MAX_TITLE)
    if ctx.scope is not None:    # inside a focus area the goals carry the numbers
        numbered = False
        if HEADING_KINDS[kind] <= ctx.heading_level:
            inner = ("section", "subsection")[ctx.heading_level - 1] \
                if ctx.heading_level < 3 else None
            ctx.problem(line, f"a {kind} inside a focus area — expected "
                        + (f"'{inner}:' (the focus area is the {kind} around it)" if inner
                           else "text and goals"))
    if HEADING_KINDS[kind] == 1:
        after_appendix(ctx, line, "chapter", title)
    heading = dataclasses.replace(
        make_heading(ctx, HEADING_KINDS[kind], title, numbered, in_toc,
                     ident=ctx.target_id(item, "heading")), exempt=exemption(ctx, item, kind))
    level, ctx.heading_level = ctx.heading_level, heading.level
    body = read_body(ctx, item["body"], item.line_of("body")) if "body" in item else []
    ctx.heading_level = level
    return [heading, *body]


def paragraph(ctx: Ctx, value, line: int, item) -> list:
    """One paragraph of inline Markdown."""
    return [Paragraph(inline(ctx, value, line, "paragraph"),
                      exempt=exemption(ctx, item, "paragraph", titled=False))]


def text(ctx: Ctx, value, line: int, item) -> list:
    """Block Markdown written in the YAML (line numbers follow the block)."""
    return markdown(ctx, ctx.string(value, line, "text"), line + 1)


def markdown(ctx: Ctx, source: str, first_line: int, file=None) -> list:
    """Paragraphs, lists, headings and pipe tables from Markdown source (bad characters
    reported, removed)."""
    def heading(level, spans, offset):
        if level == 1:
            after_appendix(ctx, first_line + offset, "chapter", spans, file)
        return make_heading(ctx, level, spans)

    def unsupported(what, offset):
        ctx.problem(first_line + offset, f"{what} are not supported in Markdown text — write "
                    "paragraphs and lists, or use a 'table:' block", file)

    def links(spans, offset):
        ctx.check_links(spans, first_line + offset, file)
    rows, notes = _checked_rows(ctx, source, first_line, file), {}
    parsed = parse_blocks("\n".join(rows), heading, unsupported, links, notes)
    _check_notes(ctx, rows, notes, first_line, file)
    out = []
    for block, offset in parsed:
        if isinstance(block, ListBlock):
            check_depth(ctx, block, first_line + offset, file)
        if isinstance(block, Table):
            block = check_table(ctx, block, rows, offset, first_line, file)
        out += [block] if block is not None else []
    return out


def _checked_rows(ctx: Ctx, source: str, first_line: int, file) -> list[str]:
    """The source's lines with what plandoc cannot use reported (and bad characters removed):
    control characters, Markdown images, a table's delimiter row that does not match its
    header, paragraphs over MAX_TEXT."""
    rows = [ctx.check_chars(row, first_line + n, file)
            for n, row in enumerate(source.split("\n"))]
    for n, row in enumerate(rows):
        check_images(ctx, row, first_line + n, file)
        check_spans(ctx, row, first_line + n, file)
    check_rules(ctx, rows, first_line, file)
    _long_paragraphs(ctx, rows, first_line, file)
    return rows


MAX_LIST_DEPTH = 6


def _check_notes(ctx: Ctx, rows: list[str], notes: dict, first_line: int, file) -> None:
    """Every footnote reference has a definition in the same text, every definition is
    referred to, no label is defined twice and no heading carries a note."""
    defined: dict[str, int] = {}
    for n, row in enumerate(rows):
        found = FOOTNOTE_DEF.match(row)
        if not found:
            continue
        label = found.group(1)
        if label in defined:
            ctx.problem(first_line + n, f"footnote [^{label}] is defined twice (first at line "
                        f"{first_line + defined[label]}) — give each note a label of its own",
                        file)
        else:
            defined[label] = n
    used = {label for label, _ in notes.get("used", ())}
    for n, row in enumerate(rows):
        rest = row[FOOTNOTE_DEF.match(row).end():] if FOOTNOTE_DEF.match(row) else row
        for found in FOOTNOTE_REF.finditer(rest):
            if found.group(1) not in defined:
                ctx.problem(first_line + n, f"footnote reference {found.group(0)} has no "
                            f"definition — add a line '{found.group(0)}: …' with the note's "
                            "text to the same text block or file", file)
    for label, n in defined.items():
        if label not in used:
            ctx.problem(first_line + n, f"footnote [^{label}] is defined but never referred "
                        f"to — put [^{label}] in the text where the note belongs, or remove "
                        "the definition", file)
    for offset in notes.get("headings", ()):
        ctx.problem(first_line + offset, "a footnote in a heading — put the reference in the "
                    "text below the heading", file)


def _long_paragraphs(ctx: Ctx, rows: list[str], first_line: int, file) -> None:
    """A Markdown paragraph (lines up to a blank one) longer than MAX_TEXT is a problem."""
    start, size = 0, 0
    for n, row in enumerate([*rows, ""]):
        if row.strip():
            start, size = (n, 0) if not size else (start, size)
            size += len(row) + 1
            continue
        if size > MAX_TEXT:
            ctx.problem(first_line + start, f"a paragraph of {spaced(size)} characters is too "
                        f"long — expected at most {spaced(MAX_TEXT)} (split it into "
                        "paragraphs)", file)
        size = 0


def check_depth(ctx: Ctx, block: ListBlock, line: int, file=None) -> None:
    """A list nested deeper than MAX_LIST_DEPTH levels is a problem (no one can follow it)."""
    def depth(lst: ListBlock) -> int:
        return 1 + max((depth(c) for item in lst.items for c in item.children), default=0)
    if depth(block) > MAX_LIST_DEPTH:
        ctx.problem(line, f"a list nested {depth(block)} levels deep — expected at most "
                    f"{MAX_LIST_DEPTH} levels (make the deeper points a list of their own)",
                    file)


def include(ctx: Ctx, value, line: int, item) -> list:
    """A Markdown file next to the content file."""
    path = ctx.resolve(value, line, "included file")
    if path is None:
        return []
    if path.suffix.lower() not in MARKDOWN_SUFFIXES:
        ctx.problem(line, f"included file '{path.name}' is not Markdown — expected a .md file "
                    "(data goes in a 'table:' or 'chart:' block, a document in 'attachments:')")
        return []
    try:
        source = read_text(path)
    except ContentError as exc:
        ctx.problems += exc.problems
        return []
    if len(source) > MAX_FILE_TEXT:
        ctx.problem(1, f"the file has {spaced(len(source))} characters — expected at most "
                    f"{spaced(MAX_FILE_TEXT)} (split the text into several files)", path)
        return []
    return markdown(ctx, source, 1, path)


MAX_FILE_TEXT = 10 * MAX_TEXT
MARKDOWN_SUFFIXES = (".md", ".markdown", ".txt")


def bullet_list(ctx: Ctx, value, line: int, item, ordered: bool = False) -> list:
    """list: / numbered_list: — items are text or {text:, items: [...]} for nesting."""
    block = _list(ctx, value, line, ordered)
    check_depth(ctx, block, line)
    return [block]


def numbered_list(ctx: Ctx, value, line: int, item) -> list:
    """A numbered list."""
    return bullet_list(ctx, value, line, item, ordered=True)


def _list(ctx: Ctx, value, line: int, ordered: bool) -> ListBlock:
    seq = ctx.sequence(value, line, "a list")
    return ListBlock(tuple(_item(ctx, v, seq.line_of(i), ordered) for i, v in enumerate(seq)),
                     ordered)


def _item(ctx: Ctx, value, line: int, ordered: bool) -> ListItem:
    if not isinstance(value, YMap):
        return ListItem(inline(ctx, value, line, "a list item"))
    ctx.keys(value, "list item", required=("text",), optional=("items", "numbered", "exempt"))
    sub_ordered = ctx.boolean(value["numbered"], value.line_of("numbered"), "numbered") \
        if "numbered" in value else ordered
    children = (_list(ctx, value["items"], value.line_of("items"), sub_ordered),) \
        if "items" in value else ()
    return ListItem(inline(ctx, value.get("text"), value.line_of("text"), "list item text"),
                    children, exemption(ctx, value, "list item", titled=False))


def page_break(ctx: Ctx, value, line: int, item) -> list:
    """page_break: (any value)."""
    return [PageBreak()]


BLOCKS = {
    "chapter": heading_block, "section": heading_block, "subsection": heading_block,
    "paragraph": paragraph, "text": text, "include": include, "list": bullet_list,
    "numbered_list": numbered_list, "page_break": page_break,
}


def register(name: str):
    """Decorator: add a block kind to BLOCKS."""
    def deco(fn):
        BLOCKS[name] = fn
        return fn
    return deco
