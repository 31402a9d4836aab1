"""Meeting notice and minutes, read back from both formats: the header in Norwegian form, the
saksliste rows taken from the case documents (and following them when a case changes), the
included case papers, the minutes' attendance, behandling and vedtak."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest

from plandoc.layout.meeting import case_title
from plandoc.model import Exemption, Meta
from plandoc.reader.content import read_document
from tests.conftest import run
from tests.docxstyles import key

ROOT = Path(__file__).resolve().parents[2]
NOTICE, MINUTES = "formannskapet-2025-05-28", "formannskapet-2025-05-28-protokoll"
CASES = ("sak-klimaplan.yaml", "sak-budsjett.yaml", "sak-personal.yaml", "klimaplan.yaml")
EXEMPT = ("Tilsetting av kommunalsjef for helse og omsorg — Unntatt offentlighet, jf. offl. "
          "§ 13, jf. fvl. § 13")
ROWS = [["Saksnr", "Arkivsaksnr", "Innhold"],
        ["27/25", "24/2231-14", "Høring av klima- og energiplan 2025–2030"],
        ["28/25", "25/00412-6", "Revidert budsjett 2025 og økonomiplan 2025–2028"],
        ["29/25", "25/00977-3", EXEMPT]]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A copy of the meeting examples and the content files they name, built once."""
    top = tmp_path_factory.mktemp("meeting")
    shutil.copytree(ROOT / "styles", top / "styles")
    (top / "content").mkdir()
    for name in CASES + (f"{NOTICE}.yaml", f"{MINUTES}.yaml"):
        shutil.copy(ROOT / "content" / name, top / "content" / name)
    for name in ("klima-innledning.md", "klima-utslipp.csv", "bilete"):   # klimaplan's
        source = ROOT / "content" / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, top / "content" / name)
    _build(top)
    return top


def _build(top: Path) -> str:
    result = run("build", top / "content" / f"{NOTICE}.yaml", top / "content" / f"{MINUTES}.yaml",
                 "--out", top / "out")
    assert result.exit_code == 0, result.output
    return result.output


def pdf_text(top: Path, name: str) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(top / "out" / f"{name}.pdf").pages]


def table_with(word: docx.Document, first: str) -> list[list[str]]:
    """The rows of the DOCX table whose first header cell is `first`."""
    for t in word.tables:
        if t.rows[0].cells[0].text == first:
            return [[c.text for c in r.cells] for r in t.rows]
    raise AssertionError(f"no table starts with {first!r}")


def flat(text: str) -> str:
    """Text as a reader sees it: no-break hyphens and spaces, word joiners made plain."""
    text = text.replace("\u2011", "-").replace("\u00a0", " ").replace("\u2060", "")
    return " ".join(text.split())


def in_order(text: str, parts) -> bool:
    """Whether every one of `parts` stands in `text`, each after the one before."""
    at = 0
    for part in parts:
        at = text.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


def test_notice_header_in_norwegian_form(folder):
    first = flat(pdf_text(folder, NOTICE)[0])
    for words in ("MØTEINNKALLING", "Formannskapet", "onsdag 28. mai 2025", "kl. 09.00",
                  "Formannskapssalen, Vefsn rådhus", "Forfall meldes til servicetorget på "
                  "telefon 75 10 10 00 eller e-post postmottak@vefsn.kommune.no."):
        assert words in first, words
    facts = table_with(docx.Document(folder / "out" / f"{NOTICE}.docx"), "Møtedato")
    assert [flat(c) for c in facts[1]] == ["onsdag 28. mai 2025", "kl. 09.00",
                                           "Formannskapssalen, Vefsn rådhus"]


def test_notice_saksliste_rows_come_from_the_case_documents(folder):
    rows = table_with(docx.Document(folder / "out" / f"{NOTICE}.docx"), "Saksnr")
    assert [[flat(c) for c in row] for row in rows] == ROWS
    first = flat(pdf_text(folder, NOTICE)[0])
    for row in ROWS[1:]:
        assert " ".join(flat(c) for c in row) in first


