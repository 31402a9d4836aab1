"""Word numbering definitions as XML: abstract definitions of levels, and list instances.

An abstract definition says how each level is marked (w:numFmt, w:lvlText, indent, the mark's
font and colour); a w:num is one list using it, optionally restarting a level at a number.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart

from plandoc.writers.docx.ooxml.base import element, hexval, pt_twips
from plandoc.writers.docx.ooxml.styles import set_fonts

NSID_BASE = 0x504C0000        # 'PL' — a stable, recognisable list id


@dataclass(frozen=True)
class Level:
    """One level of a list: numFmt, lvlText ('%1.', '•'), indents in points, the mark's look."""

    fmt: str
    text: str
    indent: float
    hanging: float
    font: str | None = None
    colour: str | None = None
    suffix: str = "tab"          # what follows the mark: 'tab', 'space' or 'nothing'
    bold: bool = False


def _root(document):
    """numbering.xml's root, creating the part when the package has none."""
    part = document.part
    try:
        return part.part_related_by(RT.NUMBERING).element
    except KeyError:
        new = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING,
                            parse_xml(f"<w:numbering {nsdecls('w')}/>"), part.package)
        part.relate_to(new, RT.NUMBERING)
        return new.element


def add_definition(document, levels: list[Level], multilevel: bool = False) -> int:
    """A new abstract numbering definition of `levels`; returns its abstractNumId.
    `multilevel`: one outline whose deeper levels' texts name the counters above them."""
    root = _root(document)
    ids = [int(v) for v in root.xpath("./w:abstractNum/@w:abstractNumId")]
    abstract_id = max(ids, default=-1) + 1
    abstract = element("w:abstractNum", abstractNumId=abstract_id)
    abstract.append(element("w:nsid", val=f"{NSID_BASE + abstract_id:08X}"))
    abstract.append(element("w:multiLevelType", val="multilevel" if multilevel else
                                    "hybridMultilevel"))
    for ilvl, level in enumerate(levels):
        abstract.append(_level(ilvl, level))
    existing = root.findall(qn("w:abstractNum"))
    first_num = root.find(qn("w:num"))
    if existing:
        existing[-1].addnext(abstract)
    elif first_num is not None:
        first_num.addprevious(abstract)
    else:
        root.append(abstract)
    return abstract_id


def _level(ilvl: int, level: Level):
    lvl = element("w:lvl", ilvl=ilvl)
    for tag, val in (("start", 1), ("numFmt", level.fmt)):
        lvl.append(element(f"w:{tag}", val=val))
    if level.suffix != "tab":
        lvl.append(element("w:suff", val=level.suffix))
    for tag, val in (("lvlText", level.text), ("lvlJc", "left")):
        lvl.append(element(f"w:{tag}", val=val))
    ppr = element("w:pPr")
    ppr.append(element("w:ind", left=pt_twips(level.indent), hanging=pt_twips(level.hanging)))
    lvl.append(ppr)
    if level.font or level.colour or level.bold:
        rpr = element("w:rPr")
        if level.font:
            set_fonts(rpr, level.font)
        if level.bold:
            rpr.append(element("w:b"))
        if level.colour:
            rpr.append(element("w:color", val=hexval(level.colour)))
        lvl.append(rpr)
    return lvl


def add_list(document, abstract_id: int, restart: tuple[int, int] | None = None) -> int:
    """A list using definition `abstract_id`; restart=(level, start) restarts that level."""
    root = _root(document)
    num_id = int(root.add_num(abstract_id).numId)
    if restart is not None:
        override = element("w:lvlOverride", ilvl=restart[0])
        override.append(element("w:startOverride", val=restart[1]))
        root.num_having_numId(num_id).append(override)
    return num_id
