"""PDF writer: the document model → a branded PDF ready for tagging (reportlab + pikepdf).

    write_pdf(doc, theme, charts, out)

Cover, table of contents, running header/footer with 'Side n av N', outline, vector charts.
Modules: styles (fonts, paragraph styles), markup (spans → escaped markup), walk and panels
(block → flowables), cover, template (page templates, TOC, outline), build (the story and
multiBuild), charts and finish (pikepdf post-processing: pdfa for PDF/A-2b, press for
print boxes and crop marks; profile says which).  reportlab and pikepdf are imported
only when a PDF is written.
"""

from __future__ import annotations

from pathlib import Path

from plandoc.charts import ChartRenderer
from plandoc.model import Document
from plandoc.style.theme import Theme
from plandoc.writers.pdf.profile import PdfProfile


def write_pdf(doc: Document, theme: Theme, charts: ChartRenderer, out: Path, *,
              profile: PdfProfile = PdfProfile()) -> None:
    """Write `doc` in `theme` as a PDF at `out` (screen, PDF/A-2b and/or print: `profile`)."""
    from plandoc.writers.pdf.build import build
    from plandoc.writers.pdf.finish import finish

    raw, records = build(doc, theme, charts, profile=profile)
    finish(raw, records, doc.meta, Path(out), profile)
