"""Unntatt offentlighet: exempt content marked (internal build) or replaced (public build).

    screen(blocks, words, public) -> blocks

The one place that decides what an exemption covers, run on the model before anything else of
the layout (and, for a public build, right after reading: plandoc.build.document), so no writer,
chart, cache or change list ever sees exempt text in a public build:

- an exempt Heading covers itself and every block after it up to the next heading of the same
  or a higher level (a smaller level number), a part title, an appendix or a foreword;
- an exempt Paragraph covers itself; an exempt ListItem (an attachment) itself and its sub-lists.

Internal: everything stays, with the marking 'Unntatt offentlighet, jf. offl. § 13' under the
heading, before the paragraph, after the item.  Public: a heading keeps its number and shows
its public title (`public_title` None: the real one, '': the word 'Unntatt offentlighet') over
the marking, and what it covers is left out; a paragraph becomes its marking; an item its public
title and the marking.  Links and cross-references into what was left out read 'unntatt
offentlighet' without a link; an exempt heading's author id gives way to its anchor '#hN'.
The result holds no Exemption, so screening twice changes nothing.
"""

from __future__ import annotations

import dataclasses

from plandoc import model as m
from plandoc.layout.boxes import CoverLine
from plandoc.layout.refs import _starts_sentence as starts_sentence, walk_spans
from plandoc.model import Span

ENDS = (m.PartTitle, m.Appendix, m.Foreword)   # an exempt section ends at these, and headings


def marking(exemption: m.Exemption, words: dict) -> str:
    """'Unntatt offentlighet, jf. offl. § 13, jf. fvl. § 13'."""
    return words["exempt.marking"].format(basis=exemption.basis)


def _mark(exemption: m.Exemption, words: dict) -> m.Paragraph:
    return m.Paragraph((Span(marking(exemption, words), bold=True),))


def screen(blocks: tuple, words: dict, public: bool) -> tuple:
    """The blocks for an internal (marked) or a public (exempt content left out) audience."""
    if not public:
        return tuple(y for x in blocks for y in _marked(x, words))
    left_out: set[str] = set()
    moved: dict[str, str] = {}
    kept = _public(blocks, words, left_out, moved)
    return tuple(_rows(walk_spans(x, lambda spans: _unlinked(spans, left_out, moved, words)),
                       left_out) for x in kept)


def _marked(block, words: dict) -> list:
    """One block with its marking (internal)."""
    if isinstance(block, m.Heading) and block.exempt:
        return [dataclasses.replace(block, exempt=None), _mark(block.exempt, words)]
    if isinstance(block, m.Paragraph) and block.exempt:
        return [_mark(block.exempt, words), dataclasses.replace(block, exempt=None)]
    if isinstance(block, m.ListBlock):
        return [_items(block, words, public=False)]
    if isinstance(block, m.Foreword):
        return [dataclasses.replace(block, body=screen(block.body, words, False))]
    return [block]


def _public(blocks, words: dict, left_out: set, moved: dict) -> list:
    """The blocks with exempt ones replaced; the keys of what was left out go to `left_out`."""
    out, covering = [], None
    for block in blocks:
        if covering is not None and not _ends(block, covering):
            _keys(block, left_out)
            continue
        covering = None
        if isinstance(block, m.Heading) and block.exempt:
            covering = block.level
            if block.id:
                moved[block.id] = block.anchor
            out += [_public_heading(block, words), _mark(block.exempt, words)]
        elif isinstance(block, m.Paragraph) and block.exempt:
            _keys(block, left_out)
            out.append(_mark(block.exempt, words))
        elif isinstance(block, m.ListBlock):
            out.append(_items(block, words, public=True))
        elif isinstance(block, m.Foreword):
            out.append(dataclasses.replace(block, body=tuple(
                _public(block.body, words, left_out, moved))))
        else:
            out.append(block)
    return out


def _ends(block, level: int) -> bool:
    return isinstance(block, ENDS) or isinstance(block, m.Heading) and block.level <= level


def _public_heading(block: m.Heading, words: dict) -> m.Heading:
    """The heading as the public sees it: its number and its public title."""
    title = block.exempt.public_title
    text = block.text if title is None else (Span(title or words["exempt"]),)
    return dataclasses.replace(block, text=text, id="", exempt=None)


def _items(block: m.ListBlock, words: dict, public: bool) -> m.ListBlock:
    """A list with each exempt item marked (internal) or replaced (public), nested lists too."""
    items = []
    for item in block.items:
        children = tuple(_items(c, words, public) for c in item.children)
        if item.exempt is None:
            items.append(dataclasses.replace(item, children=children))
            continue
        note = marking(item.exempt, words)
        title = item.text if not public or item.exempt.public_title is None else \
            (Span(item.exempt.public_title),) if item.exempt.public_title else ()
        text = (*title, Span(f" ({note})" if title else note, italic=True))
        items.append(m.ListItem(text, () if public else children))
    return dataclasses.replace(block, items=tuple(items))


def _rows(block, left_out: set):
    """An action plan whose rows name a goal that was left out: those rows name none."""
    if not isinstance(block, m.ActionPlan) or not any(r.goal in left_out for r in block.rows):
        return block
    return dataclasses.replace(block, rows=tuple(
        dataclasses.replace(r, goal="") if r.goal in left_out else r for r in block.rows))


def _keys(block, left_out: set) -> None:
    """The anchor and id of a block left out (links to them must not survive)."""
    for name in ("anchor", "id"):
        if getattr(block, name, ""):
            left_out.add(getattr(block, name))


def _unlinked(spans: tuple, left_out: set, moved: dict, words: dict) -> tuple:
    """Spans whose '#…' link leads into what was left out: a reference reads 'unntatt
    offentlighet', a link keeps its words but loses its target (in footnotes too)."""
    out, before = [], ""
    for s in spans:
        key = s.href[1:] if s.href and s.href.startswith("#") else None
        if s.note:
            s = dataclasses.replace(s, note=_unlinked(s.note, left_out, moved, words))
        if key in moved:
            s = dataclasses.replace(s, href="#" + moved[key])
        elif key in left_out and s.ref:
            text = words["exempt.ref"]
            s = Span(text[:1].upper() + text[1:] if starts_sentence(before) else text)
        elif key in left_out:
            s = Span(s.text, s.bold, s.italic, lang=s.lang)
        out.append(s)
        before += s.text
    return tuple(out)


def opening(meta: m.Meta, words: dict, public: bool) -> tuple:
    """The marking at the top of page 1 of an exempt document without a cover page (a public
    build never gets here: plandoc.build refuses it)."""
    from plandoc.layout.frame import has_cover

    return (_mark(meta.exempt, words),) if meta.exempt and not has_cover(meta) else ()


def cover(meta: m.Meta, words: dict, page):
    """An exempt document's cover with the marking as the first line on its band."""
    if page is None or not meta.exempt:
        return page
    line = CoverLine("exempt", marking(meta.exempt, words))
    return dataclasses.replace(page, band_lines=(line, *page.band_lines))


def running(meta: m.Meta, words: dict, lines):
    """An exempt document's marking before the status in the footer of every page."""
    if not meta.exempt:
        return lines
    footer = " · ".join(x for x in (marking(meta.exempt, words), lines.footer_left) if x)
    return dataclasses.replace(lines, footer_left=footer)
