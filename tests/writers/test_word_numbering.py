"""Word's own numbers: headings, goals and strategies in a multilevel list, captions as SEQ
fields — read back from the Vefsn DOCX, then edited as a plan secretary would and rendered by
LibreOffice to see the numbers after the edit follow."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from tests.conftest import ROOT, run
from tests.docxstyles import key
from tests.textof import shown_paragraphs

NUMBERED = ("Goal", "Subgoal", "Strategy")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("vefsn")
    result = run("build", ROOT / "content" / "vefsn.yaml", "--out", out, "--jobs", "1",
                 "--force")
    assert result.exit_code == 0, result.output
    return out / "vefsn.docx"


@pytest.fixture(scope="module")
def word(built):
    return docx.Document(str(built))


def _num_pr(p):
    ppr = p._p.pPr
    return None if ppr is None else ppr.numPr


def _levels(word) -> dict[str, list[tuple[str, str]]]:
    """abstractNumId → (numFmt, lvlText) of each level."""
    root = word.part.numbering_part.element
    return {a.get(qn("w:abstractNumId")): [
        (lvl.find(qn("w:numFmt")).get(qn("w:val")), lvl.find(qn("w:lvlText")).get(qn("w:val")))
        for lvl in a.iterchildren(qn("w:lvl"))] for a in root.iterchildren(qn("w:abstractNum"))}


def test_one_multilevel_list_numbers_headings_goals_and_strategies(word):
    outline = [levels for levels in _levels(word).values() if levels[0] == ("decimal", "%1")
               and len(levels) == 6]
    assert outline == [[("decimal", "%1"), ("decimal", "%1.%2"), ("decimal", "%1.%2.%3"),
                        ("decimal", "%1.%4\tMÅL:"), ("decimal", "%1.%4.%5"),
                        ("lowerLetter", "%6)")]]
    goals = [p for p in word.paragraphs if key(p.style) in ("Goal", "Subgoal")]
    ids = {_num_pr(p).numId.val for p in goals}
    assert len(goals) == 16 and len(ids) == 1
    strategies = [p for p in word.paragraphs if key(p.style) == "Strategy"]
    assert {_num_pr(p).numId.val for p in strategies} == ids      # the same list
    assert {_num_pr(p).ilvl.val for p in goals} == {3}
    assert {_num_pr(p).ilvl.val for p in strategies} == {5}


def test_no_number_or_label_is_typed(word):
    shown = shown_paragraphs(word)
    for p in word.paragraphs:
        if key(p.style) in NUMBERED:
            assert _num_pr(p) is not None, p.text
            assert not re.match(r"\d|[a-z]\)", p.text) and "MÅL" not in p.text, p.text
    goal = next(p for p in word.paragraphs if key(p.style) == "Goal")
    assert shown[goal._p].startswith("1.1 MÅL: Etableringer på næringsarealene")
    assert goal.text.startswith("Etableringer på næringsarealene")


def test_numbered_headings_carry_the_list_and_unnumbered_ones_none(word):
    shown = shown_paragraphs(word)
    headings = [p for p in word.paragraphs if key(p.style).startswith("Heading")]
    numbered = [shown[p._p] for p in headings if _num_pr(p) is not None]
    assert numbered == ["1 Slagkraft for næringsutvikling", "2 Attraktivt fellesskap",
                        "3 Fremtidens samfunn"]
    assert all(not re.match(r"\d", p.text) for p in headings)
    assert "Hva er strategisk næringsplan?" in [shown[p._p] for p in headings]


# --- edited in Word's place, rendered by LibreOffice ------------------------------------------


def _after(word, shown_text: str):
    """The body paragraph Word shows as starting with `shown_text`."""
    shown = shown_paragraphs(word)
    return next(p for p in word.paragraphs if shown[p._p].startswith(shown_text))


def _insert_before(p, text: str, like):
    """A new paragraph before `p` in the style and list of paragraph `like`."""
    new = p.insert_paragraph_before(text, style=like.style)
    new._p.get_or_add_pPr().append(copy.deepcopy(_num_pr(like)))
    return new


def _edited(built, tmp_path) -> Path:
    """Vefsn with a strategy after 1.1 b) and a goal with two strategies after goal 1.2."""
    word = docx.Document(str(built))
    c = _after(word, "c) Markedsføring av næringsarealene")
    _insert_before(c, "Ny strategi etter b.", c)
    goal_3 = _after(word, "1.3 MÅL: Gjennomføre en mulighetsanalyse")
    strategy = _after(word, "a) I samarbeid med lokale folkevalgte")
    _insert_before(goal_3, "Et nytt mål.", goal_3)
    _insert_before(goal_3, "Første nye strategi.", strategy)
    _insert_before(goal_3, "Andre nye strategi.", strategy)
    path = tmp_path / "redigert.docx"
    word.save(str(path))
    return path


def _rendered(path: Path, tmp_path: Path) -> list[str]:
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=240)
    text = subprocess.run(["pdftotext", "-layout", str(path.with_suffix(".pdf")), "-"],
                          check=True, capture_output=True, text=True).stdout
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) and pdftotext are needed")
def test_a_strategy_and_a_goal_inserted_in_word_renumber_the_rest(built, tmp_path):
    lines = _rendered(_edited(built, tmp_path), tmp_path)

    def line(start: str) -> str:
        return next(x for x in lines if re.sub(r"^\S+ ", "", x).startswith(start))

    assert line("Ny strategi etter b.") == "c) Ny strategi etter b."
    assert line("Markedsføring av næringsarealene").startswith("d) ")
    assert line("Være proaktiv og ivareta henvendelser").startswith("g) ")   # was f)
    assert line("MÅL: Et nytt mål.") == "1.3 MÅL: Et nytt mål."
    assert line("Første nye strategi.") == "a) Første nye strategi."
    assert line("Andre nye strategi.") == "b) Andre nye strategi."
    assert line("MÅL: Gjennomføre en mulighetsanalyse").startswith("1.4 MÅL:")   # was 1.3
    assert line("Etablere en prosjektgruppe").startswith("a) ")   # its letters restart
    assert line("MÅL: Jobbe for realiseringen av ny godsterminal").startswith("1.6 ")
    assert any(x.startswith("2.1 MÅL:") for x in lines)           # the next area restarts


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) and pdftotext are needed")
def test_libreoffice_counts_every_number_as_textof_does(tmp_path):
    """tests/samples/nummerering.yaml (main goals with strategies and sub-goals, focus areas
    with and without labels, references to them): every heading, goal and strategy Word
    numbers reads in LibreOffice's rendering as textof computes it from numbering.xml, and so
    as the PDF prints it (the parity test); the references' REF fields too."""
    result = run("build", ROOT / "tests" / "samples" / "nummerering.yaml", "--out", tmp_path,
                 "--jobs", "1", "--force")
    assert result.exit_code == 0, result.output
    path = tmp_path / "nummerering.docx"
    word = docx.Document(str(path))
    shown = shown_paragraphs(word)
    numbered = [" ".join(shown[p._p].split()) for p in word.paragraphs if _num_pr(p) is not None
                and key(p.style).startswith(("Heading", "Goal", "Subgoal", "Strategy"))]
    assert len(numbered) == 23
    lines = _rendered(path, tmp_path)
    assert [n for n in numbered if n not in lines] == []
    assert "Se figur 1, mål 3.1, mål 4.1, mål 1 og kapittel 1.3." in lines
