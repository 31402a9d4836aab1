"""Real Word numbering definitions for bullet and numbered lists.

One abstract definition for bullets (the theme's bullet character at the first level, a dash
below) and one for numbers (1. / a) / i.).  Bullets share one w:num; every numbered list gets
its own w:num with a start override, so each list restarts at its own `start`.
"""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart
from xml.sax.saxutils import quoteattr

from plandoc.writers.docx.ooxml import element, hexcolor

LEVELS = 3
INDENT_TWIPS = 340  # each level indents by 6 mm; the marker hangs in that space
_ORDERED_FORMATS = (("decimal", "%1."), ("lowerLetter", "%2)"), ("lowerRoman", "%3."))


class Numbering:
    """The list definitions of one document; `bullet_id` and `number_id()` give w:numId values."""

    def __init__(self, doc, theme, symbol_family: str):
        self.root = _numbering_root(doc)
        abstract_ids = [int(v) for v in self.root.xpath("./w:abstractNum/@w:abstractNumId")]
        self._bullet_abs = max(abstract_ids, default=-1) + 1
        self._number_abs = self._bullet_abs + 1
        self._add_abstract(self._bullet_abs, _bullet_levels(theme, symbol_family))
        self._add_abstract(self._number_abs, _number_levels(theme))
        self.bullet_id = self._add_num(self._bullet_abs)
        self.default_number_id = self._add_num(self._number_abs)

    def number_id(self, level: int, start: int) -> int:
        """A fresh numbering instance: a numbered list at `level` that starts at `start`."""
        num_id = self._add_num(self._number_abs)
        num = self.root.num_having_numId(num_id)
        override = element("w:lvlOverride", ilvl=level)
        override.append(element("w:startOverride", val=start))
        num.append(override)
        return num_id

    def _add_abstract(self, abstract_id: int, levels_xml: str) -> None:
        xml = (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
               f'<w:nsid w:val="{0x504C0000 + abstract_id:08X}"/>'
               f'<w:multiLevelType w:val="hybridMultilevel"/>{levels_xml}</w:abstractNum>')
        new = parse_xml(xml)
        existing = self.root.findall(qn("w:abstractNum"))
        first_num = self.root.find(qn("w:num"))
        if existing:
            existing[-1].addnext(new)
        elif first_num is not None:
            first_num.addprevious(new)
        else:
            self.root.append(new)

    def _add_num(self, abstract_id: int) -> int:
        return int(self.root.add_num(abstract_id).numId)


def _level(ilvl: int, fmt: str, text: str, rpr: str = "") -> str:
    left = INDENT_TWIPS * (ilvl + 1)
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val={quoteattr(text)}/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{INDENT_TWIPS}"/></w:pPr>{rpr}</w:lvl>')


def _bullet_levels(theme, symbol_family: str) -> str:
    marks = [theme.bullet] + ["–"] * (LEVELS - 1)
    color = hexcolor(theme.colors["primary"])
    fonts = quoteattr(symbol_family)
    rpr = (f'<w:rPr><w:rFonts w:ascii={fonts} w:hAnsi={fonts} w:eastAsia={fonts} w:cs={fonts}/>'
           f'<w:color w:val="{color}"/></w:rPr>')
    return "".join(_level(i, "bullet", mark, rpr) for i, mark in enumerate(marks))


def _number_levels(theme) -> str:
    return "".join(_level(i, fmt, text) for i, (fmt, text) in enumerate(_ORDERED_FORMATS))


def _numbering_root(doc):
    """numbering.xml's root, creating the part when the template has none."""
    part = doc.part
    try:
        return part.part_related_by(RT.NUMBERING).element
    except KeyError:
        new = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING,
                            parse_xml(f"<w:numbering {nsdecls('w')}/>"), part.package)
        part.relate_to(new, RT.NUMBERING)
        return new.element
