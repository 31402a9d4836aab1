"""After reportlab: lay in the vector charts, fix the document dates, save deterministically.

The same open file then becomes PDF/A-2a (pdfa.py) or gets print boxes and crop marks
(press.py) when the profile asks, so the file is opened and saved once.
"""

from __future__ import annotations

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
from plandoc.writers.pdf.tounicode import fix_to_unicode

CR_END = b"\r\nendstream"        # how a stream whose bytes end in CR ends in a saved file


def finish(raw: bytes, records: list, meta: Meta, out: Path,
           profile: PdfProfile = PdfProfile(), tagger: Tagger | None = None) -> None:
    """Post-process reportlab's output and write the final file at `out`."""
    _write(_finished(raw, records, meta, profile, tagger), out)


def _finished(raw: bytes, records: list, meta: Meta, profile: PdfProfile,
              tagger: Tagger | None) -> bytes:
    """The post-processed file's bytes; the open file (all its objects in memory) is closed
    and released on return, before anything else is opened."""
    with pikepdf.open(BytesIO(raw)) as pdf:
        _name_filters(pdf)
        keep = place_charts(pdf, records)
        if tagger is not None:
            write_tree(pdf, tagger, LANG_TAGS[meta.language],
                       _link_text(pdf, tagger, meta.language))
        _dates(pdf, meta)
        fix_to_unicode(pdf)
        if profile.press:
            from plandoc.writers.pdf.press import press_boxes
            press_boxes(pdf)
        if profile.pdfa:
            from plandoc.writers.pdf.pdfa import make_pdfa
            make_pdfa(pdf)
        elif tagger is not None:
            from plandoc.writers.pdf.pdfa import write_metadata
            write_metadata(pdf)
        data = _saved(pdf)
        for chart in keep:
            chart.close()
    return data


def _name_filters(pdf: pikepdf.Pdf) -> None:
    """reportlab writes a stream's one filter as an array, `/Filter [/FlateDecode]`, which
    qpdf does not take for compressed: it inflated and deflated every such stream (images,
    fonts, pages) again on each save, ~10 ms of Vefsn's.  Named alone, they pass through."""
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            filters = obj.get("/Filter")
            if isinstance(filters, pikepdf.Array) and len(filters) == 1:
                obj.Filter = filters[0]
                parms = obj.get("/DecodeParms")
                if isinstance(parms, pikepdf.Array) and len(parms) == 1:
                    obj.DecodeParms = parms[0]


def _saved(pdf: pikepdf.Pdf) -> bytes:
    """The file's bytes, saved with deterministic file identifiers."""
    buf = BytesIO()
    pdf.save(buf, deterministic_id=True, fix_metadata_version=False,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buf.getvalue()


def _write(data: bytes, out: Path) -> None:
    """Write the saved file (`_saved`) at `out`.  A compressed stream whose
    last byte is CR (1 in 256, e.g. a font subset) makes page-validation read the CR LF before
    'endstream' as the end of line and report a wrong /Length (PDFA2A-STREAM-LENGTH-001)
    although the file is right; such streams are saved again hex-wrapped (ending in '>'),
    which changes nothing a reader sees.  qpdf writes '\nendstream' right after a stream's
    bytes, so a file without '\r\nendstream' has no such stream and is written as saved, not
    opened again."""
    if CR_END in data:
        with pikepdf.open(BytesIO(data)) as saved:
            if _hex_wrap_cr_streams(saved):
                saved.save(out, deterministic_id=True, fix_metadata_version=False,
                           compress_streams=False)  # all but the XMP are compressed: keep hex
                return
    Path(out).write_bytes(data)


def _hex_wrap_cr_streams(pdf: pikepdf.Pdf) -> int:
    """Wrap every stream whose raw bytes end in CR in ASCIIHexDecode; how many there were."""
    wrapped = 0
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream) or obj.get("/Type") == "/Metadata":
            continue
        raw = obj.read_raw_bytes()
        if not raw.endswith(b"\r"):
            continue
        filters = obj.get("/Filter")
        filters = [] if filters is None else list(filters) if isinstance(
            filters, pikepdf.Array) else [filters]
        parms = obj.get("/DecodeParms")
        if parms is not None:
            parms = [pikepdf.Dictionary()] + (list(parms) if isinstance(parms, pikepdf.Array)
                                               else [parms])
        obj.write(raw.hex().upper().encode() + b">", filter=[pikepdf.Name.ASCIIHexDecode]
                  + filters, decode_parms=parms)
        wrapped += 1
    return wrapped


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
