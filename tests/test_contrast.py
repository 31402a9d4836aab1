"""Colour contrast (WCAG 2.1) of every text on the background the layout puts it on, for every
style under styles/ and the built-in default: at least 4.5:1, or 3:1 for large text (18 pt, or
14 pt bold).  The pairs come from a laid-out document with every block kind (cover band, table
header and group rows, SWOT title bars and bodies, callouts, key figures, the program) and from
the text styles themselves, which are set on white paper unless a box says otherwise."""

from __future__ import annotations

import pytest

from plandoc.layout import boxes as b
from plandoc.layout import lay_out
from plandoc.layout.palette import contrast, legible, luminance, under_white
from plandoc.layout.styles import text_styles
from plandoc.reader.content import read_document
from plandoc.style import load_theme
from plandoc.style.theme import WHITE, Colour
from tests.conftest import ROOT

STYLES = sorted(p.name for p in (ROOT / "styles").iterdir() if (p / "style.yaml").is_file())
THEMES = [(name, [ROOT / "styles"]) for name in STYLES] + [("built-in default", [])]
ON_COLOUR = {"table_heading", "table_group", "cover_band", "cover_band_strong", "swot_title",
             "swot_group", "swot_item", "panel_title", "panel_text", "value_word", "tagline",
             "slogan", "slogan_text", "key_figure", "key_figure_label", "program_part"}


def theme_of(name, search):
    return load_theme("default" if name == "built-in default" else name, search)


def needed(look) -> float:
    """4.5:1, or 3:1 for large text (18 pt and up, or bold from 14 pt)."""
    return 3.0 if look.size >= 18 or (look.bold and look.size >= 14) else 4.5


def pairs(layout):
    """(text style, background, where) for every coloured place text stands on."""
    p, out = layout.palette, []
    c = layout.cover
    if c is not None:
        out += [(s, p.primary, "cover band") for s in ("cover_band", "cover_band_strong")]
    for box in _boxes(layout.blocks):
        if isinstance(box, b.SwotBox):
            for q in (q for row in box.rows for q in row):
                out += [("swot_title", q.colour, f"SWOT {q.kind} title")]
                out += [(s, q.fill, f"SWOT {q.kind}") for s in ("swot_group", "swot_item")]
        elif isinstance(box, b.CalloutBox):
            out += [(s, box.fill, f"{box.kind} callout") for s in
                    ("panel_title", "panel_text", "value_word", "tagline", "slogan",
                     "slogan_text")]
        elif isinstance(box, b.KeyFiguresBox):
            out += [(s, p.light, "key figures") for s in ("key_figure", "key_figure_label")]
        elif isinstance(box, b.TableBox):
            out += [("table_heading", p.primary, "table header"), ("table_text", p.band, "band")]
            out += [("table_group", r.fill, "table group row") for r in box.rows
                    if isinstance(r, b.GroupRow)]
        elif isinstance(box, b.ProgramBox):
            out += [("program_part", p.light, "program part")]
    return out


def _boxes(boxes):
    for box in boxes:
        yield box
        for inner in ("parts", "body", "headings"):
            yield from _boxes(getattr(box, inner, ()) or ())
        if getattr(box, "indicators", None) is not None:
            yield box.indicators


@pytest.fixture(scope="module")
def document():
    return read_document(ROOT / "tests" / "samples" / "every-block.yaml")


@pytest.mark.parametrize("name,search", THEMES, ids=[t[0] for t in THEMES])
def test_every_text_is_legible_on_its_background(name, search, document):
    theme = theme_of(name, search)
    layout = lay_out(document, theme)
    looks = text_styles(theme)
    placed = pairs(layout)
    kinds = {where for _, _, where in placed}
    assert {"cover band", "table header", "key figures", "SWOT threats title"} <= kinds
    placed += [(key, WHITE, "paper") for key in looks if key not in ON_COLOUR]
    faint = []
    for key, ground, where in placed:
        look = looks[key]
        ink = getattr(layout.palette, look.colour)
        ratio = contrast(ink, ground)
        if ratio < needed(look):
            faint.append(f"{key} {ink.hex} on {ground.hex} ({where}): {ratio:.2f}:1")
    assert not faint, "\n".join(faint)


def test_contrast_is_the_wcag_formula():
    assert contrast(Colour("#000000"), WHITE) == pytest.approx(21)
    assert luminance(WHITE) == pytest.approx(1)
    assert contrast(Colour("#767676"), WHITE) == pytest.approx(4.54, abs=0.01)


def test_faint_colours_are_darkened_and_passing_ones_kept():
    orange = Colour("#E39B2D")
    assert contrast(orange, WHITE) < 4.5
    dark = legible(orange, (WHITE,))
    assert 4.5 <= contrast(dark, WHITE) < 4.8        # as little as needed
    assert under_white(Colour("#1F4E79")) == Colour("#1F4E79")
