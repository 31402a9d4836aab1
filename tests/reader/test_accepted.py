"""Input that looks odd but is right, read as the author meant it (the corpus's other half).

Norwegian spreadsheets (semicolons, decimal commas, thousands points, a BOM), YAML 1.2 words
that YAML 1.1 would have turned into yes/no values or dates, numbers written as text.
"""

from __future__ import annotations

import pytest

from plandoc.model import Chart, Paragraph, Table, plain
from plandoc.reader.content import read_document
from tests.conftest import write

HEAD = "document:\n  title: Plan\n  municipality: Testvik kommune\n"
CHART = ("  - chart:\n      type: bar\n      title: T\n      alt: A\n      data:\n"
         "        csv: tall.csv\n        x: År\n        y: Antall\n")


def chart_values(project, csv_text: str | bytes) -> tuple[tuple[str, ...], tuple[float, ...]]:
    path = project / "content/tall.csv"
    path.write_bytes(csv_text if isinstance(csv_text, bytes) else csv_text.encode())
    doc = read_document(write(project / "content/doc.yaml", HEAD + "body:\n" + CHART))
    chart = next(b for b in doc.blocks if isinstance(b, Chart))
    return chart.categories, chart.series[0].values


@pytest.mark.parametrize("csv_text, values", [
    ("År;Antall\n2020;13.278\n2021;1,5\n", (13278.0, 1.5)),          # thousands point + comma
    ("År;Antall\n2020;13 278\n2021;13\u00a0301\n", (13278.0, 13301.0)),  # spaces, no-break
    ("År;Antall\n2020;13.278,5\n2021;−2,25\n", (13278.5, -2.25)),     # unicode minus
    ("År,Antall\n2020,\"13,278.5\"\n2021,2.25\n", (13278.5, 2.25)),   # English file
    ("År,Antall\n2020,1.5\n2021,13.278\n", (1.5, 13.278)),            # '.' is decimal here
    ("År\tAntall\n2020\t7\n2021\t8\n", (7.0, 8.0)),                   # tab separated
])
def test_number_conventions(project, csv_text, values):
    assert chart_values(project, csv_text)[1] == values


def test_bom_and_semicolon_with_commas_in_text(project):
    (project / "content/t.csv").write_bytes(
        "\ufeffKommune;Merknad\nHemnes;stor, fin og grønn\n\nVefsn;liten\n".encode())
    doc = read_document(write(project / "content/doc.yaml",
                              HEAD + "body:\n  - table:\n      csv: t.csv\n"))
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert [plain(c) for c in table.header] == ["Kommune", "Merknad"]
    assert [[plain(c) for c in row] for row in table.rows] == [
        ["Hemnes", "stor, fin og grønn"], ["Vefsn", "liten"]]


def test_yaml_12_words_stay_text(project):
    doc = read_document(write(project / "content/doc.yaml", HEAD + """\
body:
  - paragraph: no
  - paragraph: on
  - paragraph: 12:30
  - paragraph: 2024-03-01
  - paragraph: 18.00
  - paragraph: 007
  - paragraph: 0x1F
"""))
    assert [plain(b.text) for b in doc.blocks if isinstance(b, Paragraph)] == [
        "no", "on", "12:30", "2024-03-01", "18.00", "007", "0x1F"]


def test_date_as_text_is_read_as_date(project):
    doc = read_document(write(project / "content/doc.yaml",
                              HEAD + "  date: 2024-02-29\nbody:\n  - paragraph: x\n"))
    assert doc.meta.date.isoformat() == "2024-02-29"


def test_a_pipe_table_in_a_text_block_is_a_table(project):
    """GFM: outer pipes optional, '\\|' a pipe inside a cell, a short row padded, colons align,
    inline Markdown in cells, no caption; the paragraphs around it stay paragraphs."""
    text = ("  - text: |\n      Før tabellen.\n\n      Sted | Andel\n      :---:|---\n"
            "      **Mosjøen** \\| sentrum | 12,5\n      Drevvatn\n\n      Etter tabellen.\n")
    doc = read_document(write(project / "content/doc.yaml", HEAD + "body:\n" + text))
    first, table, last = doc.blocks
    assert isinstance(first, Paragraph) and isinstance(last, Paragraph)
    assert isinstance(table, Table) and table.caption == () and table.align == ("center", "")
    assert [plain(c) for c in table.header] == ["Sted", "Andel"]
    assert [[plain(c) for c in row] for row in table.rows] == [["Mosjøen | sentrum", "12,5"],
                                                              ["Drevvatn", ""]]
    assert table.rows[0][0][0].bold
