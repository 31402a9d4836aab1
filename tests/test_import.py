"""`plandoc import`: round trips through plandoc's own DOCX, and foreign DOCX files.

Round trip: an example plan is built to DOCX and PDF, the DOCX is imported, the import is
built again, and the two PDFs' texts are compared as the parity test compares DOCX and PDF
(tests/textof.py).  Foreign files are made at test time with pandoc (from tests/import/plan.md)
and LibreOffice (from tests/import/plan.fodt): their import must build, and the report must
name what it dropped.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from plandoc.layout.frame import has_cover
from plandoc.reader.content import read_document
from plandoc.style import load_theme, style_dirs

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import ROOT, run  # noqa: E402
from textof import compare_texts, pdf_text  # noqa: E402

FIXTURES = ROOT / "tests" / "import"
# Each example plan; the other examples (invitations, meeting papers, cases) are not plans.
PLANS = ["vefsn", "klimaplan", "oppvekstplan", "nn-bustadplan"]


def _texts(project: Path, name: str) -> tuple[list[str], list[str], str]:
    """Build content/<name>, import its DOCX, build that: (first PDF, second PDF, report)."""
    content = project / "content"
    shutil.rmtree(content)
    shutil.copytree(ROOT / "content", content)
    doc = read_document(content / f"{name}.yaml")
    assert run("build", content / f"{name}.yaml", "--out", "out1", "-j", "1").exit_code == 0
    result = run("import", f"out1/{name}.docx", "--out", f"imported/{name}.yaml")
    assert result.exit_code == 0, result.output
    # no --style: the DOCX names the style it was built with (docProps/custom.xml)
    assert read_document(project / "imported" / f"{name}.yaml").meta.style == doc.meta.style
    built = run("build", f"imported/{name}.yaml", "--out", "out2", "-j", "1",
                "--styles", "styles")
    assert built.exit_code == 0, built.output
    margins = dataclasses.asdict(load_theme(doc.meta.style, style_dirs(content)).page.margins)
    first, second = (pdf_text(f"{out}/{name}.pdf", margins, has_cover(doc.meta))
                     for out in ("out1", "out2"))
    return first, second, result.output


@pytest.mark.parametrize("name", PLANS)
def test_round_trip_gives_the_same_text(name, project):
    """Build, import the DOCX, build again: the PDFs have the same text, page by page (action
    plans come back as action plans, so their tables break where they did)."""
    first, second, report = _texts(project, name)
    assert compare_texts(first, second) is None, compare_texts(first, second)
    assert "dropped:" in report and "table of contents" in report
    if name == "klimaplan":          # its energy tables are numbers: CSV files, read back
        assert "3 × table of numbers (as CSV)" in report
        assert Path("imported/klimaplan-tabell-1.csv").read_text(encoding="utf-8") \
            .startswith("Byggtype;Areal (m²);Energibruk (MWh);kWh per m²\nSkoler;42 310;")


def _goals_and_actions(data) -> tuple[dict, list]:
    """{goal id: goal text} and [(action, goal id, status)] anywhere in YAML `data`."""
    goals, actions = {}, []

    def walk(value):
        if isinstance(value, dict):
            if "action" in value:
                actions.append((value["action"], value.get("goal"), value.get("status")))
            elif "goal" in value and "id" in value:
                goals[value["id"]] = value["goal"]
            for inner in value.values():
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)
    walk(data)
    return goals, actions


@pytest.mark.parametrize("name", ["klimaplan", "oppvekstplan", "nn-bustadplan"])
def test_round_trip_gives_action_plans_with_goals_and_sum(name, project):
    """The action plan's Mål column (links to goals) is `goal:` ids of the same goals again,
    its Sum row `sum: true`, its status words plandoc's status values."""
    _, _, report = _texts(project, name)
    before = _goals_and_actions(yaml.safe_load((project / "content" / f"{name}.yaml")
                                               .read_text(encoding="utf-8")))
    data = yaml.safe_load(Path(f"imported/{name}.yaml").read_text(encoding="utf-8"))
    after = _goals_and_actions(data)
    assert [(a, before[0][g], st) for a, g, st in before[1]] == \
        [(a, after[0][g], st) for a, g, st in after[1]]
    assert [p.get("sum") for p in _all(data["body"], "action_plan")] == [True]
    assert "action plan" in report and "as a plain table" not in report


