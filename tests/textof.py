"""Read a built DOCX and PDF back as text, and compare the two word for word.

The parity test (tests/test_parity.py) uses this module to check that the DOCX writer and the PDF
writer put the same text in the same order: headings with their numbers, captions with their
"Tabell 1:" labels, list markers, table cells, panels. Only page furniture may differ, and the
PDF side leaves it out:

* text drawn outside the body frame (the page margins): the running header above the top
  margin, the footer "Side 2 av 9" below the bottom margin, line numbers in the left margin.
  The cover page (page 1 of a plan) is kept whole: it has no running furniture, and its
  band text sits low on the page, inside the bottom margin;
* rotated or sheared text: the diagonal draft watermark ("UTKAST", "HØRINGSUTKAST", ...);
* the text inside charts (the Form XObjects /Chart1, /Chart2 ...), which the DOCX has as a
  picture: the charts are emptied in an in-memory copy before the text is extracted;
* the table of contents' dot leaders and page numbers, in the exact shape reportlab's
  TableOfContents draws them;
* a table's header row that the PDF repeats at the top of a page when the table breaks (the
  DOCX holds that row once, marked w:tblHeader).

The DOCX side is the document body as Word shows it: paragraphs and table cells in body order,
with the list labels Word generates from numbering.xml ("1.", "a)", "❖"), without field
instructions, deleted text, pictures, headers and footers.

Both sides are then compared as one stream of characters without whitespace, soft hyphens and
"-" (the PDF breaks words at line ends with a hyphen, and may break a hyphenated word there).
"""

from __future__ import annotations

import difflib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
import pikepdf
from lxml import etree
from pypdf import PdfReader

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MM = 72 / 25.4  # PDF points per millimetre

# ------------------------------------------------------------------------------------------
# DOCX: the body's text as Word shows it
# ------------------------------------------------------------------------------------------

# Elements whose content Word does not show as body text: field instructions, deletions,
# run/paragraph properties, pictures (drawings, VML, embedded objects), the fallback copy of
# alternate content, the properties of content controls.
_SKIP = {W + "instrText", W + "delText", W + "del", W + "moveFrom", W + "rPr", W + "pPr",
         W + "drawing", W + "pict", W + "object", MC + "Fallback", W + "sdtPr", W + "sdtEndPr",
         W + "fldChar", W + "bookmarkStart", W + "bookmarkEnd"}

# Bullet characters of the Symbol and Wingdings fonts, stored in the private use area
# (U+F000 + code) in numbering.xml, and what Word shows for them.
_SYMBOL_BULLETS = {("symbol", 0xB7): "•", ("wingdings", 0xA7): "▪", ("wingdings", 0xD8): "➢",
                   ("wingdings", 0x76): "❖", ("wingdings", 0xFC): "✓",
                   ("wingdings", 0x6E): "■", ("wingdings", 0x71): "❑", ("wingdings", 0x9F): "•"}

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _on(el) -> bool:
    """Whether an OOXML on/off element (w:caps, w:tblHeader ...) is present and not switched off."""
    return el is not None and el.get(W + "val") not in ("0", "false", "off")


def _val(el, child: str, default: str | None) -> str | None:
    """The w:val of `el`'s child `child` (e.g. w:numFmt), or `default`."""
    found = el.find(W + child) if el is not None else None
    return found.get(W + "val", default) if found is not None else default


