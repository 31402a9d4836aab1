"""The parts of a DOCX the importer reads: body, styles, numbering, relationships, footnotes.

Everything is read with lxml from the zip, so Word's, LibreOffice's, pandoc's and plandoc's
own files are read the same way.  A file that is not a Word document raises ImportFault with
a message naming the file, what is wrong and what is expected.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
DC = "{http://purl.org/dc/elements/1.1/}"
CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
EXPECTED = "expected a Word document (.docx) saved by Word, LibreOffice, pandoc or plandoc"


class ImportFault(Exception):
    """Input the importer cannot read; the message is the whole line to show."""


def val(el, child: str, default=None):
    """The w:val of `el`'s child `child`, or `default`."""
    found = el.find(W + child) if el is not None else None
    return found.get(W + "val", default) if found is not None else default


@dataclass
class Style:
    """A paragraph style: its id, name, based-on style and own outline level / numbering."""

    sid: str
    name: str
    based_on: str | None
    outline: int | None
    num_id: str | None


@dataclass
class Package:
    """An opened DOCX."""

    path: Path
    zf: zipfile.ZipFile
    body: etree._Element
    styles: dict = field(default_factory=dict)
    numbering: dict = field(default_factory=dict)   # numId → {ilvl: (numFmt, lvlText)}
    rels: dict = field(default_factory=dict)         # rId → (target, external)
    footnotes: dict = field(default_factory=dict)    # id → list of w:p
    core: dict = field(default_factory=dict)
    custom: dict = field(default_factory=dict)       # docProps/custom.xml: name → text

    def style_chain(self, sid: str | None):
        """The style `sid` and those it is based on, nearest first."""
        seen = set()
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            yield self.styles[sid]
            sid = self.styles[sid].based_on

    def media(self, rid: str) -> bytes | None:
        """The bytes of the image relationship `rid` points at, or None."""
        target = self.rels.get(rid)
        if not target or target[1]:
            return None
        name = target[0][1:] if target[0].startswith("/") else f"word/{target[0]}"
        try:
            return self.zf.read(str(PurePosixPath(name)))
        except KeyError:
            return None


def open_docx(path: Path) -> Package:
    """Open `path`; ImportFault when it is missing or not a Word document."""
    if not path.is_file():
        raise ImportFault(f"{path}: no such file — {EXPECTED}")
    try:
        zf = zipfile.ZipFile(path)
        root = _xml(zf, "word/document.xml")
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, OSError):
        raise ImportFault(f"{path}: not a Word document (no readable word/document.xml) — "
                          f"{EXPECTED}") from None
    body = root.find(W + "body")
    if body is None:
        raise ImportFault(f"{path}: the Word document has no body — {EXPECTED}")
    pkg = Package(path, zf, body)
    pkg.styles = _styles(_xml(zf, "word/styles.xml", None))
    pkg.numbering = _numbering(_xml(zf, "word/numbering.xml", None))
    pkg.rels = _rels(_xml(zf, "word/_rels/document.xml.rels", None))
    pkg.footnotes = _footnotes(_xml(zf, "word/footnotes.xml", None))
    pkg.core = _core(_xml(zf, "docProps/core.xml", None))
    pkg.custom = _custom(_xml(zf, "docProps/custom.xml", None))
    return pkg


_MISSING = object()


def _xml(zf: zipfile.ZipFile, name: str, default=_MISSING):
    """Part `name` parsed; `default` when absent (a missing document.xml raises KeyError)."""
    try:
        data = zf.read(name)
    except KeyError:
        if default is _MISSING:
            raise
        return default
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, huge_tree=False))


def _styles(root) -> dict:
    out = {}
    for s in root.iter(W + "style") if root is not None else ():
        ppr = s.find(W + "pPr")
        lvl = val(ppr, "outlineLvl")
        num = ppr.find(f"{W}numPr/{W}numId") if ppr is not None else None
        sid = s.get(W + "styleId", "")
        out[sid] = Style(sid, val(s, "name", sid) or sid, val(s, "basedOn"),
                         int(lvl) if lvl and lvl.isdigit() else None,
                         num.get(W + "val") if num is not None else None)
    return out


def _numbering(root) -> dict:
    """numId → {ilvl: (numFmt, lvlText)} through the abstract numbering (and level overrides)."""
    if root is None:
        return {}
    abstract = {}
    for a in root.iter(W + "abstractNum"):
        abstract[a.get(W + "abstractNumId")] = {
            lv.get(W + "ilvl"): _level(lv) for lv in a.iter(W + "lvl")}
    out = {}
    for n in root.iter(W + "num"):
        levels = dict(abstract.get(val(n, "abstractNumId"), {}))
        for over in n.iter(W + "lvlOverride"):
            lv = over.find(W + "lvl")
            if lv is not None:
                levels[over.get(W + "ilvl")] = _level(lv)
        out[n.get(W + "numId")] = levels
    return out


def _level(lv) -> tuple[str, str]:
    return val(lv, "numFmt", "decimal"), val(lv, "lvlText", "") or ""


def _rels(root) -> dict:
    if root is None:
        return {}
    return {r.get("Id"): (r.get("Target", ""), r.get("TargetMode") == "External")
            for r in root.iter(REL + "Relationship")}


def _footnotes(root) -> dict:
    if root is None:
        return {}
    return {f.get(W + "id"): f.findall(W + "p") for f in root.iter(W + "footnote")
            if f.get(W + "type") in (None, "normal")}


def _core(root) -> dict:
    if root is None:
        return {}
    out = {}
    for key, tag in (("title", DC + "title"), ("subject", DC + "subject"),
                     ("author", DC + "creator"), ("keywords", CP + "keywords"),
                     ("language", DC + "language")):
        el = root.find(tag)
        if el is not None and (el.text or "").strip():
            out[key] = el.text.strip()
    return out


def _custom(root) -> dict:
    """The text custom properties (plandoc writes its style's name as 'plandoc-style')."""
    if root is None:
        return {}
    return {p.get("name"): "".join(p.itertext()).strip() for p in root
            if p.get("name") and "".join(p.itertext()).strip()}
