"""Bad styles never crash, and every style error names the file and the line of its value.

Every key of the schema is given every wrong kind of value (text, numbers of every sort, a
list, a mapping, nothing, a boolean, a date); the loader must answer with a ContentError whose
every problem points at that key's line in that file.  The limits check sets (margins, type
sizes, logo proportions) are tried at their edges by building the richest examples, so a style
`check` accepts is one the writers can draw.
"""

from __future__ import annotations

import io
import math
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plandoc.errors import ContentError
from plandoc.files import YList, YMap
from plandoc.style import load_theme, schema
from plandoc.style.assets import template_problem
from plandoc.style.load import COVER_LOGO_MM
from tests.conftest import ROOT, run, write

# every leaf of the schema, as it is written in a style.yaml (YAML path → the line it is on)
LEAVES = (
    ["name", "extends", "logo", "word_template", "bullet", "pdfa"]
    + [f"colors.{c}" for c in schema.COLOURS]
    + [f"colors.swot.{q}" for q in schema.QUADRANTS]
    + [f"fonts.{fam}.{k}" for fam in ("body", "heading") for k in ("family",) + schema.FACES]
    + ["fonts.symbol"]
    + [f"sizes.{s}" for s in schema.SIZES]
    + ["page.size"] + [f"page.{m}" for m in schema.MARGINS]
    + [f"cmyk.{c}" for c in schema.COLOURS] + [f"cmyk.swot.{q}" for q in schema.QUADRANTS]
    + ["typography.justify", "typography.hyphenate", "print.enabled"]
    + ["layout.toc_levels", "layout.chapter_new_page", "layout.focus_area_new_page",
       "layout.key_figures_per_row"]
)
SECTIONS = ["colors", "colors.swot", "fonts", "fonts.body", "fonts.heading", "sizes", "page",
            "cmyk", "cmyk.swot", "typography", "print", "layout"]
WRONG = ["hello", "''", "'   '", "12", "-5", "0", "2.5", "1e308", ".nan", ".inf", "-.inf",
         "9" * 400, "-" + "9" * 400, "[1, 2]", "[]", "{a: 1}", "{}", "null", "true", "false",
         "2024-01-01", "'#12345G'", "'x\\u0001'", '"\\t"', "'❖❖❖'", "[0, 0, 0, 0]"]


def nested(path: str, value: str) -> str:
    """'a.b.c' and a value as block YAML after a first line 'name: X'."""
    keys = path.split(".")
    lines = ["name: X"] if keys[0] != "name" else []
    for depth, key in enumerate(keys[:-1]):
        lines.append("  " * depth + f"{key}:")
    lines.append("  " * (len(keys) - 1) + f"{keys[-1]}: {value}")
    return "\n".join(lines) + "\n", len(lines)


def load(folder: Path, text: str):
    write(folder / "styles/bad/style.yaml", text)
    return load_theme("bad", [folder / "styles"])


@pytest.mark.parametrize("path", LEAVES + SECTIONS)
def test_every_key_with_every_wrong_value_points_at_its_line(path, tmp_path):
    """No crash for any value; any problem is at the key's own line and names the key."""
    for value in WRONG:
        text, line = nested(path, value)
        try:
            load(tmp_path, text)
        except ContentError as err:
            for p in err.problems:
                assert (str(p.file), p.line) == (str(tmp_path / "styles/bad/style.yaml"), line), \
                    (path, value, str(p))
                assert len(p.message) < 400, (path, value, p.message)
                assert "None" not in p.message and "True" not in p.message, p.message


@pytest.mark.parametrize("text", ["", "# only a comment\n", "\n\n"])
def test_an_empty_style_sets_nothing(text, tmp_path):
    theme = load(tmp_path, text)
    assert theme.page.size == "A4" and theme.colours.primary.hex == "#1F4E79"


@pytest.mark.parametrize("text, line", [("- a\n- b\n", 1), ("# x\n\n- a\n", 3), ("42\n", 1),
                                        ("'just text'\n", 1)])
def test_a_style_that_is_not_a_mapping(text, line, tmp_path):
    with pytest.raises(ContentError) as err:
        load(tmp_path, text)
    [p] = err.value.problems
    assert p.line == line and p.message.startswith("a style must be a mapping of keys")


def test_describe_speaks_yaml():
    d = schema.describe
    assert [d(None), d(True), d(False), d(float("nan")), d(math.inf), d(-math.inf)] == \
        ["nothing", "true", "false", ".nan", ".inf", "-.inf"]
    assert d(10 ** 400) == "a number of 401 digits"
    assert d("x" * 100) == repr("x" * 37 + "…")
    m = YMap(a=1)
    m.line, m.key_lines = 1, {}
    lst = YList([None, True, m])
    assert d(lst) == "[nothing, true, {…}]"


def test_the_circle_is_reported_where_it_closes(tmp_path):
    write(tmp_path / "styles/a/style.yaml", "extends: b\n")
    write(tmp_path / "styles/b/style.yaml", "name: B\nextends: c\n")
    write(tmp_path / "styles/c/style.yaml", "sizes: {body: 11}\n\nextends: a\n")
    with pytest.raises(ContentError) as err:
        load_theme("a", [tmp_path / "styles"])
    [p] = err.value.problems
    assert (Path(p.file).parent.name, p.line) == ("c", 3)
    assert "(a → b → c → a)" in p.message


