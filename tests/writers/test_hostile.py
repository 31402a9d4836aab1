"""Content at the edges the writers must survive: each found by the property test, each pinned.

Every test builds through the CLI and reads the outputs back (pypdf, python-docx), so it fails
when the fix it pins is taken out (a hang becomes a timeout, a crash an exit status 1).
"""

from __future__ import annotations

import subprocess
import sys

import docx
import pytest
from pypdf import PdfReader

from tests.conftest import run, write
from tests.textof import docx_text

HEAD = "document:\n  title: {title}\n  municipality: {municipality}\nbody:\n"


def build(project, body: str, title: str = "Plan", municipality: str = "Testvik kommune"):
    write(project / "content/doc.yaml", HEAD.format(title=title, municipality=municipality)
          + body)
    result = run("build", "content/doc.yaml", "--out", "out", "-j", "1")
    assert result.exit_code == 0, result.output
    return project / "out/doc.pdf", project / "out/doc.docx"


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_a_heading_taller_than_a_page_at_the_end_does_not_hang(project):
    """reportlab looped for ever on a keep-with-next heading with nothing after it."""
    write(project / "content/doc.yaml", HEAD.format(title="Plan", municipality="Testvik")
          + "  - paragraph: Først.\n  - chapter: " + "Overskrift " * 90 + "\n")
    done = subprocess.run([sys.executable, "-m", "plandoc", "build", "content/doc.yaml",
                           "--out", "out", "-j", "1", "--format", "pdf"], cwd=project,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert pdf_text(project / "out/doc.pdf").count("Overskrift") >= 90


def test_long_title_is_whole_on_the_page_and_clipped_in_word_properties(project):
    title = "Plan for " + "veldig " * 60 + "lang tittel"
    pdf, word = build(project, "  - paragraph: x\n", title=title)
    core = docx.Document(word).core_properties
    assert len(core.title) <= 255 and core.title.endswith("…")
    assert title.startswith(core.title[:-1].rstrip())
    assert "lang tittel" in " ".join(docx_text(word))
    assert "lang tittel" in pdf_text(pdf).replace("\n", " ")


def test_narrow_table_columns_keep_their_text(project):
    pdf, word = build(project, "  - table:\n      columns: [Tiltak, Ansvar, Frist]\n"
                      "      rows:\n        - [Bygge bustader, Kommunen, 2026]\n"
                      "      widths: [95, 3, 2]\n")
    text = pdf_text(pdf)
    for word_ in ("Tiltak", "Ansvar", "Frist", "Kommunen", "2026"):  # no word broken
        assert word_ in text
    cells = [c.text for t in docx.Document(word).tables for r in t.rows for c in r.cells]
    assert "Kommunen" in cells


def test_emoji_the_font_draws_extract_as_themselves(project):
    pdf, _ = build(project, "  - paragraph: Hei 😀 på deg\n")
    assert "Hei 😀 på deg" in pdf_text(pdf)


def test_lists_six_levels_deep_keep_their_text(project):
    body = "  - list:\n" + "".join("      " + "  " * i + f"- text: nivå{i + 1}\n" + "      "
                                   + "  " * i + "  items:\n" for i in range(5)) \
        + "      " + "  " * 5 + "- nivå6\n"
    pdf, word = build(project, body)
    text = pdf_text(pdf)
    assert all(f"nivå{i}" in text for i in range(1, 7))
    assert all(any(f"nivå{i}" in p.text for p in docx.Document(word).paragraphs)
               for i in range(1, 7))


@pytest.mark.parametrize("kind", ["plan", "invitation", "saksframlegg"])
def test_the_longest_municipality_name_allowed_is_laid_out_quickly(project, kind):
    """200 characters (longer is refused, see the malformed corpus) on the cover or the
    letterhead and shortened in every footer, in well under the time limit."""
    name = ("Kommune " * 30)[:200]
    write(project / "content/doc.yaml",
          HEAD.format(title="Plan", municipality=name).replace("body:", f"  kind: {kind}\nbody:")
          + "".join(f"  - paragraph: Avsnitt {i}.\n  - page_break\n" for i in range(5)))
    done = subprocess.run([sys.executable, "-m", "plandoc", "build", "content/doc.yaml",
                           "--out", "out", "-j", "1", "--format", "pdf"], cwd=project,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Avsnitt 4." in pdf_text(project / "out/doc.pdf")
