"""Document kinds and languages, read back from the example content: invitation, saksframlegg,
nynorsk plan with parts; and the bad input of the new blocks (exact messages)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest

from tests.conftest import run, write
from tests.reader.test_errors import assert_fails

ROOT = Path(__file__).resolve().parents[2]
NAMES = ("folkemoter-kommuneplan", "formannskapet-2025-05-28", "formannskapet-2025-05-28-protokoll",
         "hemnes-innspillsmote", "klimaplan", "nn-bustadplan", "oppvekstplan", "sak-budsjett",
         "sak-klimaplan", "sak-personal", "saksframlegg-vefsn", "tilsetting-rektor", "vefsn")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("kinds")
    result = run("build", ROOT / "content", "--out", out)
    assert result.exit_code == 0, result.output
    outputs = [p for p in out.glob("*.*") if p.is_file() and not p.name.startswith(".")]
    assert sorted(p.name for p in outputs) == sorted(  # hidden: the build manifest and lock
        f"{n}.{ext}" for n in NAMES for ext in ("docx", "pdf"))
    return out


def pdf_pages(built, name) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(built / f"{name}.pdf").pages]


def test_invitation_program_times_in_order(built):
    pages = pdf_pages(built, "hemnes-innspillsmote")
    assert 1 <= len(pages) <= 2
    text = "\n".join(pages)
    assert "Innhold" not in text                       # no table of contents
    assert re.findall(r"^\s*(\d\d\.\d\d)$", text, re.M) == ["18.00", "21.00"]
    order = ["18.00", "Velkommen", "Del 1: Muligheter", "Del 2: Innspill", "21.00",
             "Avslutning og veien videre"]
    program = text[text.index("\nProgram"):]        # the meetings table says 'kl. 18.00–21.00'
    assert [program.index(s) for s in order] == sorted(program.index(s) for s in order)
    word = docx.Document(built / "hemnes-innspillsmote.docx")
    cells = [t.rows[i].cells[0].text for t in word.tables for i in range(len(t.rows))]
    assert [c for c in cells if re.fullmatch(r"\d\d\.\d\d", c)] == ["18.00", "21.00"]
    assert len(word.sections) == 1                     # no cover section


def test_saksframlegg_header_fields_and_attachment(built):
    text = "\n".join(pdf_pages(built, "saksframlegg-vefsn"))   # the budget table: two pages
    for label, value in (("Saksbehandler", "Mosjøen og omegn"), ("Arkivsaksnr.", "20/1234"),
                         ("Utvalgssaksnr.", "12/21"), ("Utvalg", "Kommunestyret"),
                         ("Møtedato", "12. mai 2021")):
        assert label in text and value in text
    assert "Kommunedirektørens innstilling" in text     # a saksframlegg's recommendation
    assert "Strategisk næringsplan (Vefsn kommunes Strategiske Næringsplan) — Utkast" in text
    word = docx.Document(built / "saksframlegg-vefsn.docx")
    facts, saksgang = word.tables[1:3]                 # after the letterhead
    assert [c.text for c in facts.rows[0].cells] == ["Saksbehandler", "Arkivsaksnr."]
    assert facts.rows[1].cells[1].text == "20/1234"
    # the older committee / case / meeting_date form is a saksgang of one row
    assert [[c.text for c in r.cells] for r in saksgang.rows] == [
        ["Utvalgssaksnr.", "Utvalg", "Møtedato"],
        ["12/21", "Kommunestyret", "12.\u00a0mai\u00a02021"]]     # the date kept whole


def test_nynorsk_labels_in_nynorsk_document(built):
    text = "\n".join(pdf_pages(built, "nn-bustadplan"))
    for word in ("Innhald", "Styrkar", "Svakheiter", "Moglegheiter", "Truslar",
                 "HØYRINGSUTKAST", "Høyringsutkast — høyringsfrist 1. juni 2025",
                 "Revisjonshistorikk", "Endringar", "Framlegg til vedtak", "Kjelde: SSB"):
        assert word in text, word
    for bokmal in ("Innhold", "Styrker", "Muligheter", "Høringsutkast", "Kilde"):
        assert bokmal not in text, bokmal
    with zipfile.ZipFile(built / "nn-bustadplan.docx") as z:
        document = z.read("word/document.xml").decode()
    assert ">Innhald<" in document and ">Styrkar<" in document and "lnNumType" in document


def test_parts_title_pages_in_toc(built):
    pages = pdf_pages(built, "nn-bustadplan")
    toc = pages[1]
    for entry, title in (("Del 1 Bustadplan", "Bustadplan"), ("Del 2 Næringsplan", "Næringsplan")):
        page = int(re.search(r"(\d+)\s*" + re.escape(entry), toc).group(1))   # dots first
        assert title in pages[page - 1] and "DEL" in pages[page - 1]
    word = docx.Document(built / "nn-bustadplan.docx")
    tocs = [p.text for p in word.paragraphs if p.style.name == "toc 1"]
    assert "Del 1 Bustadplan" in tocs and "Del 2 Næringsplan" in tocs


# --- bad input -----------------------------------------------------------------------------

HEAD = "document:\n  title: T\n  municipality: K\n  kind: {kind}\nbody:\n"


def _fails(project, kind: str, body: str, *messages):
    write(project / "content/doc.yaml", HEAD.format(kind=kind) + body)
    result = run("build", "content/doc.yaml", "--out", "out")
    assert_fails(result, *messages)
    assert not (project / "out").exists()


def test_attachment_naming_missing_file(project):
    _fails(project, "saksframlegg", "  - attachments:\n      - document: plan.yaml\n",
           "content/doc.yaml:7: attached document 'plan.yaml' not found (looked for "
           "content/plan.yaml)")


def test_program_item_without_time(project):
    _fails(project, "invitation", "  - program:\n      - {time: '18.00', title: Velkommen}\n"
           "      - {title: Kaffe}\n",
           "content/doc.yaml:8: program item has no time — expected 'time: 18.00' (only the "
           "items of a 'part:' may leave it out)")