class _Styles:
    """The paragraph and character styles of styles.xml, for what a paragraph or run inherits."""

    def __init__(self, document):
        """Index the styles of python-docx `document` by type and w:styleId."""
        root = document.styles.element
        self.by_type: dict[str, dict] = {"paragraph": {}, "character": {}}
        self.default_paragraph = None
        for style in root.iterchildren(W + "style"):
            kind = style.get(W + "type")
            if kind in self.by_type:
                self.by_type[kind][style.get(W + "styleId")] = style
                if kind == "paragraph" and style.get(W + "default") in ("1", "true", "on"):
                    self.default_paragraph = style.get(W + "styleId")
        self.run_defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")

    def chain(self, style_id: str | None, kind: str = "paragraph"):
        """Style `style_id` of `kind` and the styles it is w:basedOn, nearest first."""
        styles, seen = self.by_type[kind], set()
        while style_id and style_id not in seen and style_id in styles:
            seen.add(style_id)
            yield styles[style_id]
            style_id = _val(styles[style_id], "basedOn", None)

    def paragraph_style(self, p) -> str | None:
        """The w:styleId of paragraph element `p` (its w:pStyle, else the default style)."""
        return _val(p.find(W + "pPr"), "pStyle", None) or self.default_paragraph

    def run_flag(self, r, paragraph_style: str | None, name: str) -> bool:
        """Whether on/off run property `name` (w:caps, w:vanish) is on for run element `r`.

        The nearest setting wins: the run's own w:rPr, its character style chain, its
        paragraph's style chain, the document defaults.
        """
        rpr = r.find(W + "rPr")
        sources = [rpr]
        sources += [s.find(W + "rPr") for s in self.chain(_val(rpr, "rStyle", None), "character")]
        sources += [s.find(W + "rPr") for s in self.chain(paragraph_style)]
        sources.append(self.run_defaults)
        for source in sources:
            flag = source.find(W + name) if source is not None else None
            if flag is not None:
                return _on(flag)
        return False


def _inline_text(el, styles: _Styles, paragraph_style: str | None) -> str:
    """The text Word shows for a paragraph's content: runs, hyperlinks, insertions, fields' results.

    Tabs become spaces, breaks newlines, runs in capitals (w:caps) upper case; field
    instructions, deleted text, pictures and hidden runs (w:vanish) are left out.
    """
    parts = []
    for child in el.iterchildren():
        tag = child.tag
        if tag in _SKIP or not isinstance(tag, str):
            continue
        if tag == W + "r":
            if styles.run_flag(child, paragraph_style, "vanish"):
                continue
            text = _inline_text(child, styles, paragraph_style)
            caps = styles.run_flag(child, paragraph_style, "caps")
            parts.append(text.upper() if caps else text)
        elif tag == W + "t":
            parts.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            parts.append(" ")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif tag == W + "softHyphen":
            parts.append("\u00ad")
        elif tag == W + "footnoteReference":
            parts.append(child.get(W + "id"))      # Word shows the note's number; plandoc's
                                                   # notes have ids 1, 2, 3 … in text order
        elif tag == W + "sym":
            parts.append(chr(int(child.get(W + "char"), 16)))
        else:
            parts.append(_inline_text(child, styles, paragraph_style))
    return "".join(parts)


def _format_number(value: int, fmt: str) -> str:
    """One level's counter as Word writes it in numFmt `fmt` (unknown formats as decimal)."""
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman, rest = "", value
        for amount, digits in _ROMAN:
            while rest >= amount:
                roman, rest = roman + digits, rest - amount
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


def _symbol_bullet(lvl, text: str) -> str:
    """A bullet level's text; Symbol/Wingdings private-use characters as Word shows them."""
    fonts = lvl.find(f"{W}rPr/{W}rFonts")
    font = (fonts.get(W + "ascii") or fonts.get(W + "hAnsi") or "") if fonts is not None else ""
    shown = []
    for ch in text:
        code = ord(ch) - 0xF000 if 0xF000 <= ord(ch) <= 0xF0FF else ord(ch)
        shown.append(_SYMBOL_BULLETS.get((font.lower(), code), ch))
    return "".join(shown)


