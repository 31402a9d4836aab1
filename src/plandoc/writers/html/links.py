"""The pages of a web edition split by chapter: their file names, and in-page links that
cross to another page ('#mal-1-2' → '03-slagkraft.html#mal-1-2')."""

from __future__ import annotations

import re
import unicodedata

LETTERS = {"æ": "ae", "ø": "o", "å": "a"}
ID = re.compile(r'\bid="([^"]+)"')
HREF = re.compile(r'href="#([^"]+)"')


def file_names(chunks) -> list[str]:
    """'index.html' for the front page, '01-innledning.html' … for the chapters."""
    return ["index.html"] + [f"{n:02d}-{slug(chunk.title)}.html"
                             for n, chunk in enumerate(chunks[1:], start=1)]


def slug(title: str) -> str:
    """A chapter title as a file name: lower case, Norwegian letters spelt out, dashes."""
    text = "".join(LETTERS.get(c, c) for c in title.lower())
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60] or "kapittel"


def across_pages(bodies: list[str], names: list[str]) -> list[str]:
    """Every '#id' link to an element on another page made to point to that page."""
    if len(bodies) == 1:
        return bodies
    home = {}
    for name, body in zip(names, bodies):
        for found in ID.finditer(body):
            home.setdefault(found.group(1), name)
    out = []
    for name, body in zip(names, bodies):
        here = set(ID.findall(body))
        out.append(HREF.sub(lambda m: m.group(0) if m.group(1) in here or m.group(1) not in home
                            else f'href="{home[m.group(1)]}#{m.group(1)}"', body))
    return out
