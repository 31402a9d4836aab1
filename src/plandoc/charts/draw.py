"""The matplotlib drawing behind plandoc.charts; imported only when a chart must be drawn.

Bar charts carry their values as labels, in the document's number format.
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from plandoc.labels import format_number  # noqa: E402
from plandoc.model import Chart  # noqa: E402
from plandoc.style.theme import Theme  # noqa: E402

MM = 1 / 25.4


def _font_name(theme: Theme) -> str:
    for path in (theme.fonts.body.regular, theme.fonts.body.bold):
        font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(theme.fonts.body.regular)).get_name()


def draw(chart: Chart, theme: Theme, size_mm, fmt: str, lang: str) -> bytes:
    """Draw `chart` at `size_mm` and return PNG or PDF bytes."""
    family = _font_name(theme)
    c = theme.colours
    rc = {"font.family": family, "font.size": 8.5, "pdf.fonttype": 42,
          "svg.hashsalt": "plandoc", "axes.edgecolor": c.muted.hex,
          "text.color": c.text.hex, "xtick.color": c.text.hex, "ytick.color": c.text.hex}
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(size_mm[0] * MM, size_mm[1] * MM))
        ax = fig.add_subplot()
        _plot(ax, chart, theme, lang)
        fig.tight_layout(pad=0.6)
        buf = io.BytesIO()
        meta = {"pdf": {"CreationDate": None, "ModDate": None, "Producer": "plandoc",
                        "Creator": "plandoc"},
                "png": {"Software": "plandoc"}}[fmt]
        # transparent: a draft's watermark and a tinted page show through, as behind text
        fig.savefig(buf, format=fmt, dpi=240, metadata=meta, transparent=True)
    return buf.getvalue()


def _palette(theme: Theme) -> list[str]:
    c = theme.colours
    return [c.primary.hex, c.accent.hex, c.secondary.hex, c.muted.hex]


def _plot(ax, chart: Chart, theme: Theme, lang: str) -> None:
    colors = _palette(theme)
    n = len(chart.series)
    xs = range(len(chart.categories))
    width = 0.7 / max(n, 1)
    for i, series in enumerate(chart.series):
        color = colors[i % len(colors)]
        if chart.kind == "bar":
            offs = [x - 0.35 + width * (i + 0.5) for x in xs]
            bars = ax.bar(offs, series.values, width * 0.92, color=color, label=series.name)
            ax.bar_label(bars, labels=[format_number(v, lang) for v in series.values],
                         padding=2, fontsize=8)
        else:
            ax.plot(list(xs), series.values, color=color, marker="o", linewidth=2,
                    label=series.name)
    ax.set_xticks(list(xs), chart.categories)
    ax.yaxis.set_major_formatter(lambda v, _pos: format_number(v, lang))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", color=theme.colours.light.hex, linewidth=0.8)
    ax.set_axisbelow(True)
    if chart.x_label:
        ax.set_xlabel(chart.x_label)
    if chart.y_label:
        ax.set_ylabel(chart.y_label)
    if n > 1:
        ax.legend(frameon=False)
    if chart.kind == "bar":
        ax.margins(y=0.12)