class _Numbering:
    """Word's list numbering for one document: which paragraphs are numbered, and their labels.

    Counters are kept per w:numId and level, in body order, as Word counts when it lays out
    the document: a level starts at its w:start (or the w:num's w:startOverride), counts up by
    one per item, and restarts when a shallower level of the same w:numId gets an item — or,
    with w:lvlRestart, only when a level up to that one-based index does (0: never).  A label
    is its w:lvlText with each %N the counter of level N in that level's w:numFmt, literal text
    kept (a tab in it shown as a space), then its w:suff: a tab (shown as a space, the
    default), a space, or nothing.
    """

    def __init__(self, document, styles: _Styles):
        """Index numbering.xml (w:num → w:abstractNum) of python-docx `document`."""
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            root = None
        children = root.iterchildren if root is not None else lambda tag: iter(())
        self.abstracts = {a.get(W + "abstractNumId"): a for a in children(W + "abstractNum")}
        self.nums = {n.get(W + "numId"): n for n in children(W + "num")}
        self.styles = styles
        self.counters: dict[str, dict[int, int]] = {}

    def num_pr(self, p) -> tuple[str, int] | None:
        """(numId, ilvl) of paragraph element `p`: its own w:numPr, else its style chain's."""
        ppr = p.find(W + "pPr")
        chain = self.styles.chain(self.styles.paragraph_style(p))
        num_id = ilvl = None
        for source in [ppr] + [s.find(W + "pPr") for s in chain]:
            num_pr = source.find(W + "numPr") if source is not None else None
            num_id = num_id if num_id is not None else _val(num_pr, "numId", None)
            ilvl = ilvl if ilvl is not None else _val(num_pr, "ilvl", None)
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        return num_id, int(ilvl or 0)

    def _abstract(self, num_id: str):
        """The w:abstractNum of w:num `num_id`, following a w:numStyleLink to its definition."""
        abstract = self.abstracts.get(_val(self.nums[num_id], "abstractNumId", None))
        link = _val(abstract, "numStyleLink", None)
        if link is not None:
            return next((a for a in self.abstracts.values() if _val(a, "styleLink", None) == link),
                        abstract)
        return abstract

    def _level(self, num_id: str, ilvl: int):
        """(w:lvl element, start value) of level `ilvl` of w:num `num_id`, overrides applied."""
        lvl = start = None
        for override in self.nums[num_id].iterchildren(W + "lvlOverride"):
            if int(override.get(W + "ilvl")) == ilvl:
                lvl = override.find(W + "lvl")
                start_override = _val(override, "startOverride", None)
                start = int(start_override) if start_override is not None else None
        abstract = self._abstract(num_id)
        if lvl is None and abstract is not None:
            lvl = next((level for level in abstract.iterchildren(W + "lvl")
                        if int(level.get(W + "ilvl")) == ilvl), None)
        if start is None:
            start = int(_val(lvl, "start", "0"))
        return lvl, start

    def label(self, p) -> str | None:
        """The label Word shows before numbered paragraph `p` ("1.", "a)", "•"), counting it."""
        found = self.num_pr(p)
        if found is None:
            return None
        num_id, ilvl = found
        lvl, start = self._level(num_id, ilvl)
        if lvl is None:
            return None
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else start
        for deeper in [level for level in counts if level > ilvl]:
            if self._restarts(num_id, deeper, ilvl):
                del counts[deeper]
        fmt = _val(lvl, "numFmt", "decimal")
        text = _val(lvl, "lvlText", "")
        suffix = {"space": " ", "nothing": ""}.get(_val(lvl, "suff", "tab"), " ")
        if fmt == "bullet":
            return _symbol_bullet(lvl, text) + suffix
        legal = _on(lvl.find(W + "isLgl"))

        def number(match):
            level = int(match.group(1)) - 1
            level_lvl, level_start = self._level(num_id, level)
            level_fmt = "decimal" if legal else _val(level_lvl, "numFmt", "decimal")
            return _format_number(counts.get(level, level_start), level_fmt)

        return re.sub(r"%([1-9])", number, text).replace("\t", " ") + suffix

    def _restarts(self, num_id: str, deeper: int, used: int) -> bool:
        """Whether level `deeper` restarts when level `used` (shallower) gets an item."""
        restart = _val(self._level(num_id, deeper)[0], "lvlRestart", None)
        return restart is None or (int(restart) > 0 and used < int(restart))


def _children(el, tag: str):
    """`el`'s children with `tag`, also those wrapped in content controls or custom XML."""
    for child in el.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
            yield from _children(child, tag)


