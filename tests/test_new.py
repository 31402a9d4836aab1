"""`plandoc new`: each kind's scaffold checks and builds as it is; --color and --logo reach the
style and the outputs (an SVG logo too); existing files, a bad colour, a bad name and an SVG
logo with a script are refused."""

from __future__ import annotations

import shutil

import docx
import pytest
import yaml
from PIL import Image
from pypdf import PdfReader

from click.testing import CliRunner
from conftest import ROOT, clean, run

from plandoc.cli import main

SKJOLD = ROOT / "tests/samples/styles/skjold/skjold.svg"
KINDS = ("plan", "saksframlegg", "invitation", "meeting")


def plandoc(*args):
    """The CLI run as 'plandoc' (so usage messages name it as a user sees them)."""
    return CliRunner().invoke(main, list(args), prog_name="plandoc")


def docx_words(path) -> str:
    """Every text run of the DOCX body, headers included, as one string."""
    document = docx.Document(str(path))
    parts = [document.element.body] + [s.header._element for s in document.sections]
    return clean(" ".join("".join(t.text or "" for t in part.iter(docx.oxml.ns.qn("w:t")))
                          for part in parts))


def pdf_words(path) -> str:
    return clean(" ".join(page.extract_text() for page in PdfReader(str(path)).pages))


def new_and_build(*args, name="start"):
    """Run new, check and build; the content's document: mapping and the two outputs."""
    made = run("new", name, *args)
    assert made.exit_code == 0, made.output
    checked = run("check", f"content/{name}.yaml")
    assert checked.exit_code == 0, checked.output
    built = run("build", f"content/{name}.yaml", "--out", "out")
    assert built.exit_code == 0, built.output
    meta = yaml.safe_load(open(f"content/{name}.yaml", encoding="utf-8"))["document"]
    return made, meta, f"out/{name}.docx", f"out/{name}.pdf"


@pytest.mark.parametrize("language", ["nb", "nn"])
@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_builds_as_it_is(project, kind, language):
    made, meta, docx_file, pdf_file = new_and_build(
        "--kind", kind, "--language", language, "--municipality", "Hemnes kommune")
    assert meta["municipality"] == "Hemnes kommune" and meta["style"] == "hemnes"
    assert meta["language"] == language
    for words in (docx_words(docx_file), pdf_words(pdf_file)):
        assert "Hemnes kommune" in words and meta["title"] in words
    assert "next: plandoc check content/start.yaml && plandoc build content/start.yaml" \
        in made.output


def test_meeting_lists_its_case(project):
    made, _, docx_file, pdf_file = new_and_build("--kind", "meeting")
    assert "wrote content/start-sak.yaml" in made.output
    case = yaml.safe_load(open("content/start-sak.yaml", encoding="utf-8"))["document"]
    assert case["title"] in pdf_words(pdf_file) and case["title"] in docx_words(docx_file)


def test_plan_uses_the_common_blocks(project):
    new_and_build()
    body = yaml.safe_load(open("content/start.yaml", encoding="utf-8"))["body"]
    kinds = {next(iter(block)) for block in body}
    assert {"foreword", "chapter", "focus_area", "vision", "values"} <= kinds
    text = open("content/start.yaml", encoding="utf-8").read()
    for block in ("key_figures:", "chart:", "swot:", "action_plan:", "table:", "callout:"):
        assert block in text


def test_color_and_logo_land_in_the_style_and_outputs(project):
    Image.new("RGB", (120, 150), "#0b5394").save("skjold.png")
    made, _, docx_file, pdf_file = new_and_build(
        "--municipality", "Hemnes kommune", "--color", "#0b5394", "--logo", "skjold.png")
    style = yaml.safe_load(open("styles/hemnes/style.yaml", encoding="utf-8"))
    assert style["extends"] == "default" and style["name"] == "Hemnes kommune"
    assert style["colors"] == {"primary": "#0B5394"} and style["logo"] == "skjold.png"
    assert open("styles/hemnes/skjold.png", "rb").read() == open("skjold.png", "rb").read()
    assert "wrote styles/hemnes/skjold.png" in made.output
    pictures = [p for p in docx.Document(docx_file).part.package.parts
                if p.content_type.startswith("image/")]
    assert any(Image.open(__import__("io").BytesIO(p.blob)).size == (120, 150) for p in pictures)
    first = PdfReader(pdf_file).pages[0]
    assert any(image.image.size == (120, 150) for image in first.images)


def test_without_options_the_style_keys_are_comments(project):
    new_and_build("--municipality", "Hemnes kommune")
    style = yaml.safe_load(open("styles/hemnes/style.yaml", encoding="utf-8"))
    assert style == {"name": "Hemnes kommune", "extends": "default"}
    text = open("styles/hemnes/style.yaml", encoding="utf-8").read()
    assert '# colors:\n#   primary: "#1F4E79"' in text
    assert "# logo: emblem.png" in text


