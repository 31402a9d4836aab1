"""Word styles as XML: a WordStyle description → a w:style element, installed in styles.xml.

Without a template every style is (re)defined; with a municipality's template its styles keep
their look and only the structure plandoc relies on (outline levels, keep-with-next, widow
control, list numbering) is enforced.  Document defaults (font, size, language) live here too.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass

from plandoc.writers.docx.ooxml.base import (child, element, hexval, local, pt_twips, put, qn,
                                             sort_children)

STYLE_ID = qn("w:styleId")
STRUCTURE = ("keepNext", "keepLines", "widowControl", "numPr", "outlineLvl")


@dataclass(frozen=True)
class WordStyle:
    """One paragraph or character style, in points and '#RRGGBB'; None leaves a property out."""

    id: str
    name: str
    kind: str = "paragraph"
    based: str | None = "Normal"
    next: str | None = None
    custom: bool = True
    font: str | None = None
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    colour: str | None = None
    tracking: float = 0.0
    caps: bool = False
    line: float | None = None           # line height in points (at least)
    before: float | None = None
    after: float | None = None
    align: str | None = None            # left | center | both
    keep_next: bool = False
    indent: float = 0.0
    hanging: float = 0.0
    outline: int | None = None
    tabs: tuple = ()                    # (alignment, position in points, leader or None)
    numbering: tuple[int, int] | None = None    # (numId, level)
    widow: bool = False
    hyphenate: bool = True
    line_numbers: bool = True
    raised: bool = False                # superscript (a footnote's number)


def style_element(spec: WordStyle):
    """The w:style element of `spec` (a fresh copy: the caller renames and installs it)."""
    return copy.deepcopy(_built(spec))


@functools.lru_cache(maxsize=1024)
def _built(spec: WordStyle):
    """The w:style element of `spec`, built once per process: a batch or a watch session
    writes the same styles for each document of a style."""
    el = element("w:style", type=spec.kind, styleId=spec.id)
    if spec.id == "Normal":
        el.set(qn("w:default"), "1")
    if spec.custom:
        el.set(qn("w:customStyle"), "1")
    el.append(element("w:name", val=spec.name))
    if spec.based:
        el.append(element("w:basedOn", val=spec.based))
    if spec.next:
        el.append(element("w:next", val=spec.next))
    el.append(element("w:qFormat"))
    if spec.kind == "paragraph":
        el.append(_ppr(spec))
    el.append(_rpr(spec))
    return el


def _ppr(spec: WordStyle):
    ppr = element("w:pPr")
    for tag, wanted in (("keepNext", spec.keep_next), ("keepLines", spec.keep_next),
                        ("widowControl", spec.widow), ("suppressAutoHyphens", not spec.hyphenate),
                        ("suppressLineNumbers", not spec.line_numbers)):
        if wanted:
            put(ppr, element(f"w:{tag}"))
    if spec.numbering:
        num_pr = put(ppr, element("w:numPr"))
        num_pr.append(element("w:ilvl", val=spec.numbering[1]))
        num_pr.append(element("w:numId", val=spec.numbering[0]))
    if spec.tabs:
        _tabs(put(ppr, element("w:tabs")), spec.tabs)
    _spacing(ppr, spec)
    if spec.indent or spec.hanging:
        put(ppr, element("w:ind", left=pt_twips(spec.indent), hanging=pt_twips(spec.hanging)))
    if spec.align:
        put(ppr, element("w:jc", val=spec.align))
    if spec.outline is not None:
        put(ppr, element("w:outlineLvl", val=spec.outline))
    return ppr


def _tabs(tabs, stops) -> None:
    for alignment, position, leader in stops:
        tab = element("w:tab", val=alignment, pos=pt_twips(position))
        if leader:
            tab.set(qn("w:leader"), leader)
        tabs.append(tab)


def _spacing(ppr, spec: WordStyle) -> None:
    spacing = element("w:spacing")
    if spec.before is not None:
        spacing.set(qn("w:before"), str(pt_twips(spec.before)))
    if spec.after is not None:
        spacing.set(qn("w:after"), str(pt_twips(spec.after)))
    if spec.line:
        spacing.set(qn("w:line"), str(pt_twips(spec.line)))
        spacing.set(qn("w:lineRule"), "atLeast")
    if len(spacing.attrib):
        put(ppr, spacing)


def _rpr(spec: WordStyle):
    rpr = element("w:rPr")
    if spec.font:
        set_fonts(rpr, spec.font)
    for tag, value in (("b", spec.bold), ("bCs", spec.bold), ("i", spec.italic),
                       ("iCs", spec.italic)):
        if value is not None:
            put(rpr, element(f"w:{tag}") if value else element(f"w:{tag}", val=0))
    if spec.caps:
        put(rpr, element("w:caps"))
    if spec.colour:
        put(rpr, element("w:color", val=hexval(spec.colour)))
    if spec.tracking:
        put(rpr, element("w:spacing", val=pt_twips(spec.tracking)))
    if spec.size:
        put(rpr, element("w:sz", val=round(spec.size * 2)))
        put(rpr, element("w:szCs", val=round(spec.size * 2)))
    if spec.raised:
        put(rpr, element("w:vertAlign", val="superscript"))
    return rpr


def set_fonts(rpr, family: str) -> None:
    """Use `family` for every script, dropping theme-font attributes that would override it."""
    fonts = child(rpr, "w:rFonts")
    for attr in [a for a in fonts.attrib if a.lower().endswith("theme")]:
        del fonts.attrib[attr]
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), family)


def install(document, elements, restyle: bool) -> None:
    """Add each style element of `elements`, in order; one whose id is defined already
    replaces that style (restyle) or only enforces its structure on it (a template's)."""
    styles = document.styles.element
    present = {s.get(STYLE_ID): s for s in styles.findall(qn("w:style"))}
    for new in elements:
        style_id = new.get(STYLE_ID)
        old = present.get(style_id)
        if old is None:
            styles.append(new)
            present[style_id] = new
        elif restyle:
            old.addprevious(new)
            styles.remove(old)
            present[style_id] = new
        else:
            _copy_structure(new, old)
            _show(old)


def _show(style) -> None:
    """A template's style made visible: in the styles gallery, not hidden."""
    for tag in ("w:hidden", "w:semiHidden"):
        for el in style.findall(qn(tag)):
            style.remove(el)
    if style.find(qn("w:qFormat")) is None:
        after = next((el for el in style if local(el) in AFTER_QFORMAT), None)
        if after is None:
            style.append(element("w:qFormat"))
        else:
            after.addprevious(element("w:qFormat"))


AFTER_QFORMAT = ("locked", "personal", "personalCompose", "personalReply", "rsid", "pPr", "rPr",
                 "tblPr", "trPr", "tcPr", "tblStylePr")


def _copy_structure(new, old) -> None:
    src = new.find(qn("w:pPr"))
    if src is None:
        return
    dst = child(old, "w:pPr")
    for tag in STRUCTURE:
        for el in dst.findall(qn(f"w:{tag}")):
            dst.remove(el)
        for el in src.findall(qn(f"w:{tag}")):
            dst.append(el)
    sort_children(dst)
    rpr = old.find(qn("w:rPr"))
    if rpr is not None:           # a style's pPr must precede its rPr
        old.remove(rpr)
        old.append(rpr)


def defined(document) -> list[tuple[str, str, str]]:
    """Every style styles.xml defines: (id, name, type)."""
    out = []
    for s in document.styles.element.findall(qn("w:style")):
        name = s.find(qn("w:name"))
        out.append((s.get(qn("w:styleId")), "" if name is None else name.get(qn("w:val")),
                    s.get(qn("w:type"))))
    return out


def name_of(style) -> str:
    """A w:style element's name."""
    return style.find(qn("w:name")).get(qn("w:val"))


def id_of(style) -> str:
    """A w:style element's id."""
    return style.get(qn("w:styleId"))


def kind_of(style) -> str:
    """A w:style element's type: paragraph, character or table."""
    return style.get(qn("w:type"))


def rename(style, name: str) -> None:
    """Give a w:style element the name `name`."""
    style.find(qn("w:name")).set(qn("w:val"), name)


def retarget(style, ids: dict[str, str]) -> None:
    """Point a w:style element's id and its basedOn / next / link at other ids (old → new)."""
    sid = style.get(qn("w:styleId"))
    style.set(qn("w:styleId"), ids.get(sid, sid))
    for tag in ("w:basedOn", "w:next", "w:link"):
        for el in style.findall(qn(tag)):
            el.set(qn("w:val"), ids.get(el.get(qn("w:val")), el.get(qn("w:val"))))


def document_defaults(document, family: str | None, size: float | None, lang: str) -> None:
    """docDefaults: the body font and size (when restyling) and the document's language."""
    rpr = _default_rpr(document.styles.element)
    if family:
        set_fonts(rpr, family)
    if size:
        put(rpr, element("w:sz", val=round(size * 2)))
        put(rpr, element("w:szCs", val=round(size * 2)))
    put(rpr, element("w:lang", val=lang))


def _default_rpr(styles):
    """docDefaults/rPrDefault/rPr, created in schema position when missing."""
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = element("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = element("w:rPrDefault")
        defaults.insert(0, rpr_default)
    return child(rpr_default, "w:rPr")


def style_exists(document, style_id: str) -> bool:
    """Whether styles.xml defines a style with this id."""
    return any(s.get(qn("w:styleId")) == style_id
               for s in document.styles.element.findall(qn("w:style")))
