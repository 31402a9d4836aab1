"""Elements, units and schema order: what every other ooxml module builds on.

WordprocessingML is strict about the order of a property element's children (Word refuses a
file whose pPr has its spacing before its numPr); `put` inserts a child where the schema wants
it, replacing one of the same name.
"""

from __future__ import annotations

from functools import cache

from docx.oxml.ns import NamespacePrefixedTag
from docx.oxml.ns import qn as _qn
from docx.oxml.parser import oxml_parser

TWIPS_PER_MM = 1440 / 25.4


def twips(mm: float) -> int:
    """Millimetres → twentieths of a point."""
    return round(mm * TWIPS_PER_MM)


def pt_twips(pt: float) -> int:
    """Points → twentieths of a point."""
    return round(pt * 20)


def eighths(pt: float) -> int:
    """Points → eighths of a point (border widths)."""
    return round(pt * 8)


def hexval(colour: str) -> str:
    """'#1f4e79' → '1F4E79', the form WordprocessingML wants."""
    return colour.lstrip("#").upper()


qn = cache(_qn)       # 'w:val' → its Clark name, worked out once


@cache
def _clark(tag: str) -> tuple[str, dict]:
    """'w:p' → its Clark name and namespace map (python-docx's OxmlElement works them out
    again on each call)."""
    nsptag = NamespacePrefixedTag(tag)
    return nsptag.clark_name, nsptag.nsmap


@cache
def _w(name: str) -> str:
    """'val' → the Clark name of w:val."""
    return qn(f"w:{name}")


def OxmlElement(tag: str):      # noqa: N802 — python-docx's OxmlElement, the same element
    """A new element of python-docx's class for `tag` ('w:p')."""
    clark, nsmap = _clark(tag)
    return oxml_parser.makeelement(clark, nsmap=nsmap)


def element(tag: str, **attrs):
    """A new element with w: attributes (values turned into strings)."""
    el = OxmlElement(tag)
    for name, value in attrs.items():
        el.set(_w(name), str(value))
    return el


def append_content(container, el) -> None:
    """Append `el` to a body or cell, before the body's final sectPr — found as the last
    child: lxml counts and searches children one by one, which a 20× plan's body makes slow."""
    try:
        last = container[-1]
    except IndexError:
        last = None
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(el)
    else:
        container.append(el)


def put(parent, new):
    """Insert `new` into `parent` in schema order, replacing a child of the same tag."""
    rank = RANKS.get(local(parent))
    if rank and (not len(parent) or _rank(rank, parent[-1]) < _rank(rank, new)):
        parent.append(new)      # the usual case, children added in schema order: no search
        return new
    for old in parent.findall(new.tag):
        parent.remove(old)
    ranks = [_rank(rank, el) for el in parent] if rank else []
    if ranks != sorted(ranks):          # a template's element out of order: sort it all
        parent.append(new)
        sort_children(parent)
        return new
    after = next((el for el, r in zip(parent, ranks) if r > _rank(rank, new)), None)
    if after is None:
        parent.append(new)
    else:                               # before the first child the schema puts after it
        after.addprevious(new)
    return new


def _rank(rank: dict, el) -> int:
    """Where `el` goes among its siblings (unknown tags last)."""
    return rank.get(local(el), len(rank))


def child(parent, tag: str):
    """The first `tag` child of `parent`, created in schema order when missing."""
    found = parent.find(qn(tag))
    return found if found is not None else put(parent, OxmlElement(tag))


def local(el) -> str:
    """An element's tag without its namespace."""
    return _local(el.tag)


@cache
def _local(tag: str) -> str:
    """'{namespace}p' → 'p', worked out once per tag."""
    return tag.rsplit("}", 1)[-1]


def sort_children(parent) -> None:
    """Put the children of a property element back into schema order."""
    rank = RANKS.get(local(parent))
    if not rank:
        return
    for el in sorted(parent, key=lambda e: rank.get(local(e), len(rank))):
        parent.append(el)


ORDER = {
    "pPr": ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
            "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
            "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
            "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
            "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
            "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"],
    "rPr": ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
            "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
            "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight",
            "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
            "eastAsianLayout", "specVanish", "oMath"],
    "tcPr": ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap",
             "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark"],
    "tblPr": ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
              "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
              "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription"],
    "trPr": ["cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
             "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden"],
    "sectPr": ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz",
               "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
               "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
               "printerSettings", "sectPrChange"],
    "settings": ["writeProtection", "view", "zoom", "removePersonalInformation",
                 "removeDateAndTime", "doNotDisplayPageBoundaries", "displayBackgroundShape",
                 "printPostScriptOverText", "printFractionalCharacterWidth", "printFormsData",
                 "embedTrueTypeFonts", "embedSystemFonts", "saveSubsetFonts",
                 "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
                 "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop",
                 "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle",
                 "proofState", "formsDesign", "attachedTemplate", "linkStyles",
                 "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge",
                 "revisionView", "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting",
                 "documentProtection", "autoFormatOverride", "styleLockTheme",
                 "styleLockQFSet", "defaultTabStop", "autoHyphenation",
                 "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps",
                 "showEnvelope", "summaryLength", "clickAndTypeStyle",
                 "defaultTableStyle", "evenAndOddHeaders", "bookFoldRevPrinting",
                 "bookFoldPrinting", "bookFoldPrintingSheets", "drawingGridHorizontalSpacing",
                 "drawingGridVerticalSpacing", "displayHorizontalDrawingGridEvery",
                 "displayVerticalDrawingGridEvery", "doNotUseMarginsForDrawingGridOrigin",
                 "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin",
                 "doNotShadeFormData", "noPunctuationKerning", "characterSpacingControl",
                 "printTwoOnOne", "strictFirstAndLastChars", "noLineBreaksAfter",
                 "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema",
                 "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText",
                 "doNotDemarcateInvalidXml", "saveXmlDataOnly", "useXSLTWhenSaving",
                 "saveThroughXslt", "showXMLTags", "alwaysMergeEmptyNamespace", "updateFields",
                 "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
                 "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
                 "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
                 "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary",
                 "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator"],
}
BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")
for _box in ("pBdr", "tblBorders", "tcBorders"):
    ORDER[_box] = list(BORDER_SIDES)
ORDER["tblCellMar"] = ORDER["tcMar"] = ["top", "left", "bottom", "right"]
RANKS = {parent: {name: i for i, name in enumerate(order)} for parent, order in ORDER.items()}