class _BodyReader:
    """Walks a DOCX body in order and renders each paragraph as Word shows it."""

    def __init__(self, document):
        """Prepare the styles and numbering of python-docx `document`."""
        self.styles = _Styles(document)
        self.numbering = _Numbering(document, self.styles)
        self.headers: list[str] = []

    def text(self, p) -> str:
        """Paragraph element `p` without its list label."""
        return _inline_text(p, self.styles, self.styles.paragraph_style(p))

    def paragraph(self, p) -> str:
        """Paragraph element `p` after the label Word generates for it (if any) and the
        label's suffix."""
        label = self.numbering.label(p)
        text = self.text(p)
        return f"{label}{text}" if label else text

    def blocks(self, el):
        """Paragraph strings of a body or table cell in order, descending into tables.

        Appends each table's header (its leading w:tblHeader rows) to `self.headers`.
        """
        for child in el.iterchildren():
            if child.tag == W + "p":
                yield self.paragraph(child)
            elif child.tag == W + "tbl":
                rows = list(_children(child, W + "tr"))
                header = []
                for tr in rows:
                    if not _on(tr.find(f"{W}trPr/{W}tblHeader")):
                        break
                    header.extend(self.text(p) for p in tr.iter(W + "p"))
                if header:
                    self.headers.append(" ".join(header))
                for tr in rows:
                    for tc in _children(tr, W + "tc"):
                        yield from self.blocks(tc)
            elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
                yield from self.blocks(child)


def _read_docx(path: Path) -> tuple[list[str], list[str]]:
    """(paragraph strings, header-row strings) of the DOCX at `path`; empty paragraphs dropped."""
    document = docx.Document(str(path))
    reader = _BodyReader(document)
    paragraphs = [t for t in reader.blocks(document.element.body) if t.strip()]
    return paragraphs, reader.headers


def docx_text(path) -> list[str]:
    """The body of the DOCX at `path` as Word shows it: one string per non-empty paragraph.

    Paragraphs and tables (rows → cells → paragraphs, nested tables too) in body order; list
    labels generated from the numbering definitions are put before their paragraph's text.
    """
    return _read_docx(Path(path))[0]


def shown_paragraphs(document) -> dict:
    """Every paragraph element of python-docx `document`'s body (table cells too) → its text
    as Word shows it: the list label Word generates (counted in body order), then the text;
    tabs as spaces."""
    reader = _BodyReader(document)
    return {p: reader.paragraph(p) for p in document.element.body.iter(W + "p")}


def docx_header_rows(path) -> list[str]:
    """Every table's header: its leading w:tblHeader rows, cell texts joined by spaces."""
    return _read_docx(Path(path))[1]


# ------------------------------------------------------------------------------------------
# PDF: the body text of each page, without page furniture
# ------------------------------------------------------------------------------------------

_CHART_NAME = re.compile(r"^/Chart\d+$")
# reportlab's TableOfContents draws "dot * n + pages" after each entry, dot = " . ", pages
# "7" or "7, 9" (tableofcontents.drawPageNumbers), as one text line of its own.
_TOC_LEADER = re.compile(r"^(?: \. )+(?:\d+(?:, \d+)*)?\n?$")
_TOC_PAGES = re.compile(r"^\d+(?:, \d+)*\n?$")


@dataclass(frozen=True)
class Piece:
    """A run of text as pypdf reports it, at its start point in page space (points)."""

    text: str
    x: float
    y: float
    upright: bool


def _without_charts(path: Path) -> io.BytesIO:
    """An in-memory copy of the PDF with every /ChartN Form XObject emptied (still a valid form)."""
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            xobjects = page.obj.get("/Resources", {}).get("/XObject", {})
            for name in list(xobjects.keys()):
                chart = xobjects[name]
                if _CHART_NAME.match(name) and chart.get("/Subtype") == "/Form":
                    xobjects[name] = pikepdf.Stream(
                        pdf, b"", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                        BBox=chart.BBox, Resources=pikepdf.Dictionary())
        out = io.BytesIO()
        pdf.save(out)
    out.seek(0)
    return out


def _pieces(page) -> list[Piece]:
    """The page's text pieces in content order, placed by the text matrix times the CTM.

    pypdf's visitor gets the CTM `cm` and the text matrix `tm` in effect where a piece starts;
    the piece's rendering matrix is tm × cm (PDF 32000-1, 9.4.4): (e, f) is its start point,
    and b, c (rotation/shear) are zero for upright text.
    """
    pieces = []

    def visit(text, cm, tm, font_dict, font_size):
        if not text:
            return
        a = tm[0] * cm[0] + tm[1] * cm[2]
        b = tm[0] * cm[1] + tm[1] * cm[3]
        c = tm[2] * cm[0] + tm[3] * cm[2]
        d = tm[2] * cm[1] + tm[3] * cm[3]
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = max(abs(a), abs(d), 1e-9)
        upright = abs(b) <= 1e-6 * scale and abs(c) <= 1e-6 * scale and a > 0 and d > 0
        pieces.append(Piece(text, x, y, upright))

    page.extract_text(visitor_text=visit)
    return pieces


