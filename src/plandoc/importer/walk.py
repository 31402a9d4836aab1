"""The document body → a flat list of Items: headings, paragraphs, list items, tables, images.

Each paragraph is classified once, by what Word itself knows: its style (and the styles it is
based on), its outline level and its numbering.  plandoc's own styles (Mål, Strategi,
Nøkkeltall …) stay Items of kind 'own' with the style id, for shape.py to map exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plandoc.importer.inline import Reader
from plandoc.importer.package import W, Package, val
from plandoc.style.wordstyles import OWN

OWN_IDS = {entry[0] for entry in OWN.values()} | {
    "Caption", "Quote", "Bibliography", "Title", "Subtitle", "TOCHeading"}
HEADING_NAME = re.compile(r"^(?:heading|overskrift)\s*([1-9])$", re.IGNORECASE)
NO_TOC = re.compile(r"^Heading([1-3])NoTOC$")
TOC = re.compile(r"^(?:toc|innh)\s*\d$|^toc heading$", re.IGNORECASE)
# Numbering an author typed: "1 ", "1.2 ", "2.3.1. ", "a) ", "IV. "
TYPED = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[a-zæøå]\)|[IVX]+\.)[\s\u00a0]+(?=\S)")


@dataclass
class Item:
    """One piece of the body, in order."""

    kind: str                 # heading, para, item, own, table, image, break, cover
    text: str = ""
    level: int = 0            # heading level 1–3, list nesting 0…
    numbered: bool = False    # heading with Word numbering, ordered list item
    style: str = ""           # the style id (own styles), or the list's number format
    rows: list = field(default_factory=list)     # table: rows of cells, a cell a list of Items
    header: int = 0           # table: header rows
    notes: list = field(default_factory=list)    # footnote ids in the text
    picture: object = None    # image: the Picture
    label: str = ""           # own styles: the label Word numbers them with ('%1.%2 MÅL:')
    marks: list = field(default_factory=list)    # bookmark names on the paragraph (link targets)


class Walker:
    """Walks a Package's body; counts what it drops in `report`."""

    def __init__(self, pkg: Package, report):
        self.pkg, self.report, self.runs = pkg, report, Reader(pkg, report)
        self.toc = False
        self.marks: list[str] = []    # bookmarks between paragraphs (pandoc's): the next one's

    def body(self) -> list[Item]:
        """All Items of the body, in order."""
        return self.blocks(self.pkg.body)

    def blocks(self, parent) -> list[Item]:
        out = []
        for el in parent:
            if el.tag == W + "p":
                out += self.paragraph(el)
            elif el.tag == W + "tbl":
                out.append(self.table(el))
            elif el.tag == W + "sdt":
                out += self.sdt(el)
            elif el.tag == W + "bookmarkStart" and el.get(W + "name"):
                self.marks.append(el.get(W + "name"))
        return out

    def sdt(self, el) -> list[Item]:
        gallery = el.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
        content = el.find(W + "sdtContent")
        inner = self.blocks(content) if content is not None else []
        kind = val(gallery.getparent(), "docPartGallery") if gallery is not None else ""
        if kind == "Cover Pages" or any(i.kind == "own" and i.style.startswith("Cover")
                                        for i in inner):
            return [Item("cover", rows=inner)]
        return inner

    def table(self, tbl) -> Item:
        rows, header = [], 0
        for tr in tbl.iter(W + "tr"):
            if tr.getparent() is not tbl:
                continue
            cells = [self.blocks(tc) for tc in tr.findall(W + "tc")]
            rows.append(cells)
            if _on(tr.find(f"{W}trPr/{W}tblHeader")) and header == len(rows) - 1:
                header += 1
        style = val(tbl.find(W + "tblPr"), "tblStyle", "") or ""
        return Item("table", rows=rows, header=header, style=style)

    def paragraph(self, p) -> list[Item]:
        ppr = p.find(W + "pPr")
        sid = val(ppr, "pStyle", "") or ""
        chain = list(self.pkg.style_chain(sid))
        if TOC.match(chain[0].name if chain else sid) or sid.startswith("TOC"):
            return [] if self.classify(ppr, sid, "") is None else []
        runs = self.runs.runs(p)
        if ppr is not None and ppr.find(W + "sectPr") is not None:
            self.report.drop("section break: plandoc sets pages and margins from the style")
        out = [Item("image", picture=pic) for pic in runs.pictures]
        item = self.classify(ppr, sid, runs.markdown)
        if sid == "PartTitle" and item is not None:      # 'Del 1' ⏎ 'Bustadplan'
            item.label = "".join(t.text or "" for r in p.iter(W + "r")
                                 if val(r.find(W + "rPr"), "rStyle") == "PartLabel"
                                 for t in r.iter(W + "t"))
        if item is not None and (runs.markdown or item.kind == "own"):
            item.notes = runs.notes
            item.marks = self.marks + [b.get(W + "name") for b in p.iter(W + "bookmarkStart")
                                       if b.get(W + "name") and b.get(W + "name") != "_GoBack"]
            self.marks = []
            out.insert(0, item)
        if runs.page_break:
            out.append(Item("break"))
        return out

    def classify(self, ppr, sid: str, text: str) -> Item | None:
        chain = list(self.pkg.style_chain(sid))
        name = chain[0].name if chain else sid
        if TOC.match(name) or sid.startswith("TOC"):
            if not self.toc:
                self.report.drop("table of contents: plandoc makes its own (toc: true)")
            self.toc = True
            return None
        if (m := NO_TOC.match(sid)):
            return Item("heading", text, int(m.group(1)), style=sid)
        if sid in OWN_IDS:    # level: how many numbers a goal's label has (1.1 → 2)
            numbering = self.numbering(ppr, chain, text=True)
            label = numbering[1] if numbering else ""
            return Item("own", text, label.count("%"), style=sid, label=label)
        level = self.heading_level(ppr, chain)
        numbering = self.numbering(ppr, chain)
        if level:
            return self.heading(text, level, numbering is not None)
        if numbering is not None:
            return Item("item", text, numbering[0], numbering[1] not in ("bullet", "none"),
                        style=numbering[1])
        return Item("para", text)

    def heading(self, text: str, level: int, numbered: bool) -> Item:
        if level > 3:
            self.report.kept(f"heading level {level}: as a level-3 heading (subsection)")
        typed = TYPED.match(text)
        if typed:
            self.report.saw("typed heading number removed (plandoc numbers)")
            text = text[typed.end():]
        return Item("heading", text, min(level, 3), numbered or bool(typed))

    def heading_level(self, ppr, chain) -> int:
        own = val(ppr, "outlineLvl")
        if own is not None and own.isdigit():
            return int(own) + 1 if int(own) < 9 else 0
        for style in chain:
            if style.outline is not None:
                return style.outline + 1 if style.outline < 9 else 0
            m = HEADING_NAME.match(style.name) or HEADING_NAME.match(style.sid)
            if m:
                return int(m.group(1))
        return 0

    def numbering(self, ppr, chain, text: bool = False) -> tuple[int, str] | None:
        """(nesting level, number format — or with `text` the label pattern '%1.%2') of a
        numbered or bulleted paragraph, else None."""
        num = ppr.find(f"{W}numPr") if ppr is not None else None
        num_id = val(num, "numId") if num is not None else \
            next((s.num_id for s in chain if s.num_id), None)
        if not num_id or num_id == "0":
            return None
        ilvl = int(val(num, "ilvl", "0") or 0) if num is not None else 0
        level = self.pkg.numbering.get(num_id, {}).get(str(ilvl), ("decimal", ""))
        return ilvl, level[1] if text else level[0]


def _on(el) -> bool:
    return el is not None and el.get(W + "val") not in ("0", "false", "off")
