"""A chart's numbers as a table, for readers who cannot see the chart (the web page shows it
beside the SVG): a row per category, a column per series, in the document's number format."""

from __future__ import annotations

from plandoc.labels import format_number
from plandoc.layout import boxes as b
from plandoc.model import Chart, Span


def data_table(chart: Chart, words: dict, language: str) -> b.TableBox:
    """Category | series … with every value as the chart's data has it."""
    header = ((Span(chart.x_label or words["category"]),),) + tuple(
        (Span(s.name or chart.y_label or chart.title),) for s in chart.series)
    places = [_decimals(s.values) for s in chart.series]
    rows = tuple(((Span(category),),) + tuple(
        (Span(format_number(s.values[i], language, d)),) for s, d in zip(chart.series, places))
        for i, category in enumerate(chart.categories))
    n = len(chart.series) + 1
    return b.TableBox(header, rows, (1 / n,) * n, None, ("left",) + ("right",) * (n - 1))


def _decimals(values) -> int:
    """As many decimals as the series' most precise value has (at most 3)."""
    most = 0
    for v in values:
        text = f"{float(v):.3f}".rstrip("0")
        most = max(most, len(text.split(".")[1]) if "." in text else 0)
    return most
