"""One in-process build of the Vefsn plan split into phases, medians of N rounds (bench.py).

    python bench/phases.py WORK_DIR ROUNDS

Imports are timed once (a fresh interpreter); then each round reads, loads the theme, lays out,
gets the charts (cached after the first round), writes the DOCX, runs the PDF's reportlab
passes (multiBuild, counted) and its post-processing (pikepdf: charts, tags, metadata).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(work: Path, rounds: int) -> None:
    start = time.perf_counter()
    from plandoc.charts import ChartRenderer
    from plandoc.layout import lay_out
    from plandoc.reader.content import read_document
    from plandoc.style import load_theme, style_dirs
    from plandoc.writers.docx import write_docx
    from plandoc.writers.pdf.build import build
    from plandoc.writers.pdf.finish import finish
    from plandoc.writers.pdf.profile import PdfProfile
    from reportlab.platypus.doctemplate import BaseDocTemplate
    imports = time.perf_counter() - start
    passes = count_passes(BaseDocTemplate)
    work.mkdir(parents=True, exist_ok=True)
    source = ROOT / "content" / "vefsn.yaml"
    times: dict[str, list[float]] = {}

    def timed(name, fn, *args):
        t = time.perf_counter()
        result = fn(*args)
        times.setdefault(name, []).append(time.perf_counter() - t)
        return result

    for _ in range(rounds + 1):          # the first round fills the chart cache
        doc = timed("read (YAML, Markdown, CSV → model)", read_document, source)
        theme = timed("theme (style.yaml, fonts)", load_theme, doc.meta.style,
                      style_dirs(source.parent))
        layout = timed("layout", lay_out, doc, theme)
        charts = ChartRenderer(theme, work / "charts", doc.meta.language)
        timed("charts (cached)", _charts, layout, charts)
        timed("DOCX", write_docx, layout, charts, work / "p.docx")
        raw, records, tagger = timed("PDF layout (reportlab multiBuild)", build, layout, charts,
                                     PdfProfile())
        timed("PDF post-processing (pikepdf)", finish, raw, records, layout.meta,
              work / "p.pdf", PdfProfile(), tagger)
    print(f"| imports (plandoc, reportlab, python-docx, pikepdf …) | {imports:.3f} s |")
    for name, samples in times.items():
        print(f"| {name} | {statistics.median(samples[1:]):.3f} s |")
    print(f"| reportlab passes per PDF | {passes['n'] / (rounds + 1):.0f} |")


def _charts(layout, charts) -> None:
    from plandoc.layout.boxes import ChartBox
    for box in layout.blocks:
        if isinstance(box, ChartBox):
            size = (box.width_mm, box.height_mm)
            charts.png(box.chart, size), charts.pdf(box.chart, size)


def count_passes(cls) -> dict:
    """Count reportlab's build passes (each multiBuild pass calls build once)."""
    state, original = {"n": 0}, cls.build

    def counted(self, *args, **kwargs):
        state["n"] += 1
        return original(self, *args, **kwargs)

    cls.build = counted
    return state


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
