"""A content file → Document: the one place that knows the content schema's top level.

Every problem in the file (and the files it includes) is collected before raising one
ContentError, so the author sees all mistakes at once.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from plandoc.errors import ContentError, Problem, display_path
from plandoc.model import Document, Goal, Meta
# the block kinds' modules register themselves on import
from plandoc.reader import (case, figures, goals, indicators, meeting, panels,  # noqa: F401
                            signing, sources, vedtak)
from plandoc.reader.blocks import read_body
from plandoc.reader.context import OUTSIDE, Ctx
from plandoc.reader.meta import read_meta
from plandoc.files import YMap, inside, load_yaml


def read_document(path: Path, roots: tuple[Path, ...] = ()) -> Document:
    """Read and validate one content file.

    `roots`: the folders its includes, CSVs, images and attachments may come from — its content
    folder first, then any --allow-dir folders (default: the file's own folder).
    """
    path = Path(path).absolute()
    roots = tuple(roots) or (path.parent,)
    if not inside(path, roots):  # a symlink in the content folder to a file elsewhere
        link = os.path.relpath(path) if path.is_relative_to(Path.cwd()) else str(path)
        raise ContentError(Problem(path, None, f"the link {link} leads out of the content "
                                   f"folder {display_path(roots[0])} — {OUTSIDE}"))
    data = load_yaml(path)
    ctx = Ctx(path, inputs=[path], roots=roots)
    if isinstance(data, YMap) and not data:
        ctx.problem(1, "the content file is empty — expected 'document:' (title, municipality) "
                    "and 'body:'")
        raise ContentError(ctx.problems)
    if not isinstance(data, YMap):
        ctx.problem(getattr(data, "line", 1), "a content file must be a mapping with "
                    "'document:' and 'body:'")
        raise ContentError(ctx.problems)
    ctx.keys(data, "the content file", required=("document", "body"))
    meta = Meta(title="", municipality="")
    if data.get("document") is not None:
        m = ctx.mapping(data["document"], data.line_of("document"), "document")
        meta = read_meta(ctx, m) if m is not None else meta
    ctx.steps = meta.steps
    blocks = read_body(ctx, data["body"], data.line_of("body")) if data.get("body") else []
    _check_anchors(ctx, blocks)
    _check_goal_refs(ctx, blocks)
    _check_citations(ctx)
    if not ctx.counters.appendix:
        for line in ctx.appendix_lists:
            ctx.problem(line, "appendix_list: the document has no appendices to list — add "
                        "'appendix:' blocks after the main text, or remove the list")
    if ctx.problems:
        raise ContentError(_sorted(ctx.problems))
    return Document(meta, tuple(blocks), path, tuple(dict.fromkeys(ctx.inputs)))


REF_KINDS = "goal, heading, figure, table or appendix"


def _check_anchors(ctx: Ctx, blocks) -> None:
    """Every '#…' link must go to a heading of this document (anchors #h1, #h2 … in order) or
    to the `id:` of a goal, heading, figure or table; so must every reference `[](#id)`."""
    anchors = [b.anchor for b in blocks if getattr(b, "anchor", "")]
    known = set(anchors) | set(ctx.ids)
    for href, line, file, ref in ctx.anchor_links:
        if href[1:] in known:
            continue
        if ref or ctx.ids:
            what = "reference" if ref else "link"
            close = difflib.get_close_matches(href[1:], list(ctx.ids), n=1, cutoff=0.6)
            hint = (f"did you mean '{close[0]}'?" if close else
                    f"expected the 'id:' of a {REF_KINDS}, or '#h3' for the third heading")
            ctx.problem(line, f"{what} '{href}' names no {REF_KINDS} — {hint}", file)
            continue
        if not anchors:
            hint = "this document has no headings to link to"
        elif len(anchors) == 1:
            hint = f"its only heading is linked as '#{anchors[0]}'"
        else:
            hint = (f"headings are linked as '#{anchors[0]}' (the first) to '#{anchors[-1]}' "
                    "(the last), in the order they stand")
        ctx.problem(line, f"link '{href}' goes to no heading in this document — {hint}", file)


def _check_goal_refs(ctx: Ctx, blocks) -> None:
    """Every action plan row names a goal by its `id:` (the ids the reader collected for
    cross-references); an indicator overview needs indicators to show."""
    goals = [k for k, (kind, _) in ctx.ids.items() if kind == "goal"]
    numbers = {b.number: b.id for b in blocks if isinstance(b, Goal)}
    for ident, line in ctx.goal_refs:
        if ident in goals:
            continue
        close = difflib.get_close_matches(ident, goals, n=1, cutoff=0.6)
        if ident in numbers:
            named = numbers[ident]
            ctx.problem(line, f"action plan goal '{ident}' is a goal's number, not its id "
                        "(numbers change when a goal is inserted) — expected "
                        + (f"its id '{named}'" if named else
                           f"an 'id:' on goal {ident}, named here"))
            continue
        hint = f"did you mean '{close[0]}'?" if close else \
            "expected the 'id:' of a goal of this document"
        ctx.problem(line, f"action plan goal '{ident}' is the id of no goal — {hint}")
    for line in ctx.overviews:
        if not ctx.indicators:
            ctx.problem(line, "indicator_overview: no goal of this document has indicators — "
                        "expected 'indicators:' under a goal, or no indicator_overview")


CITED = re.compile(r"@[\w-]+")


def _check_citations(ctx: Ctx) -> None:
    """Every citation names the id of a source in the references block, as '@id'."""
    ids = list(ctx.sources)
    for key, line, file in ctx.citations:
        if not CITED.fullmatch(key):
            ctx.problem(line, f"'{key}' in a citation does not name a source as '@id' — expected "
                        "'[@tøi2017]', '[@ssb2023, tabell 07459]' or several separated by ';' "
                        "as in '[@tøi2017; @ssb2023]'", file)
        elif not ctx.references:
            ctx.problem(line, f"citation '[{key}]' but the document has no 'references:' "
                        f"block — add one with a source 'id: {key[1:]}'", file)
        elif key[1:] not in ctx.sources:
            close = difflib.get_close_matches(key[1:], ids, n=1, cutoff=0.6)
            hint = f"did you mean '@{close[0]}'?" if close else \
                "expected the 'id:' of a source under 'references:'"
            ctx.problem(line, f"citation '[{key}]' names no source in the references — {hint}",
                        file)


def _sorted(problems):
    return sorted(problems, key=lambda p: (str(p.file), p.line or 0))
