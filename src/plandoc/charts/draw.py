"""The matplotlib drawing behind plandoc.charts; imported only when a chart must be drawn.

Every number a reader sees — tick labels always, values on bars, points and slices where the
chart asks (`labels:`) — is in the document's number format ('13 278', '12,5' in nb and nn).
Category labels wrap at their spaces; a bar chart's orientation was decided by the layout
(plandoc.layout.blocks.chart_orientation); a line chart whose labels do not fit their slot
turns them 45°. Several series get a legend below the plot, and lines distinct markers and
dashes so they read in greyscale print.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import Formatter  # noqa: E402

from plandoc.labels import format_number, wrap_words  # noqa: E402
from plandoc.model import Chart  # noqa: E402
from plandoc.style.assets import text_width  # noqa: E402
from plandoc.style.theme import Colour, Theme  # noqa: E402

MM = 1 / 25.4
PT_MM = 25.4 / 72
FONT_PT = 8.5          # as plandoc.layout.blocks.CHART_FONT_PT
AXIS_MM = 18           # as plandoc.layout.blocks.CHART_AXIS_MM
LABEL_LINES = 3        # as plandoc.layout.blocks.CHART_LABEL_LINES
LABEL_SHARE = 0.38     # as plandoc.layout.blocks.CHART_LABEL_SHARE
ROTATED_MM = 30        # a turned label wraps at this width, if its lines fit beside the next
BARS = ("bar", "grouped_bar", "stacked_bar")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
DASHES = ("-", "--", ":", "-.", (0, (6, 2, 1, 2, 1, 2)), (0, (1, 3)), (0, (8, 3)), (0, (3, 1)))
MIN_DISTANCE = 0.18    # two series' colours differ at least this much (RGB distance, 0–1.7)


@dataclass
class Drawn:
    """A drawn chart and what it decided, for tests: the figure (on an Agg canvas), the
    orientation of its bars, the rotation of its category labels, and those labels."""

    figure: Figure
    orientation: str
    rotation: int
    category_labels: list


def _font_name(theme: Theme) -> str:
    for path in (theme.fonts.body.regular, theme.fonts.body.bold):
        font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(theme.fonts.body.regular)).get_name()


def _rc(theme: Theme) -> dict:
    c = theme.colours
    return {"font.family": _font_name(theme), "font.size": FONT_PT, "pdf.fonttype": 42,
            "svg.hashsalt": "plandoc", "axes.edgecolor": c.muted.hex,
            "text.color": c.text.hex, "xtick.color": c.text.hex, "ytick.color": c.text.hex,
            "legend.fontsize": FONT_PT}


def draw(chart: Chart, theme: Theme, size_mm, fmt: str, lang: str) -> bytes:
    """Draw `chart` at `size_mm` and return PNG, PDF or SVG bytes."""
    with matplotlib.rc_context(_rc(theme)):
        fig = _figure(chart, theme, size_mm, lang).figure
        buf = io.BytesIO()
        meta = {"pdf": {"CreationDate": None, "ModDate": None, "Producer": "plandoc",
                        "Creator": "plandoc"},
                "png": {"Software": "plandoc"},
                "svg": {"Date": None, "Creator": "plandoc"}}[fmt]
        # transparent: a draft's watermark and a tinted page show through, as behind text
        fig.savefig(buf, format=fmt, dpi=240, metadata=meta, transparent=True)
    return buf.getvalue()


def drawn(chart: Chart, theme: Theme, size_mm, lang: str) -> Drawn:
    """The chart drawn on a canvas (laid out, so text extents are final): for tests."""
    with matplotlib.rc_context(_rc(theme)):
        d = _figure(chart, theme, size_mm, lang)
        d.figure.canvas.draw()
    return d


def label_boxes(d: Drawn) -> list:
    """The window extents of the category labels that are shown."""
    r = d.figure.canvas.get_renderer()
    return [t.get_window_extent(r) for t in d.category_labels if t.get_text()]


def _figure(chart: Chart, theme: Theme, size_mm, lang: str) -> Drawn:
    fig = Figure(figsize=(size_mm[0] * MM, size_mm[1] * MM), layout="constrained")
    fig.get_layout_engine().set(w_pad=0.6 / 25.4 * 4, h_pad=0.6 / 25.4 * 4)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    colors = palette(theme, len(chart.series) if chart.kind not in ("pie", "donut")
                     else len(chart.categories))
    if chart.kind in ("pie", "donut"):
        _pie(fig, ax, chart, colors, theme, lang)
        return Drawn(fig, "", 0, [])
    horizontal = chart.kind in BARS and chart.orientation == "horizontal"
    if chart.kind in BARS:
        _bars(ax, chart, colors, theme, lang, horizontal)
    else:
        _lines(ax, chart, colors, lang)
    rotation = _categories(ax, chart, theme, size_mm, horizontal)
    value_axis = ax.xaxis if horizontal else ax.yaxis
    value_axis.set_major_formatter(NumberFormatter(lang))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="x" if horizontal else "y", color=theme.colours.light.hex, linewidth=0.8)
    ax.set_axisbelow(True)
    x_label, y_label = (chart.y_label, chart.x_label) if horizontal else \
        (chart.x_label, chart.y_label)
    if x_label:
        ax.set_xlabel(x_label)
    if y_label:
        ax.set_ylabel(y_label)
    if len(chart.series) > 1:   # below the plot, never over the data
        fig.legend(loc="outside lower center", ncols=min(len(chart.series), 4), frameon=False)
    labels = (ax.get_yticklabels() if horizontal else ax.get_xticklabels())
    return Drawn(fig, "horizontal" if horizontal else "vertical" if chart.kind in BARS else "",
                 rotation, labels)


def _wrap(text: str, width_mm: float, theme: Theme) -> list[str]:
    font = theme.fonts.body.regular
    return wrap_words(text, width_mm, lambda t: text_width(font, t, FONT_PT) * PT_MM)


def _categories(ax, chart: Chart, theme: Theme, size_mm, horizontal: bool) -> int:
    """Category labels wrapped at spaces; turned 45° when they still do not fit their slot."""
    n = len(chart.categories)
    positions = list(range(n))
    if horizontal:
        wrapped = ["\n".join(_wrap(c, size_mm[0] * LABEL_SHARE, theme)) for c in chart.categories]
        ax.set_yticks(positions, wrapped)
        ax.invert_yaxis()   # the first category on top, as it is read
        return 0
    slot = (size_mm[0] - AXIS_MM) / max(n, 1) * 0.9
    font = theme.fonts.body.regular
    lines = [_wrap(c, slot, theme) for c in chart.categories]
    fits = all(len(ls) <= LABEL_LINES and all(
        text_width(font, line, FONT_PT) * PT_MM <= slot for line in ls) for ls in lines)
    if fits:
        ax.set_xticks(positions, ["\n".join(ls) for ls in lines])
        return 0
    # turned labels lie parallel, slot × sin 45° apart: wrap only as many lines as fit there
    room = int(slot * 0.7 / (FONT_PT * 1.3 * PT_MM))
    turned = ["\n".join(_wrap(c, ROTATED_MM, theme)) if room > 1 and
              len(_wrap(c, ROTATED_MM, theme)) <= room else c for c in chart.categories]
    ax.set_xticks(positions, turned, rotation=45, ha="right", rotation_mode="anchor")
    return 45


def _value_text(v: float, lang: str) -> str:
    return format_number(v, lang, 0 if float(v).is_integer() else 1)


def _bars(ax, chart: Chart, colors, theme: Theme, lang: str, horizontal: bool) -> None:
    n = len(chart.series)
    xs = range(len(chart.categories))
    stacked = chart.kind == "stacked_bar" and n > 1
    show = chart.labels is not False
    width = 0.7 if stacked else 0.7 / max(n, 1)
    plus = [0.0] * len(chart.categories)
    minus = [0.0] * len(chart.categories)
    for i, series in enumerate(chart.series):
        color = colors[i]
        if stacked:
            offs = list(xs)
            base = [minus[k] if v < 0 else plus[k] for k, v in enumerate(series.values)]
        else:
            offs = [x - 0.35 + width * (i + 0.5) for x in xs]
            base = [0.0] * len(offs)
        thick = width * (1 if stacked else 0.92)
        if horizontal:
            bars = ax.barh(offs, series.values, thick, left=base, color=color,
                           label=series.name, edgecolor="white", linewidth=0.6 if stacked else 0)
        else:
            bars = ax.bar(offs, series.values, thick, bottom=base, color=color,
                          label=series.name, edgecolor="white", linewidth=0.6 if stacked else 0)
        if stacked:
            for k, v in enumerate(series.values):
                (minus if v < 0 else plus)[k] += v
        if show:
            texts = [_value_text(v, lang) for v in series.values]
            if stacked:
                ink = "white" if _luminance(color) < 0.5 else theme.colours.text.hex
                small = 0.05 * max(abs(p + m) for p, m in zip(plus, minus)) if plus else 0
                ax.bar_label(bars, labels=[t if abs(v) > small else ""
                                           for t, v in zip(texts, series.values)],
                             label_type="center", fontsize=7.5, color=ink)
            else:
                ax.bar_label(bars, labels=texts, padding=2, fontsize=7.5)
    if stacked and show:   # the total at the end of each stack
        ends = ax.barh if horizontal else ax.bar
        tops = ends(list(xs), [0.0] * len(plus), width, **({"left": plus} if horizontal
                                                         else {"bottom": plus}))
        ax.bar_label(tops, labels=[_value_text(p + m, lang) for p, m in zip(plus, minus)],
                     padding=2, fontsize=7.5, fontweight="bold")
    if horizontal:
        ax.margins(x=0.14)
    else:
        ax.margins(y=0.12)


def _lines(ax, chart: Chart, colors, lang: str) -> None:
    xs = list(range(len(chart.categories)))
    for i, series in enumerate(chart.series):
        ax.plot(xs, series.values, color=colors[i], marker=MARKERS[i % len(MARKERS)],
                linestyle=DASHES[i % len(DASHES)], linewidth=2, markersize=5,
                label=series.name)
        if chart.labels:
            for x, v in zip(xs, series.values):
                ax.annotate(_value_text(v, lang), (x, v), textcoords="offset points",
                            xytext=(0, 5), ha="center", fontsize=7.5)
    ax.margins(y=0.12 if chart.labels else 0.05)


def _pie(fig, ax, chart: Chart, colors, theme: Theme, lang: str) -> None:
    values = chart.series[0].values
    wedge = {"edgecolor": "white", "linewidth": 1}
    if chart.kind == "donut":
        wedge["width"] = 0.42
    show = chart.labels is not False

    def text(pct: float) -> str:
        return f"{format_number(pct, lang, 0)}{'' if lang == 'en' else chr(0xA0)}%"
    parts = ax.pie(values, colors=colors[:len(values)], startangle=90, counterclock=False,
                   wedgeprops=wedge, pctdistance=0.79 if chart.kind == "donut" else 0.65,
                   autopct=(lambda p: text(p) if p >= 3 else "") if show else None,
                   textprops={"fontsize": 7.5})
    for wedge_, text_ in zip(parts[0], parts[2] if show else ()):   # light text on dark slices
        dark = _luminance(wedge_.get_facecolor()) < 0.5
        text_.set_color("white" if dark else theme.colours.text.hex)
    ax.set_aspect("equal")
    entries = [f"{c} ({_value_text(v, lang)})" if show else c
               for c, v in zip(chart.categories, values)]
    fig.legend(ax.patches, entries, loc="outside right center", frameon=False)


def _luminance(colour) -> float:
    r, g, b = Colour(colour).rgb if isinstance(colour, str) else colour[:3]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def palette(theme: Theme, n: int) -> list[str]:
    """`n` colours from the theme, each at least MIN_DISTANCE from every earlier one: the
    primary, accent, secondary and muted colours, then their tints (lighter versions)."""
    c = theme.colours
    base = [c.primary, c.accent, c.secondary, c.muted]
    candidates = [x.hex for x in base] + [x.tint(a).hex for a in (0.55, 0.3, 0.75)
                                           for x in base]
    chosen: list[str] = []
    for hex_ in candidates:
        if all(_distance(hex_, other) >= MIN_DISTANCE for other in chosen):
            chosen.append(hex_)
    while len(chosen) < n:   # more series than distinct theme colours: repeat (markers differ)
        chosen += chosen
    return chosen[:max(n, 1)]


def _distance(a: str, b: str) -> float:
    return sum((x - y) ** 2 for x, y in zip(Colour(a).rgb, Colour(b).rgb)) ** 0.5


class NumberFormatter(Formatter):
    """Tick labels in the document's number format, with as many decimals as the step needs."""

    def __init__(self, lang: str):
        self.lang = lang
        self.decimals = 0

    def set_locs(self, locs):
        super().set_locs(locs)
        self.decimals = 0
        for d in (0, 1, 2):
            self.decimals = d
            if all(abs(v * 10 ** d - round(v * 10 ** d)) < 1e-6 for v in locs):
                break

    def __call__(self, x, pos=None):
        x = 0.0 if abs(x) < 1e-9 else x
        text = format_number(x, self.lang, self.decimals)
        return text.replace("-", "\u2212") if x < 0 else text
