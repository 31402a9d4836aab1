"""The layout layer decides once what both writers draw: captions, labels, rows, page flow,
the contents, the cover's lines, running lines and colours."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from plandoc.layout import boxes as b
from plandoc.layout import lay_out
from plandoc.layout.blocks import rows_of
from plandoc.layout.lists import label
from plandoc.layout.styles import text_styles
from plandoc.model import (Callout, Chart, Goal, Heading, Image, KeyFigure, KeyFigures, ListBlock,
                           ListItem, Meta, PageBreak, Paragraph, PartTitle, Program, ProgramItem,
                           ProgramPart, Series, Span, Strategy, Swot, SwotQuadrant, Table)
from plandoc.style import load_theme
from plandoc.style.theme import Colour
from tests.conftest import ROOT

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sample_doc import IMAGE, sample_document, t  # noqa: E402


@pytest.fixture(scope="module")
def theme():
    return load_theme("default", [ROOT / "styles"])


def laid(theme, *blocks, **meta):
    doc = sample_document()
    doc = dataclasses.replace(doc, blocks=tuple(blocks),
                              meta=dataclasses.replace(doc.meta, **meta))
    return lay_out(doc, theme)


def of(layout, kind):
    return [x for x in layout.blocks if isinstance(x, kind)]


# --- captions ------------------------------------------------------------------------------


def test_only_captioned_figures_and_tables_are_numbered(theme):
    chart = Chart("bar", "Befolkning", ("2020",), (Series("B", (1.0,)),), alt="a")
    layout = laid(theme, Image(IMAGE, "uten"), chart, Image(IMAGE, "med", t("Våpen")),
                  Table((t("A"),), ((t("1"),),)), Table((t("A"),), ((t("1"),),), t("Tall")),
                  Table((t("A"),), ((t("1"),),), t("Flere tall")))
    figures = [x.caption for x in layout.blocks if isinstance(x, (b.ImageBox, b.ChartBox))]
    assert [c.label if c else None for c in figures] == [None, "Figur 1", "Figur 2"]
    tables = [x.caption for x in of(layout, b.TableBox)]
    assert [c.label if c else None for c in tables] == [None, "Tabell 1", "Tabell 2"]
    assert tables[1].above and tables[1].lead == "Tabell 1: "
    assert figures[1].lead == "Figur 1: " and figures[1].text == t("Befolkning")


def test_key_figure_and_swot_captions_carry_no_number(theme):
    layout = laid(theme, KeyFigures((KeyFigure("1", t("a")),), t("Nøkkeltall"), "SSB"),
                  Swot(tuple(SwotQuadrant(k, ()) for k in ("strengths", "weaknesses",
                                                           "opportunities", "threats")),
                       t("Analyse")))
    kf, swot = layout.blocks
    assert (kf.caption.lead, kf.source) == ("", "Kilde: SSB")
    assert swot.caption.lead == "" and swot.caption.above


# --- rows ----------------------------------------------------------------------------------


@pytest.mark.parametrize("n, most, rows", [(3, 4, [3]), (4, 4, [4]), (5, 4, [3, 2]),
                                           (7, 4, [4, 3]), (9, 4, [3, 3, 3]), (0, 4, [])])
def test_rows_are_as_even_as_they_can_be(n, most, rows):
    assert [len(r) for r in rows_of(tuple(range(n)), most)] == rows


def test_key_figures_per_row_is_the_styles_choice(theme):
    items = tuple(KeyFigure(str(i), t(f"tall {i}")) for i in range(6))
    assert [len(r) for r in laid(theme, KeyFigures(items)).blocks[0].rows] == [3, 3]
    wide = dataclasses.replace(theme, layout=dataclasses.replace(theme.layout,
                                                                 key_figures_per_row=6))
    box = laid(wide, KeyFigures(items)).blocks[0]
    assert ([len(r) for r in box.rows], box.columns) == ([6], 6)


def test_callout_items_are_kept_and_cards_form_rows(theme):
    words = tuple(t(w) for w in ("a", "b", "c", "d", "e"))
    values, vision = laid(theme, Callout("values", t("Verdier"), (), words),
                          Callout("vision", t("Visjon"), (t("tekst"),), words[:2])).blocks
    assert (values.variant, [len(r) for r in values.item_rows]) == ("values", [3, 2])
    assert (vision.variant, vision.items) == ("box", words[:2])


# --- page flow -----------------------------------------------------------------------------


def test_focus_areas_open_a_page_and_chapters_do_not_by_default(theme):
    layout = laid(theme, Heading(1, t("Innledning"), "1", "a"), Paragraph(t("x")),
                  Heading(1, t("Næring"), "2", "b", kind="focus_area"), Paragraph(t("x")),
                  Heading(1, t("Bolig"), "3", "c"))
    assert [h.flow.new_page for h in of(layout, b.HeadingBox)] == [False, True, False]
    every = dataclasses.replace(theme, layout=dataclasses.replace(
        theme.layout, chapter_new_page=True, focus_area_new_page=False))
    layout = laid(every, Heading(1, t("Innledning"), "1", "a"), Paragraph(t("x")),
                  Heading(1, t("Næring"), "2", "b", kind="focus_area"), Paragraph(t("x")),
                  Heading(1, t("Bolig"), "3", "c"))
    # the first heading is at the top of the body's first page already
    assert [h.flow.new_page for h in of(layout, b.HeadingBox)] == [False, False, True]


def test_never_an_empty_page(theme):
    layout = laid(theme, PageBreak(), Paragraph(t("x")), PageBreak(), PageBreak(),
                  Heading(1, t("Næring"), "1", "a", kind="focus_area"),
                  PartTitle("Del 2", t("To")), PageBreak(),
                  Heading(1, t("Bolig"), "2", "b", kind="focus_area"))
    kinds = [type(x).__name__ for x in layout.blocks]
    assert kinds == ["TextBox", "PageBreakBox", "HeadingBox", "PartBox", "HeadingBox"]
    assert [h.flow.new_page for h in of(layout, b.HeadingBox)] == [False, False]


def test_headings_ask_for_room_below_them(theme):
    layout = laid(theme, *(Heading(n, t(f"H{n}"), None, f"h{n}") for n in (1, 2, 3)))
    assert [h.flow.room for h in layout.blocks] == [0.30, 0.18, 0.12]


# --- labels --------------------------------------------------------------------------------


def test_list_labels_by_depth(theme):
    inner = ListBlock((ListItem(t("x"), (ListBlock((ListItem(t("y")),), ordered=True),)),
                       ListItem(t("z"))), ordered=True)
    layout = laid(theme, ListBlock((ListItem(t("1"), (inner,)),), ordered=True, start=4),
                  ListBlock((ListItem(t("p"), (ListBlock((ListItem(t("q")),)),)),)))
    outer, bullets = layout.blocks
    assert outer.entries[0].label == "4."
    assert [e.label for e in outer.entries[0].children[0].entries] == ["a)", "b)"]
    assert outer.entries[0].children[0].entries[0].children[0].entries[0].label == "i."
    assert bullets.entries[0].label == theme.bullet
    assert bullets.entries[0].children[0].entries[0].label == "–"
    assert [label(outer.style, n) for n in (1, 2)] == ["1.", "2."]


def test_goal_and_program_words_follow_the_language(theme):
    goal = Goal("1.1", t("Mål"), (Strategy("a", t("s")),))
    program = Program((ProgramItem(t("Velkommen"), "18.00", t("ordføreren")),
                       ProgramPart(t("Del 1"), (ProgramItem(t("Innledning")),))))
    nb = laid(theme, goal, program)
    en = laid(theme, goal, program, language="en")
    assert (nb.blocks[0].label, nb.blocks[0].strategies_label) == ("MÅL:", "STRATEGI")
    assert (en.blocks[0].label, en.blocks[0].strategies[0].label) == ("GOAL:", "a)")
    first, part, inner = nb.blocks[1].rows
    assert first.speaker == (Span("ved ", italic=True), Span("ordføreren", italic=True))
    assert first.title == (Span("Velkommen", bold=True),) and inner.title == t("Innledning")
    assert en.blocks[1].rows[0].speaker[0].text == "by "


# --- the frame -----------------------------------------------------------------------------


def test_contents_lists_headings_and_parts_to_the_styles_depth(theme):
    blocks = (Heading(1, t("A"), "1", "a"), Heading(2, t("B"), "1.1", "b"),
              Heading(3, t("C"), "1.1.1", "c"), Heading(2, t("D"), None, "d", in_toc=False),
              PartTitle("Del 2", t("To"), "p"))
    layout = laid(theme, *blocks)
    assert [(e.level, e.text) for e in layout.contents.entries] == [
        (1, "1 A"), (2, "1.1 B"), (1, "Del 2 To")]
    assert layout.contents.title == "Innhold" and layout.contents.levels == 2
    deep = dataclasses.replace(theme, layout=dataclasses.replace(theme.layout, toc_levels=3))
    assert [e.text for e in laid(deep, *blocks).contents.entries] == [
        "1 A", "1.1 B", "1.1.1 C", "Del 2 To"]
    assert laid(theme, *blocks, toc=False).contents is None
    assert laid(theme, Paragraph(t("x"))).contents is None


def test_links_to_headings_resolve_to_their_targets(theme):
    layout = laid(theme, Heading(1, t("A"), "1", "intro"), PartTitle("", t("B"), "del"))
    heading, part = layout.blocks
    assert layout.targets == {"intro": heading.target, "del": part.target}
    assert heading.target != part.target and heading.target.isidentifier()


def test_cover_lines_in_order(theme):
    cover = laid(theme).cover
    assert [(x.role, x.text) for x in cover.lines] == [
        ("part", "Del 1"), ("title", "Strategisk næringsplan"),
        ("subtitle", "Testvik kommunes strategiske næringsplan"),
        ("period", "Planperiode 2021–2024")]
    assert [x.role for x in cover.band_lines] == ["organisation", "status", "version",
                                                  "archive_case"]
    assert cover.band_lines[1].text == "Vedtatt i kommunestyret 12. mai 2021, sak 38/20"
    assert laid(theme, kind="invitation").cover is None
    styles = text_styles(theme)
    assert styles["cover_part"].caps and styles["part_label"].caps   # shown in capitals


def test_running_lines_and_watermark(theme):
    layout = laid(theme, status="høringsutkast", consultation_deadline=None)
    assert layout.running == b.Running("Testvik kommune", "Strategisk næringsplan",
                                       "Høringsutkast, sak 38/20", "Side {page} av {total}")
    assert layout.watermark == "HØRINGSUTKAST"
    assert laid(theme).watermark == ""


def test_tints_are_decided_once_for_screen_and_print(theme):
    ink = dataclasses.replace(theme.colours.swot,
                              threats=Colour("#D9822B", (0, 40, 80, 10)))
    printed = dataclasses.replace(theme, colours=dataclasses.replace(theme.colours, swot=ink))
    quads = laid(printed, Swot(tuple(SwotQuadrant(k, ()) for k in (
        "strengths", "weaknesses", "opportunities", "threats")))).blocks[0].rows
    threats = quads[1][1]
    assert (threats.kind, threats.title) == ("threats", "Trusler")
    assert threats.fill == Colour("#FBF2EA", (0, 4, 8, 1))
    assert [q.kind for row in quads for q in row] == ["strengths", "weaknesses",
                                                       "opportunities", "threats"]
    note = laid(theme, Callout("note", t("Merk"))).blocks[0]
    assert note.fill == theme.colours.accent.tint(0.1) and note.bar == theme.colours.accent
