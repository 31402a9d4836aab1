"""Accessible DOCX, read back from every example in content/ and every sample in tests/samples/:
header rows of data tables, layout tables marked as layout, alt text (or the decorative mark) on
every picture, the emblem named, title and language, headings that never skip a level, no text
boxes, and openxml-audit without errors for Microsoft 365 and Office 2016."""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from openxml_audit import FileFormat, OpenXmlValidator

from plandoc.charts import ChartRenderer
from plandoc.layout import lay_out
from plandoc.model import Document, Heading, Image, Span
from plandoc.style import load_theme
from plandoc.writers.docx import write_docx
from tests.conftest import ROOT, run
from tests.sample_doc import sample_meta

SOURCES = (sorted((ROOT / "content").glob("*.yaml"))
           + sorted((ROOT / "tests" / "samples").glob("*.yaml")))
DECORATIVE = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
ADEC = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
LANG = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> list[Path]:
    out = tmp_path_factory.mktemp("access")
    for folder in (ROOT / "content", ROOT / "tests" / "samples"):
        result = run("build", folder, "--format", "docx", "--out", out / folder.name, "--force")
        assert result.exit_code == 0, result.output
    files = sorted(out.glob("*/*.docx"))
    assert len(files) == len(SOURCES)
    return files


def body_tables(word):
    """Every w:tbl of the body, the cover's inside its content control too."""
    return list(word.element.body.iter(qn("w:tbl")))


def _header(tr) -> bool:
    return tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None


def look(tbl) -> dict:
    el = tbl.tblPr.find(qn("w:tblLook"))
    return {k.split("}")[1]: v for k, v in el.attrib.items()}


def test_data_tables_mark_header_rows_and_layout_tables_are_layout(built):
    data = layout = 0
    for path in built:
        for tbl in body_tables(docx.Document(str(path))):
            style = tbl.tblPr.find(qn("w:tblStyle")).get(qn("w:val"))
            first_header = _header(tbl.tr_lst[0])
            if style == "LayoutTable":
                layout += 1
                assert look(tbl)["firstRow"] == "0", path.name
                assert not any(_header(tr) for tr in tbl.tr_lst), path.name
            elif first_header:
                data += 1
                assert look(tbl)["firstRow"] == "1" and int(look(tbl)["val"], 16) & 0x20, path.name
    assert data > 30 and layout > 30


def test_captioned_tables_carry_their_caption_as_alt_text(built):
    word = docx.Document(str(next(p for p in built if p.stem == "tilgjengelig")))
    described = [(t.tblPr.find(qn("w:tblCaption")), t.tblPr.find(qn("w:tblDescription")))
                 for t in body_tables(word)]
    texts = [(c.get(qn("w:val")), d.get(qn("w:val"))) for c, d in described if c is not None]
    assert texts == [("Tabell 1: Tilgjengelige bygg per 2025",) * 2]


def pictures(path: Path):
    word = docx.Document(str(path))
    return [d for d in word.element.body.iter(qn("wp:docPr"))]


def test_every_picture_has_alt_text_and_the_emblem_names_the_municipality(built):
    seen = 0
    for path in built:
        for pr in pictures(path):
            seen += 1
            assert pr.get("descr", "").strip(), (path.name, pr.get("name"))
    assert seen > 10
    emblems = [pr.get("descr") for pr in pictures(next(p for p in built if p.stem == "klimaplan"))]
    assert "Vefsn kommune, kommunevåpen" in emblems


def test_an_image_without_alt_text_is_marked_decorative(tmp_path):
    theme = load_theme("default", [ROOT / "styles"])
    doc = Document(_meta(), (Heading(1, (Span("Bilde"),), None, "h"),
                             Image(ROOT / "tests/samples/kart.png", ""),
                             Image(ROOT / "tests/samples/kart.png", "Kart")), tmp_path / "p.yaml")
    out = tmp_path / "pynt.docx"
    write_docx(lay_out(doc, theme), ChartRenderer(theme), out)
    ornament, described = pictures(out)
    ext = ornament.find(qn("a:extLst")).find(qn("a:ext"))
    assert ext.get("uri") == DECORATIVE and ext.find(ADEC).get("val") == "1"
    assert ornament.get("descr") is None
    assert described.get("descr") == "Kart" and described.find(qn("a:extLst")) is None


def _meta():
    return replace(sample_meta(), kind="invitation")


def test_title_and_language_are_the_documents(built):
    for path in built:
        word = docx.Document(str(path))
        lang = word.core_properties.language
        assert lang in LANG.values() and word.core_properties.title, path.name
        defaults = word.styles.element.find(qn("w:docDefaults"))
        assert defaults.find(f".//{qn('w:lang')}").get(qn("w:val")) == lang, path.name
        theme_lang = word.settings.element.find(qn("w:themeFontLang"))
        assert theme_lang.get(qn("w:val")) == lang, path.name
    langs = {docx.Document(str(p)).core_properties.language for p in built}
    assert langs == {"nb-NO", "nn-NO"} or langs == set(LANG.values())


def outline_levels(path: Path) -> list[tuple[int, str]]:
    """(level 1–9, text) of each paragraph Word sees as a heading, in order: its own outline
    level, else its style's (or a base style's); level 10 (body text) is no heading."""
    word = docx.Document(str(path))
    out = []
    for p in word.paragraphs:
        level = _own_level(p._p.pPr)
        style = p.style
        while level is None and style is not None:
            level = _own_level(style.element.pPr)
            style = style.base_style
        if level is not None and level < 9:
            out.append((level + 1, p.text))
    return out


def _own_level(ppr):
    el = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    return int(el.get(qn("w:val"))) if el is not None else None


def test_headings_never_skip_a_level(built):
    skips = []
    for path in built:
        levels = outline_levels(path)
        assert levels, path.name
        prev = 0
        for level, text in levels:
            if level > prev + 1:
                skips.append(f"{path.name}: heading {prev} → {level} at {text!r}")
            prev = level
    assert not skips, "\n".join(skips)


def test_meeting_and_case_headings_are_in_the_outline(built):
    minutes = outline_levels(next(p for p in built if p.stem == "formannskapet-2025-05-28"))
    assert minutes[:3] == [(1, "Formannskapet"), (2, "Medlemmer"), (2, "Saksliste")]


TEXT_BOX = re.compile(rb"txbxContent|<v:textbox|wps:txbx")


def test_no_text_boxes(built):
    for path in built:
        with zipfile.ZipFile(path) as z:
            boxed = [n for n in z.namelist() if n.endswith(".xml") and TEXT_BOX.search(z.read(n))]
        assert not boxed, (path.name, boxed)


@pytest.mark.parametrize("profile", ["microsoft365", "office2016"])
def test_openxml_audit_finds_no_errors(built, profile):
    validator = OpenXmlValidator(file_format=FileFormat(profile), max_errors=0)
    problems = []
    for path in built:
        result = validator.validate(path)
        problems += [f"{path.name}: {e.description} ({e.part_uri} {e.path})"
                     for e in result.errors]
        assert result.error_count == len(result.errors) or result.error_count == 0
    assert not problems, "\n".join(problems[:40])
