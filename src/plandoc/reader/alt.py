"""A picture's alternative text, or the author's word that it is only ornament.

An image block and the cover photo need either a non-empty `alt:` or `decorative: true`; a
decorative picture reads as alt text '' in the model, which the layout already draws as an
artifact (PDF) and marks decorative (DOCX).  A chart carries data, so it is never decorative.
"""

from __future__ import annotations

from plandoc.files import YMap
from plandoc.reader.context import Ctx

ORNAMENT = "or 'decorative: true' if the image is only ornament"


def alt_text(ctx: Ctx, m: YMap, what: str) -> str:
    """The alt text of the picture `m` (`what`: 'image', 'cover_image'); '' when decorative."""
    decorative = _decorative(ctx, m, what)
    if decorative is None:          # neither true nor false: reported, nothing more to say
        return ""
    if decorative and "alt" in m:
        ctx.problem(m.line_of("alt"), f"{what} has both `alt` and `decorative: true` — a "
                    "decorative image has no alt text; remove one")
        return ""
    if decorative:
        return ""
    if m.get("alt") is None:
        ctx.problem(m.line, f"{what} is missing 'alt' — expected 'alt: …' saying what the "
                    f"image shows, {ORNAMENT}")
        return ""
    text = ctx.string(m["alt"], m.line_of("alt"), f"{what} alt")
    if not text.strip() and isinstance(m["alt"], str):
        ctx.problem(m.line_of("alt"), f"{what} alt is empty — write the alt text (what the "
                    f"image shows), {ORNAMENT}")
    return text


def _decorative(ctx: Ctx, m: YMap, what: str) -> bool | None:
    """Whether `decorative: true` is given; None (and a problem) for a value other than true
    or false."""
    if "decorative" not in m:
        return False
    value = m["decorative"]
    if not isinstance(value, bool):
        ctx.boolean(value, m.line_of("decorative"), f"{what} decorative")
        return None
    return value


def no_decorative_chart(ctx: Ctx, m: YMap) -> None:
    """A chart with `decorative:` is refused: its data are content, described by its alt."""
    if "decorative" in m:
        ctx.problem(m.line_of("decorative"), "chart decorative: a chart is never decorative — "
                    "it carries data, so it needs 'alt: …' saying what the data show; remove "
                    "'decorative'")
