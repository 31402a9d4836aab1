"""Theme → real Word styles (paragraph, character and table styles) and document defaults.

Every look in the document is a named style, so the navigation pane shows the structure and
staff can restyle.  Without a Word template every style plandoc uses is (re)defined from the
theme.  With a municipality's own template its styles keep their look; plandoc only adds the
styles the template lacks and enforces structure (outline levels, keep-with-next, widow
control, list numbering).
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from plandoc.writers.docx import tablestyles
from plandoc.writers.docx.ooxml import child, hexcolor, set_fonts, sort_props
from plandoc.writers.docx.stylespecs import Spec, paragraph_specs

LANGUAGE_TAGS = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}
STRUCTURE = ("keepNext", "keepLines", "widowControl", "numPr", "outlineLvl")
WHITE = "#FFFFFF"


def apply_styles(doc, theme, numbering, lang: str, restyle: bool) -> None:
    """Define every style plandoc uses; `restyle` False keeps an existing style's look."""
    styles = doc.styles.element
    if restyle:
        _doc_defaults(styles, theme)
    _language(styles, LANGUAGE_TAGS[lang])
    for spec in paragraph_specs(theme, numbering):
        _install(styles, _paragraph_style(spec, theme), restyle)
    for el in _character_styles(theme):
        _install(styles, el, restyle)
    for el in tablestyles.table_styles(theme):
        _install(styles, el, restyle)


# --- XML ----------------------------------------------------------------------------------


def _paragraph_style(spec: Spec, theme):
    kind = "paragraph"
    head = f'<w:style {nsdecls("w")} w:type="{kind}" w:styleId="{spec.id}"'
    head += ' w:default="1"' if spec.id == "Normal" else ""
    head += ' w:customStyle="1">' if spec.custom else ">"
    links = f'<w:name w:val="{spec.name}"/>'
    links += f'<w:basedOn w:val="{spec.based}"/>' if spec.based else ""
    links += f'<w:next w:val="{spec.next}"/>' if spec.next else ""
    links += "<w:qFormat/>"
    return parse_xml(head + links + _ppr(spec) + _rpr(spec, theme) + "</w:style>")


def _ppr(spec: Spec) -> str:
    out = "<w:keepNext/><w:keepLines/>" if spec.keep else ""
    out += "<w:widowControl/>" if spec.widow else ""
    if spec.numpr:
        out += (f'<w:numPr><w:ilvl w:val="{spec.numpr[1]}"/>'
                f'<w:numId w:val="{spec.numpr[0]}"/></w:numPr>')
    out += f"<w:tabs>{spec.tabs}</w:tabs>" if spec.tabs else ""
    line = f' w:line="{round(240 * spec.line)}" w:lineRule="auto"' if spec.line else ""
    before, after = round(spec.before * 20), round(spec.after * 20)
    out += f'<w:spacing w:before="{before}" w:after="{after}"{line}/>'
    if spec.indent:
        out += f'<w:ind w:left="{spec.indent[0]}" w:hanging="{spec.indent[1]}"/>'
    out += f'<w:jc w:val="{spec.align}"/>' if spec.align else ""
    out += f'<w:outlineLvl w:val="{spec.outline}"/>' if spec.outline is not None else ""
    return f"<w:pPr>{out}</w:pPr>"


def _rpr(spec: Spec, theme) -> str:
    family = quoteattr((theme.heading_font if spec.font == "heading" else theme.body_font).family)
    color = WHITE if spec.color == "white" else theme.colors[spec.color]
    out = f"<w:rFonts w:ascii={family} w:hAnsi={family} w:eastAsia={family} w:cs={family}/>"
    out += "<w:b/><w:bCs/>" if spec.bold else "<w:b w:val=\"0\"/><w:bCs w:val=\"0\"/>"
    out += "<w:i/><w:iCs/>" if spec.italic else "<w:i w:val=\"0\"/><w:iCs w:val=\"0\"/>"
    out += "<w:caps/>" if spec.caps else ""
    out += f'<w:color w:val="{hexcolor(color)}"/>'
    out += f'<w:spacing w:val="{round(spec.tracking * 20)}"/>' if spec.tracking else ""
    size = round(spec.size * 2)
    out += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    return f"<w:rPr>{out}</w:rPr>"


def _character_styles(theme) -> list:
    """Hyperlink, and the goal number/label and strategy letter set apart in the brand colour."""
    color = f'<w:color w:val="{hexcolor(theme.colors["primary"])}"/>'
    return [_char_style("Hyperlink", "Hyperlink", color + '<w:u w:val="single"/>', custom=False),
            _char_style("GoalLabel", "Goal Label", "<w:b/><w:bCs/>" + color),
            _char_style("StrategyLetter", "Strategy Letter", "<w:b/><w:bCs/>" + color)]


def _char_style(style_id: str, name: str, rpr: str, custom: bool = True):
    flag = ' w:customStyle="1"' if custom else ""
    return parse_xml(
        f'<w:style {nsdecls("w")} w:type="character"{flag} w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="DefaultParagraphFont"/>'
        f'<w:uiPriority w:val="1"/><w:qFormat/><w:rPr>{rpr}</w:rPr></w:style>')


def _install(styles, new, restyle: bool) -> None:
    """Add `new`, replace the style with its id (restyle) or only enforce its structure."""
    style_id = new.get(qn("w:styleId"))
    old = next((s for s in styles.findall(qn("w:style"))
                if s.get(qn("w:styleId")) == style_id), None)
    if old is None:
        styles.append(new)
    elif restyle:
        old.addprevious(new)
        styles.remove(old)
    else:
        _copy_structure(new, old)


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
    sort_props(dst)
    rpr = old.find(qn("w:rPr"))
    if rpr is not None:  # a pPr must precede the rPr
        old.remove(rpr)
        old.append(rpr)


def _doc_defaults(styles, theme) -> None:
    rpr = _default_rpr(styles)
    set_fonts(rpr, theme.body_font.family)
    size = str(round(theme.sizes["body"] * 2))
    child(rpr, "w:sz", val=size)
    child(rpr, "w:szCs", val=size)
    sort_props(rpr)


def _language(styles, tag: str) -> None:
    """The document's default language (w:lang in docDefaults) — spelling, hyphenation."""
    rpr = _default_rpr(styles)
    child(rpr, "w:lang", val=tag)
    sort_props(rpr)


def _default_rpr(styles):
    """docDefaults/rPrDefault/rPr, created in schema position when missing."""
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    return child(rpr_default, "w:rPr")
