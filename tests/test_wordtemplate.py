"""The Word template as a contract: the starter template plandoc writes (styles/mal/mal.dotx),
a style that uses it, and what `plandoc check` and `build` say about a template — a body with
content refused, missing styles and a header with content warned about, each naming the file."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from plandoc.style import load_theme
from plandoc.style.template import missing_styles, _styles
from plandoc.writers.docx.template import write_template
from tests.conftest import ROOT, run, write

STARTER = ROOT / "styles/mal/mal.dotx"
DOC = """\
document:
  title: Plan
  municipality: Testvik kommune
  language: {lang}
  style: {style}
body:
  - chapter: Innledning
  - goal: Flere arbeidsplasser
    strategies: [Styrke næringslivet]
"""


def test_the_starter_template_is_what_plandoc_template_writes(tmp_path):
    made = tmp_path / "mal.dotx"
    result = run("template", made, "--styles", ROOT / "styles")
    assert result.exit_code == 0, result.output
    # after a change to the default style or the styles: plandoc template styles/mal/mal.dotx
    assert made.read_bytes() == STARTER.read_bytes()


def test_the_starter_template_has_every_style_and_no_body():
    with zipfile.ZipFile(STARTER) as z:
        assert b"wordprocessingml.template.main+xml" in z.read("[Content_Types].xml")
        assert missing_styles(_styles(z), "nb") == []
        assert not any(n.startswith(("word/header", "word/footer")) for n in z.namelist())
    with zipfile.ZipFile(STARTER) as z:     # python-docx opens documents, not templates
        word = docx.Document(io.BytesIO(_document_bytes(z)))
    assert [p.text for p in word.paragraphs] == [] and word.tables == []
    names = {s.style_id: s.name for s in word.styles}
    assert names["Goal"] == "Mål" and names["Strategy"] == "Strategi"
    assert names["Heading1"] == "Heading 1"
    assert round(word.sections[0].left_margin.mm) == 25


def _document_bytes(z: zipfile.ZipFile) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in z.infolist():
            blob = z.read(info)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(b"template.main+xml", b"document.main+xml")
            dst.writestr(info.filename, blob)
    return out.getvalue()


@pytest.mark.parametrize("lang, goal", [("nb", "Mål"), ("nn", "Mål"), ("en", "Goal")])
def test_a_style_that_points_at_the_starter_template_builds_without_warnings(project, lang,
                                                                              goal):
    write(project / "content/doc.yaml", DOC.format(lang=lang, style="mal"))
    assert load_theme("mal", [project / "styles"]).word_template.name == "mal.dotx"
    checked = run("check", "content/doc.yaml")
    assert (checked.exit_code, checked.stderr) == (0, "")
    built = run("build", "content/doc.yaml", "--out", "out", "--format", "docx", "-j", "1")
    assert built.exit_code == 0 and "warning" not in built.stderr, built.output
    word = docx.Document(str(project / "out/doc.docx"))
    (p,) = [p for p in word.paragraphs if p.style.style_id == "Goal"]
    assert p.style.name == "Mål"      # the template's name (nb) is kept; ids match


def test_plandoc_template_wants_a_dotx_name(tmp_path):
    result = run("template", tmp_path / "mal.docx")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(
        f" template: {tmp_path / 'mal.docx'} does not end in .dotx — expected a Word template's "
        "name, such as mal.dotx — see 'main template --help'")


def house_template(path, header: str | None = None):
    """A Word file of python-docx's styles (no plandoc styles) with an optional header text."""
    word = docx.Document()
    if header:
        word.sections[0].header.paragraphs[0].text = header
    word.save(str(path))
    return path


def test_check_and_build_warn_about_missing_styles_and_a_header(project):
    house_template(project / "styles/default/mal.docx", header="Testvik kommune – intern")
    write(project / "styles/default/style.yaml", "name: X\nword_template: mal.docx\n")
    write(project / "content/doc.yaml", DOC.format(lang="nb", style="default"))
    missing = ("warning: styles/default/mal.docx: the template does not define the styles "
               "'INNH 1', 'INNH 2', 'INNH 3', 'Fotnotetekst', 'Fotnotereferanse', "
               "'Hyperkobling' … (52 in all) — plandoc defines them from style.yaml; to give "
               "them the municipality's look, add them to the template ('plandoc template "
               "mal.dotx' writes one with every style)")
    header = ("warning: styles/default/mal.docx: the template's header has text ('Testvik "
              "kommune – intern') — plandoc writes its own running header and footer instead; "
              "put a logo in style.yaml (logo:) and delete the template's header and footer")
    checked = run("check", "content/doc.yaml")
    assert checked.exit_code == 0
    assert checked.stderr.splitlines() == [missing, header]
    built = run("build", "content/doc.yaml", "--out", "out", "-j", "1")
    assert built.exit_code == 0
    assert [line for line in built.stderr.splitlines() if line.startswith("warning")] == \
        [missing, header]
