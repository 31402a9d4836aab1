"""Checks of Markdown pipe tables ('| a | b |' / '|---|--:|' / body rows) in text blocks and
included files: markdown-it makes the table (reader/inline.py); what it would silently mend or
drop is refused here, with the line — a row with more cells than the header (GFM drops the
extra ones), a header without body rows, more columns than a page can hold, a cell that starts
like a list, a heading or a quote (a pipe table's cells hold text only), and a delimiter row
whose cells do not match the header's (GFM then makes no table at all)."""

from __future__ import annotations

import re

from plandoc.model import MAX_COLUMNS, Table, plain
from plandoc.reader.context import Ctx

RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$")
_PIPE = re.compile(r"(?<!\\)\|")
_BLOCKISH = re.compile(r"^(?:[-*+]\s+\S|#{1,6}\s|>\s)")   # not '1. mai', '-2,5'


def cells(row: str) -> int:
    """How many cells a pipe-table row has ('| a | b |' and 'a | b' both have 2)."""
    text = row.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if _PIPE.search(text[-1:]) and not text.endswith("\\|") else text
    return len(_PIPE.split(text))


def check_rules(ctx: Ctx, rows: list[str], first_line: int, file) -> None:
    """A delimiter row with another number of cells than the header row above it."""
    for n, row in enumerate(rows[1:], start=1):
        if RULE.match(row) and rows[n - 1].strip() and cells(row) != cells(rows[n - 1]):
            ctx.problem(first_line + n, f"the table's delimiter row has {cells(row)} cells but "
                        f"its header row has {cells(rows[n - 1])} — expected one '---' per "
                        "column", file)


def check_table(ctx: Ctx, table: Table, rows: list[str], offset: int, first_line: int,
                file) -> Table | None:
    """The table if it can be drawn as written, else None (with the problems reported);
    `offset`: the header row's index in `rows`."""
    width, ok = len(table.header), True
    if width > MAX_COLUMNS:
        ctx.problem(first_line + offset, f"the table has {width} columns — expected at most "
                    f"{MAX_COLUMNS} (what fits across a landscape page; split it into two "
                    "tables)", file)
        ok = False
    if not table.rows:
        ctx.problem(first_line + offset, "the table has a header but no rows — expected rows "
                    "of cells below the '---' line", file)
        ok = False
    body = range(offset + 2, offset + 2 + len(table.rows))
    for n in body:
        if n < len(rows) and cells(rows[n]) > width:
            ctx.problem(first_line + n, f"the table row has {cells(rows[n])} cells but the "
                        f"header has {width} — expected at most {width} cells (a '|' inside a "
                        "cell is written '\\|')", file)
            ok = False
    for n, row in zip(body, table.rows):
        for cell in row:
            if _BLOCKISH.match(plain(cell)):
                ctx.problem(first_line + n, f"the table cell '{plain(cell)[:40]}' starts like a "
                            "list, heading or quote — a table cell holds text only (write the "
                            "points in a sentence, or as a list below the table)", file)
                ok = False
    return table if ok else None
