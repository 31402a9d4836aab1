"""Parity: the DOCX and the PDF of a document hold the same words in the same order.

Every example in content/ and every sample in tests/samples/ is built to both formats with the
CLI, and the hand-built sample document of tests/sample_doc.py through the writers directly.
The two outputs are read back (tests/textof.py) and compared without whitespace, soft hyphens
and "-"; only page furniture is left out of the PDF (running header and footer, line numbers,
the draft watermark, chart text, the contents' dot leaders and page numbers, a repeated table
header). Captions, numbers, list markers and labels count. A failure's message lists the
stretches that differ.
"""

from __future__ import annotations

import dataclasses
import shutil
import sys
from pathlib import Path

import pytest

from plandoc.charts import ChartRenderer
from plandoc.layout import lay_out
from plandoc.layout.frame import has_cover
from plandoc.reader.content import read_document
from plandoc.style import load_theme, style_dirs
from plandoc.writers.docx import write_docx
from plandoc.writers.pdf import write_pdf

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import ROOT, run  # noqa: E402
from sample_doc import sample_document  # noqa: E402
from textof import compare  # noqa: E402

SOURCES = (sorted((ROOT / "content").glob("*.yaml"))
           + sorted((ROOT / "tests" / "samples").glob("*.yaml")))


def margins(theme) -> dict:
    """The body frame's margins in mm, as textof wants them."""
    return dataclasses.asdict(theme.page.margins)


@pytest.mark.parametrize("source", SOURCES, ids=[f"{p.parent.name}/{p.stem}" for p in SOURCES])
def test_docx_and_pdf_have_the_same_text(source, project):
    """Build `source` to DOCX and PDF in a copy of its folder; their texts must be the same."""
    content = project / "content"
    shutil.rmtree(content)
    shutil.copytree(source.parent, content)
    out = project / "out"
    result = run("build", content / source.name, "--out", out, "--jobs", "1", "--force")
    assert result.exit_code == 0, result.output
    doc = read_document(content / source.name)
    theme = load_theme(doc.meta.style, style_dirs(content))
    report = compare(out / f"{source.stem}.docx", out / f"{source.stem}.pdf", margins(theme),
                     has_cover(doc.meta))
    assert report is None, report


def test_sample_document_has_the_same_text_in_docx_and_pdf(tmp_path):
    """tests/sample_doc.py (every block kind, every optional field), through both writers."""
    theme = load_theme("default", [ROOT / "styles"])
    document = sample_document()
    layout = lay_out(document, theme)
    charts = ChartRenderer(theme, cache_dir=None, lang=document.meta.language)
    write_docx(layout, charts, tmp_path / "sample.docx")
    write_pdf(layout, charts, tmp_path / "sample.pdf")
    report = compare(tmp_path / "sample.docx", tmp_path / "sample.pdf", margins(theme),
                     has_cover(document.meta))
    assert report is None, report
