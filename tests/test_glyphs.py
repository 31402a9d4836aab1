"""Characters the style's fonts cannot draw are reported, not printed as blanks."""

from __future__ import annotations

from tests.conftest import run, write

DOC = """\
document:
  title: Plan
  municipality: Guovdageaidnu suohkan
  style: {style}
body:
  - paragraph: Sámi báikenamat – Guovdageaidnu, Kárášjohka, Unjárga, Čáhcesuolu.
  # kommentar med ✓ teller ikke
  - table:
      columns: [Tiltak, Status]
      rows:
        - [Prosjektgruppe, ✓]
"""


def test_sami_letters_pass_in_both_shipped_styles(project):
    for style in ("default", "vefsn"):
        write(project / "content/doc.yaml", DOC.format(style=style).replace("✓", "ferdig"))
        result = run("check", "content/doc.yaml")
        assert result.exit_code == 0, result.output


def test_character_missing_from_the_font_names_its_line(project):
    write(project / "content/doc.yaml", DOC.format(style="vefsn"))
    result = run("build", "content/doc.yaml", "--out", "out")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "content/doc.yaml:11: character '✓' (U+2713) is not in the style's font Arial "
        "(LiberationSans-Regular.ttf), so the PDF cannot show it — expected a style whose fonts "
        "have it")
    assert not (project / "out" / "doc.pdf").exists()


def test_same_character_is_fine_where_the_font_has_it(project):
    write(project / "content/doc.yaml", DOC.format(style="default"))
    assert run("check", "content/doc.yaml").exit_code == 0
