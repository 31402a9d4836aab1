"""PDF writer: a laid-out document (plandoc.layout.Layout) → a branded PDF (reportlab + pikepdf).

    write_pdf(layout, charts, out, profile=PdfProfile())

The layout has decided every word, number, order, row, page break and colour; this package
draws them.  Modules: colours (a layout Colour → reportlab, the one place), fonts and styles
(TrueType faces; paragraph styles from plandoc.layout.styles), markup (spans → escaped markup),
context (what every handler gets), walk (the handler registry WRITERS: one handler per box kind,
called handler(ctx, box)) with figures, panels, callouts and program; cover and contents;
template (page templates, outline and contents hooks) and running (header, footer, watermark,
line numbers); later (the page total and the contents' numbers, filled in after the one
reportlab pass); build (the story and multiBuild); charts and finish (pikepdf afterwards: vector
charts, dates, then pdfa for PDF/A-2a or press for print boxes and crop marks — profile says
which).  reportlab and pikepdf are imported only when a PDF is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from plandoc.writers.pdf.profile import PdfProfile

if TYPE_CHECKING:
    from plandoc.charts import ChartRenderer
    from plandoc.layout import Layout


def write_pdf(layout: Layout, charts: ChartRenderer, out: Path, *,
              profile: PdfProfile = PdfProfile()) -> None:
    """Write `layout` as a PDF at `out` (screen, PDF/A-2a and/or print: `profile`)."""
    from plandoc.writers.pdf.build import build
    from plandoc.writers.pdf.finish import finish

    raw, records, tagger = build(layout, charts, profile=profile)
    finish(raw, records, layout.meta, Path(out), profile, tagger)
