"""After reportlab: lay in the vector charts, fix the document dates, save deterministically.

The same open file then becomes PDF/A-2b (pdfa.py) or gets print boxes and crop marks
(press.py) when the profile asks, so the file is opened and saved once.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pikepdf

from plandoc import dates
from plandoc.model import Meta
from plandoc.writers.pdf.charts import place_charts
from plandoc.writers.pdf.profile import PdfProfile


def finish(raw: bytes, records: list, meta: Meta, out: Path,
           profile: PdfProfile = PdfProfile()) -> None:
    """Post-process reportlab's output and write the final file at `out`."""
    with pikepdf.open(BytesIO(raw)) as pdf:
        keep = place_charts(pdf, records)
        _dates(pdf, meta)
        if profile.press:
            from plandoc.writers.pdf.press import press_boxes
            press_boxes(pdf)
        if profile.pdfa:
            from plandoc.writers.pdf.pdfa import make_pdfa
            make_pdfa(pdf)
        pdf.save(out, deterministic_id=True, fix_metadata_version=False)
        for chart in keep:
            chart.close()


def _dates(pdf: pikepdf.Pdf, meta: Meta) -> None:
    """The only date in the file is the document's own (meta.date); none if it has none."""
    info, stamp = pdf.docinfo, dates.stamp(meta)  # meta.date, else SOURCE_DATE_EPOCH
    for key in ("/CreationDate", "/ModDate"):
        if stamp:
            info[key] = pikepdf.String(stamp.strftime("D:%Y%m%d%H%M%SZ"))
        elif key in info:
            del info[key]