def test_round_trip_keeps_cross_references(project):
    """nn-bustadplan's references to a goal, a figure, a table and appendices are `[](#id)`
    links to those blocks again; words that are not plandoc's stay the link's words."""
    _, _, report = _texts(project, "nn-bustadplan")
    data = yaml.safe_load(Path("imported/nn-bustadplan.yaml").read_text(encoding="utf-8"))
    goals, _ = _goals_and_actions(data)
    target = next(i for i, text in goals.items() if text.startswith("Fleire utleigebustader"))
    text = Path("imported/nn-bustadplan.yaml").read_text(encoding="utf-8")
    assert f"Tiltaka for [](#{target}) står i same tabell" in " ".join(text.split())
    figure = next(_all(data["body"], "image"))
    assert figure["id"] and f"sjå [](#{figure['id']})" in " ".join(text.split())
    assert "8 × cross-reference" in report
    assert "link inside the document" not in report


def test_round_trip_recognises_plan_patterns(project):
    """vefsn's DOCX: its focus areas, goals, strategies, SWOT and panels are blocks again."""
    _, _, report = _texts(project, "vefsn")
    for line in ("3 × focus area", "16 × goal", "51 × strategy", "1 × SWOT",
                 "1 × key figures", "1 × values", "1 × vision", "2 × slogan",
                 "1 × emblem on the cover: the style draws it"):
        assert line in report, report
    assert "cover image" not in report                # the emblem is not a cover photo


def test_every_other_example_imports_and_builds(project):
    """Invitations, meeting papers and cases are not plans (their letterheads, meeting
    tables and decisions become plain text): their import still builds, with no warning."""
    content = project / "content"
    shutil.rmtree(content)
    shutil.copytree(ROOT / "content", content)
    others = sorted(p.stem for p in content.glob("*.yaml") if p.stem not in PLANS)
    assert run("build", content, "--out", "out1", "-j", "2").exit_code == 0
    for name in others:
        result = run("import", f"out1/{name}.docx", "--out", f"imported/{name}.yaml")
        assert result.exit_code == 0 and "warning" not in result.output, result.output
    built = run("build", "imported", "--out", "out2", "-j", "2", "--styles", "styles")
    assert built.exit_code == 0, built.output
    assert sorted(p.stem for p in (project / "out2").glob("*.pdf")) == others


@pytest.fixture(scope="module")
def foreign(tmp_path_factory):
    """plan-pandoc.docx and plan-lo.docx, made once for the module."""
    pypandoc = pytest.importorskip("pypandoc")
    folder = tmp_path_factory.mktemp("foreign")
    shutil.copy(FIXTURES / "plan.md", folder)
    from PIL import Image
    Image.new("RGB", (120, 80), "#0b5394").save(folder / "kart.png")
    pypandoc.convert_file(str(folder / "plan.md"), "docx",
                          outputfile=str(folder / "plan-pandoc.docx"),
                          extra_args=[f"--resource-path={folder}"])
    if shutil.which("soffice"):
        subprocess.run(["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML",
                        str(FIXTURES / "plan.fodt"), "--outdir", str(folder)],
                       check=True, capture_output=True, timeout=120)
        (folder / "plan.docx").rename(folder / "plan-lo.docx")
    return folder


