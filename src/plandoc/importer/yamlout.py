"""A small YAML writer for imported content: block style, prose as block scalars, comments.

A plan secretary edits the result, so it reads like the hand-written examples: one key per
line, `text: |` blocks of Markdown wrapped at about 96 columns, long one-line fields folded
(`>-`), and `# TODO` comments (a `Note`) beside what the import could not know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

WIDTH = 96
# A wrapped Markdown line must not start like a block of its own ('- ', '1. ', '# ', '> ').
_BLOCKISH = re.compile(r"^(?:[-+*>|]|#{1,6}|\d{1,9}[.)])$")


@dataclass
class Note:
    """A value with a comment after it (`alt: ""  # TODO: …`)."""

    value: object
    comment: str


def dump(data: dict, header: list[str]) -> str:
    """`data` as YAML text, after the comment lines `header`."""
    lines = [f"# {h}".rstrip() for h in header] + ([""] if header else [])
    lines += _map(data, 0)
    return "\n".join(lines) + "\n"


def plain(data):
    """`data` without its Notes (what the YAML reads back as)."""
    if isinstance(data, Note):
        return plain(data.value)
    if isinstance(data, dict):
        return {k: plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [plain(v) for v in data]
    return data


def _map(d: dict, indent: int) -> list[str]:
    out = []
    for key, value in d.items():
        out += _entry(" " * indent + f"{key}:", value, indent)
    return out


def _entry(head: str, value, indent: int) -> list[str]:
    comment = ""
    if isinstance(value, Note):
        value, comment = value.value, f"  # {value.comment}"
    if isinstance(value, dict) and value:
        return [head + comment] + _map(value, indent + 2)
    if isinstance(value, list) and value:
        return [head + comment] + _seq(value, indent + 2)
    first, *rest = _scalar(value, indent + 2, len(head) + 1)
    return [f"{head} {first}{comment}"] + rest


def _seq(items: list, indent: int) -> list[str]:
    out = []
    pad = " " * indent
    for value in items:
        if isinstance(value, dict) and value:
            inner = _map(value, indent + 2)
            out += [pad + "- " + inner[0].lstrip()] + inner[1:]
        elif isinstance(value, list) and value:
            inner = _seq(value, indent + 2)
            out += [pad + "- " + inner[0].lstrip()] + inner[1:]
        else:
            first, *rest = _scalar(value, indent + 2, indent + 2)
            out += [pad + "- " + first] + rest
    return out


def _scalar(value, indent: int, column: int) -> list[str]:
    """A scalar as its first line (after 'key: ') and further lines."""
    if value == {}:
        return ["{}"]
    if value == []:
        return ["[]"]
    if not isinstance(value, str):
        return [_safe(value)]
    pad = " " * indent
    if value.endswith("\n") or "\n" in value:     # Markdown (`text:`): a literal block
        body = value.rstrip("\n").split("\n")
        wrapped = [w for line in body for w in _wrap(line, WIDTH - indent)]
        return ["|"] + [(pad + w).rstrip() for w in wrapped]
    if column + len(value) > WIDTH and " " in value and value == value.strip():
        return [">-"] + [pad + w for w in _wrap(value, WIDTH - indent, fold=True)]
    return [_safe(value.rstrip("\n"))]


def _safe(value) -> str:
    """A one-line scalar, quoted only when YAML needs it."""
    text = yaml.safe_dump(value, allow_unicode=True, width=10 ** 9,
                          default_flow_style=False).rstrip("\n")
    return text[:-4].rstrip("\n") if text.endswith("\n...") else text


def _wrap(line: str, width: int, fold: bool = False) -> list[str]:
    """`line` broken at spaces into lines of at most `width` (a long word stays whole).
    A Markdown line's continuation is indented under its text and never starts like a list
    or heading; `fold`: for a folded scalar, where a line indented deeper keeps its break."""
    lead = line[:len(line) - len(line.lstrip(" "))]
    rest = line[len(lead):]
    if len(line) <= width or "  " in rest or rest != rest.strip():
        return [line]
    cont = lead + ("" if fold else " " * _marker_width(rest))
    out, current = [], lead
    for word in rest.split(" "):
        if current.strip() and len(current) + 1 + len(word) > width \
                and not _BLOCKISH.match(word):
            out.append(current)
            current = cont + word
        else:
            current += (" " if current.strip() else "") + word
    out.append(current)
    return out


def _marker_width(line: str) -> int:
    m = re.match(r"^(?:[-+*]|\d{1,9}[.)]|\[\^[^\]]+\]:)\s", line)
    return len(m.group(0)) if m else 0
