"""Bad input: exact messages (file:line: what is wrong — what is expected), exit 2, nothing written."""

from __future__ import annotations

from tests.conftest import run, write

HEAD = """\
document:
  title: Plan
  municipality: Testvik kommune
body:
"""


def check(project, body: str, head: str = HEAD):
    write(project / "content/doc.yaml", head + body)
    return run("build", "content/doc.yaml", "--out", "out")


def assert_fails(result, *messages):
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == list(messages)
    assert "Traceback" not in result.output


def test_yaml_syntax_error(project):
    result = check(project, "  - paragraph: [unclosed\n  - paragraph: x\n")
    assert_fails(result, "content/doc.yaml:5: YAML syntax error: the '[' on this line is not "
                 "closed (YAML reads on to line 6) — expected ']' at the end of the list, and "
                 "quotes around text with commas or colons")


def test_unknown_key_with_suggestion(project):
    result = check(project, """\
  - focus_area:
      title: Næring
      goals:
        - goal: Mål
          stratgies: [a]
""")
    assert_fails(result, "content/doc.yaml:9: unknown key 'stratgies' in goal 1.1 — did you "
                 "mean 'strategies'?")


def test_unknown_block_and_metadata_key(project):
    result = check(project, "  - paragrap: x\n", HEAD.replace("  title: Plan\n",
                                                             "  title: Plan\n  titel: X\n"))
    assert_fails(result,
                 "content/doc.yaml:3: unknown key 'titel' in document — did you mean 'title'?",
                 "content/doc.yaml:6: unknown block 'paragrap' — did you mean 'paragraph'?")


def test_missing_required_fields(project):
    write(project / "content/doc.yaml", "document:\n  title: Plan\nbody:\n  - chart:\n"
          "      type: bar\n      title: T\n      data: {categories: [a], series: []}\n")
    result = run("check", "content/doc.yaml")
    assert_fails(result,
                 "content/doc.yaml:2: document is missing 'municipality' — expected "
                 "'municipality: …'",
                 "content/doc.yaml:5: chart is missing 'alt' — expected 'alt: …'")


def test_wrong_types(project):
    result = check(project, """\
  - paragraph: [a, b]
  - list: just text
  - image: {file: x.png, alt: A, width: wide}
""", HEAD.replace("body:", "  toc: maybe\nbody:"))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert "content/doc.yaml:4: document toc must be true or false, got 'maybe'" in lines
    assert "content/doc.yaml:6: paragraph must be text, got a list" in lines
    assert ("content/doc.yaml:7: a list must be a list (lines starting with '- '), "
            "got 'just text'") in lines
    assert "content/doc.yaml:8: image width must be a number of centimetres, got 'wide'" in lines


def test_missing_include_csv_and_image(project):
    result = check(project, """\
  - include: intro.md
  - chart: {type: bar, title: T, alt: A, data: {csv: tall.csv, x: År, y: [Antall]}}
  - image: {file: kart.png, alt: Kart}
""")
    assert_fails(result,
                 "content/doc.yaml:5: included file 'intro.md' not found (looked for "
                 "content/intro.md)",
                 "content/doc.yaml:6: CSV file 'tall.csv' not found (looked for "
                 "content/tall.csv)",
                 "content/doc.yaml:7: image 'kart.png' not found (looked for "
                 "content/kart.png)")


def test_csv_column_not_numeric(project):
    write(project / "content/tall.csv", "År,Antall\n2020,13 278\n2030,mange\n")
    result = check(project, "  - chart: {type: bar, title: T, alt: A, "
                   "data: {csv: tall.csv, x: År, y: [Antall]}}\n")
    assert_fails(result, "content/tall.csv:3: column 'Antall' must be numeric, got 'mange' — expected a number such as 13 278 or 1,5")


def test_csv_unknown_column(project):
    write(project / "content/tall.csv", "År,Antall\n2020,1\n")
    result = check(project, "  - chart: {type: bar, title: T, alt: A, "
                   "data: {csv: tall.csv, x: År, y: [Folk]}}\n")
    assert_fails(result, "content/doc.yaml:5: column 'Folk' not in tall.csv — its columns "
                 "are: År, Antall")


