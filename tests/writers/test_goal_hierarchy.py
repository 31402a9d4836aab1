"""Goal hierarchies named by the plan, read back from both formats: main goals 1, 2 outside
focus areas, sub-goals 1.1.1, the plan's own labels (or none), focus areas inside a chapter
with a body of their own, strategies standing before the goals, and cross-references that say
the plan's word ('hovedmål 1', 'delmål 1.1')."""

from __future__ import annotations

import subprocess

import docx
import pytest

from tests.conftest import clean, run, write
from tests.textof import shown_paragraphs
from tests.writers.test_goals_actions import pdf_lines
from tests.docxstyles import key

PLAN = """\
document:
  title: Bustadplan
  municipality: Testvik kommune
  language: {lang}
{labels}body:
  - chapter: Hovudmål
    body:
      - paragraph: "Sjå [](#alle) og [](#utleige)."
      - goal: Alle skal bu godt
        id: alle
        goals:
          - goal: Fleire utleigebustader
            id: utleige
            strategies: [Byggje kommunale bustader, Samarbeide med utbyggjarar]
          - goal: Færre bustadlause
      - goal: Levande sentrum
  - chapter: Strategiar og mål
    numbered: false
    body:
      - focus_area:
          title: Bustader for alle
          labels: {{goal: Mål, strategies: ""}}
          body:
            - text: Strategiane står først.
            - subsection: Bakgrunn
              body: [{{paragraph: Kort bakgrunn.}}]
            - strategies: {{label: Strategiar, items: [Kjøpe tomter, Leige ut]}}
            - goal: Ein bustad til alle
              strategies: [Startlån]
"""
NN_LABELS = "  goal_labels: {goal: Hovudmål, subgoal: Delmål, strategies: Tiltak}\n"


def build(project, lang: str = "nn", labels: str = NN_LABELS):
    write(project / "content/doc.yaml", PLAN.format(lang=lang, labels=labels))
    result = run("build", "content/doc.yaml", "--out", "out", "-j", "1", "--force")
    assert result.exit_code == 0, result.output
    return project / "out"


def docx_goals(path) -> list[tuple[str, str]]:
    """(style, text as Word shows it, its number included) of every goal, sub-goal, strategy
    label and strategy paragraph."""
    styles = ("Goal", "Subgoal", "Strategy Label", "Strategy")
    word = docx.Document(str(path))
    shown = shown_paragraphs(word)
    return [(key(p.style), clean(shown[p._p])) for p in word.paragraphs
            if key(p.style) in styles]


def test_levels_labels_and_numbers_in_the_docx(project):
    goals = docx_goals(build(project) / "doc.docx")
    assert goals == [
        ("Goal", "1 Hovudmål: Alle skal bu godt"),
        ("Subgoal", "1.1 Delmål: Fleire utleigebustader"),
        ("Strategy Label", "Tiltak"),
        ("Strategy", "a) Byggje kommunale bustader"),
        ("Strategy", "b) Samarbeide med utbyggjarar"),
        ("Subgoal", "1.2 Delmål: Færre bustadlause"),
        ("Goal", "2 Hovudmål: Levande sentrum"),
        ("Strategy Label", "Strategiar"),
        ("Strategy", "a) Kjøpe tomter"),
        ("Strategy", "b) Leige ut"),
        ("Goal", "1.1 Mål: Ein bustad til alle"),          # no strategies label: ''
        ("Strategy", "a) Startlån"),
    ]


def test_the_same_in_the_pdf_in_order(project):
    lines = pdf_lines(build(project) / "doc.pdf")
    wanted = ["1 Hovudmål: Alle skal bu godt", "1.1 Delmål: Fleire utleigebustader", "Tiltak",
              "a) Byggje kommunale bustader", "1.2 Delmål: Færre bustadlause",
              "2 Hovudmål: Levande sentrum", "1 Bustader for alle", "Strategiane står først.",
              "Bakgrunn", "Strategiar", "a) Kjøpe tomter", "1.1 Mål: Ein bustad til alle",
              "a) Startlån"]
    at = [lines.index(w) for w in wanted]
    assert at == sorted(at)
    assert "Sjå hovudmål 1 og delmål 1.1." in lines


@pytest.mark.parametrize("lang, goal, subgoal, strategy", [
    ("nb", "MÅL", "Delmål", "STRATEGI"), ("en", "GOAL", "Sub-goal", "STRATEGY")])
def test_the_languages_words_without_labels(project, lang, goal, subgoal, strategy):
    goals = docx_goals(build(project, lang, labels="") / "doc.docx")
    assert goals[:3] == [("Goal", f"1 {goal}: Alle skal bu godt"),
                         ("Subgoal", f"1.1 {subgoal}: Fleire utleigebustader"),
                         ("Strategy Label", strategy)]
    paragraphs = [clean(p.text) for p in docx.Document(str(project / "out/doc.docx")).paragraphs]
    assert any(f"{goal.lower()} 1 og {subgoal.lower()} 1.1" in p for p in paragraphs)


def test_a_focus_area_in_an_unnumbered_chapter_is_numbered_and_in_the_contents(project):
    out = build(project)
    toc = [clean(p.text) for p in docx.Document(str(out / "doc.docx")).paragraphs
           if key(p.style).startswith("toc")]
    assert any(t.startswith("1\tBustader for alle") or t.startswith("1 Bustader for alle")
               for t in toc), toc


ACTIONS = """\
document:
  title: Plan
  municipality: Testvik kommune
  toc: false
body:
  - chapter: Handlingsplan
    body:
{filler}      - goal: Eit mål
        id: mål
      - action_plan:
          sum: true
          rows:
{rows}"""


def test_the_sum_row_never_stands_alone_on_a_page(project):
    """Filler moves the page break through the action plan's rows: wherever it falls, the
    'Sum' row shares its page with at least one action (PDF) — without the keep, several
    of these page breaks leave it alone under the repeated header."""
    rows = "".join(f"            - {{action: Tiltak {n}, goal: mål, cost: \"{n}0 000 kr\"}}\n"
                   for n in range(1, 13))
    for lines in range(30, 52, 2):
        filler = "".join(f"      - paragraph: Fyll {n}.\n" for n in range(lines))
        write(project / "content/doc.yaml", ACTIONS.format(filler=filler, rows=rows))
        result = run("build", "content/doc.yaml", "--out", "out", "-j", "1", "--force",
                     "--format", "pdf")
        assert result.exit_code == 0, result.output
        pages = [" ".join(clean(page).split()) for page in subprocess.run(
            ["pdftotext", "-layout", str(project / "out/doc.pdf"), "-"], capture_output=True,
            text=True, check=True).stdout.split("\f")]
        page = next(p for p in pages if "Sum 780 000 kr" in p)
        assert "Tiltak 12" in page, (lines, page)
