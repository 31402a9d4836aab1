"""The frame around the blocks: the cover's lines in order, the contents, running header/footer.

Status lines and dates come from plandoc.labels in the document's language.
"""

from __future__ import annotations

from plandoc.labels import status_line, version_line
from plandoc.layout.boxes import (AppendixBox, Box, Contents, ContentsEntry, Cover, CoverLine,
                                  CoverPhoto, ForewordBox, HeadingBox, Masthead, PartBox,
                                  Running)
from plandoc.model import CoverImage, Meta
from plandoc.style.theme import Theme

LOGO_HEIGHT_MM = 22
MASTHEAD_LOGO_MM = 16    # an invitation's emblem, top left on its first page
TITLE_DROP_MM = 62
BAND_HEIGHT_MM = 64
PHOTO_SHARE = 0.36       # a cover photo is this share of the page's height
PHOTO_TITLE_DROP_MM = 12  # below a photo the title block needs less air above it
BLEED_MM = 3.0           # printers' standard bleed around the trimmed page (the --print file)


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
    photo = cover_photo(meta.cover_image, theme) if meta.cover_image else None
    return Cover(meta.municipality, theme.logo, emblem_alt(meta, words), LOGO_HEIGHT_MM,
                 PHOTO_TITLE_DROP_MM if photo else TITLE_DROP_MM, _present(lines),
                 _present(band), BAND_HEIGHT_MM, photo=photo)


def emblem_alt(meta: Meta, words: dict) -> str:
    """The emblem's alternative text: 'Vefsn kommune, kommunevåpen'."""
    return words["emblem"].format(municipality=meta.municipality)


LETTERHEAD_LABELS = {"invitation": None, "saksframlegg": "saksframlegg",   # kind → its word
                     "meeting_notice": "meeting_notice", "meeting_minutes": "meeting_minutes"}


def masthead(meta: Meta, theme: Theme, words: dict) -> Masthead | None:
    """The letterhead of an invitation or a case paper: the style's emblem and the
    municipality, as on a cover, and under the name the paper's kind."""
    if meta.kind not in LETTERHEAD_LABELS:
        return None
    label = LETTERHEAD_LABELS[meta.kind]
    return Masthead(meta.municipality, theme.logo, emblem_alt(meta, words), MASTHEAD_LOGO_MM,
                    theme.colours.primary, label=words[label].upper() if label else "")


def cover_photo(image: CoverImage, theme: Theme) -> CoverPhoto:
    """The photo across the page's top, cropped (centred) to fill it without distortion."""
    page = theme.page
    height = round(page.height_mm * PHOTO_SHARE, 1)
    return CoverPhoto(image.path, image.alt, image.credit or "", height,
                      fill_crop(image.pixels, (page.width_mm, height)),
                      fill_crop(image.pixels, (page.width_mm + 2 * BLEED_MM, height + BLEED_MM)),
                      BLEED_MM)


def fill_crop(pixels: tuple[int, int], box: tuple[float, float]) -> tuple[float, ...]:
    """Fractions (left, top, right, bottom) to cut from a picture so what is left has the
    shape of `box`: the wider of the two loses its sides, the taller its top and foot."""
    picture, wanted = pixels[0] / pixels[1], box[0] / box[1]
    if picture > wanted:
        side = (1 - wanted / picture) / 2
        return (round(side, 5), 0.0, round(side, 5), 0.0)
    cut = (1 - picture / wanted) / 2
    return (0.0, round(cut, 5), 0.0, round(cut, 5))


def _present(lines) -> tuple[CoverLine, ...]:
    return tuple(line for line in lines if line is not None and line.text)


def contents(meta: Meta, theme: Theme, words: dict, boxes: tuple[Box, ...]) -> Contents | None:
    """The contents: every listed heading, part and appendix (the appendices come last, after
    the chapters: the reader refuses a chapter after one); none without entries."""
    boxes = [b.heading if isinstance(b, ForewordBox) else b for b in boxes]
    flat = [h for box in boxes for h in (*getattr(box, "headings", ()), box)]   # a landscape
    entries = tuple(ContentsEntry(getattr(b, "level", 1), b.toc_text, b.target)  # table's too
                    for b in flat if isinstance(b, (HeadingBox, PartBox, AppendixBox))
                    and b.toc_text)
    if not meta.toc or not entries:
        return None
    return Contents(words["contents"], theme.layout.toc_levels, entries)


def running(meta: Meta, words: dict, masthead: Masthead | None = None) -> Running:
    """Header: municipality | title.  Footer: status line | 'Side 3 av 24'.  Under a
    letterhead the first page has no header: the letterhead says the same."""
    return Running(meta.municipality, meta.title, status_line(meta), words["page_of"],
                   first_header=masthead is None)
