"""The `body:` list → model blocks: one reader function per block kind.

Each function gets (ctx, value, line, item) and returns a list of blocks; problems go to ctx.
figures.py and panels.py add their kinds to BLOCKS with @register.
"""

from __future__ import annotations

from plandoc.errors import ContentError, did_you_mean
from plandoc.model import ListBlock, ListItem, PageBreak, Paragraph
from plandoc.reader.context import Ctx, describe
from plandoc.reader.headings import make_heading
from plandoc.reader.inline import parse_blocks, parse_inline
from plandoc.files import YMap, read_text

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
    if kind not in HEADING_KINDS:
        for extra in item:
            if extra != kind:
                ctx.problem(item.line_of(extra), f"unknown key '{extra}' in {kind} — put the "
                            f"block's settings under '{kind}:'")
    return BLOCKS[kind](ctx, item[kind], item.line_of(kind), item)


def inline(ctx: Ctx, value, line: int, what: str):
    """A text field with inline Markdown."""
    return ctx.check_links(parse_inline(ctx.string(value, line, what)), line)


def heading_block(ctx: Ctx, value, line: int, item: YMap) -> list:
    """chapter / section / subsection with an optional body."""
    kind = next(k for k in item if k in HEADING_KINDS)
    ctx.keys(item, kind, required=(kind,), optional=("body", "numbered", "toc"))
    numbered = ctx.boolean(item["numbered"], item.line_of("numbered"), f"{kind} numbered") \
        if "numbered" in item else None
    in_toc = ctx.boolean(item["toc"], item.line_of("toc"), f"{kind} toc") if "toc" in item \
        else True
    heading = make_heading(ctx, HEADING_KINDS[kind], inline(ctx, value, line, f"{kind} title"),
                           numbered, in_toc)
    body = read_body(ctx, item["body"], item.line_of("body")) if "body" in item else []
    return [heading, *body]


def paragraph(ctx: Ctx, value, line: int, item) -> list:
    """One paragraph of inline Markdown."""
    return [Paragraph(inline(ctx, value, line, "paragraph"))]


def text(ctx: Ctx, value, line: int, item) -> list:
    """Block Markdown written in the YAML (line numbers follow the block)."""
    return markdown(ctx, ctx.string(value, line, "text"), line + 1)


def markdown(ctx: Ctx, source: str, first_line: int, file=None) -> list:
    """Paragraphs, lists and headings from Markdown source."""
    def heading(level, spans, offset):
        return make_heading(ctx, level, spans)

    def links(spans, offset):
        ctx.check_links(spans, first_line + offset, file)
    for n, row in enumerate(source.splitlines()):
        ctx.check_chars(row, first_line + n, file)
    return [block for block, _ in parse_blocks(source, heading, links)]


def include(ctx: Ctx, value, line: int, item) -> list:
    """A Markdown file next to the content file."""
    path = ctx.resolve(value, line, "included file")
    if path is None:
        return []
    try:
        source = read_text(path)
    except ContentError as exc:
        ctx.problems += exc.problems
        return []
    return markdown(ctx, source, 1, path)


def bullet_list(ctx: Ctx, value, line: int, item, ordered: bool = False) -> list:
    """list: / numbered_list: — items are text or {text:, items: [...]} for nesting."""
    return [_list(ctx, value, line, ordered)]


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
    ctx.keys(value, "list item", required=("text",), optional=("items", "numbered"))
    sub_ordered = ctx.boolean(value["numbered"], value.line_of("numbered"), "numbered") \
        if "numbered" in value else ordered
    children = (_list(ctx, value["items"], value.line_of("items"), sub_ordered),) \
        if "items" in value else ()
    return ListItem(inline(ctx, value.get("text"), value.line_of("text"), "list item text"),
                    children)


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