def _import(project, docx: Path) -> tuple[dict, str, str]:
    result = run("import", docx, "--out", "content/plan.yaml")
    assert result.exit_code == 0, result.output
    text = (project / "content" / "plan.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text), text, result.output


def _all(body, key):
    """Every block `key` anywhere in `body`."""
    for block in body:
        if isinstance(block, dict):
            if key in block:
                yield block[key]
            for inner in block.values():
                inner = inner.get("body", []) if isinstance(inner, dict) else inner
                if isinstance(inner, list):
                    yield from _all(inner, key)


def test_libreoffice_docx_with_norwegian_headings(project, foreign):
    if not (foreign / "plan-lo.docx").exists():
        pytest.skip("LibreOffice (soffice) is not installed")
    data, text, report = _import(project, foreign / "plan-lo.docx")
    meta = data["document"]
    assert (meta["municipality"], meta["period"], meta["status"], meta["case"]) == \
        ("Testvik kommune", "2024–2028", "vedtatt", "38/24")
    assert list(_all(data["body"], "chapter"))[:1] == ["Innledning"]
    area = next(_all(data["body"], "focus_area"))
    assert area["title"] == "Mål"                                # "1.2 " was typed: removed
    assert area["goals"][0] == {"goal": "Flere eier egen bolig.", "strategies": [
        "Startlån til unge i etableringsfasen.", "Leie-til-eie i kommunale boliger."]}
    swot = next(_all(data["body"], "swot"))
    assert swot["threats"][0]["items"] == ["Stigende renter"]
    assert "**godt sted**" in text and "*ingen*" in text
    assert "text box" in report and "comment" in report
    assert "link to a file" in report and "og kartet." in text     # its words, no file link
    assert run("build", "content/plan.yaml", "--out", "out").exit_code == 0


def test_pandoc_docx_with_tables_footnote_and_image_without_alt(project, foreign):
    result = run("import", foreign / "plan-pandoc.docx", "--out", "content/plan.yaml")
    assert result.exit_code == 0, result.output
    assert "has no alt text" in result.output    # CliRunner mixes stderr in
    text = (project / "content" / "plan.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert [r["action"] for r in next(_all(data["body"], "action_plan"))["rows"]] == \
        ["Registrere SEFRAK-bygg", "Kulturminnesti"]
    assert next(_all(data["body"], "swot"))["opportunities"][0]["items"] == \
        ["Reiseliv og lokal stolthet"]
    figures = list(_all(data["body"], "key_figures"))
    assert figures[0]["items"] == [{"value": 4512, "label": "innbyggere i 2024"},
                                   {"value": "12 %", "label": "over 80 år i 2040"}]
    assert [f["value"] for f in figures[1]["items"]] == [38, 1250]     # a table of them
    assert "[^1]: Lov om kulturminner" in text and "[Riksantikvaren](https://" in text
    assert "    - fredete bygg" in text or "  - fredete bygg" in text
    assert "alt: ''  # TODO" in text
    refused = run("build", "content/plan.yaml", "--out", "out")
    assert refused.exit_code == 2 and "image alt is empty" in refused.output
    fixed = text.replace("alt: ''", "alt: Kart over Hemnes")
    (project / "content" / "plan.yaml").write_text(fixed, encoding="utf-8")
    assert run("build", "content/plan.yaml", "--out", "out").exit_code == 0


def test_bad_input_is_refused_and_nothing_written(project):
    (project / "notes.docx").write_text("not a zip", encoding="utf-8")
    for args, message in (
            (["missing.docx"], "missing.docx: no such file — expected a Word document"),
            (["notes.docx"], "notes.docx: not a Word document"),):
        result = run("import", *args, "--out", "content/x.yaml")
        assert result.exit_code == 2 and message in result.output, result.output
        assert "Traceback" not in result.output
        assert not (project / "content" / "x.yaml").exists()


def test_an_existing_output_is_not_overwritten(project, foreign):
    target = project / "content" / "plan.yaml"
    target.write_text("keep", encoding="utf-8")
    result = run("import", foreign / "plan-pandoc.docx", "--out", target)
    assert result.exit_code == 2 and "already exists" in result.output
    assert target.read_text(encoding="utf-8") == "keep"


def test_yaml_writer_reads_back_as_written(tmp_path):
    """Scalars read back as written (a wrapped `text:` block as the same Markdown words);
    the build's own YAML reader takes it."""
    from plandoc.files import load_yaml
    from plandoc.importer.yamlout import Note, dump, plain

    data = {"document": {"title": "Plan: 2024–2028", "case": "38/20", "n": 12,
                         "status": Note("utkast", "TODO")},
            "body": [{"text": "Et avsnitt " * 20 + "slutt.\n\n- punkt\n  - under\n"},
                     "page_break", {"paragraph": "ja " * 50 + "- 1. nei"}]}
    text = dump(data, ["kommentar"])
    assert text.count("\n      ") >= 3 and "# TODO" in text    # wrapped, commented
    (tmp_path / "x.yaml").write_text(text, encoding="utf-8")
    back = load_yaml(tmp_path / "x.yaml")
    assert back["document"] == plain(data)["document"]
    assert back["body"][0]["text"].split() == data["body"][0]["text"].split()
    assert back["body"][0]["text"].count("\n- punkt\n  - under") == 1
    assert back["body"][1:] == data["body"][1:]


GOALS_MD = """\
# 1 Innledning

## 1.1 Bakgrunn

Tekst.

# 2 Mål og strategier

**Mål 2.1: Ingen drepte i trafikken**

Strategier:

a) Trygge skoleveier
b) Lavere fart

# 3 Oppfølging

Mål 3: Planen følges opp hvert år.

- Årlig rapport
"""


def test_goals_after_an_open_section_and_on_their_own(project, tmp_path):
    """Goals numbered under a chapter that follows another chapter's section are that
    chapter's focus area; a paragraph bold as a whole loses its bold; a goal with a list
    under a chapter of its own is a goal with strategies."""
    pypandoc = pytest.importorskip("pypandoc")
    (tmp_path / "mål.md").write_text(GOALS_MD, encoding="utf-8")
    pypandoc.convert_file(str(tmp_path / "mål.md"), "docx",
                          outputfile=str(tmp_path / "mål.docx"))
    data, _, report = _import(project, tmp_path / "mål.docx")
    area = next(_all(data["body"], "focus_area"))
    assert area == {"title": "Mål og strategier", "goals": [
        {"goal": "Ingen drepte i trafikken",
         "strategies": ["Trygge skoleveier", "Lavere fart"]}]}
    last = data["body"][-1]["chapter"] if "chapter" in data["body"][-1] else None
    assert last == "Oppfølging"
    assert data["body"][-1]["body"] == [{"goal": "Planen følges opp hvert år.",
                                         "strategies": ["Årlig rapport"]}]
    assert "2 × goal" in report
    assert run("build", "content/plan.yaml", "--out", "out").exit_code == 0


SWOTS_MD = """\
# Ståsted

+------------------------+------------------------+
| **Styrker**            | **Svakheter**          |
|                        |                        |
| - God oppslutning      | - Lite midler          |
| - Gode data            |                        |
+------------------------+------------------------+
| **Muligheter**         | **Trusler**            |
|                        |                        |
| - Statlige tilskudd    | - Økt trafikk          |
+------------------------+------------------------+

# Ståsted igjen

| Styrker | Svakheter |
|---|---|
| God oppslutning | Lite midler |

| Muligheter | Trusler |
|---|---|
| Statlige tilskudd | Økt trafikk |
"""


def test_swot_as_titled_cells_and_as_two_tables(project, tmp_path):
    """Two more ways Word users make a SWOT: each quadrant's title heads its own cell, or
    two tables in a row (Styrker | Svakheter, then Muligheter | Trusler)."""
    pypandoc = pytest.importorskip("pypandoc")
    (tmp_path / "swot.md").write_text(SWOTS_MD, encoding="utf-8")
    pypandoc.convert_file(str(tmp_path / "swot.md"), "docx",
                          outputfile=str(tmp_path / "swot.docx"))
    data, _, report = _import(project, tmp_path / "swot.docx")
    cells, halves = list(_all(data["body"], "swot"))
    assert [g["items"] for g in cells["strengths"]] == [["God oppslutning", "Gode data"]]
    assert [g["items"] for g in cells["threats"]] == [["Økt trafikk"]]
    assert [g["items"] for g in halves["opportunities"]] == [["Statlige tilskudd"]]
    assert "2 × SWOT" in report and "table" not in report.split("dropped")[0]
    assert run("build", "content/plan.yaml", "--out", "out").exit_code == 0


REFS_MD = """\
# Innledning {#innledning}

Les [om bakgrunnen](#bakgrunn), [kapittel 2](#bakgrunn) og [det som mangler](#borte).

# Bakgrunn {#bakgrunn}

| Tiltak | Mål | Ansvar |
|---|---|---|
| Trygge skoleveier | 1.1 | Teknisk |
"""


def test_links_in_a_foreign_docx_and_an_action_plan_it_cannot_read(project, tmp_path):
    """pandoc's heading bookmarks: a link in plandoc's words becomes `[](#id)`, one in other
    words keeps them, one to no heading keeps only its words; a Mål column that does not link
    to goals leaves the table a plain table — all said in the report."""
    pypandoc = pytest.importorskip("pypandoc")
    (tmp_path / "refs.md").write_text(REFS_MD, encoding="utf-8")
    pypandoc.convert_file(str(tmp_path / "refs.md"), "docx",
                          outputfile=str(tmp_path / "refs.docx"))
    data, text, report = _import(project, tmp_path / "refs.docx")
    chapter = data["body"][1]
    assert (chapter["chapter"], chapter["id"]) == ("Bakgrunn", "kap-bakgrunn")
    assert "Les [om bakgrunnen](#kap-bakgrunn), [](#kap-bakgrunn) og det som mangler." \
        in " ".join(text.split())
    assert next(_all(data["body"], "table"))["columns"] == ["Tiltak", "Mål", "Ansvar"]
    assert "link inside the document to no heading" in report
    assert "action plan whose Mål or Sum cells" in report
    assert run("build", "content/plan.yaml", "--out", "out").exit_code == 0