def test_notice_follows_a_changed_case_title(folder):
    case = folder / "content" / "sak-budsjett.yaml"
    old = case.read_text(encoding="utf-8")
    case.write_text(old.replace("title: Revidert budsjett 2025 og økonomiplan 2025–2028",
                                "title: Budsjettjustering etter første tertial"), "utf-8")
    try:
        output = _build(folder)
        assert "2 built, 0 unchanged" in output       # a case file is an input of both
        rows = table_with(docx.Document(folder / "out" / f"{NOTICE}.docx"), "Saksnr")
        assert rows[2][2] == "Budsjettjustering etter første tertial"
        assert "28/25 25/00412-6 Budsjettjustering etter første tertial" in \
            flat(pdf_text(folder, NOTICE)[0])
    finally:
        case.write_text(old, "utf-8")
        _build(folder)


def test_case_files_are_inputs_of_the_notice():
    doc = read_document(ROOT / "content" / f"{NOTICE}.yaml")
    names = {p.name for p in doc.inputs}
    assert {"sak-budsjett.yaml", "sak-personal.yaml", "sak-klimaplan.yaml"} <= names


def test_notice_includes_the_case_papers_each_on_a_new_page(folder):
    pages = [flat(p) for p in pdf_text(folder, NOTICE)]
    bodies = [p.split(" Formannskapet ", 1)[1] for p in pages]      # after the running header
    mark = "Unntatt offentlighet, jf. offl. § 13, jf. fvl. § 13 "   # the exempt case's
    head = "SAKSFRAMLEGG Saksbehandler"
    starts = [n for n, b in enumerate(bodies) if b.startswith((head, mark + head))]
    assert pages[0].startswith("Side 1 av 6 Vefsn kommune MØTEINNKALLING Formannskapet")
    assert starts == [1, 4, 5] and bodies[5].startswith(mark + head)
    titles = ["Høring av klima- og energiplan 2025–2030", "Revidert budsjett 2025 og "
              "økonomiplan 2025–2028", "Tilsetting av kommunalsjef for helse og omsorg"]
    assert all(title in bodies[n] for n, title in zip(starts, titles))
    with zipfile.ZipFile(folder / "out" / f"{NOTICE}.docx") as z:
        xml = z.read("word/document.xml").decode()
        parts = [z.read(n).decode() for n in z.namelist() if n.endswith(".xml")]
    assert sum(">MØTEINNKALLING<" in x for x in parts) == 1    # the letterhead, page 1
    assert xml.count(">SAKSFRAMLEGG<") == 3
    assert in_order(xml, ["Formannskapet"] + titles)


def test_minutes_attendance_in_both_formats(folder):
    word = docx.Document(folder / "out" / f"{MINUTES}.docx")
    navn = [t for t in word.tables if t.rows[0].cells[0].text == "Navn"]
    present, absent, substitutes = ([[c.text for c in r.cells] for r in t.rows] for t in navn)
    assert present[0] == ["Navn", "Funksjon", "Representerer"] and len(present) == 7
    assert absent[1:] == [["Ola Berg", "nestleder", "Ap"]]
    assert substitutes == [["Navn", "Møtte for", "Representerer"],
                           ["Eva Sandnes", "Ola Berg", "Ap"]]
    first = flat(" ".join(pdf_text(folder, MINUTES)))
    order = ["MØTEPROTOKOLL", "Møtende medlemmer", "Kari Nordmann leder Sp", "Forfall",
             "Ola Berg nestleder Ap", "Møtende varamedlemmer", "Eva Sandnes Ola Berg Ap",
             "Saksliste"]
    assert in_order(first, order)


def test_minutes_behandling_and_vedtak_per_case(folder):
    text = flat(" ".join(pdf_text(folder, MINUTES)))
    order = ["28/25 Revidert budsjett 2025 og økonomiplan 2025–2028",
             "Behandling i Formannskapet 28. mai 2025", "Marte Holm (Ap) foreslo",
             "Vedtak i Formannskapet 28. mai 2025", "1. Kommunestyret vedtar revidert budsjett",
             "29/25 Tilsetting av kommunalsjef for helse og omsorg",
             "Unntatt offentlighet, jf. offl. § 13, jf. fvl. § 13"]
    assert in_order(text, order)
    word = docx.Document(folder / "out" / f"{MINUTES}.docx")
    headings = [p.text for p in word.paragraphs if key(p.style).startswith("Heading 2")]
    assert "29/25 Tilsetting av kommunalsjef for helse og omsorg" in headings


