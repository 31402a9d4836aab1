"""The two realistic example plans of content/, read back from both formats as a reader would
check them: klimaplan (nb: hovedmål and delmål with indicators, an action plan with a sum,
footnotes, appendices, cross-references) and oppvekstplan (nn: focus areas inside an
unnumbered chapter, strategies before goals).  Also: no number, amount or date of the source
is broken across lines in the PDF."""

from __future__ import annotations

import dataclasses
import re
import zipfile
from pathlib import Path

import docx
import pytest

from plandoc.layout.text import _TOKENS
from plandoc.style import load_theme
from tests.conftest import ROOT, clean, run
from tests.docxstyles import key
from tests.textof import pdf_text, shown_paragraphs

EXAMPLES = ("klimaplan", "oppvekstplan")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("examples")
    result = run("build", *(ROOT / "content" / f"{n}.yaml" for n in EXAMPLES), "--out", out)
    assert result.exit_code == 0, result.output
    return out


def pdf_pages(path: Path) -> list[list[str]]:
    """Each page's body lines (pypdf, tests/textof.py): without the running header and
    footer and the draft watermark, whose letters would split the lines they cross."""
    style = "vefsn" if path.stem == "klimaplan" else "default"
    margins = dataclasses.asdict(load_theme(style, [ROOT / "styles"]).page.margins)
    return [[" ".join(clean(line).split()) for line in page.splitlines() if line.strip()]
            for page in pdf_text(path, margins, cover=True)]


def paragraphs(path: Path, styles=None) -> list[str]:
    """The body's paragraphs (in `styles`) as Word shows them: its numbers first, tabs as
    spaces."""
    word = docx.Document(str(path))
    shown = shown_paragraphs(word)
    return [clean(shown[p._p]) for p in word.paragraphs
            if styles is None or key(p.style) in styles]


def rows(path: Path) -> list[list[str]]:
    return [[clean(c.text) for c in row.cells] for t in docx.Document(str(path)).tables
            for row in t.rows]


GOALS = ("Goal", "Subgoal")


def test_klimaplan_goal_hierarchy_in_both_formats(built):
    goals = paragraphs(built / "klimaplan.docx", GOALS)
    assert goals[:3] == ["1 Hovedmål: Vefsn-samfunnet halverer klimagassutslippene innen 2030.",
                         "1.1 Delmål: Utslippene fra veitrafikken går ned med 45 prosent.",
                         "1.2 Delmål: Jordbruket får lavere utslipp per produsert enhet."]
    assert goals[-1] == "3 Hovedmål: Vefsn er forberedt på et våtere og villere klima."
    lines = [line for page in pdf_pages(built / "klimaplan.pdf") for line in page]
    assert in_order(lines, [g.replace("\t", " ") for g in goals])


def test_klimaplan_indicators_and_action_plan(built):
    table = rows(built / "klimaplan.docx")
    assert ["Utslipp fra veitrafikk (tonn CO₂-ekv.)", "31 604 (2022)", "17 400 (2030)",
            "Miljødirektoratet, årlig"] in table
    assert ["Sum", "", "", "", "13 500 000 kr", ""] in table
    assert ["Energikartlegging av 24 bygg", "2.1", "Eiendomsavdelingen", "2026", "900 000 kr",
            "Pågår"] in table
    lines = [line for page in pdf_pages(built / "klimaplan.pdf") for line in page]
    cells = ["Utslipp fra veitrafikk (tonn CO₂-ekv.)", "31 604 (2022)", "17 400 (2030)",
             "Miljødirektoratet, årlig", "Sum", "13 500 000 kr"]
    assert in_order(lines, cells)


def in_order(lines: list[str], wanted: list[str]) -> bool:
    """Whether the lines hold each of `wanted` as a whole line, in this order."""
    at = 0
    for item in wanted:
        if item not in lines[at:]:
            return False
        at = lines.index(item, at) + 1
    return True


def test_klimaplan_footnotes_at_the_foot_of_the_page_and_in_word(built):
    with zipfile.ZipFile(built / "klimaplan.docx") as z:
        notes = z.read("word/footnotes.xml").decode()
    assert "Lov om klimamål (klimaloven) § 3" in notes
    page = next(p for p in pdf_pages(built / "klimaplan.pdf")[2:] if "1.1 Bakgrunn for planen" in p)
    note = next(i for i, line in enumerate(page) if "Lov om klimamål" in line)
    assert note > page.index("1.3 Slik er planen bygget opp")   # below the body text
    assert note >= len(page) - 5                                 # at the foot, above the footer


