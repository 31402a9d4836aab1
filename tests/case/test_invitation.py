"""Invitations read back from both formats: the Vefsn example's three meetings, its program with
start and end times and questions, registration, contact links and emblem; the Hemnes
invitation's one meeting; an invitation without a meeting has no empty facts table."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest

from tests.conftest import ROOT, run, write

NAME = "folkemoter-kommuneplan"
JOINER = "\u2060"      # after a dash: Word may not break there
MEETINGS = [("Tirsdag 18. mars 2025", "kl. 18.00–20.30", "Kulturverkstedet, Torget 1, Mosjøen"),
            ("Torsdag 20. mars 2025", "kl. 18.00–20.30", "Elsfjord samfunnshus, Elsfjord"),
            ("Tirsdag 25. mars 2025", "kl. 18.00–20.30", "Drevvatn grendehus, Drevvatn")]
SPANS = ["18.00–18.15", "18.15–18.45", "18.45–19.45", "19.45–20.00", "20.00–20.30"]
QUESTIONS = ["Hva er Vefsns fortrinn – hva må vi ta vare på?",
             "Hva skal til for at unge voksne flytter hit og blir?",
             "Hvilke tjenester er viktigst for deg der du bor?", "Hva bør kommunen gjøre først?"]
LINKS = {"mailto:kari.nordvik@vefsn.kommune.no", "tel:+4775101000",
         "mailto:postmottak@vefsn.kommune.no", "https://www.vefsn.kommune.no/folkemoter"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("invitation")
    for name in (NAME, "hemnes-innspillsmote"):
        result = run("build", ROOT / "content" / f"{name}.yaml", "--out", out)
        assert result.exit_code == 0, result.output
    return out


def pdf_lines(path: Path) -> list[str]:
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(path).pages)
    return [plain(line.strip()) for line in text.splitlines()]


def plain(text: str) -> str:
    """Text as read: the layout's no-break spaces as spaces, its word joiners left out."""
    return text.replace("\xa0", " ").replace(JOINER, "")


def cells(path: Path, raw: bool = False) -> list[list[str]]:
    """Every body table's rows as the texts of their cells."""
    return [[c.text if raw else plain(c.text) for c in row.cells]
            for t in docx.Document(path).tables for row in t.rows]


def test_three_meetings_in_norwegian_form_in_both_formats(built):
    lines = pdf_lines(built / f"{NAME}.pdf")
    start = lines.index("Dato")
    assert lines[start:start + 12] == ["Dato", "Tid", "Sted"] + [x for m in MEETINGS for x in m]
    rows = cells(built / f"{NAME}.docx")
    assert ["Dato", "Tid", "Sted"] in rows
    assert [r for r in rows if r[0].startswith(("Tirsdag", "Torsdag"))] == [list(m) for m in
                                                                           MEETINGS]


def test_registration_deadline_with_its_weekday(built):
    text = "\n".join(pdf_lines(built / f"{NAME}.pdf"))
    assert "Påmelding innen fredag 14. mars 2025" in text
    paragraphs = [p.text for t in docx.Document(built / f"{NAME}.docx").tables
                  for row in t.rows for c in row.cells for p in c.paragraphs]
    assert "Påmelding innen fredag 14. mars 2025" in paragraphs


def test_program_times_are_unbroken_spans(built):
    lines = pdf_lines(built / f"{NAME}.pdf")
    assert [x for x in lines if re.fullmatch(r"\d\d\.\d\d–\d\d\.\d\d", x)] == SPANS
    rows = cells(built / f"{NAME}.docx", raw=True)    # a word joiner keeps Word from breaking
    assert [r[0] for r in rows if re.match(r"\d\d\.\d\d–", r[0])] == [
        x.replace("–", "–" + JOINER) for x in SPANS]


def test_questions_are_numbered_under_their_item(built):
    lines = pdf_lines(built / f"{NAME}.pdf")
    start = lines.index("Gruppearbeid ved bordene:")
    assert lines[start + 1:start + 5] == [f"{n}. {q}" for n, q in enumerate(QUESTIONS, 1)]
    row = next(r for r in cells(built / f"{NAME}.docx") if r[0] == "18.45–19.45")
    assert row[1].split("\n") == ["Gruppearbeid ved bordene:"] + [
        f"{n}.\t{q}" for n, q in enumerate(QUESTIONS, 1)]