def test_a_second_document_reuses_the_style(project):
    new_and_build("--municipality", "Hemnes kommune", "--color", "#0b5394")
    made, meta, _, _ = new_and_build("--kind", "invitation", "--municipality", "Hemnes kommune",
                                     name="folkemote")
    assert "uses the style in styles/hemnes (already there)" in made.output
    assert "#0B5394" in open("styles/hemnes/style.yaml", encoding="utf-8").read()


def snapshot(root):
    return {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_refuses_to_overwrite_and_writes_nothing(project):
    (project / "content" / "plan.yaml").write_text("mine\n", encoding="utf-8")
    before = snapshot(project)
    result = run("new", "plan", "--municipality", "Hemnes kommune")
    assert result.exit_code == 2
    assert result.output == ("plandoc new: content/plan.yaml already exists — choose another "
                             "NAME or move the file away\n")
    assert snapshot(project) == before      # not even the style


def test_refuses_a_style_it_would_overwrite(project):
    new_and_build("--municipality", "Hemnes kommune")
    before = snapshot(project)
    result = run("new", "other", "--municipality", "Hemnes kommune", "--color", "#112233")
    assert result.exit_code == 2
    assert result.output == ("plandoc new: styles/hemnes/style.yaml already exists — choose "
                             "another NAME or move the file away\n")
    assert snapshot(project) == before


@pytest.mark.parametrize("args, message", [
    (("plan", "--color", "blue"),
     "plandoc new: Invalid value for '--color': 'blue' is not a colour — expected '#RRGGBB', "
     "such as '#0b5394' — see 'plandoc new --help'\n"),
    (("plan", "--color", "#0b539"),
     "plandoc new: Invalid value for '--color': '#0b539' is not a colour — expected '#RRGGBB', "
     "such as '#0b5394' — see 'plandoc new --help'\n"),
    (("min plan",),
     "plandoc new: Invalid value for 'NAME': 'min plan' is not a file name — expected letters, "
     "digits, - and _, such as kommuneplan-2026 — see 'plandoc new --help'\n"),
    (("../plan",),
     "plandoc new: Invalid value for 'NAME': '../plan' is not a file name — expected letters, "
     "digits, - and _, such as kommuneplan-2026 — see 'plandoc new --help'\n"),
])
def test_bad_color_and_name(project, args, message):
    before = snapshot(project)
    result = plandoc("new", *args)
    assert (result.exit_code, result.output) == (2, message)
    assert snapshot(project) == before


def test_an_svg_logo_is_copied_and_builds(project):
    """An SVG emblem (most municipalities have theirs as SVG) goes into the style as it is;
    the scaffold builds with it: paths in the PDF, a PNG drawn from it in the DOCX."""
    shutil.copy(SKJOLD, "skjold.svg")
    made, _, docx_file, pdf_file = new_and_build(
        "--municipality", "Hemnes kommune", "--logo", "skjold.svg", "--kind", "invitation")
    assert yaml.safe_load(open("styles/hemnes/style.yaml", encoding="utf-8"))["logo"] == \
        "skjold.svg"
    assert open("styles/hemnes/skjold.svg", "rb").read() == SKJOLD.read_bytes()
    pictures = [p for p in docx.Document(docx_file).part.package.parts
                if p.content_type == "image/png"]
    assert [Image.open(__import__("io").BytesIO(p.blob)).size for p in pictures] == [(315, 378)]
    assert list(PdfReader(pdf_file).pages[0].images) == []


def test_refuses_an_svg_logo_with_a_script(project):
    (project / "vapen.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" '
                                       'viewBox="0 0 9 9"><script>alert(1)</script></svg>',
                                       encoding="utf-8")
    before = snapshot(project)
    result = plandoc("new", "plan", "--logo", "vapen.svg")
    assert result.exit_code == 2
    assert result.output == (
        "plandoc new: Invalid value for '--logo': image vapen.svg contains a script "
        "(<script>) — expected a plain SVG drawing without scripts — see 'plandoc new "
        "--help'\n")
    assert snapshot(project) == before


def test_refuses_a_logo_that_is_no_image(project):
    (project / "vapen.png").write_text("not a picture", encoding="utf-8")
    result = run("new", "plan", "--logo", "vapen.png")
    assert result.exit_code == 2
    assert "image vapen.png is not a PNG, JPEG or SVG file" in result.output
    assert not (project / "content" / "plan.yaml").exists()


@pytest.mark.parametrize("municipality, slug", [
    ("Hemnes kommune", "hemnes"), ("Nord-Aurdal kommune", "nord-aurdal"),
    ("Bø kommune", "bo"), ("Guovdageainnu suohkan", "guovdageainnu-suohkan"),
    ("Kommune", "kommune")])
def test_style_folder_name(municipality, slug):
    from plandoc.scaffold import style_slug
    assert style_slug(municipality) == slug