def test_klimaplan_appendices_and_cross_references(built):
    text = " ".join(paragraphs(built / "klimaplan.docx"))
    for ref in ("målet i hovedmål 1", "se figur 1", "og kapittel 4 viser",
                "Tallgrunnlaget står i vedlegg 1"):
        assert ref in text
    headings = paragraphs(built / "klimaplan.docx", ("Heading 1",))
    assert headings[-2:] == ["Vedlegg 1 Utslippstall per sektor",
                             "Vedlegg 2 Innspill fra medvirkningen"]
    lines = [line for page in pdf_pages(built / "klimaplan.pdf") for line in page]
    assert "Vedlegg 1 Utslippstall per sektor" in lines
    assert any("Tallgrunnlaget står i vedlegg 1." in line for line in lines)


def test_oppvekstplan_strategies_before_goals_in_nynorsk(built):
    docx_path = built / "oppvekstplan.docx"
    ordered = paragraphs(docx_path, ("Heading 2", "Strategy Label", "Strategy", *GOALS))
    start = ordered.index("1 Trygge og gode oppvekstvilkår")
    assert ordered[start:start + 6] == [
        "1 Trygge og gode oppvekstvilkår", "Strategiar",
        "a) Oppdage tidleg og handle raskt når barn og familiar treng hjelp.",
        "b) Samordne tenestene rundt familiar med samansette behov.",
        "c) Gje foreldre rettleiing i alle fasar av oppveksten.",
        "1.1 Mål: Alle barn og unge opplever å høyre til og ha minst éin god ven."]
    assert ["Indikator", "Utgangspunkt", "Mål", "Kjelde"] in rows(docx_path)
    lines = [line for page in pdf_pages(built / "oppvekstplan.pdf") for line in page]
    assert in_order(lines, ["Strategiar og mål", "1 Trygge og gode oppvekstvilkår", "Strategiar",
                            "a) Oppdage tidleg og handle raskt når barn og familiar treng hjelp.",
                            "1.1 Mål: Alle barn og unge opplever å høyre til og ha minst éin "
                            "god ven.", "3 Fritid og fellesskap"])


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_number_of_the_source_breaks_across_lines(built, name):
    """Every amount, number with a thousands space, date and span the content file writes
    in a table, key figure or indicator stands whole on one line of the PDF."""
    source = (ROOT / "content" / f"{name}.yaml").read_text(encoding="utf-8")
    quoted = re.findall(r'"([^"\n]*\d[^"\n]*)"', source)
    tokens = {m.group(0) for q in quoted for m in _TOKENS.finditer(q) if " " in m.group(0)}
    assert len(tokens) > 10
    lines = [line for page in pdf_pages(built / f"{name}.pdf") for line in page]
    broken = [t for t in tokens if not any(t in line for line in lines)]
    assert not broken


def test_klimaplan_foreword_citations_and_sources(built):
    text = paragraphs(built / "klimaplan.docx")
    start = len(text) - 1 - text[::-1].index("Forord")      # the heading, not the contents
    assert text[start + 1].startswith("Klimaendringene merkes")
    assert in_order(text[start:], ["Mosjøen, 12. juni 2025", "1 Innledning"])
    cells = [c for row in rows(built / "klimaplan.docx") for c in row]
    assert any("Berit Johansen" in c and "Ordfører" in c for c in cells)   # under the line
    joined = " ".join(text)
    assert "sammenlignet med 1990 (KLD, 2017)." in joined
    assert "Kommunens egne bygg brukte 18,4 GWh i 2023 (Enova, 2023, s. 12)." in joined
    sources = paragraphs(built / "klimaplan.docx", ("Bibliography",))
    assert [s.split(" (")[0] for s in sources] == [
        "Enova", "Klima- og miljødepartementet", "Kommunal- og moderniseringsdepartementet",
        "Miljødirektoratet", "Statistisk sentralbyrå", "Vefsn kommune"]
    lines = [line for page in pdf_pages(built / "klimaplan.pdf") for line in page]
    assert in_order(lines, ["Forord", "Mosjøen, 12. juni 2025", "Berit Johansen", "Kilder"])


def test_pdf_objects_are_packed_in_compressed_object_streams(built):
    """The PDF's objects (structure tree, annotations, fonts' dictionaries) travel in object
    streams (PDF 1.5, allowed in PDF/A-2): a fifth smaller than one plain object each."""
    import pikepdf

    data = (built / "klimaplan.pdf").read_bytes()
    assert data.startswith(b"%PDF-1.5") and b"/ObjStm" in data
    with pikepdf.open(built / "klimaplan.pdf") as pdf:    # and it reads as a whole
        assert len(pdf.pages) > 10 and pdf.Root.StructTreeRoot.K is not None
