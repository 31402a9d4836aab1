"""Styles: the built-in default, extending, asset paths and style mistakes."""

from __future__ import annotations


import pytest

from plandoc.errors import ContentError
from plandoc.style import load_theme
from plandoc.style.assets import family_name
from tests.conftest import ROOT, write


def test_default_needs_nothing_from_the_user(tmp_path):
    theme = load_theme("default", [tmp_path])  # no styles folder at all
    assert theme.fonts.body.regular.name == "DejaVuSans.ttf"
    assert theme.fonts.body.regular.is_file()
    assert (theme.page.width_mm, theme.page.height_mm) == (210.0, 297.0)
    assert family_name(theme.fonts.symbol, "?") == "DejaVu Sans"


def test_repository_default_matches_builtin(tmp_path):
    ours, builtin = load_theme("default", [ROOT / "styles"]), load_theme("default", [tmp_path])
    assert (ours.colours, ours.sizes, ours.page, ours.fonts) == \
        (builtin.colours, builtin.sizes, builtin.page, builtin.fonts)


def test_vefsn_style_assets():
    theme = load_theme("vefsn", [ROOT / "styles"])
    assert theme.fonts.body.family == "Arial"
    assert theme.fonts.body.bold.name == "LiberationSans-Bold.ttf"
    assert theme.logo == ROOT / "styles/vefsn/emblem.png"
    assert theme.bullet == "❖"
    assert ROOT / "styles/vefsn/style.yaml" in theme.inputs
    assert theme.fonts.body.regular in theme.inputs
    assert theme.colours.primary.cmyk == (90, 27, 0, 58)
    assert theme.typography.hyphenate and theme.typography.justify


def test_extends_merges_key_by_key(project):
    write(project / "styles/blue/style.yaml", 'colors:\n  primary: "#0000FF"\n')
    theme = load_theme("blue", [project / "styles"])
    assert theme.colours.primary.hex == "#0000FF"
    assert theme.colours.accent.hex == "#C55A11"  # from default


def problems(project, text: str) -> list[str]:
    write(project / "styles/bad/style.yaml", text)
    with pytest.raises(ContentError) as err:
        load_theme("bad", [project / "styles"])
    return [str(p) for p in err.value.problems]


def test_unknown_style_key(project):
    assert problems(project, "colours: {}\n") == [
        "styles/bad/style.yaml:1: unknown style key 'colours' — did you mean 'colors'?"]


def test_bad_colour_and_page_size(project):
    assert problems(project, "colors: {primary: blue}\npage: {size: A3}\n") == [
        "styles/bad/style.yaml:1: colour primary must be '#RRGGBB', got 'blue'",
        "styles/bad/style.yaml:2: page size 'A3' is unknown — expected one of: A4, A5, Letter"]


def test_style_extending_itself(project):
    assert problems(project, "extends: bad\n") == [
        "styles/bad/style.yaml:1: style 'bad' extends itself through 'bad'"]


def test_every_mistake_in_one_pass(project):
    """An unknown key does not hide a bad colour, which does not hide a missing logo."""
    assert problems(project, "colours: {}\ncolors: {primary: blue}\nlogo: mangler.png\n"
                             "sizes: 12\nlayout: {toc_levels: 5, chapter_new_page: ja}\n") == [
        "styles/bad/style.yaml:1: unknown style key 'colours' — did you mean 'colors'?",
        "styles/bad/style.yaml:2: colour primary must be '#RRGGBB', got 'blue'",
        "styles/bad/style.yaml:3: file not found: mangler.png (looked for "
        "styles/bad/mangler.png)",
        "styles/bad/style.yaml:4: sizes must be a mapping of keys, got 12",
        "styles/bad/style.yaml:5: layout toc_levels must be a whole number from 1 to 3, got 5",
        "styles/bad/style.yaml:5: layout chapter_new_page must be true or false, got 'ja'"]


def test_margins_that_leave_no_text_block(project):
    assert problems(project, "page:\n  margin_left: 100\n  margin_right: 90\n") == [
        "styles/bad/style.yaml:2: the margins leave a text block of 20 × 247 mm on A4 — "
        "expected at least 40 mm each way"]


def test_layout_settings(project):
    write(project / "styles/flow/style.yaml",
          "layout: {toc_levels: 3, chapter_new_page: true, key_figures_per_row: 3}\n")
    settings = load_theme("flow", [project / "styles"]).layout
    assert (settings.toc_levels, settings.chapter_new_page, settings.focus_area_new_page,
            settings.key_figures_per_row) == (3, True, True, 3)
