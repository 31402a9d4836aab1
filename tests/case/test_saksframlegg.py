"""A saksframlegg as case systems print it, read back from both formats: the letterhead with the
style's emblem, the header facts, the saksgang rows, the innstilling's numbered points, each
body's behandling and votes, the vedtak with its changed point marked, the numbered vedlegg;
and the words in nynorsk and with the municipality's own chief executive."""

from __future__ import annotations

import re
import shutil

import docx
import pypdf
import pytest
from docx.oxml.ns import qn

from tests.conftest import ROOT, run, write
from tests.textof import docx_text

SAKSGANG = [["Utvalgssaksnr.", "Utvalg", "Møtedato"],
            ["27/25", "Formannskapet", "28.\u00a0mai\u00a02025"],
            ["45/25", "Kommunestyret", "12.\u00a0juni\u00a02025"]]
CHANGED = ("2. Høringsfristen settes til 15. september 2025, slik at lag, foreninger og "
           "næringslivet får tid til å svare etter sommerferien. (endret)")

NYNORSK = """
document:
  kind: saksframlegg
  municipality: Vefsn kommune
  title: Høyring av klimaplanen
  language: nn
  case_officer: Ola Nordmann
  proceedings:
    - {body: Kommunestyret, case: 45/25, date: 2025-06-12}
  style: vefsn
body:
  - recommendation:
      points: [Planen blir send på høyring., Fristen er 1. september 2025.]
  - decision:
      body: Kommunestyret
      votes: {for: 27, against: 8}
      changed: {2: Fristen er 15. september 2025.}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """sak-klimaplan (with its vedlegg klimaplan.yaml), a nynorsk case and a bokmål case of a
    municipality whose chief executive is 'Rådmannen', built to DOCX and PDF."""
    root = tmp_path_factory.mktemp("sak")
    content = root / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(ROOT / "styles", root / "styles")
    write(content / "nn-sak.yaml", NYNORSK)
    write(content / "radmann.yaml", NYNORSK.replace("language: nn", "language: nb").replace(
        "  style: vefsn", "  chief_executive: Rådmannen\n  style: vefsn"))
    names = ("sak-klimaplan", "nn-sak", "radmann")
    result = run("build", *(content / f"{n}.yaml" for n in names), "--out", root / "out")
    assert result.exit_code == 0, result.output
    return root / "out"


def pdf_lines(path) -> list[str]:
    """The PDF's text, line by line, without the running header and footer."""
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(path).pages)
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def joined(lines) -> str:
    """Lines joined so that a point broken over lines reads as one (a word the PDF hyphenated
    at a line's end made whole again)."""
    return re.sub(r"\s+", " ", re.sub(r"(?<=[a-zæøå])-\n(?=[a-zæøå])", "", "\n".join(lines)))


def test_header_facts_and_saksgang_rows_in_docx(built):
    word = docx.Document(built / "sak-klimaplan.docx")
    head, facts, saksgang = word.tables[:3]
    assert [p.text for p in head.rows[0].cells[-1].paragraphs] == ["Vefsn kommune",
                                                                   "SAKSFRAMLEGG"]
    emblem = head.rows[0].cells[0]._tc.find(".//" + qn("wp:docPr"))
    assert emblem is not None and emblem.get("descr") == "Vefsn kommune, kommunevåpen"   # the style's emblem
    assert [[c.text for c in r.cells] for r in facts.rows] == [
        ["Saksbehandler", "Arkiv", "Arkivsaksnr."], ["Ingrid Holm", "FE-143, TI-&13",
                                                     "24/2231-14"]]
    assert [[c.text for c in r.cells] for r in saksgang.rows] == SAKSGANG


def test_header_facts_and_saksgang_rows_in_pdf(built):
    lines = pdf_lines(built / "sak-klimaplan.pdf")
    start = lines.index("Saksgang")
    assert lines[start + 1:start + 10] == [c.replace("\u00a0", " ") for r in SAKSGANG for c in r]
    assert lines[lines.index("Saksbehandler"):][:6] == [
        "Saksbehandler", "Arkiv", "Arkivsaksnr.", "Ingrid Holm", "FE-143, TI-&13", "24/2231-14"]
    reader = pypdf.PdfReader(built / "sak-klimaplan.pdf")
    assert reader.pages[0].images, "the emblem is drawn on page 1"


def _innstilling(lines: list[str]) -> list[str]:
    """The lines from 'Kommunedirektørens innstilling' to the first behandling."""
    start = lines.index("Kommunedirektørens innstilling")
    end = next(i for i, ln in enumerate(lines) if ln.startswith("Behandling i"))
    return lines[start + 1:end]


def test_innstilling_points_numbered_with_sub_points_in_both_formats(built):
    for lines in (docx_text(built / "sak-klimaplan.docx"),
                  pdf_lines(built / "sak-klimaplan.pdf")):
        points = [ln for ln in _innstilling(lines) if re.match(r"(\d+\.|[a-z]\)|–) ", ln)]
        assert [p.split(" ")[0] for p in points] == ["1.", "2.", "3.", "a)", "b)", "c)", "4.",
                                                     "–", "–"]
        assert "2. Høringsfristen settes til 1. september 2025." in points


