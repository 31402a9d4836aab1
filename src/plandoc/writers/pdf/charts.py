"""Vector charts into the finished PDF: each chart's one-page PDF becomes a Form XObject.

reportlab cannot import PDF pages, so the writer leaves an empty slot (ChartSlot) that records
its page and rectangle in the final pass; here pikepdf lays the chart page into that rectangle.
"""

from __future__ import annotations

from io import BytesIO

import pikepdf

from plandoc.writers.pdf.flowables import ChartRecord
from plandoc.writers.pdf.tags import marked_bytes


def place_charts(pdf: pikepdf.Pdf, records: list[ChartRecord]) -> list[pikepdf.Pdf]:
    """Overlay every recorded chart; returns the opened chart PDFs (keep them until saved)."""
    opened = []
    for record in records:
        if record.page < 0:
            raise RuntimeError(f"chart {record.index + 1} was never placed on a page")
        chart = pikepdf.open(BytesIO(record.pdf))
        opened.append(chart)
        _overlay(pdf, pdf.pages[record.page], chart.pages[0], record)
    return opened


def _overlay(pdf: pikepdf.Pdf, page: pikepdf.Page, chart: pikepdf.Page, record) -> None:
    """Like Page.add_overlay, but with a fixed resource name so output is reproducible."""
    formx = pdf.copy_foreign(chart.as_form_xobject())
    name = page.add_resource(formx, pikepdf.Name.XObject,
                             pikepdf.Name(f"/Chart{record.index + 1}"))
    placement = page.calc_form_xobject_placement(formx, name, pikepdf.Rectangle(*record.rect),
                                                 allow_shrink=True, allow_expand=True)
    page.contents_add(b"q\n", prepend=True)
    page.contents_add(b"Q\n" + marked_bytes("Figure", record.mcid, placement), prepend=False)
    page.contents_coalesce()
