"""A Word paragraph's runs → inline Markdown: bold, italic, links, footnote marks, images.

Text is escaped so that what the author typed stays text (`*`, `_`, `[`, a leading "1." …).
What has no place in plandoc's text (text boxes, shapes, comments, field codes) is reported,
never silently lost: field results stay as their shown text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plandoc.importer.package import A, R, W, WP, Package
from plandoc.reader.inline import SAFE_LINK

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
SPECIAL = re.compile(r"([\\`*_\[\]|<])")
LEADING = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|[-+>](?=\s|$))")
ORDERED = re.compile(r"^(\s*\d{1,9})(?=[.)](?:\s|$))")


@dataclass
class Picture:
    """An image in a paragraph: its relationship id, alt text and name in the file."""

    rid: str
    alt: str
    name: str
    width_cm: float | None


@dataclass
class Runs:
    """What a paragraph's runs held."""

    markdown: str = ""
    notes: list = field(default_factory=list)       # footnote ids, in order
    pictures: list = field(default_factory=list)
    page_break: bool = False


@dataclass
class _Seg:
    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


def escape(text: str, start: bool = True) -> str:
    """`text` with Markdown's special characters escaped (at the start also '1.', '-', '#')."""
    out = SPECIAL.sub(r"\\\1", text)
    if not start:
        return out
    return ORDERED.sub(r"\1\\", LEADING.sub(r"\1\\\2", out))


class Reader:
    """Turns paragraphs into Runs; counts what it drops or keeps plain in `report`."""

    def __init__(self, pkg: Package, report):
        self.pkg, self.report = pkg, report
        self.field_link: str | None = None     # a REF field's bookmark, until the field ends

    def runs(self, p) -> Runs:
        """The paragraph `p` (a w:p) as inline Markdown and what else it holds."""
        out, segs = Runs(), []
        self.field_link = None
        self._walk(p, segs, out, None)
        out.markdown = render(segs)
        return out

    def _walk(self, el, segs, out, link) -> None:
        for child in el:
            tag = child.tag
            if tag == W + "r":
                self._run(child, segs, out, link)
            elif tag == W + "hyperlink":
                self._walk(child, segs, out, self._target(child))
            elif tag in (W + "ins", W + "smartTag", W + "fldSimple", W + "customXml",
                         W + "sdtContent"):
                self._walk(child, segs, out, link)
            elif tag == W + "sdt":
                self._walk(child, segs, out, link)
            elif tag == W + "commentRangeStart":
                self.report.drop("comment: plandoc content has no comments")

    def _target(self, h) -> str | None:
        rid = h.get(R + "id")
        if rid and rid in self.pkg.rels:
            target = self.pkg.rels[rid][0]
            if SAFE_LINK.match(target) and not target.startswith("#"):
                return target
            self.report.kept("link to a file or an unknown kind of address: its words")
            return None
        if h.get(W + "anchor"):          # '#_Ref00003': shape.py gives the target an id
            return "#" + h.get(W + "anchor")
        return None

    def _run(self, r, segs, out, link) -> None:
        rpr = r.find(W + "rPr")
        bold, italic = _on(rpr, "b"), _on(rpr, "i")
        if rpr is not None and rpr.find(W + "vertAlign") is not None and \
                r.find(W + "footnoteReference") is None and val_of(rpr, "vertAlign") != "baseline":
            self.report.kept("superscript or subscript: as ordinary text")
        for c in r:
            self._piece(c, segs, out, bold, italic, link or self.field_link)

    def _piece(self, c, segs, out, bold, italic, link) -> None:
        tag = c.tag
        if tag == W + "t":
            # word joiners and soft hyphens: plandoc's layout puts them in where it needs them
            text = (c.text or "").replace("\u2060", "").replace("\u00ad", "")
            segs.append(_Seg(text, bold, italic, link))
        elif tag in (W + "tab", W + "cr", W + "noBreakHyphen", W + "softHyphen"):
            segs.append(_Seg({W + "noBreakHyphen": "-", W + "softHyphen": ""}.get(tag, " "),
                             bold, italic, link))
        elif tag == W + "br":
            if c.get(W + "type") == "page":
                out.page_break = True
            else:
                self.report.kept("line break inside a paragraph: as a space")
                segs.append(_Seg(" ", bold, italic, link))
        elif tag == W + "footnoteReference":
            out.notes.append(c.get(W + "id"))
            segs.append(_Seg(f"\x00{c.get(W + 'id')}\x00"))
        elif tag == W + "drawing":
            self._drawing(c, out)
        elif tag == MC + "AlternateContent":
            choice = c.find(MC + "Choice")
            drawing = choice.find(W + "drawing") if choice is not None else None
            self._drawing(drawing, out) if drawing is not None else \
                self.report.drop("shape: plandoc draws no shapes")
        elif tag in (W + "pict", W + "object"):
            self.report.drop("embedded object or old-style shape: no plandoc block")
        elif tag == W + "fldChar" and c.get(W + "fldCharType") == "end":
            self.field_link = None
        elif tag == W + "instrText" and (c.text or "").strip():
            word = c.text.split()[0].upper()
            if word == "REF" and len(c.text.split()) > 1:    # 'figur ' ⏎ REF _Ref00001 → '1'
                self.field_link = "#" + c.text.split()[1]
            if word not in ("SEQ", "PAGEREF", "TOC", "REF", "NOTEREF"):
                self.report.kept(f"{word} field: its shown text")
        elif tag == W + "commentReference":
            self.report.drop("comment: plandoc content has no comments")

    def _drawing(self, d, out) -> None:
        if d.find(f".//{WPS}txbx") is not None:
            self.report.drop("text box: plandoc has no floating text (copy its words by hand)")
            return
        blip = d.find(f".//{A}blip")
        pr = d.find(f".//{WP}docPr")
        if blip is None or pr is None:
            self.report.drop("shape or chart object: plandoc draws no shapes")
            return
        ext = d.find(f".//{WP}extent")
        width = round(int(ext.get("cx")) / 360000, 1) if ext is not None and \
            (ext.get("cx") or "").isdigit() else None
        out.pictures.append(Picture(blip.get(R + "embed") or "", (pr.get("descr") or "").strip(),
                                    pr.get("name") or "", width))


def val_of(el, child: str):
    found = el.find(W + child)
    return found.get(W + "val") if found is not None else None


def _on(rpr, child: str) -> bool:
    el = rpr.find(W + child) if rpr is not None else None
    return el is not None and el.get(W + "val") not in ("0", "false", "off")


def render(segs: list[_Seg]) -> str:
    """Segments → Markdown: neighbours of the same form joined, spaces kept outside marks."""
    merged: list[_Seg] = []
    for s in segs:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].link) == \
                (s.bold, s.italic, s.link) and "\x00" not in s.text + merged[-1].text:
            merged[-1].text += s.text
        elif s.text:
            merged.append(_Seg(s.text, s.bold, s.italic, s.link))
    out = []
    for s in merged:
        out.append(_one(s, start=not out))
    return "".join(out).strip()


def _one(s: _Seg, start: bool) -> str:
    if s.text.startswith("\x00"):
        return f"[^{s.text.strip(chr(0))}]"
    core = s.text.strip()
    if not core:
        return s.text
    lead, tail = s.text[:len(s.text) - len(s.text.lstrip())], s.text[len(s.text.rstrip()):]
    text = escape(core, start and not lead)
    mark = ("**" if s.bold else "") + ("*" if s.italic else "")
    text = f"{mark}{text}{mark[::-1]}"
    if s.link:
        text = f"[{text}]({s.link})"
    return lead + text + tail
