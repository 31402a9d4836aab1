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

import shutil
import sys
from pathlib import Path

import pytest
import yaml
from PIL import Image as PILImage

from plandoc.charts import ChartRenderer
from plandoc.style.theme import load_theme
from plandoc.writers.docx import write_docx
from plandoc.writers.pdf import write_pdf

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import ROOT, run  # noqa: E402
from sample_doc import sample_document  # noqa: E402
from textof import compare  # noqa: E402

SOURCES = (sorted((ROOT / "content").glob("*.yaml"))
           + sorted((ROOT / "tests" / "samples").glob("*.yaml")))


def _document_settings(source: Path) -> tuple[str, bool]:
    """(style name, has a cover) from the file's `document:` (default style, kind plan)."""
    meta = (yaml.safe_load(source.read_text(encoding="utf-8")) or {}).get("document") or {}
    return meta.get("style", "default"), meta.get("kind", "plan") == "plan"


@pytest.mark.parametrize("source", SOURCES, ids=[f"{p.parent.name}/{p.stem}" for p in SOURCES])
def test_docx_and_pdf_have_the_same_text(source, project):
    """Build `source` to DOCX and PDF in a copy of its folder; their texts must be the same."""
    content = project / "content"
    shutil.rmtree(content)
    shutil.copytree(source.parent, content)
    out = project / "out"
    result = run("build", content / source.name, "--out", out, "--jobs", "1", "--force")
    assert result.exit_code == 0, result.output
    style, cover = _document_settings(source)
    margins = load_theme(style, [content / "styles", project / "styles"]).margins_mm
    report = compare(out / f"{source.stem}.docx", out / f"{source.stem}.pdf", margins, cover)
    assert report is None, report


def test_sample_document_has_the_same_text_in_docx_and_pdf(tmp_path):
    """tests/sample_doc.py (every block kind once), written by the two writers directly."""
    theme = load_theme("default", [ROOT / "styles"])
    image = tmp_path / "vaapen.png"
    PILImage.new("RGB", (300, 360), (31, 78, 121)).save(image)
    document = sample_document(image)
    charts = ChartRenderer(theme, cache_dir=None, lang=document.meta.language)
    write_docx(document, theme, charts, tmp_path / "sample.docx")
    write_pdf(document, theme, charts, tmp_path / "sample.pdf")
    cover = document.meta.kind == "plan"
    report = compare(tmp_path / "sample.docx", tmp_path / "sample.pdf", theme.margins_mm, cover)
    assert report is None, report