def test_unknown_style(project):
    result = check(project, "  - paragraph: x\n", HEAD.replace("body:", "  style: vefs\nbody:"))
    assert_fails(result, "content/doc.yaml:4: unknown style 'vefs' — did you mean 'vefsn'?")


def test_missing_font_file(project):
    write(project / "styles/broken/style.yaml", "fonts:\n  body:\n    regular: fonts/Mangler.ttf\n")
    result = check(project, "  - paragraph: x\n", HEAD.replace("body:", "  style: broken\nbody:"))
    assert_fails(result, "styles/broken/style.yaml:3: file not found: fonts/Mangler.ttf "
                 "(looked for styles/broken/fonts/Mangler.ttf)")


def test_font_that_is_not_truetype(project):
    write(project / "styles/broken/fonts/fake.ttf", "not a font")
    write(project / "styles/broken/style.yaml", "fonts:\n  body:\n    regular: fonts/fake.ttf\n")
    result = check(project, "  - paragraph: x\n", HEAD.replace("body:", "  style: broken\nbody:"))
    assert_fails(result, "styles/broken/style.yaml:3: font fake.ttf is not a TrueType font "
                 "(.ttf with glyf outlines) — the PDF needs TrueType")


def test_characters_xml_cannot_hold(project):
    result = check(project, '  - paragraph: "Tekst med \\x01 kontrolltegn"\n')
    assert_fails(result, "content/doc.yaml:5: character U+0001 cannot be used in a document "
                 "— remove it")


def test_raw_control_character_in_file(project):
    result = check(project, "  - paragraph: Tekst\x07\n")
    assert_fails(result, "content/doc.yaml:5: character U+0007 cannot be used in a document "
                 "— remove it")


def test_every_problem_reported_at_once(project):
    result = check(project, "  - paragrap: x\n  - chapter: Ok\n    bodi: []\n")
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 2


def test_failed_build_leaves_previous_output_untouched(project):
    write(project / "content/doc.yaml", HEAD + "  - paragraph: Første versjon\n")
    assert run("build", "content/doc.yaml", "--out", "out", "--format", "docx").exit_code == 0
    before = (project / "out/doc.docx").read_bytes()
    write(project / "content/doc.yaml", HEAD + "  - paragrap: Andre versjon\n")
    result = run("build", "content/doc.yaml", "--out", "out")
    assert result.exit_code == 2
    assert (project / "out/doc.docx").read_bytes() == before
    assert not (project / "out/doc.pdf").exists()
    assert sorted(p.name for p in (project / "out").iterdir() if p.name not in BOOKKEEPING) \
        == ["doc.docx"]


BOOKKEEPING = {".cache", ".plandoc-manifest.json", ".plandoc.lock"}


def test_one_bad_document_stops_only_itself(project):
    # Since issue 4 documents are built independently: the good one is written, the bad one is
    # reported with its exact message, keeps its previous output, and the exit status is 2.
    write(project / "content/a.yaml", HEAD + "  - paragraph: fin\n")
    write(project / "content/b.yaml", HEAD + "  - paragraph: første versjon\n")
    assert run("build", "content", "--out", "out", "--jobs", "1").exit_code == 0
    old_b = (project / "out/b.docx").read_bytes()
    write(project / "content/a.yaml", HEAD + "  - paragraph: fin, nå endret\n")
    write(project / "content/b.yaml", HEAD + "  - paragrap: feil\n")
    result = run("build", "content", "--out", "out", "--jobs", "2")
    assert_fails(result, "content/b.yaml:5: unknown block 'paragrap' — did you mean "
                 "'paragraph'?")
    assert "1 built, 0 unchanged, 1 failed" in result.stdout
    assert (project / "out/b.docx").read_bytes() == old_b
    import docx
    assert "fin, nå endret" in [p.text for p in docx.Document(project / "out/a.docx").paragraphs]


def test_missing_path(project):
    assert_fails(run("check", "content/finnes-ikke.yaml"),
                 "content/finnes-ikke.yaml: no such file or folder")
