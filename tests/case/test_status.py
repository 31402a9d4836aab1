"""Status and case metadata: status lines, watermark on every page of a draft, line numbers.

Outputs are read back: PDF text per page (pypdf), DOCX header parts and section properties.
"""

from __future__ import annotations

import zipfile
from datetime import date

import pypdf
import pytest

from plandoc.labels import status_line, version_line, watermark
from plandoc.model import Meta
from tests.conftest import run, write
from tests.reader.test_errors import assert_fails

VML_TEXT = 'string="{}"'
BODY = """\
body:
  - chapter: Innledning
    body:
      - paragraph: Første avsnitt med nok tekst til å fylle mer enn én linje i planen, slik at
          linjenummereringen må telle hver linje for seg og ikke bare hvert avsnitt i teksten.
      - page_break
      - paragraph: Andre side.
"""


def doc(status: str, extra: str = "", language: str = "nb") -> str:
    return (f"document:\n  title: Plan\n  municipality: Testvik kommune\n  language: {language}"
            f"\n  status: {status}\n{extra}" + BODY)


ADOPTED = doc("vedtatt", "  date: 2021-05-12\n  adopted_by: kommunestyret\n  case: 38/20\n")
HEARING = doc("høringsutkast", "  consultation_deadline: 2021-06-01\n  version: '2'\n"
              "  replaces: '1'\n  archive_case: 20/1234\n")


def build(project, text: str, *options) -> tuple[pypdf.PdfReader, zipfile.ZipFile]:
    write(project / "content/plan.yaml", text)
    result = run("build", "content/plan.yaml", "--out", "out", *options)
    assert result.exit_code == 0, result.output
    return pypdf.PdfReader(project / "out/plan.pdf"), zipfile.ZipFile(project / "out/plan.docx")


def headers(docx: zipfile.ZipFile) -> list[str]:
    return [docx.read(n).decode() for n in docx.namelist() if n.startswith("word/header")]


# --- labels ------------------------------------------------------------------------------


def test_status_lines_in_words():
    m = Meta(title="P", municipality="K", status="høringsutkast",
             consultation_deadline=date(2021, 6, 1))
    assert status_line(m) == "Høringsutkast — høringsfrist 1. juni 2021"
    nn = Meta(title="P", municipality="K", status="høringsutkast", language="nn",
              consultation_deadline=date(2021, 6, 1))
    assert status_line(nn) == "Høyringsutkast — høyringsfrist 1. juni 2021"
    assert watermark(nn) == "HØYRINGSUTKAST"
    adopted = Meta(title="P", municipality="K", status="vedtatt", date=date(2021, 5, 12),
                   adopted_by="kommunestyret", case="38/20", language="nn")
    assert status_line(adopted) == "Vedteken i kommunestyret 12. mai 2021, sak 38/20"
    assert watermark(adopted) == ""
    assert version_line(Meta(title="P", municipality="K", version="2", replaces="1")) == \
        "Versjon 2, erstatter versjon 1"
    assert status_line(Meta(title="P", municipality="K", status=None)) == ""


# --- watermark and status line -------------------------------------------------------------


def test_draft_has_watermark_and_status_on_every_page(project):
    pdf, docx = build(project, HEARING)
    pages = [p.extract_text() for p in pdf.pages]
    assert len(pages) >= 3
    for n, text in enumerate(pages):
        assert "HØRINGSUTKAST" in text, f"page {n + 1}"
        assert "Høringsutkast — høringsfrist 1. juni 2021" in text, f"page {n + 1}"
    assert "Versjon 2, erstatter versjon 1" in pages[0]
    assert "Arkivsak 20/1234" in pages[0]
    texts = headers(docx)
    assert len(texts) == 2                  # the cover's header and the body's
    for xml in texts:
        assert VML_TEXT.format("HØRINGSUTKAST") in xml
        assert "PowerPlusWaterMarkObject" in xml and "<v:textpath" in xml
    document = docx.read("word/document.xml").decode()
    refs = document.count("<w:headerReference")
    assert refs == 2                        # every section has a header with the watermark
    cover_header = min(texts, key=len)
    assert "<w:t>" not in cover_header and "<w:t " not in cover_header   # no running text


