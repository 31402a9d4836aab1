"""One reportlab pass per PDF: the page total in the footer and the contents' page numbers are
forms filled in after the pass (writers/pdf/later.py).  Read back: the numbers are the true
pages, right-aligned where the count crosses 9 → 10 and 99 → 100, and the build took one pass."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus.doctemplate import BaseDocTemplate

from plandoc.charts import ChartRenderer
from plandoc.layout import lay_out
from plandoc.model import Document, Heading, PageBreak, Paragraph, Span
from plandoc.style import load_theme
from plandoc.writers.pdf import write_pdf
from tests.writers.pdfops import contents_rows

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.conftest import ROOT  # noqa: E402
from tests.sample_doc import sample_meta  # noqa: E402

NEEDS_POPPLER = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
CHAPTERS = 104          # a chapter a page after the cover and the contents' pages: 100+ pages


@pytest.fixture(scope="module")
def built(tmp_path_factory, monkeypatch_module) -> tuple[Path, list[int]]:
    """A plan of CHAPTERS one-page chapters; the path and the passes reportlab made."""
    passes = []
    build = BaseDocTemplate.build
    monkeypatch_module.setattr(BaseDocTemplate, "build",
                               lambda self, *a, **kw: passes.append(1) or build(self, *a, **kw))
    theme = load_theme("default", [ROOT / "styles"])
    blocks = []
    for n in range(1, CHAPTERS + 1):
        blocks += [Heading(1, (Span(f"Kapittel {n}"),), str(n), f"k{n}"),
                   Paragraph((Span(f"Tekst i kapittel {n}."),)), PageBreak()]
    out = tmp_path_factory.mktemp("later") / "lang.pdf"
    doc = Document(sample_meta(), tuple(blocks[:-1]), out.with_suffix(".yaml"))
    write_pdf(lay_out(doc, theme), ChartRenderer(theme, cache_dir=None), out)
    return out, passes


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_one_reportlab_pass(built):
    assert len(built[1]) == 1


def test_contents_and_footer_show_the_true_pages(built):
    reader = PdfReader(built[0])
    texts = [page.extract_text() for page in reader.pages]
    total = len(texts)
    assert total > 100
    for n, text in enumerate(texts[1:], 2):
        assert f"Side {n} av {total}" in text
    rows = [row for page in reader.pages[1:10] for row in contents_rows(page)]
    assert [text for text, _ in rows] == [f"{n} Kapittel {n}" for n in range(1, CHAPTERS + 1)]
    for text, number in rows:
        shown = next(n for n, t in enumerate(texts, 1)
                     if f"Tekst i kapittel {text.split()[0]}." in t)
        assert number == shown, text
    assert {len(str(number)) for _, number in rows} == {1, 2, 3}


def _line_ends(path: Path, page: int) -> list[tuple[str, float]]:
    """The last word of each line of a page (1-based) and its right edge, by poppler's -bbox."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path),
                           "-"], capture_output=True, text=True, check=True).stdout
    lines: dict[int, tuple[str, float]] = {}
    for y0, x1, word in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)" '
                                   r'yMax="[\d.]+">([^<]*)</word>', html):
        if round(float(y0)) not in lines or float(x1) > lines[round(float(y0))][1]:
            lines[round(float(y0))] = (word, float(x1))
    return [lines[y] for y in sorted(lines)]         # top down: the footer last


@NEEDS_POPPLER
def test_numbers_stay_right_aligned_across_9_10_and_99_100(built):
    """The contents' page numbers (the last word of their lines) and the footer's total end
    at the same edge, however many digits they have."""
    path, reader = built[0], PdfReader(built[0])
    total = len(reader.pages)
    toc = [n for n, page in enumerate(reader.pages, 1) if contents_rows(page)]
    contents = [end for page in toc for end in _line_ends(path, page)]
    footers = [_line_ends(path, page)[-1] for page in (2, 9, 10, 11, 99, 100, 101, total)]
    numbers = [(word, x) for word, x in contents + footers if word.isdigit()]
    assert {"9", "10", "99", "100"} <= {word for word, _ in numbers}
    assert [word for word, _ in footers] == [str(total)] * 8
    edges = [x for _, x in numbers]
    assert max(edges) - min(edges) < 0.5
