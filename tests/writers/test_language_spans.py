"""Spans in another language (`[climate adaptation]{lang=en}`, WCAG 3.1.2) read back from both
outputs: the DOCX run carries w:lang (Word's regional tags for en, se, nb, nn), the PDF draws
the words inside `/Span <</Lang (en)>> BDC … EMC` within the paragraph's marked content — never
across BT/ET, on every page of a span that runs over a page break — and the tagged file still
passes PDF/UA-1, PDF/A-2a and outloud, with the words reading as they are written."""

from __future__ import annotations

import shutil
import subprocess

import docx
import pikepdf
import pytest
from docx.oxml.ns import qn

from tests.conftest import run, write
from tests.writers.test_conformance import failed_rules

LONG = " ".join(["sustainable climate adaptation measures"] * 150)
FILL = " ".join(["Kommunen arbeider med klimatilpasning i hele kommunen."] * 20)
PLAN = f"""\
document:
  title: Språk i planen
  municipality: Vefsn kommune
  toc: false
body:
  - chapter: Språk
    body:
      - paragraph: Kommunen bruker [*climate adaptation*]{{lang=en}} om klimatilpasning, og
          språket heter [Sámi giella]{{lang=se}} og [åarjelsaemien gïele]{{lang=sma}}.
      - text: |
          Se [[the English summary](https://example.com)]{{lang=en-GB}} på nett.
      - paragraph: {FILL} [{LONG}]{{lang=en}} og så videre på norsk.
"""


@pytest.fixture
def built(project):
    write(project / "content/sprak.yaml", PLAN)
    result = run("build", project / "content/sprak.yaml", "--pdfa", "--out", project / "out")
    assert result.exit_code == 0, result.output
    return project / "out"


def test_docx_runs_carry_their_language(built):
    body = docx.Document(str(built / "sprak.docx")).element.body
    runs = []
    for r in body.iter(qn("w:r")):
        lang = r.find(f"{qn('w:rPr')}/{qn('w:lang')}")
        text = "".join(t.text or "" for t in r.iter(qn("w:t")))
        runs.append((text, lang.get(qn("w:val")) if lang is not None else None))
    marked = [(t, lang) for t, lang in runs if lang and len(t) < 100]
    assert marked == [("climate adaptation", "en-GB"), ("Sámi giella", "se-NO"),
                      ("åarjelsaemien gïele", "sma"), ("the English summary", "en-GB")]
    assert ("Kommunen bruker ", None) in runs


def _marked(page) -> list[tuple[str, bytes]]:
    """(language, the bytes shown inside its /Span) for each language span on the page."""
    out, open_ = [], []
    for operands, op in pikepdf.parse_content_stream(page):
        if str(op) == "BDC" and "/Lang" in operands[1]:
            open_.append([str(operands[1].Lang), b""])
        elif str(op) == "EMC" and open_ and open_[-1] is not None:
            out.append(tuple(open_.pop()))
        elif str(op) in ("BDC", "BMC"):
            open_.append(None)
        elif str(op) == "EMC" and open_:
            open_.pop()
        elif str(op) == "Tj" and open_ and open_[-1] is not None:
            open_[-1][1] += bytes(operands[0])
    return out


def test_pdf_words_are_marked_with_their_language(built):
    with pikepdf.open(built / "sprak.pdf") as pdf:
        spans = [s for page in pdf.pages for s in _marked(page)]
    assert [lang for lang, _ in spans[:4]] == ["en", "se", "sma", "en-GB"]
    assert spans[0][1] == b"climate adaptation"
    assert spans[3][1] == b"the English summary"


def test_pdf_spans_never_cross_bt_et_and_go_on_over_pages(built):
    """The long English span runs over a page break: each page's part is its own /Span."""
    pages = []
    with pikepdf.open(built / "sprak.pdf") as pdf:
        for page in pdf.pages:
            depth, at_bt = 0, None
            for operands, op in pikepdf.parse_content_stream(page):
                name = str(op)
                if name == "BT":
                    at_bt = depth
                elif name == "ET":
                    assert depth == at_bt
                depth += {"BDC": 1, "BMC": 1, "EMC": -1}.get(name, 0)
            assert depth == 0
            pages.append(b"sustainable" in b"".join(text for lang, text in _marked(page)
                                                    if lang == "en"))
    assert pages.count(True) >= 2


def test_pdf_with_language_spans_passes_and_reads_right(built):
    path = built / "sprak.pdf"
    assert failed_rules(path, "ua1") == []
    assert failed_rules(path, "2a") == []
    outloud = pytest.importorskip("outloud")
    result = outloud.check(str(path))
    assert [f.rule for f in result.findings if f.severity == "error"] == []
    if shutil.which("pdftotext"):
        text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                       text=True, check=True).stdout.split())
        for words in ("bruker climate adaptation om", "heter Sámi giella og åarjelsaemien "
                      "gïele.", "Se the English summary på nett.", "measures og så videre"):
            assert words in text