def test_implicit_extends_of_default_closes_a_circle(tmp_path):
    """styles/default extends vefsn, which (saying nothing) extends default."""
    write(tmp_path / "styles/default/style.yaml", "name: D\nextends: v\n")
    write(tmp_path / "styles/v/style.yaml", "name: V\n")
    with pytest.raises(ContentError) as err:
        load_theme("default", [tmp_path / "styles"])
    [p] = err.value.problems
    assert (Path(p.file).parent.name, p.line) == ("default", 2)


def test_problems_in_parent_and_child_are_all_reported(tmp_path):
    write(tmp_path / "styles/a/style.yaml", "extends: b\nsizes: {body: 0}\n")
    write(tmp_path / "styles/b/style.yaml", "colors: {primary: 1}\nlogo: nope.png\n")
    with pytest.raises(ContentError) as err:
        load_theme("a", [tmp_path / "styles"])
    assert [(Path(p.file).parent.name, p.line) for p in err.value.problems] == \
        [("a", 2), ("b", 1), ("b", 2)]


def test_a_style_name_too_long_for_the_file_system(tmp_path):
    with pytest.raises(ContentError) as err:
        load_theme("9" * 400, [tmp_path / "styles"], origin=(tmp_path / "doc.yaml", 4))
    assert err.value.problems[0].message.startswith("unknown style '999")


def test_cover_logo_height_matches_the_layout():
    from plandoc.layout.frame import LOGO_HEIGHT_MM

    assert COVER_LOGO_MM == LOGO_HEIGHT_MM


def _docx_bytes(dotx: bool = False) -> bytes:
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    if not dotx:
        return out.getvalue()
    src, res = zipfile.ZipFile(io.BytesIO(out.getvalue())), io.BytesIO()
    with zipfile.ZipFile(res, "w") as dst:
        for name in src.namelist():
            blob = src.read(name)
            if name == "[Content_Types].xml":
                blob = blob.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(name, blob)
    return res.getvalue()


@pytest.mark.parametrize("dotx", [False, True])
def test_a_real_word_document_or_template_is_accepted(dotx, tmp_path):
    path = tmp_path / "mal.dotx"
    path.write_bytes(_docx_bytes(dotx))
    assert template_problem(path, "mal.dotx") is None


# --- a style check accepts is one the writers can draw ------------------------------------

EDGES = {
    # the narrowest text block allowed (70 × 100 mm) with type at its limits for that width
    "narrow": "page: {size: A5, margin_left: 39, margin_right: 39, margin_top: 55, "
              "margin_bottom: 55}\nsizes: {body: 12, small: 12, h1: 24, h2: 24, h3: 24, "
              "title: 39, key_figure: 39}\n",
    # the default page with the largest type allowed
    "large": "sizes: {body: 24, small: 24, h1: 57, h2: 57, h3: 57, title: 92, key_figure: 92}\n",
    # a logo as wide as the cover allows on A4
    "wide-logo": "logo: band.png\n",
}


@pytest.mark.parametrize("edge", sorted(EDGES))
def test_styles_at_the_limits_build(edge, tmp_path, monkeypatch):
    from PIL import Image

    shutil.copytree(ROOT / "styles", tmp_path / "styles")
    shutil.copytree(ROOT / "tests/samples", tmp_path / "samples")
    (tmp_path / "styles/edge").mkdir()
    Image.new("RGB", (600, 100), "navy").save(tmp_path / "styles/edge/band.png")
    write(tmp_path / "styles/edge/style.yaml", "extends: vefsn\n" + EDGES[edge])
    sample = tmp_path / "samples/every-block.yaml"
    text = sample.read_text(encoding="utf-8")
    sample.write_text(text.replace("document:\n", "document:\n  style: edge\n", 1)
                      if "  style:" not in text else
                      "\n".join("  style: edge" if ln.startswith("  style:") else ln
                                for ln in text.splitlines()) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run("check", sample).exit_code == 0
    result = run("build", sample, "--out", "out", "-j", "1", "-q")
    assert result.exit_code == 0, result.output
    assert {"every-block.docx", "every-block.pdf"} <= set(os.listdir(tmp_path / "out"))


# --- a property: any value at any key, never a crash -------------------------------------

yaml_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12).map(lambda s: s.replace("\\", "")),
)
yaml_values = st.recursive(yaml_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(["a", "body", "primary"]),
                                                 inner, max_size=3)), max_leaves=6)


def _flow(value) -> str:
    """A Python value as flow YAML."""
    import json

    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else (".inf" if value > 0 else "-.inf")
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    return json.dumps(value)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(LEAVES + SECTIONS), value=yaml_values)
def test_any_value_at_any_key_is_a_theme_or_a_located_problem(path, value, tmp_path):
    text, line = nested(path, _flow(value))
    try:
        load(tmp_path, text)
    except ContentError as err:
        assert all(p.line == line for p in err.problems), [str(p) for p in err.problems]
