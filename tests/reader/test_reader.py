"""The reader builds the model: numbering, inline Markdown, lists, CSV data, includes."""

from __future__ import annotations

from plandoc.model import Chart, Goal, Heading, KeyFigures, ListBlock, Paragraph, Span, Table, plain
from plandoc.reader.content import read_document
from tests.conftest import write

HEAD = "document:\n  title: Plan\n  municipality: Testvik kommune\n"


def read(project, body: str, head: str = HEAD):
    return read_document(write(project / "content/doc.yaml", head + "body:\n" + body))


def test_focus_areas_number_goals_and_letter_strategies(project):
    doc = read(project, """\
  - chapter: Innledning
  - focus_area:
      title: Næring
      intro: Tekst.
      goals:
        - goal: Første mål
          strategies: [en, to, tre]
        - goal: Andre mål
  - focus_area:
      title: Fellesskap
      goals: [{goal: Tredje mål}]
""", HEAD + "  number_chapters: false\n")
    headings = [b for b in doc.blocks if isinstance(b, Heading)]
    assert [(h.number, plain(h.text)) for h in headings] == [
        (None, "Innledning"), ("1", "Næring"), ("2", "Fellesskap")]
    assert [h.kind for h in headings] == ["chapter", "focus_area", "focus_area"]
    goals = [b for b in doc.blocks if isinstance(b, Goal)]
    assert [g.number for g in goals] == ["1.1", "1.2", "2.1"]
    assert [s.letter for s in goals[0].strategies] == ["a", "b", "c"]
    assert plain(goals[0].strategies[2].text) == "tre"


def test_numbered_chapters_and_sections(project):
    doc = read(project, """\
  - chapter: A
    body:
      - section: A1
      - section: A2
        body: [{subsection: A2a}]
  - chapter: Forord
    numbered: false
  - chapter: B
    body: [{section: B1}]
""")
    numbers = [(h.number, plain(h.text)) for h in doc.blocks if isinstance(h, Heading)]
    assert numbers == [("1", "A"), ("1.1", "A1"), ("1.2", "A2"), ("1.2.1", "A2a"),
                       (None, "Forord"), ("2", "B"), ("2.1", "B1")]


def test_inline_markdown_and_literal_markup(project):
    doc = read(project, '  - paragraph: "**Fet** og *kursiv* [lenke](https://x.no) <font> & æøå"\n')
    assert doc.blocks[0] == Paragraph((Span("Fet", bold=True), Span(" og "),
                                       Span("kursiv", italic=True), Span(" "),
                                       Span("lenke", href="https://x.no"),
                                       Span(" <font> & æøå")))


def test_markdown_text_with_nested_lists(project):
    doc = read(project, """\
  - text: |
      Avsnitt én
      fortsetter.

      - punkt
        - underpunkt
      - punkt to

      1. steg
      2. steg
""")
    para, bullets, numbers = doc.blocks
    assert plain(para.text) == "Avsnitt én fortsetter."
    assert isinstance(bullets, ListBlock) and not bullets.ordered
    assert plain(bullets.items[0].children[0].items[0].text) == "underpunkt"
    assert numbers.ordered and len(numbers.items) == 2


def test_include_markdown_file_with_headings(project):
    write(project / "content/intro.md", "# Kapittel\n\nTekst her.\n\n## Del\n")
    doc = read(project, "  - include: intro.md\n")
    assert [type(b).__name__ for b in doc.blocks] == ["Heading", "Paragraph", "Heading"]
    assert doc.blocks[2].number == "1.1"
    assert project / "content/intro.md" in doc.inputs


def test_chart_from_csv_and_key_figures_formatted(project):
    write(project / "content/tall.csv", "År;Befolkning\n2020;13 278\n2030;12579\n")
    doc = read(project, """\
  - key_figures: {source: SSB, items: [{value: 13278, label: Befolkning i 2020}]}
  - chart: {type: line, title: T, alt: A, data: {csv: tall.csv, x: År, y: Befolkning}}
""")
    figures, chart = doc.blocks
    assert isinstance(figures, KeyFigures) and figures.items[0].value == "13\u00a0278"
    assert isinstance(chart, Chart)
    assert chart.categories == ("2020", "2030")
    assert chart.series[0].values == (13278.0, 12579.0)


def test_table_rows_and_widths(project):
    doc = read(project, """\
  - table:
      caption: Handlingsplan
      columns: [Tiltak, Ansvar, Frist]
      widths: [3, 1, 1]
      rows:
        - [Prosjektgruppe, MON, 2022]
""")
    table = doc.blocks[0]
    assert isinstance(table, Table) and table.widths == (3, 1, 1)
    assert [plain(c) for c in table.rows[0]] == ["Prosjektgruppe", "MON", "2022"]


def test_table_row_with_wrong_cell_count(project):
    import pytest
    from plandoc.errors import ContentError
    with pytest.raises(ContentError) as err:
        read(project, "  - table:\n      columns: [A, B]\n      rows:\n        - [1]\n")
    assert str(err.value.problems[0]) == ("content/doc.yaml:8: row 1 has 1 cells but the table "
                                          "has 2 columns — expected 2 cells")