def test_pdf_watermark_is_drawn_over_the_content_and_translucent(project):
    import pikepdf

    build(project, HEARING)
    pages = [p.extract_text() for p in pypdf.PdfReader(project / "out/plan.pdf").pages]
    for n, text in enumerate(pages):        # content-stream order: drawn last, so tinted
        assert text.rstrip().endswith("HØRINGSUTKAST"), f"page {n + 1}"   # panels can't hide it
    with pikepdf.open(project / "out/plan.pdf") as pdf:
        for page in pdf.pages:
            alphas = [float(gs.get("/ca", 1)) for gs in page.Resources.ExtGState.values()]
            assert any(a < 1 for a in alphas)


def test_adopted_plan_has_no_watermark(project):
    pdf, docx = build(project, ADOPTED)
    for text in (p.extract_text() for p in pdf.pages):
        assert "UTKAST" not in text
    assert "Vedtatt i kommunestyret 12. mai 2021, sak 38/20" in pdf.pages[0].extract_text()
    assert "Vedtatt i kommunestyret 12. mai 2021, sak 38/20" in pdf.pages[-1].extract_text()
    assert all("v:textpath" not in xml for xml in headers(docx))
    footers = [docx.read(n).decode() for n in docx.namelist() if n.startswith("word/footer")]
    assert any("Vedtatt i kommunestyret 12. mai 2021, sak 38/20" in f for f in footers)


# --- line numbers --------------------------------------------------------------------------


def _numbers(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().isdigit()]


@pytest.mark.parametrize("how", ["option", "metadata"])
def test_line_numbers_when_asked(project, how):
    text = doc("utkast", "  line_numbers: true\n" if how == "metadata" else "")
    pdf, docx = build(project, text, *(["--line-numbers"] if how == "option" else []))
    body = pdf.pages[-2].extract_text()          # contents, then page 1 of the chapter
    numbers = _numbers(body)
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)] and len(numbers) >= 3
    assert _numbers(pdf.pages[-1].extract_text()) == ["1"]     # restarts on the next page
    assert _numbers(pdf.pages[0].extract_text()) == []         # not on the cover
    document = docx.read("word/document.xml").decode()
    assert '<w:lnNumType w:countBy="1" w:distance="340" w:restart="newPage"/>' in document
    assert document.count("<w:lnNumType") == 1                 # the body section only


def test_no_line_numbers_unless_asked(project):
    pdf, docx = build(project, doc("utkast"))
    assert all(_numbers(p.extract_text()) == [] for p in pdf.pages[1:])
    assert "lnNumType" not in docx.read("word/document.xml").decode()


# --- bad input -----------------------------------------------------------------------------


def _fails(project, text: str, *messages):
    write(project / "content/plan.yaml", text)
    result = run("build", "content/plan.yaml", "--out", "out")
    assert_fails(result, *messages)
    assert not (project / "out").exists()


def test_unknown_status(project):
    _fails(project, doc("vedtat"), "content/plan.yaml:5: document status 'vedtat' is not known "
           "— expected one of: utkast, høringsutkast, vedtatt")


def test_adopted_without_date_or_case(project):
    _fails(project, doc("vedtatt", "  adopted_by: kommunestyret\n"),
           "content/plan.yaml:5: document status 'vedtatt' needs date, case — expected "
           "'date: 2021-05-12', 'case: 38/20' under 'document:'")


def test_hearing_draft_without_deadline(project):
    _fails(project, doc("høringsutkast"),
           "content/plan.yaml:5: document status 'høringsutkast' needs consultation_deadline — "
           "expected 'consultation_deadline: 2021-06-01' under 'document:'")


def test_unknown_language(project):
    _fails(project, doc("utkast", language="se"), "content/plan.yaml:4: document language 'se' "
           "is not known — expected one of: nb, nn, en (nb: bokmål, nn: nynorsk)")
