"""The frame around the blocks: the cover's lines in order, the contents, running header/footer.

Status lines and dates come from plandoc.labels in the document's language.
"""

from __future__ import annotations

from plandoc.labels import status_line, version_line
from plandoc.layout.boxes import (AppendixBox, Box, Contents, ContentsEntry, Cover, CoverLine,
                                  HeadingBox, PartBox, Running)
from plandoc.model import Meta
from plandoc.style.theme import Theme

LOGO_HEIGHT_MM = 22
TITLE_DROP_MM = 62
BAND_HEIGHT_MM = 64


def has_cover(meta: Meta) -> bool:
    """Whether the document opens with a cover page (a plan does; an invitation does not)."""
    return meta.kind == "plan"


def cover(meta: Meta, theme: Theme, words: dict) -> Cover | None:
    """Masthead, part / title / subtitle / period, and organisation and status on the band."""
    if not has_cover(meta):
        return None
    lines = [CoverLine("part", meta.part) if meta.part else None,
             CoverLine("title", meta.title),
             CoverLine("subtitle", meta.subtitle) if meta.subtitle else None,
             CoverLine("period", words["period"].format(period=meta.period))
             if meta.period else None]
    band = [CoverLine("organisation", meta.organisation) if meta.organisation else None,
            CoverLine("status", status_line(meta)),
            CoverLine("version", version_line(meta)),
            CoverLine("archive_case", f"{words['archive_case']} {meta.archive_case}")
            if meta.archive_case else None]
    return Cover(meta.municipality, theme.logo, meta.municipality, LOGO_HEIGHT_MM,
                 TITLE_DROP_MM, _present(lines), _present(band), BAND_HEIGHT_MM)


def _present(lines) -> tuple[CoverLine, ...]:
    return tuple(line for line in lines if line is not None and line.text)


def contents(meta: Meta, theme: Theme, words: dict, boxes: tuple[Box, ...]) -> Contents | None:
    """The contents: every listed heading, part and appendix (the appendices come last, after
    the chapters: the reader refuses a chapter after one); none without entries."""
    flat = [h for box in boxes for h in (*getattr(box, "headings", ()), box)]   # a landscape
    entries = tuple(ContentsEntry(getattr(b, "level", 1), b.toc_text, b.target)  # table's too
                    for b in flat if isinstance(b, (HeadingBox, PartBox, AppendixBox))
                    and b.toc_text)
    if not meta.toc or not entries:
        return None
    return Contents(words["contents"], theme.layout.toc_levels, entries)


def running(meta: Meta, words: dict) -> Running:
    """Header: municipality | title.  Footer: status line | 'Side 3 av 24'."""
    return Running(meta.municipality, meta.title, status_line(meta), words["page_of"])