def test_case_title_is_the_one_switch_for_a_public_build():
    case = Meta(title="Tilsetting", municipality="X",
                exempt=Exemption("offl. § 13", "Personalsak"))
    assert case_title(case) == "Tilsetting"
    assert case_title(case, public=True) == "Personalsak"
    hidden = Meta(title="Tilsetting", municipality="X", exempt=Exemption("offl. § 13", ""))
    assert case_title(hidden, public=True) == ""
    shown = Meta(title="Tilsetting", municipality="X", exempt=Exemption("offl. § 13"))
    assert case_title(shown, public=True) == "Tilsetting"


def test_a_public_build_leaves_out_the_papers_of_an_exempt_case():
    from plandoc.layout.meeting import papers_last

    doc = read_document(ROOT / "content" / f"{NOTICE}.yaml")
    titles = lambda blocks: [b.text[0].text for b in blocks  # noqa: E731
                             if getattr(b, "anchor", "").endswith("front-title")]
    internal, public = papers_last(doc.blocks), papers_last(doc.blocks, public=True)
    assert titles(internal)[-1] == "Tilsetting av kommunalsjef for helse og omsorg"
    assert "Tilsetting av kommunalsjef for helse og omsorg" not in titles(public)
    assert len(titles(public)) == 2


CASE = """\
document:
  kind: saksframlegg
  title: {title}
  municipality: Testvik kommune
  proceedings: [{{body: Formannskapet, case: {number}}}]
body:
  - paragraph: Se [](#vurdering).
  - section: Vurdering av {what}
    id: vurdering
"""


def test_included_papers_keep_their_own_ids_and_references(project):
    for number, what in (("1/25", "skolevei"), ("2/25", "budsjett")):
        (project / "content" / f"sak-{what}.yaml").write_text(
            CASE.format(title=f"Sak om {what}", number=number, what=what), "utf-8")
    (project / "content" / "møte.yaml").write_text(
        "document:\n  kind: meeting_notice\n  title: Formannskapet\n  municipality: Testvik "
        "kommune\n  meeting: {body: Formannskapet}\nbody:\n  - case_list:\n      "
        "include_cases: true\n      cases: [{case: sak-skolevei.yaml}, "
        "{case: sak-budsjett.yaml}]\n", "utf-8")
    result = run("build", "content/møte.yaml", "--out", "out")
    assert result.exit_code == 0, result.output
    text = flat(" ".join(p.extract_text() for p in pypdf.PdfReader("out/møte.pdf").pages))
    assert in_order(text, ["Sak om skolevei", "Se «Vurdering av skolevei»",
                           "Sak om budsjett", "Se «Vurdering av budsjett»"])
    word = docx.Document("out/møte.docx")
    links = [(link.text, link.fragment) for p in word.paragraphs for link in p.hyperlinks]
    bookmarks = {b.get(docx.oxml.ns.qn("w:name")): b.getparent()
                 for b in word.element.body.iter(docx.oxml.ns.qn("w:bookmarkStart"))}
    assert [t for t, _ in links] == ["«Vurdering av skolevei»", "«Vurdering av budsjett»"]
    for text, target in links:                  # each goes to its own paper's section
        assert text.strip("«»") in "".join(bookmarks[target].itertext())


def test_the_header_follows_the_documents_language():
    from datetime import date

    from plandoc.layout.meeting import front
    from plandoc.labels import labels
    from plandoc.layout.frame import masthead
    from plandoc.model import Attendee, BodyMeeting, Heading, Paragraph, Table
    from plandoc.style import load_theme

    meeting = BodyMeeting("Kommunestyret", date(2025, 6, 23), "10.00", "Rådhuset",
                          present=(Attendee("Kari Nordmann"),), absence_to="servicetorget")
    meta = Meta(title="Kommunestyret", municipality="X", kind="meeting_minutes",
                language="nn", meeting=meeting)
    blocks = front(meta)
    theme = load_theme("default", [ROOT / "styles"])
    assert masthead(meta, theme, labels("nn")).label == "MØTEPROTOKOLL"   # the letterhead
    words = [" ".join(s.text for s in b.text) for b in blocks if isinstance(b, (Heading,
                                                                                Paragraph))]
    assert words == ["Kommunestyret", "Møtande medlemer",
                     "Forfall skal meldast til servicetorget."]
    facts = next(b for b in blocks if isinstance(b, Table))
    assert [c[0].text for c in facts.rows[0]] == ["måndag 23. juni 2025", "kl. 10.00",
                                                  "Rådhuset"]


