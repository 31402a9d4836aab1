"""Links inside the document → plandoc cross-references with readable ids.

walk.py keeps each paragraph's bookmarks, inline.py a link to one as `[words](#_Ref00003)`,
shape.py notes which block each bookmark marks.  Here, after shaping, every block a link points
at gets an `id:` ("mål-nye-verksemder", "fig-folketal-testvik"), and each link becomes `[](#id)`
when its words are what plandoc writes for such a reference ("mål 3.1", "figur 1",
"kapittel 2", «Tittel») or `[words](#id)` otherwise.  A link to a bookmark that marks no such
block keeps only its words, and the report says so.
"""

from __future__ import annotations

import re

from plandoc.importer.yamlout import Note

GOAL_MARK = "\x01"        # an action plan's `goal:` before it is the goal's id: '\x01_Ref00003'
LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\(#([^)\s]+)\)")
# what plandoc writes for a reference: a word and a number ('mål 2.1', 'vedlegg A') or a title
GENERATED = re.compile(r"^[^\W\d]+ (?:[A-Z]|[A-Z]?\d+(?:\.\d+)*)$|^[«“].*[»”]$")
MAX_WORDS = 3


def link_ids(body: list, targets: dict, report) -> None:
    """Give the linked targets ids and rewrite the links in `body` (in place)."""
    used: list[str] = []
    _walk(body, lambda text: used.extend(a for _, a in LINK.findall(text)) or text, used)
    ids, taken = {}, set()
    for anchor, (block, kind, words) in targets.items():
        if anchor not in used:
            continue
        if "id" not in block:
            _put_id(block, _unique(f"{kind}-{_slug(words)}".rstrip("-"), taken))
        taken.add(block["id"])
        ids[anchor] = block["id"]

    def rewrite(text: str) -> str:
        return LINK.sub(lambda m: _link(m, ids, report), text)

    _walk(body, rewrite, None, ids, report)


def _link(m: re.Match, ids: dict, report) -> str:
    words, anchor = m.group(1), m.group(2)
    if anchor not in ids:
        report.kept("link inside the document to no heading, goal or caption: its words")
        return words
    said = re.sub(r"\\(.)", r"\1", words).replace("\u00a0", " ").strip("*")
    if GENERATED.match(said):
        report.saw("cross-reference")
        return f"[](#{ids[anchor]})"
    report.saw("link inside the document")
    return f"[{words}](#{ids[anchor]})"


def _walk(value, fix, used, ids=None, report=None):
    """Every string in `value` replaced by `fix(string)`; an action plan's goal marks collected
    into `used` (first pass) or replaced by the goal's id (second pass)."""
    if isinstance(value, list):
        value[:] = [_walk(v, fix, used, ids, report) for v in value]
    elif isinstance(value, dict):
        for key, v in value.items():
            if key == "goal" and isinstance(v, str) and v.startswith(GOAL_MARK):
                value[key] = _goal(v[1:], used, ids, report)
            else:
                value[key] = _walk(v, fix, used, ids, report)
        if value.get("goal") is None and "goal" in value and "action" in value:
            del value["goal"]
    elif isinstance(value, Note):
        value.value = _walk(value.value, fix, used, ids, report)
    elif isinstance(value, str):
        return fix(value)
    return value


def _goal(anchor: str, used, ids, report):
    if used is not None:
        used.append(anchor)
        return GOAL_MARK + anchor
    if anchor in ids:
        return ids[anchor]
    report.kept("action plan row whose goal was not read as a goal: without its goal")
    return None


def _put_id(block: dict, ident: str) -> None:
    """`id:` after the block's first key (its title or text), as the examples write it."""
    entries = list(block.items())
    block.clear()
    block.update([entries[0], ("id", ident), *entries[1:]])


def _slug(words: str) -> str:
    """The first few words of a title, folded: 'Nye verksemder på næringsareala' →
    'nye-verksemder-næringsareala'."""
    found = [w for w in re.findall(r"\w+", words.casefold()) if len(w) > 2 or w.isdigit()]
    return "-".join(found[:MAX_WORDS])


def _unique(ident: str, taken: set) -> str:
    n, out = 1, ident
    while out in taken:
        n += 1
        out = f"{ident}-{n}"
    return out
