"""Captions and source lines, as the layout wrote them.

A caption is its lead in bold ('Figur 3: ', '' for an unnumbered one) and then its text; a box
without a caption gets no caption paragraph.  The number is Word's SEQ field ('SEQ Figur', its
cached result the layout's number), so a figure inserted in Word renumbers those after it;
where Word would count to another number than the layout's, it is typed.  The number of a
figure or table with an id is bookmarked as the layout's target, so a cross-reference's REF
field ('figur 3') reads it.  The source line is the layout's full text ('Kilde: SSB').
"""

from __future__ import annotations

from plandoc.layout.boxes import Caption
from plandoc.model import field_names
from plandoc.writers.docx.inline import add_spans
from plandoc.writers.docx.ooxml.fields import add_field
from plandoc.writers.docx.ooxml.links import end_bookmark, start_bookmark
from plandoc.writers.docx.ooxml.paragraphs import add_run, emphasise, keep_next


def write_caption(ctx, caption: Caption | None, keep_with_next: bool = False):
    """The caption paragraph, or None when there is no caption."""
    if caption is None:
        return None
    p = ctx.paragraph("Caption")
    if caption.lead:
        _lead(ctx, p, caption)
    add_spans(p, caption.text, ctx.targets)
    keep_next(p, keep_with_next or caption.above)
    return p


def _lead(ctx, p, caption: Caption) -> None:
    """'Figur ' SEQ-number ': ' in bold, the number bookmarked when the caption has a target."""
    word, number = caption.label.rsplit(" ", 1)
    emphasise(add_run(p, f"{word} "), bold=True)
    mark = ctx.bookmark_id() if caption.target else None
    if mark is not None:
        start_bookmark(p, caption.target, mark)
    if ctx.counts_to(word, number):
        add_field(p, f"SEQ {word} \\* ARABIC", number, bold=True)
    else:
        emphasise(add_run(p, number), bold=True)
    if mark is not None:
        end_bookmark(p, mark)
    rest = caption.lead[len(caption.label):]
    if rest:
        emphasise(add_run(p, rest), bold=True)


def write_source(ctx, source: str | None) -> None:
    """The source line, when there is one."""
    if source:
        ctx.paragraph("Source", source)


def caption_numbers(boxes) -> dict[str, str]:
    """The bookmark of every numbered caption with a target → its number ('3'), from boxes
    and whatever they hold."""
    found: dict[str, str] = {}
    for value in boxes:
        if type(value) in LEAVES:
            continue
        if isinstance(value, Caption) and value.target and value.label:
            found[value.target] = value.label.rsplit(" ", 1)[1]
        elif isinstance(value, tuple):
            found |= caption_numbers(value)
        elif field_names(type(value)):
            found |= caption_numbers(tuple(getattr(value, name)
                                           for name in field_names(type(value))))
    return found


LEAVES = frozenset((str, int, float, bool, type(None)))     # nothing inside them


def caption_title(caption: Caption | None) -> str | None:
    """The caption as one line of plain text (a picture's title), or None."""
    return caption.title if caption is not None else None