def _in_body(piece: Piece, box, margins_mm: dict, tolerance: float = 1.0) -> bool:
    """Whether the piece starts inside the page's body frame (the page less its margins)."""
    left = float(box.left) + margins_mm["left"] * MM - tolerance
    right = float(box.right) - margins_mm["right"] * MM + tolerance
    bottom = float(box.bottom) + margins_mm["bottom"] * MM - tolerance
    top = float(box.top) - margins_mm["top"] * MM + tolerance
    return left <= piece.x <= right and bottom <= piece.y <= top


def _toc_page_numbers(pieces: list[Piece]) -> set[int]:
    """Indexes of the pieces that are a contents row's dot leader and page number.

    A leader is reportlab's " .  . " dots with the page number(s) after them. Where the entry's
    title left no room for dots, the number stands alone; it is then recognised by the order
    reportlab draws it in: right of its entry, before the entry's text (the next piece starts
    further left, on the same line or above). Only on a page that has leaders at all.
    """
    leaders = {i for i, p in enumerate(pieces) if p.text.strip() and _TOC_LEADER.match(p.text)}
    if not leaders:
        return leaders
    found = set(leaders)
    for i, piece in enumerate(pieces):
        if i in found or not _TOC_PAGES.match(piece.text):
            continue
        following = next((p for p in pieces[i + 1:] if p.text.strip()), None)
        if following is not None and following.x < piece.x and following.y >= piece.y - 1:
            found.add(i)
    return found


def pdf_text(path, margins_mm: dict, cover: bool) -> list[str]:
    """The body text of each page of the PDF at `path` (one string per page), furniture left out.

    Left out: pieces starting outside the body frame given by `margins_mm` ({top, bottom, left,
    right} in mm) except on the cover (page 1 when `cover`), rotated or sheared pieces (the
    draft watermark), the text of /ChartN forms, and the contents' dot leaders and page numbers.
    """
    reader = PdfReader(_without_charts(Path(path)))
    pages = []
    for number, page in enumerate(reader.pages, 1):
        pieces = [p for p in _pieces(page) if p.upright]
        if not (cover and number == 1):
            pieces = [p for p in pieces
                      if not p.text.strip() or _in_body(p, page.mediabox, margins_mm)]
        toc = _toc_page_numbers(pieces)
        pages.append("".join(p.text for i, p in enumerate(pieces) if i not in toc).strip())
    return pages


# ------------------------------------------------------------------------------------------
# Normalising and comparing
# ------------------------------------------------------------------------------------------


def ignored(ch: str) -> bool:
    """Whether the comparison ignores character `ch`: whitespace (also U+00A0), "-" and the
    invisible U+00AD (soft hyphen) and U+2060 (the word joiner the layout puts after a dash
    that must not break a line, which the DOCX keeps and the PDF need not draw)."""
    return ch.isspace() or ch in "\u00ad\u2060-"


def normalise(text: str) -> str:
    """`text` without the characters the comparison ignores."""
    return "".join(ch for ch in text if not ignored(ch))


def _drop_significant(text: str, count: int) -> str:
    """`text` after its first `count` characters that the comparison does not ignore."""
    for i, ch in enumerate(text):
        if count == 0:
            return text[i:]
        if not ignored(ch):
            count -= 1
    return ""


def strip_repeated_headers(pages: list[str], headers: list[str]) -> list[str]:
    """The pages with a table header row that the PDF repeated at a page's top removed.

    A page's body is stripped of a header only when it starts with that header (compared
    normalised) and the header's text already occurred on an earlier page, i.e. its table
    was started before and the PDF continues it here.
    """
    wanted = sorted({normalise(h) for h in headers if normalise(h)}, key=len, reverse=True)
    seen = ""
    out = []
    for page in pages:
        body = normalise(page)
        for header in wanted:
            if body.startswith(header) and header in seen:
                page = _drop_significant(page, len(header))
                break
        out.append(page)
        seen += normalise(page)
    return out


