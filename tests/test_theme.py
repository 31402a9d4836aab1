"""Styles: the built-in default, extending, asset paths and style mistakes."""

from __future__ import annotations


import pytest

from plandoc.errors import ContentError
from plandoc.style.theme import load_theme
from tests.conftest import ROOT, write


def test_default_needs_nothing_from_the_user(tmp_path):
    theme = load_theme("default", [tmp_path])  # no styles folder at all
    assert theme.body_font.regular.name == "DejaVuSans.ttf"
    assert theme.body_font.regular.is_file()
    assert theme.page_size_mm == (210.0, 297.0)


def test_repository_default_matches_builtin(tmp_path):
    assert load_theme("default", [ROOT / "styles"]).colors == load_theme("default", [tmp_path]).colors


def test_vefsn_style_assets():
    theme = load_theme("vefsn", [ROOT / "styles"])
    assert theme.body_font.family == "Arial"
    assert theme.body_font.bold.name == "LiberationSans-Bold.ttf"
    assert theme.logo == ROOT / "styles/vefsn/emblem.png"
    assert theme.bullet == "❖"
    assert ROOT / "styles/vefsn/style.yaml" in theme.inputs
    assert theme.body_font.regular in theme.inputs


def test_extends_merges_key_by_key(project):
    write(project / "styles/blue/style.yaml", 'colors:\n  primary: "#0000FF"\n')
    theme = load_theme("blue", [project / "styles"])
    assert theme.colors["primary"] == "#0000FF"
    assert theme.colors["accent"] == "#C55A11"  # from default


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
