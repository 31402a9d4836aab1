"""The program, parts, appendices, the reference list, signatures and the foreword on the web.

A program is a table: each time a row header, the item (title, 'ved …', sub-items as a list
marked as the layout said) beside it, a part of the program a header row across both columns.
A part's title is a heading with its label ('Del 2') over the title and its intro under it.
An appendix heading is drawn as a chapter heading; the list of appendices links to each.
"""

from __future__ import annotations

from plandoc.layout import boxes as b
from plandoc.writers.html.markup import el, spans, txt


def program(ctx, box: b.ProgramBox) -> None:
    """The program's title (not in the contents), then its rows."""
    if box.title:
        ctx.add(el(ctx.heading_tag(2), spans(ctx, box.title), cls="l2"))
    rows = "".join(ROWS[type(row)](ctx, row) for row in box.rows)
    ctx.add(el("div", el("table", el("tbody", rows), cls="program"), cls="table-wrap"))


def _item(ctx, row: b.ProgramRow) -> str:
    cell = el("p", spans(ctx, row.title))
    if row.speaker:
        cell += el("p", spans(ctx, row.speaker), cls="speaker")
    if row.items:
        cell += el("ul", "".join(el("li", spans(ctx, text), data_label=mark)
                                 for mark, text in row.items), cls="marked")
    return el("tr", el("th", txt(row.time), scope="row", cls="time") + el("td", cell))


def _part(ctx, row: b.ProgramPartRow) -> str:
    return el("tr", el("th", spans(ctx, row.title), colspan="2", scope="colgroup"),
              cls="part")


ROWS = {b.ProgramRow: _item, b.ProgramPartRow: _part}


def part(ctx, box: b.PartBox) -> None:
    """The part's heading (label over title), a section of its own, and its intro."""
    ctx.open_section(box.target, box.outline_text)
    label = el("span", txt(box.label), cls="part-label") + " " if box.label else ""
    ctx.add(el(ctx.heading_tag(1), label + spans(ctx, box.text), id=box.target,
               cls="part-title"))
    if box.intro:
        ctx.add(el("p", spans(ctx, box.intro), cls="part-intro"))


def appendix(ctx, box: b.AppendixBox) -> None:
    """'Vedlegg 1 Kartgrunnlag', as a chapter heading."""
    from plandoc.writers.html.walk import heading
    heading(ctx, b.HeadingBox(1, box.label, box.text, box.target, box.toc_text,
                              box.outline_text, box.flow))


def appendix_list(ctx, box: b.AppendixListBox) -> None:
    """The list's title, then each appendix as a link to it."""
    ctx.add(el(ctx.heading_tag(2), txt(box.title), cls="l2"))
    items = "".join(el("li", el("a", txt(f"{e.label} {e.text}"), href=f"#{e.target}"))
                    for e in box.entries)
    ctx.add(el("ul", items, cls="appendix-list"))


def references(ctx, box: b.ReferencesBox) -> None:
    """Each source as the layout wrote it, the target of its citations."""
    items = "".join(el("li", spans(ctx, e.text), id=e.target) for e in box.entries)
    ctx.add(el("ul", items, cls="references"))


def signatures(ctx, box: b.SignaturesBox) -> None:
    """Place and date, then each signer: a line, the name, the title."""
    out = el("p", txt(box.place_date), cls="signature-place") if box.place_date else ""
    slots = "".join(el("div", el("p", txt(s.name), cls="signer")
                       + (el("p", txt(s.title), cls="signer-title") if s.title else ""),
                       cls="slot") for row in box.rows for s in row)
    ctx.add(el("div", out + el("div", slots, cls="slots"), cls="signatures"))


def foreword(ctx, box: b.ForewordBox) -> None:
    """The heading, the text and the signature."""
    from plandoc.writers.html.walk import write_blocks
    write_blocks(ctx, (box.heading,) + box.body + ((box.signature,) if box.signature else ()))