@dataclass(frozen=True)
class _Side:
    """One side of the comparison: joined text, its words and where each part starts."""

    name: str
    text: str
    starts: list[int]  # offset in `text` where each paragraph (DOCX) or page (PDF) starts
    unit: str  # "¶" or "page"
    words: list[tuple[int, int, str]]  # (start, end, normalised word) per word of `text`

    @classmethod
    def of(cls, name: str, parts: list[str], unit: str) -> "_Side":
        """Join `parts` with newlines and split the result into normalised words."""
        starts, offset = [], 0
        for part in parts:
            starts.append(offset)
            offset += len(part) + 1
        text = "\n".join(parts)
        words = [(m.start(), m.end(), normalise(m.group())) for m in re.finditer(r"\S+", text)]
        return cls(name, text, starts, unit, [w for w in words if w[2]])

    def where(self, offset: int) -> str:
        """The paragraph or page number (1-based) of character `offset`, as "¶12" / "page 3"."""
        number = sum(1 for s in self.starts if s <= offset)
        return f"¶{number}" if self.unit == "¶" else f"page {number}"

    def span(self, i1: int, i2: int) -> tuple[int, int]:
        """Character range in `text` of words i1..i2 (empty range at the gap when i1 == i2)."""
        if i1 < i2:
            return self.words[i1][0], self.words[i2 - 1][1]
        at = self.words[i1][0] if i1 < len(self.words) else len(self.text)
        if i1 > 0:
            at = self.words[i1 - 1][1] + (1 if at > self.words[i1 - 1][1] else 0)
        return at, at

    def context(self, start: int, end: int, width: int = 40) -> str:
        """The text around [start, end) with the stretch in ⟦ ⟧ and line ends shown as ⏎."""
        before = self.text[max(0, start - width):start]
        after = self.text[end:end + width]
        inside = self.text[start:end]
        if len(inside) > 3 * width:
            inside = f"{inside[:2 * width]} … {inside[-width:]}"
        shown = f"{'…' if start > width else ''}{before}⟦{inside}⟧{after}…"
        return shown.replace("\n", " ⏎ ")


def _stretches(docx: _Side, pdf: _Side) -> list[tuple[int, int, int, int]]:
    """Word ranges (i1, i2, j1, j2) that differ, once spacing and hyphenation are set aside."""
    a = [w[2] for w in docx.words]
    b = [w[2] for w in pdf.words]
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal" and "".join(a[i1:i2]) != "".join(b[j1:j2]):
            out.append((i1, i2, j1, j2))
    return out


def _moved(stretches, docx: _Side, pdf: _Side, least: int = 20) -> dict[int, str]:
    """Notes for stretches whose text one side has here and the other side elsewhere.

    A stretch only in the PDF whose text (normalised, at least `least` characters) also makes
    up, or contains, a stretch only in the DOCX is text in a different order, not lost text.
    """
    def text(side, lo, hi):
        return "".join(w[2] for w in side.words[lo:hi])

    only_docx = {n: text(docx, i1, i2) for n, (i1, i2, j1, j2) in enumerate(stretches) if j1 == j2}
    only_pdf = {n: text(pdf, j1, j2) for n, (i1, i2, j1, j2) in enumerate(stretches) if i1 == i2}
    notes = {}
    for p, p_text in only_pdf.items():
        for d, d_text in only_docx.items():
            if min(len(p_text), len(d_text)) >= least and (p_text in d_text or d_text in p_text):
                notes[p] = f"the DOCX has this text at stretch {d + 1}"
                notes[d] = f"the PDF has this text at stretch {p + 1}"
    return notes


def _quote(text: str) -> str:
    """`text` in quotes on one line, shortened in the middle when long."""
    text = " ".join(text.split())
    return repr(text if len(text) <= 120 else text[:70] + " … " + text[-40:])