def test_behandling_votes_and_changed_point_in_both_formats(built):
    for lines in (docx_text(built / "sak-klimaplan.docx"),
                  pdf_lines(built / "sak-klimaplan.pdf")):
        text = joined(lines)
        assert "Behandling i Formannskapet 28. mai 2025, sak 27/25" in text.replace("\xa0", " ")
        assert "Enstemmig vedtatt." in text
        after = text[text.index("Behandling i Kommunestyret"):]
        assert "Vedtatt med 27 mot 8 stemmer." in after
        assert "Punkt som er endret fra innstillingen, er merket «(endret)»." in after
        assert CHANGED in after
        assert after.count("(endret)") == 2          # the note and the one changed point
        assert "3. Kommunedirektøren innhenter" in after   # unchanged points come along


def test_changed_point_is_italic_and_marked_in_bold_in_docx(built):
    word = docx.Document(built / "sak-klimaplan.docx")
    changed = [p for p in word.paragraphs if p.text.startswith("Høringsfristen settes til 15.")]
    assert len(changed) == 1
    runs = changed[0].runs
    assert runs[-1].text == " (endret)" and runs[-1].bold
    assert all(r.italic for r in runs[:-1])


def test_vedlegg_numbered_with_the_attached_plans_title_and_status(built):
    for lines in (docx_text(built / "sak-klimaplan.docx"),
                  pdf_lines(built / "sak-klimaplan.pdf")):
        text = joined(lines)
        assert ("Vedlegg 1. Klima- og energiplan (Kommunedelplan for klima og energi) — "
                "Høringsutkast — høringsfrist 15. september 2025") in text
        assert "2. Høringsliste med adresser til høringsinstansene" in text


def test_nynorsk_words(built):
    for lines in (docx_text(built / "nn-sak.docx"), pdf_lines(built / "nn-sak.pdf")):
        text = joined(lines).replace("\xa0", " ")
        for words in ("SAKSFRAMLEGG", "Sakshandsamar", "Utvalssaksnr.", "Utval",
                      "Kommunedirektøren si innstilling",
                      "Handsaming i Kommunestyret 12. juni 2025, sak 45/25",
                      "Vedteke med 27 mot 8 røyster.", "2. Fristen er 15. september 2025. (endra)",
                      "Punkt som er endra frå innstillinga, er merkte «(endra)»."):
            assert words in text, words
        assert "Behandling" not in text and "Vedtatt" not in text


def test_the_chief_executive_named_by_the_document(built):
    for lines in (docx_text(built / "radmann.docx"), pdf_lines(built / "radmann.pdf")):
        assert "Rådmannens innstilling" in lines
        assert "Kommunedirektørens innstilling" not in lines


def test_the_authors_own_title_and_the_older_text_form(project):
    write(project / "content/sak.yaml", """
        document: {kind: saksframlegg, title: Sak, municipality: Testvik kommune,
                   committee: Kommunestyret, case: 12/21}
        body:
          - recommendation: {title: Forslag til vedtak, points: [Planen vedtas.]}
          - recommendation: Kommunestyret vedtar planen.
          - attachments: [{document: plan.yaml}]
        """)
    write(project / "content/plan.yaml", """
        document: {title: Boligplan, municipality: Testvik kommune, version: "2", replaces: "1"}
        body: [{paragraph: Tekst.}]
        """)
    result = run("build", "content/sak.yaml", "--out", "out")
    assert result.exit_code == 0, result.output
    lines = docx_text(project / "out/sak.docx")
    assert lines[lines.index("Forslag til vedtak") + 1] == "1. Planen vedtas."
    assert lines[lines.index("Kommunedirektørens innstilling") + 1] == \
        "Kommunestyret vedtar planen."            # one paragraph, no number
    assert "1. Boligplan — Utkast — Versjon 2, erstatter versjon 1" in lines
    saksgang = docx.Document(project / "out/sak.docx").tables[-1]   # no facts: no facts table
    assert [c.text for c in saksgang.rows[1].cells] == ["12/21", "Kommunestyret", ""]


def test_changed_point_has_a_bar_in_the_margin_in_both_formats(built):
    word = docx.Document(built / "sak-klimaplan.docx")
    barred = [p.text for p in word.paragraphs
              if p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None
              and p._p.pPr.find(qn("w:pBdr")).find(qn("w:left")) is not None]
    assert barred == [CHANGED[3:]]
    import pikepdf

    from plandoc.writers.pdf.walk import MARK_PT
    with pikepdf.open(built / "sak-klimaplan.pdf") as pdf:
        widths = [float(ops[0]) for page in pdf.pages
                  for ops, op in pikepdf.parse_content_stream(page) if str(op) == "w"]
    assert widths.count(MARK_PT) == 1            # one changed point, one bar