def test_contact_and_registration_links_in_both_formats(built):
    word = docx.Document(built / f"{NAME}.docx")
    external = {r.target_ref for r in word.part.rels.values() if r.is_external}
    assert LINKS <= external
    with zipfile.ZipFile(built / f"{NAME}.docx") as z:
        xml = z.read("word/document.xml").decode()
    ids = {r.target_ref: rid for rid, r in word.part.rels.items() if r.is_external}
    for link in LINKS:
        assert f'<w:hyperlink r:id="{ids[link]}"' in xml
    uris = {str(a.get_object()["/A"]["/URI"]) for page in pypdf.PdfReader(
        built / f"{NAME}.pdf").pages for a in page.get("/Annots") or []
        if "/URI" in a.get_object().get("/A", {})}
    assert LINKS <= uris
    text = "\n".join(pdf_lines(built / f"{NAME}.pdf"))
    assert "Telefon: 75 10 10 00" in text and "E-post: kari.nordvik@vefsn.kommune.no" in text


def test_the_emblem_heads_page_one(built):
    page = pypdf.PdfReader(built / f"{NAME}.pdf").pages[0]
    assert [x.name for x in page.images]                 # the emblem, the only picture
    first, second = (p.extract_text().splitlines()
                     for p in pypdf.PdfReader(built / f"{NAME}.pdf").pages)
    assert first.count("Vefsn kommune") == 1           # the letterhead; no running header
    assert second.count("Vefsn kommune") == 1          # the running header
    word = docx.Document(built / f"{NAME}.docx")
    first = word.tables[0].rows[0].cells
    assert first[1].text == "Vefsn kommune"
    assert 'descr="Vefsn kommune, kommunevåpen"' in first[0]._tc.xml and "<pic:pic" in first[0]._tc.xml
    section = word.sections[0]                  # page 1: the footer, but no running header
    assert section.different_first_page_header_footer
    assert section.first_page_header.paragraphs[0].text == ""
    assert section.first_page_footer.paragraphs[0].text.startswith("\tSide")
    assert section.header.paragraphs[0].text == "Vefsn kommune\tÅpne folkemøter om Vefsn 2040"


def test_hemnes_one_meeting_with_weekday_and_time_span(built):
    lines = pdf_lines(built / "hemnes-innspillsmote.pdf")
    start = lines.index("Dato")
    assert lines[start:start + 6] == ["Dato", "Tid", "Sted", "Onsdag 6. mars 2024",
                                      "kl. 18.00–21.00", "Aulaen på Hemnesberget"]
    rows = cells(built / "hemnes-innspillsmote.docx")
    assert ["Onsdag 6. mars 2024", "kl. 18.00–21.00", "Aulaen på Hemnesberget"] in rows
    assert rows[0] == ["Hemnes kommune"]                  # the letterhead, no emblem in default


def test_an_invitation_without_a_meeting_has_no_facts_table(project):
    write(project / "content" / "inv.yaml", """\
        document:
          kind: invitation
          municipality: Testvik kommune
          title: Velkommen til dugnad
        body:
          - paragraph: Vi rydder fjæra.
        """)
    result = run("build", "content/inv.yaml", "--out", "out")
    assert result.exit_code == 0, result.output
    rows = cells(project / "out" / "inv.docx")
    assert rows == [["Testvik kommune"]]                  # only the letterhead
    text = "\n".join(pdf_lines(project / "out" / "inv.pdf"))
    assert "Dato" not in text and "Sted" not in text and "Vi rydder fjæra." in text


def test_a_meeting_without_time_or_place_leaves_out_those_columns(project):
    write(project / "content" / "inv.yaml", """\
        document:
          kind: invitation
          municipality: Testvik kommune
          title: Dugnad
          meetings: [{date: 2025-05-03}, {date: 2025-05-10}]
        body:
          - paragraph: Ta med hansker.
        """)
    result = run("build", "content/inv.yaml", "--out", "out")
    assert result.exit_code == 0, result.output
    assert cells(project / "out" / "inv.docx")[1:] == [
        ["Dato"], ["Lørdag 3. mai 2025"], ["Lørdag 10. mai 2025"]]


def test_nynorsk_invitation_with_venue_map(tmp_path):
    result = run("build", ROOT / "tests" / "samples" / "invitasjon.yaml", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    lines = pdf_lines(tmp_path / "invitasjon.pdf")
    for line in ("Måndag 7. april 2025", "Onsdag 9. april 2025", "kl. 19.00",
                 "Påmelding innan tysdag 1. april 2025", "Praktisk informasjon",
                 "Rådhuset ligg ved torget, inngang frå baksida.", "Kontaktperson",
                 "Telefon: +47 75 00 00 00", "1. Kvar bør det byggjast?"):
        assert line in lines, line
    word = docx.Document(tmp_path / "invitasjon.docx")
    alts = [s._inline.docPr.get("descr") for s in word.inline_shapes]
    assert alts == ["Kart over sentrum med rådhuset markert"]      # default style: no emblem
    assert sum(len(p.images) for p in pypdf.PdfReader(tmp_path / "invitasjon.pdf").pages) == 1
    uris = {r.target_ref for r in word.part.rels.values() if r.is_external}
    assert {"tel:+4775000000", "mailto:ola@testvik.kommune.no",
            "mailto:post@testvik.kommune.no"} <= uris
