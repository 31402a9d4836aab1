"""Charts people can read: long category labels, several series, Norwegian numbers.

Each test draws a chart as the build would and reads back what a reader checks: the text of the
vector PDF (pdftotext), the orientation the layout chose, and where matplotlib put the labels.
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from plandoc.charts import ChartRenderer, draw
from plandoc.layout import lay_out
from plandoc.layout import boxes as b
from plandoc.layout.blocks import chart_orientation
from plandoc.model import Chart, Document, Series
from plandoc.style import load_theme
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tests"))
from sample_doc import sample_meta  # noqa: E402

HELGELAND = ("Alstahaug kommune i Helgeland", "Brønnøy kommune ved kysten", "Dønna kommune på øya",
             "Grane kommune i indre strøk", "Hattfjelldal kommune mot Sverige",
             "Hemnes kommune ved Ranfjorden", "Herøy kommune i øyriket",
             "Leirfjord kommune ved brua", "Nesna kommune med høgskolen", "Rana kommune med Mo",
             "Vefsn kommune med Mosjøen")
VALUES = (7409.0, 7942, 1360, 1462, 1200, 4498, 1760, 2311, 1764, 26230, 13278)


@pytest.fixture(scope="module")
def theme():
    return load_theme("default", [ROOT / "styles"])


def _text(chart: Chart, theme, size=(160, 90), lang="nb") -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = ChartRenderer(theme, None, lang).pdf(chart, size)
    got = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return got.stdout.decode().replace("\u00a0", " ")   # the font draws NBSP as a space


def _laid(chart: Chart, theme) -> b.ChartBox:
    layout = lay_out(Document(sample_meta(), (chart,), ROOT / "tests" / "sample.yaml"), theme)
    return next(x for x in layout.blocks if isinstance(x, b.ChartBox))


def _overlaps(boxes) -> list:
    return [(i, j) for (i, a), (j, c) in itertools.combinations(enumerate(boxes), 2)
            if a.overlaps(c)]


def test_eleven_long_names_switch_a_bar_chart_to_horizontal_bars(theme):
    chart = Chart("bar", "Innbyggere", HELGELAND, (Series("Innbyggere", VALUES),), "alt")
    box = _laid(chart, theme)
    assert box.chart.orientation == "horizontal"
    assert box.height_mm > box.width_mm * 0.5        # a row per municipality, not squeezed
    drawn = draw.drawn(box.chart, theme, (box.width_mm, box.height_mm), "nb")
    assert drawn.orientation == "horizontal"
    boxes = draw.label_boxes(drawn)
    assert len(boxes) == 11 and _overlaps(boxes) == []
    text = " ".join(_text(box.chart, theme, (box.width_mm, box.height_mm)).split())
    for name in HELGELAND:                            # every name whole (wrapped at spaces)
        assert name in text
    assert "26 230" in text and "13 278" in text   # the values, Norwegian


def test_short_categories_stay_vertical_and_do_not_overlap(theme):
    chart = Chart("bar", "B", ("2020", "2025", "2030", "2035", "2040"),
                  (Series("Befolkning", (13278, 13100, 12900, 12579, 12300)),), "alt")
    assert chart_orientation(chart, theme, 160) == "vertical"
    drawn = draw.drawn(replace(chart, orientation="vertical"), theme, (160, 80), "nb")
    assert _overlaps(draw.label_boxes(drawn)) == []


def test_names_that_wrap_within_their_slot_stay_vertical(theme):
    chart = Chart("grouped_bar", "B", ("Barnehage og skole", "Helse og omsorg", "Kultur"),
                  (Series("2023", (1, 2, 3)), Series("2024", (2, 3, 4))), "alt")
    assert chart_orientation(chart, theme, 160) == "vertical"
    drawn = draw.drawn(replace(chart, orientation="vertical"), theme, (160, 80), "nb")
    assert drawn.rotation == 0 and _overlaps(draw.label_boxes(drawn)) == []


def test_orientation_horizontal_is_forced_by_the_author(theme):
    chart = Chart("bar", "B", ("a", "b"), (Series("s", (1, 2)),), "alt", orientation="horizontal")
    assert chart_orientation(chart, theme, 160) == "horizontal"
    assert chart_orientation(replace(chart, orientation="vertical",
                                     categories=HELGELAND[:2]), theme, 160) == "vertical"


def test_a_line_chart_turns_labels_that_do_not_fit(theme):
    chart = Chart("line", "L", HELGELAND, (Series("s", VALUES),), "alt")
    assert chart_orientation(chart, theme, 160) == ""
    drawn = draw.drawn(chart, theme, (160, 90), "nb")
    assert drawn.rotation == 45


@pytest.mark.parametrize("lang, thousands, decimal", [("nb", "10 000", "12,5"),
                                                      ("nn", "10 000", "12,5"),
                                                      ("en", "10,000", "12.5")])
def test_tick_and_value_labels_in_the_documents_number_format(theme, lang, thousands, decimal):
    big = _text(Chart("bar", "B", ("2020", "2050"), (Series("s", (13278, 11888)),), "alt",
                      orientation="vertical"), theme, lang=lang)
    assert thousands in big
    assert ("13 278" if lang != "en" else "13,278") in big
    small = _text(Chart("line", "L", ("a", "b", "c"), (Series("s", (12.5, 3, 7.25)),), "alt",
                        labels=True), theme, lang=lang)
    assert decimal in small
    if lang != "en":
        assert "2,5" in small and "2.5" not in small     # ticks 2,5 5,0 7,5 … with commas


def test_values_are_labelled_only_where_asked(theme):
    chart = Chart("line", "L", ("a", "b"), (Series("s", (12.5, 3.5)),), "alt")
    assert "12,5" not in _text(chart, theme)
    assert "12,5" in _text(replace(chart, labels=True), theme)
    bars = Chart("bar", "B", ("a", "b"), (Series("s", (12.5, 3.5)),), "alt", "vertical")
    bars = replace(bars, orientation="vertical")
    assert "12,5" in _text(bars, theme)                 # bars are labelled by default
    assert "12,5" not in _text(replace(bars, labels=False), theme)


def test_several_lines_have_a_legend_below_the_plot_and_distinct_styles(theme):
    chart = Chart("line", "L", ("2019", "2020", "2021"),
                  (Series("Privat", (4100, 4050, 4200)), Series("Offentlig", (2300, 2350, 2400)),
                   Series("Statlig", (900, 950, 1000))), "alt")
    drawn = draw.drawn(chart, theme, (160, 80), "nb")
    fig = drawn.figure
    ax, = fig.axes
    legend, = fig.legends
    r = fig.canvas.get_renderer()
    assert legend.get_window_extent(r).y1 <= ax.get_window_extent(r).y0 + 1   # below, not over
    assert [t.get_text() for t in legend.get_texts()] == ["Privat", "Offentlig", "Statlig"]
    lines = ax.get_lines()
    assert len({ln.get_marker() for ln in lines}) == 3
    assert len({str(ln.get_linestyle()) for ln in lines}) == 3
    assert "Offentlig" in _text(chart, theme)


def test_series_colours_come_from_the_theme_and_differ_enough(theme):
    colours = draw.palette(theme, 6)
    c = theme.colours
    assert colours[:2] == [c.primary.hex, c.accent.hex]
    for a, d in itertools.combinations(colours, 2):
        assert draw._distance(a, d) >= draw.MIN_DISTANCE


def test_stacked_bars_stack_and_show_the_totals(theme):
    chart = Chart("stacked_bar", "S", ("Mosjøen", "Trofors"),
                  (Series("Under 67 år", (8200, 1200)), Series("67 år og over", (2100, 410))),
                  "alt", orientation="vertical")
    drawn = draw.drawn(chart, theme, (160, 80), "nb")
    ax, = drawn.figure.axes
    tops = sorted(round(p.get_y() + p.get_height()) for p in ax.patches if p.get_height())
    assert 10300 in tops and 1610 in tops            # the second series sits on the first
    text = _text(chart, theme)
    assert "10 300" in text and "1 610" in text


@pytest.mark.parametrize("kind", ["pie", "donut"])
def test_pie_and_donut_name_each_slice_with_its_value(theme, kind):
    chart = Chart(kind, "Areal", ("Skog", "Fjell", "Jordbruk"), (Series("Areal", (45.5, 40, 14.5)),),
                  "alt")
    text = _text(chart, theme, lang="nn")
    assert "Skog (45,5)" in text and "Jordbruk (14,5)" in text
    assert "46 %" in text or "45 %" in text


def test_the_layout_and_the_drawing_measure_labels_alike():
    """The layout decides the orientation, the drawing wraps the labels: same font size, axis
    room, line count and label share, or a label the layout let stand vertical would not fit."""
    from plandoc.layout import blocks

    assert (blocks.CHART_FONT_PT, blocks.CHART_AXIS_MM, blocks.CHART_LABEL_LINES,
            blocks.CHART_LABEL_SHARE) == (draw.FONT_PT, draw.AXIS_MM, draw.LABEL_LINES,
                                          draw.LABEL_SHARE)
