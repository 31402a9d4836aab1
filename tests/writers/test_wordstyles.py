"""Word style names read back from styles.xml: plandoc's own styles named in the document's
language with stable ASCII ids, Word's built-in ones under their built-in names, structure
styles in the styles gallery and never hidden; a template's styles found by name too."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from plandoc.charts import ChartRenderer
from plandoc.layout import lay_out
from plandoc.model import Heading, Span
from plandoc.style.wordstyles import BUILTIN, OWN
from plandoc.writers.docx import write_docx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sample_doc import sample_document  # noqa: E402

STRUCTURE = ("Goal", "Subgoal", "Strategy", "Strategy Label", "Part Title", "Panel Title",
             "Key Figure", "SWOT Title", "SWOT Group", "Program Time", "Heading 1 No TOC")


def build(document, theme, out: Path, language: str | None = None) -> Path:
    if language:
        document = dataclasses.replace(
            document, meta=dataclasses.replace(document.meta, language=language))
    charts = ChartRenderer(theme, cache_dir=None, lang=document.meta.language)
    write_docx(lay_out(document, theme), charts, out)
    return out


def styles_xml(path: Path) -> dict[str, object]:
    """Every w:style of the document, by id."""
    root = docx.Document(str(path)).styles.element
    return {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}


def name(style) -> str:
    return style.find(qn("w:name")).get(qn("w:val"))


@pytest.fixture(scope="module")
def sample(image_file):
    return sample_document(image_file)


@pytest.mark.parametrize("language, column", [("nb", 1), ("nn", 2), ("en", None)])
def test_own_styles_are_named_in_the_documents_language(sample, theme, tmp_path, language,
                                                        column):
    styles = styles_xml(build(sample, theme, tmp_path / f"{language}.docx", language))
    for key, entry in OWN.items():
        assert name(styles[entry[0]]) == (entry[column] if column else key)
    assert name(styles["Goal"]) == {"nb": "Mål", "nn": "Mål", "en": "Goal"}[language]
    assert name(styles["KeyFigure"]) == {"nb": "Nøkkeltall", "nn": "Nøkkeltal",
                                         "en": "Key Figure"}[language]
    assert name(styles["Source"]) == {"nb": "Kilde", "nn": "Kjelde", "en": "Source"}[language]
    for word_name, (sid, _) in BUILTIN.items():      # Word shows these localised itself
        assert name(styles[sid]) == word_name


def test_every_style_plandoc_writes_is_in_the_name_table(sample, theme, tmp_path):
    docx.Document().save(str(tmp_path / "blank.docx"))
    python_docx = set(styles_xml(tmp_path / "blank.docx"))
    written = set(styles_xml(build(sample, theme, tmp_path / "s.docx")))
    known = {e[0] for e in OWN.values()} | {e[0] for e in BUILTIN.values()}
    assert written - python_docx - known == set()      # a new style needs its names
    assert known <= written


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_structure_styles_are_in_the_gallery_and_not_hidden(sample, theme, tmp_path, language):
    styles = styles_xml(build(sample, theme, tmp_path / "s.docx", language))
    for key in STRUCTURE:
        style = styles[OWN[key][0]]
        assert style.find(qn("w:qFormat")) is not None, key
        assert style.find(qn("w:semiHidden")) is None and style.find(qn("w:hidden")) is None


def test_a_heading_left_out_of_the_contents_keeps_its_outline_level(sample, theme, tmp_path):
    hidden = Heading(1, (Span("Vedlegg B"),), None, "h-x", in_toc=False)
    doc = dataclasses.replace(sample, blocks=sample.blocks + (hidden,))
    word = docx.Document(str(build(doc, theme, tmp_path / "s.docx", "nb")))
    (p,) = [p for p in word.paragraphs if p.style.style_id == "Heading1NoTOC"]
    assert p.style.name == "Overskrift 1 (ikke i innholdsfortegnelsen)"
    assert p._p.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "0"


def norwegian_word_template(path: Path) -> Path:
    """A template as a Norwegian Word saves it: heading 1 of id 'Overskrift1', the style 'Mål'
    of id 'Ml' (Word makes ids from names), each with a look of the municipality's."""
    base = docx.Document()
    heading = base.styles["Heading 1"]
    heading.element.set(qn("w:styleId"), "Overskrift1")
    heading.font.size = docx.shared.Pt(31)
    goal = base.styles.add_style("Mål", 1)
    goal.element.set(qn("w:styleId"), "Ml")
    goal.font.size = docx.shared.Pt(17)
    base.save(str(path))
    return path


def test_a_templates_styles_are_found_by_name_when_their_ids_differ(sample, theme, tmp_path):
    template = norwegian_word_template(tmp_path / "mal.docx")
    out = build(sample, dataclasses.replace(theme, word_template=template), tmp_path / "t.docx",
                "nb")
    word = docx.Document(str(out))
    assert [s.style_id for s in word.styles if s.name == "Heading 1"] == ["Overskrift1"]
    assert [s.style_id for s in word.styles if s.name == "Mål"] == ["Ml"]
    headings = [p for p in word.paragraphs if p.style.style_id == "Overskrift1"]
    goals = [p for p in word.paragraphs if p.style.style_id == "Ml"]
    assert headings and goals
    assert word.styles["Heading 1"].font.size.pt == 31 and word.styles["Mål"].font.size.pt == 17
    no_toc = styles_xml(out)["Heading1NoTOC"]
    assert no_toc.find(qn("w:basedOn")).get(qn("w:val")) == "Overskrift1"