def test_a_meeting_without_day_time_or_place_prints_no_empty_facts_table():
    from plandoc.layout.meeting import front
    from plandoc.model import BodyMeeting, Table

    blocks = front(Meta(title="Formannskapet", municipality="X", kind="meeting_notice",
                        meeting=BodyMeeting("Formannskapet")))
    assert not [b for b in blocks if isinstance(b, Table)]


def _page(reader: pypdf.PdfReader, link) -> int | None:
    """The page (0-based) a link annotation goes to: a named or an explicit destination."""
    dest = link.get("/Dest") or link.get("/A", {}).get("/D")
    if isinstance(dest, str):
        dest = reader.named_destinations[dest]
        return reader.get_destination_page_number(dest)
    return reader.get_page_number(dest[0].get_object()) if dest is not None else None


def bookmarked(word: docx.Document) -> dict[str, str]:
    """Each bookmark's name → the text of the paragraph it marks."""
    from docx.text.paragraph import Paragraph

    return {b.get(docx.oxml.ns.qn("w:name")): Paragraph(b.getparent(), None).text
            for b in word.element.body.iter(docx.oxml.ns.qn("w:bookmarkStart"))}


def test_saksliste_numbers_link_to_the_cases_papers_and_behandling(folder):
    word = docx.Document(folder / "out" / f"{NOTICE}.docx")
    rows = [r for t in word.tables if t.rows[0].cells[0].text == "Saksnr" for r in t.rows[1:]]
    marks = bookmarked(word)
    targets = [marks[r.cells[0].paragraphs[0].hyperlinks[0].fragment] for r in rows]
    assert [flat(t) for t in targets] == [flat(r.cells[2].text).split(" — ")[0] for r in rows]
    reader = pypdf.PdfReader(folder / "out" / f"{NOTICE}.pdf")
    links = [a.get_object() for a in reader.pages[0].get("/Annots", [])]
    pages = [_page(reader, a) for a in links if a.get("/Subtype") == "/Link"]
    assert pages == [1, 4, 5]                           # the papers' first pages (0-based)
    minutes = docx.Document(folder / "out" / f"{MINUTES}.docx")
    rows = [r for t in minutes.tables if t.rows[0].cells[0].text == "Saksnr" for r in t.rows[1:]]
    marks = bookmarked(minutes)
    assert [marks[r.cells[0].paragraphs[0].hyperlinks[0].fragment] for r in rows] == [
        "27/25 Høring av klima- og energiplan 2025–2030",
        "28/25 Revidert budsjett 2025 og økonomiplan 2025–2028",
        "29/25 Tilsetting av kommunalsjef for helse og omsorg"]


def test_a_public_build_of_the_meeting_shows_exempt_cases_only_by_their_public_title(folder):
    out = folder / "public"
    result = run("build", folder / "content" / f"{NOTICE}.yaml",
                 folder / "content" / f"{MINUTES}.yaml", "--public", "--out", out)
    assert result.exit_code == 0, result.output
    secret = ("Tilsetting av kommunalsjef", "søker nr. 2", "lukkede dører", "Tone Aune")
    for path in (p for p in out.rglob("*") if p.is_file()):
        texts = [path.read_bytes().decode("utf-8", "replace")]
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as z:
                texts += [z.read(n).decode("utf-8", "replace") for n in z.namelist()]
        if path.suffix == ".pdf":
            reader = pypdf.PdfReader(path)
            texts += [p.extract_text() for p in reader.pages] + [str(reader.metadata)]
        assert not [s for s in secret for t in texts if s in t], path
    notice = flat(pypdf.PdfReader(out / "offentlig" / f"{NOTICE}.pdf").pages[0].extract_text())
    assert "29/25 25/00977-3 Personalsak — Unntatt offentlighet, jf. offl. § 13, jf. fvl. " \
        "§ 13" in notice
    minutes = flat(" ".join(p.extract_text() for p in pypdf.PdfReader(
        out / "offentlig" / f"{MINUTES}.pdf").pages))
    assert in_order(minutes, ["29/25 Personalsak", "Unntatt offentlighet, jf. offl. § 13"])
