"""After reportlab: lay in the vector charts, fix the document dates, save deterministically.

The same open file then becomes PDF/A-2b (pdfa.py) or gets print boxes and crop marks
(press.py) when the profile asks, so the file is opened and saved once.
"""

from __future__ import annotations

import re
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pikepdf

from plandoc import dates
from plandoc.labels import labels
from plandoc.model import Meta
from plandoc.writers.pdf.charts import place_charts
from plandoc.writers.pdf.profile import PdfProfile
from plandoc.writers.pdf.tags import Tagger, write_tree
from plandoc.writers.pdf.template import LANG_TAGS


def finish(raw: bytes, records: list, meta: Meta, out: Path,
           profile: PdfProfile = PdfProfile(), tagger: Tagger | None = None) -> None:
    """Post-process reportlab's output and write the final file at `out`."""
    with pikepdf.open(BytesIO(raw)) as pdf:
        keep = place_charts(pdf, records)
        if tagger is not None:
            write_tree(pdf, tagger, LANG_TAGS[meta.language],
                       _link_text(pdf, tagger, meta.language))
        _dates(pdf, meta)
        _to_unicode(pdf)
        if profile.press:
            from plandoc.writers.pdf.press import press_boxes
            press_boxes(pdf)
        if profile.pdfa:
            from plandoc.writers.pdf.pdfa import make_pdfa
            make_pdfa(pdf)
        elif tagger is not None:
            from plandoc.writers.pdf.pdfa import write_metadata
            write_metadata(pdf, pdfa=False)
        pdf.save(out, deterministic_id=True, fix_metadata_version=False)
        for chart in keep:
            chart.close()


def _link_text(pdf: pikepdf.Pdf, tagger: Tagger, lang: str):
    """A link's /Contents: the web address, or the text of the heading it goes to, else
    'Side 5'."""
    pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}
    page_word = labels(lang)["page"]

    def text(annot: pikepdf.Dictionary) -> str:
        action = annot.get("/A")
        if action is not None and "/URI" in action:
            return str(action.URI)
        dest = annot.get("/Dest", action.get("/D") if action is not None else None)
        if not isinstance(dest, pikepdf.Array) or len(dest) < 4:
            return page_word
        page = pages.get(dest[0].objgen, 0)
        y = float(dest[3]) if isinstance(dest[3], (int, float, Decimal)) else 0.0
        return tagger.title_at(page, y) or f"{page_word} {page + 1}"
    return text


def _dates(pdf: pikepdf.Pdf, meta: Meta) -> None:
    """The only date in the file is the document's own (meta.date); none if it has none."""
    info, stamp = pdf.docinfo, dates.stamp(meta)  # meta.date, else SOURCE_DATE_EPOCH
    for key in ("/CreationDate", "/ModDate"):
        if stamp:
            info[key] = pikepdf.String(stamp.strftime("D:%Y%m%d%H%M%SZ"))
        elif key in info:
            del info[key]



_BLOCK = re.compile(rb"\d+ begin(bfchar|bfrange)\s*(.*?)end\1\s*", re.S)
_PAIR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)")
_NO_CHARACTER = (b"0000", b"FEFF", b"FFFE")
BFCHAR_BLOCK = 100      # entries a bfchar block may hold (the CMap specification's limit)


def _to_unicode(pdf: pikepdf.Pdf) -> None:
    """The fonts' ToUnicode maps made right for reading text back (see _mapped)."""
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != "/Font":
            continue
        cmap = obj.get("/ToUnicode")
        if isinstance(cmap, pikepdf.Stream):
            data = cmap.read_bytes()
            fixed = _mapped(data)
            if fixed != data:
                cmap.write(fixed)


def _mapped(data: bytes) -> bytes:
    """One ToUnicode map rewritten as bfchar entries: characters beyond U+FFFF as UTF-16
    surrogate pairs (reportlab writes their code point as 5 hex digits, which readers take for
    another character or drop); no entries for the codes a font subset does not use (reportlab
    maps them to U+0000, which PDF/UA-1 and PDF/A-2a reject); at most 100 entries a block
    (reportlab writes up to 256).  The charts' maps (matplotlib's bfrange arrays, which
    page-validation reads as malformed) become the same plain entries."""
    blocks = list(_BLOCK.finditer(data))
    if not blocks:
        return data
    pairs = []
    for block in blocks:
        pairs += _PAIR.findall(block[2]) if block[1] == b"bfchar" else _ranged(block[2])
    pairs = [(code.upper(), _utf16(value.upper())) for code, value in pairs
             if value.upper() not in _NO_CHARACTER]
    body = b"".join(b"%d beginbfchar\n" % len(chunk) +
                    b"".join(b"<%s> <%s>\n" % pair for pair in chunk) + b"endbfchar\n"
                    for chunk in (pairs[n:n + BFCHAR_BLOCK]
                                  for n in range(0, len(pairs), BFCHAR_BLOCK)))
    return data[:blocks[0].start()] + body + data[blocks[-1].end():]


def _ranged(block: bytes) -> list[tuple[bytes, bytes]]:
    """The (code, value) pairs of a bfrange block, each code of each range on its own."""
    pairs = []
    for low, high, dest in _RANGE.findall(block):
        width, first, last = len(low), int(low, 16), int(high, 16)
        values = re.findall(rb"<([0-9A-Fa-f]+)>", dest)
        if not dest.startswith(b"["):          # <low> <high> <start>: consecutive values
            start = int(values[0], 16)
            values = [b"%0*X" % (len(values[0]), start + n) for n in range(last - first + 1)]
        pairs += [(b"%0*X" % (width, first + n), v) for n, v in enumerate(values)
                  if first + n <= last]
    return pairs


def _utf16(value: bytes) -> bytes:
    """A code point in hex as UTF-16BE hex (a surrogate pair beyond U+FFFF); four hex digits
    and more than six (already UTF-16, or several characters) are left as they are."""
    if len(value) not in (5, 6):
        return value
    return chr(int(value, 16)).encode("utf-16-be").hex().upper().encode()
