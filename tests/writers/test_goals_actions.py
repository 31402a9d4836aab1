"""Goal attributes, indicators, the indicator overview and action plans, read back from both
formats: the attribute line, indicator cells, the goal's generated number in the action plan
(following a goal inserted before it) and the sum of the amounts, in nb, nn and en words."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from plandoc.layout import lay_out
from plandoc.layout import boxes as b
from plandoc.model import plain
from plandoc.reader.content import read_document
from plandoc.style import load_theme
from tests.conftest import PLAN_HEAD, ROOT, clean, run, write

HEAD = PLAN_HEAD

BODY = """\
  - focus_area:
      title: Bolig
      goals:
{extra}        - goal: Flere boliger
          id: mål-bolig
          deadline: innen 2026
          responsible: Kommunedirektøren
          status: pågår
          indicators:
            - measure: Andel utleieboliger
              baseline: {{value: "12,5 %", year: 2022}}
              target: {{value: "15 %", year: 2026}}
              source: SSB/KOSTRA
              comparison: KOSTRA-gruppe 13
              frequency: årlig
        - goal: Bedre tilgjengelighet
          id: mål-tilgjengelig
  - indicator_overview: {{caption: Indikatorer}}
  - action_plan:
      caption: Handlingsplan
      sum: true
      rows:
        - {{action: Kartlegge tomter, goal: mål-bolig, responsible: Plan, deadline: "2025", cost: "350 000 kr", status: planlagt}}
        - {{action: Universell utforming, goal: mål-tilgjengelig, cost: "1,5 mill. kr"}}
"""
EXTRA_GOAL = "        - goal: Et nytt mål først\n"


def build(project: Path, extra: str = "", lang: str = "nb") -> Path:
    write(project / "content/doc.yaml", HEAD.format(lang=lang) + BODY.format(extra=extra))
    result = run("build", "content/doc.yaml", "--out", "out", "-j", "1", "--force")
    assert result.exit_code == 0, result.output
    return project / "out"


def docx_tables(path: Path) -> list[list[list[str]]]:
    return [[[clean(c.text) for c in row.cells] for row in t.rows]
            for t in docx.Document(str(path)).tables]


def docx_paragraphs(path: Path) -> list[str]:
    return [clean(p.text) for p in docx.Document(str(path)).paragraphs]


def pdf_lines(path: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return [" ".join(clean(line).split()) for line in out.splitlines()]


def test_goal_attributes_and_indicator_cells_in_the_docx(project):
    out = build(project)
    paragraphs = docx_paragraphs(out / "doc.docx")
    assert "Frist: innen 2026 · Ansvar: Kommunedirektøren · Status: Pågår" in paragraphs
    tables = docx_tables(out / "doc.docx")
    assert ["Indikator", "Utgangspunkt", "Mål", "Kilde"] in [t[0] for t in tables]
    assert ["Andel utleieboliger", "12,5 % (2022)", "15 % (2026)",
            "SSB/KOSTRA, årlig; sammenlignet med KOSTRA-gruppe 13"] in [
        row for t in tables for row in t]
    overview = next(t for t in tables if t[0][0] == "Mål" and t[0][1] == "Indikator")
    assert overview[0] == ["Mål", "Indikator", "Utgangspunkt", "Målverdi", "Kilde"]
    assert overview[1][:4] == ["1.1", "Andel utleieboliger", "12,5 % (2022)", "15 % (2026)"]


def test_action_plan_goal_numbers_and_sum_in_the_docx(project):
    tables = docx_tables(build(project) / "doc.docx")
    plan = next(t for t in tables if t[0][0] == "Tiltak")
    assert plan[0] == ["Tiltak", "Mål", "Ansvar", "Frist", "Økonomi", "Status"]
    assert plan[1] == ["Kartlegge tomter", "1.1", "Plan", "2025", "350 000 kr", "Planlagt"]
    assert plan[2] == ["Universell utforming", "1.2", "", "", "1,5 mill. kr", ""]
    assert plan[3] == ["Sum", "", "", "", "1 850 000 kr", ""]


def test_action_plan_follows_a_goal_inserted_before(project):
    tables = docx_tables(build(project, EXTRA_GOAL) / "doc.docx")
    plan = next(t for t in tables if t[0][0] == "Tiltak")
    assert [row[1] for row in plan[1:3]] == ["1.2", "1.3"]
    lines = pdf_lines(project / "out/doc.pdf")
    assert any(line.startswith("Kartlegge tomter 1.2 Plan 2025 350 000 kr") for line in lines)
    assert any(line.startswith("Universell") and " 1.3 " in line for line in lines)


def test_the_pdf_has_the_same_cells(project):
    lines = pdf_lines(build(project) / "doc.pdf")
    assert "Frist: innen 2026 · Ansvar: Kommunedirektøren · Status: Pågår" in lines
    assert any("Andel utleieboliger 12,5 % (2022) 15 % (2026) SSB/KOSTRA" in line
               for line in lines)
    assert any(line.startswith("Kartlegge tomter 1.1 Plan 2025 350 000 kr Planlagt")
               for line in lines)
    assert "Sum 1 850 000 kr" in lines          # on one line: the amount never breaks


def test_the_amounts_are_right_aligned_in_both_formats(project):
    out = build(project)
    theme = load_theme("default", [ROOT / "styles"])
    layout = lay_out(read_document(out.parent / "content/doc.yaml"), theme)
    plan = next(x for x in layout.blocks if isinstance(x, b.TableBox)
                and plain(x.header[0]) == "Tiltak")
    assert plan.align == ("left", "left", "left", "left", "right", "left")
    word = docx.Document(str(out / "doc.docx"))
    table = next(t for t in word.tables if t.rows[0].cells[0].text == "Tiltak")
    assert str(table.rows[1].cells[4].paragraphs[0].alignment) in ("RIGHT (2)", "RIGHT")


@pytest.mark.parametrize("lang, words", [
    ("nn", ["Indikator", "Utgangspunkt", "Mål", "Kjelde"]),
    ("en", ["Indicator", "Baseline", "Target", "Source"]),
])
def test_the_words_follow_the_language(project, lang, words):
    out = build(project, lang=lang)
    tables = docx_tables(out / "doc.docx")
    assert words in [t[0] for t in tables]
    plan = next(t for t in tables if len(t[0]) == 6)
    total = "Total" if lang == "en" else "Sum"
    assert plan[-1][0] == total
    status = {"nn": "Status: Pågår", "en": "Status: In progress"}[lang]
    assert any(status in p for p in docx_paragraphs(out / "doc.docx"))


def test_columns_no_row_fills_are_left_out(project):
    write(project / "content/doc.yaml", HEAD.format(lang="nb") + BODY.format(extra="")
          .replace("sum: true", "sum: false")
          + "  - action_plan:\n      rows:\n        - {action: Bare et tiltak, goal: mål-bolig}\n")
    theme = load_theme("default", [ROOT / "styles"])
    layout = lay_out(read_document(project / "content/doc.yaml"), theme)
    last = [x for x in layout.blocks if isinstance(x, b.TableBox)][-1]
    assert [plain(h) for h in last.header] == ["Tiltak", "Mål"]
