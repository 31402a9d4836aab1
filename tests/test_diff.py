"""plandoc diff: precise changes between two versions, as text and as a change-list document."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess

import docx
import pytest

from plandoc.diff.report import _same_kind
from plandoc.errors import ContentError
from plandoc.reader.content import read_document
from tests.conftest import ROOT, run

EXPECTED = """\
Mål
  Ny 1.2: Flere unge velger å bo og arbeide i Vefsn.
  Nytt nummer 1.2 → 1.3: Pådriver for flere statlige arbeidsplasser til Vefsn kommune.
  Nytt nummer 1.3 → 1.4: Gjennomføre en mulighetsanalyse for industripark og/eller næringspark i Vefsn.
  Nytt nummer 1.4 → 1.5: Videreutvikle eksisterende næringsliv.
  Nytt nummer 1.5 → 1.6: Jobbe for realiseringen av ny godsterminal og bistå i utvikling av Mosjøen som godsknutepunkt på Helgeland.
Strategier
  Ny 1.2 a): Samarbeide med videregående skole om lærlingplasser.
  Omformulert 1.2 c) → 1.3 c): Være en {+aktiv+} nettverksbygger {+i regionen+}.
SWOT
  Flyttet Styrker → Muligheter: Ungt og variert gründermiljø
Tall og diagrammer
  Endret Befolkning i 2020: 13\u00a0278 → 13\u00a0300
  Endret Befolkningsutvikling i Vefsn 2020–2050: Befolkning 2020: 13278 → 13300
"""


def revise(text: str) -> str:
    """A revision: one goal added, one strategy reworded, one SWOT item moved, one figure."""
    text = text.replace("        - goal: Pådriver for flere statlige", """\
        - goal: Flere unge velger å bo og arbeide i Vefsn.
          strategies: [Samarbeide med videregående skole om lærlingplasser.]
        - goal: Pådriver for flere statlige""", 1)
    text = text.replace("- Være en nettverksbygger.", "- Være en aktiv nettverksbygger i regionen.")
    text = text.replace("{value: 13278,", "{value: 13300,")
    text = text.replace("                - Ungt og variert gründermiljø\n", "", 1)
    return text.replace("                - Økt fokus på kompetanse og utvikling\n",
                        "                - Ungt og variert gründermiljø\n"
                        "                - Økt fokus på kompetanse og utvikling\n", 1)


@pytest.fixture
def versions(project):
    """content/old.yaml and content/new/vefsn.yaml (revised, with its own revised CSV)."""
    csv = (ROOT / "content/befolkning.csv").read_text(encoding="utf-8")
    shutil.copy(ROOT / "content/vefsn.yaml", project / "content/old.yaml")
    (project / "content/befolkning.csv").write_text(csv, encoding="utf-8")
    (project / "content/new").mkdir()
    (project / "content/new/befolkning.csv").write_text(csv.replace("13278", "13300"),
                                                        encoding="utf-8")
    new = revise((ROOT / "content/vefsn.yaml").read_text(encoding="utf-8"))
    (project / "content/new/vefsn.yaml").write_text(new, encoding="utf-8")
    return project


def test_text_names_each_change_precisely(versions):
    result = run("diff", "content/old.yaml", "content/new/vefsn.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout == EXPECTED


def test_no_changes(versions):
    assert run("diff", "content/old.yaml", "content/old.yaml").stdout == "Ingen endringer.\n"


def test_change_list_document(versions):
    result = run("diff", "content/old.yaml", "content/new/vefsn.yaml", "--format", "docx",
                 "--out", "out")
    assert result.exit_code == 0, result.output
    word = docx.Document(str(versions / "out/vefsn-endringer.docx"))
    assert word.core_properties.title == "Endringer fra forrige versjon"
    rows = [[c.text for c in row.cells] for t in word.tables for row in t.rows]
    assert ["Omformulert 1.2 c) → 1.3 c)", "Være en nettverksbygger.",
            "Være en aktiv nettverksbygger i regionen."] in rows
    bold = [r.text for t in word.tables for row in t.rows for p in row.cells[2].paragraphs
            for r in p.runs if r.bold and "aktiv" in r.text]
    assert bold == [" aktiv"]


def test_against_a_git_revision(versions):
    git = ["git", "-c", "user.email=t@t", "-c", "user.name=t"]
    subprocess.run(["git", "init", "-q"], cwd=versions, check=True)
    shutil.copy(versions / "content/old.yaml", versions / "content/plan.yaml")
    subprocess.run([*git, "add", "content"], cwd=versions, check=True)
    subprocess.run([*git, "commit", "-qm", "v1"], cwd=versions, check=True)
    (versions / "content/plan.yaml").write_text(
        (versions / "content/new/vefsn.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = run("diff", "content/plan.yaml", "--rev", "HEAD")
    assert result.exit_code == 0, result.output
    assert result.stdout == EXPECTED.replace("  Endret Befolkningsutvikling i Vefsn 2020–2050: Befolkning 2020: "
                                             "13278 → 13300\n", "")  # the CSV of HEAD: the same
    bad = run("diff", "content/plan.yaml", "--rev", "v0.9")
    assert bad.exit_code == 2
    assert bad.stderr == "content/plan.yaml: git does not know revision 'v0.9'\n"


def test_different_kinds_of_document(versions):
    # main knows only kind 'plan' so far (issue 3 adds more): check the guard on the model
    old = read_document(versions / "content/old.yaml")
    other = dataclasses.replace(old, meta=dataclasses.replace(old.meta, kind="report"),
                                source=versions / "content/other.yaml")
    with pytest.raises(ContentError) as caught:
        _same_kind(old, other)
    assert str(caught.value.problems[0]) == (
        "content/other.yaml: is a 'report' but content/old.yaml is a 'plan' — diff compares "
        "two versions of the same kind of document")


def test_appendices_are_listed_with_the_chapters(tmp_path):
    from plandoc.diff import compare
    head = ("document:\n  title: Plan\n  municipality: Testvik kommune\nbody:\n"
            "  - chapter: Innledning\n")
    old = tmp_path / "old.yaml"
    new = tmp_path / "new.yaml"
    old.write_text(head + "  - appendix: {title: Kartgrunnlag}\n", encoding="utf-8")
    new.write_text(head + "  - appendix: {title: Kartgrunnlag}\n"
                   "  - appendix: {title: Innspill}\n", encoding="utf-8")
    changes = [c for c in compare(read_document(old), read_document(new)) if c.area == "chapter"]
    assert len(changes) == 1
    assert "Vedlegg 2" in repr(changes[0]) and "Innspill" in repr(changes[0])