def compare_texts(paragraphs: list[str], pages: list[str], limit: int = 15) -> str | None:
    """None when DOCX paragraphs and PDF pages have the same normalised text, else a report.

    The report gives the first differing character of the normalised streams and then, from a
    word-level alignment, up to `limit` stretches that differ: what each side has, where
    (DOCX paragraph, PDF page) and about 80 characters of context in the original spacing.
    """
    docx_side = _Side.of("DOCX", paragraphs, "¶")
    pdf_side = _Side.of("PDF", pages, "page")
    norm_a, norm_b = normalise(docx_side.text), normalise(pdf_side.text)
    if norm_a == norm_b:
        return None
    first = next((i for i, (x, y) in enumerate(zip(norm_a, norm_b)) if x != y),
                 min(len(norm_a), len(norm_b)))
    lines = [f"DOCX and PDF text differ (compared without whitespace, soft hyphens and '-'; "
             f"DOCX {len(norm_a)} characters, PDF {len(norm_b)}).",
             f"First difference at compared character {first}: DOCX {norm_a[first:first + 30]!r}"
             f" vs PDF {norm_b[first:first + 30]!r} (after {norm_a[max(0, first - 30):first]!r}).",
             "Context: ⟦ ⟧ marks the stretch, ⏎ a paragraph (DOCX) or line (PDF) end."]
    stretches = _stretches(docx_side, pdf_side)
    if not stretches:
        lines.append("The word alignment found no differing stretch; see the first difference.")
    else:
        lines.append(f"{len(stretches)} differing stretch(es)"
                     + (f"; the first {limit}:" if len(stretches) > limit else ":"))
    moved = _moved(stretches, docx_side, pdf_side)
    for n, (i1, i2, j1, j2) in enumerate(stretches[:limit], 1):
        a_start, a_end = docx_side.span(i1, i2)
        b_start, b_end = pdf_side.span(j1, j2)
        a_text, b_text = docx_side.text[a_start:a_end], pdf_side.text[b_start:b_end]
        where = f"DOCX {docx_side.where(a_start)}, PDF {pdf_side.where(b_start)}"
        if not a_text:
            what = f"only in the PDF: {_quote(b_text)}"
        elif not b_text:
            what = f"only in the DOCX: {_quote(a_text)}"
        else:
            what = f"DOCX has {_quote(a_text)} where the PDF has {_quote(b_text)}"
        if n - 1 in moved:
            what += f" — moved: {moved[n - 1]}"
        lines += [f"{n:3}. [{where}] {what}",
                  f"       DOCX: {docx_side.context(a_start, a_end)}",
                  f"       PDF:  {pdf_side.context(b_start, b_end)}"]
    return "\n".join(lines)


def docx_notes(path) -> list[str]:
    """The DOCX's footnotes as '<number> <text>', in order (separators left out)."""
    with zipfile.ZipFile(path) as z:
        if "word/footnotes.xml" not in z.namelist():
            return []
        root = etree.fromstring(z.read("word/footnotes.xml"))
    return [f"{note.get(W + 'id')} " + "".join(t.text or "" for t in note.iter(W + "t"))
            for note in root.iter(W + "footnote") if note.get(W + "type") is None]


def strip_notes(pages: list[str], notes: list[str]) -> tuple[list[str], list[str]]:
    """The pages without the footnotes the PDF sets at their foot, and the notes not found.

    The notes of a page are drawn after its body text, in order: each page's text must end
    with the next run of notes (or with none); the notes left over were not in the PDF.
    """
    out, i = [], 0
    for page in pages:
        text = normalise(page)
        for j in range(len(notes), i, -1):
            run = normalise("".join(notes[i:j]))
            if text.endswith(run):
                page = _drop_last_significant(page, len(run))
                i = j
                break
        out.append(page)
    return out, notes[i:]


def _drop_last_significant(text: str, count: int) -> str:
    """`text` without its last `count` characters that the comparison does not ignore."""
    for k in range(len(text) - 1, -1, -1):
        if count == 0:
            return text[:k + 1]
        if not ignored(text[k]):
            count -= 1
    return ""


def compare(docx_path, pdf_path, margins_mm: dict, cover: bool) -> str | None:
    """None when the DOCX and the PDF have the same text but for page furniture, else a report.

    Footnotes: the DOCX's (word/footnotes.xml) must be the PDF's, at the foot of its pages.
    """
    paragraphs, headers = _read_docx(Path(docx_path))
    pages = strip_repeated_headers(pdf_text(pdf_path, margins_mm, cover), headers)
    pages, missing = strip_notes(pages, docx_notes(docx_path))
    if missing:
        return f"footnotes of the DOCX not at the foot of a PDF page: {missing}"
    return compare_texts(paragraphs, pages)
