"""Block kinds with data: key figures, charts, tables, images."""

from __future__ import annotations

from plandoc.labels import format_number
from plandoc.model import (ALIGNMENTS, CHART_ORIENTATIONS, CHART_TYPES, PIE_SLICES, Chart, Image, KeyFigure, KeyFigures, Series, Table,
                           TableGroup)
from plandoc.reader.alt import alt_text, no_decorative_chart
from plandoc.reader.blocks import inline, register
from plandoc.reader.context import Ctx, describe
from plandoc import svg
from plandoc.files import MAX_PIXELS, image_fault
from plandoc.reader.data import csv_columns, parse_number, read_csv
from plandoc.files import YMap


@register("key_figures")
def key_figures(ctx: Ctx, value, line: int, item) -> list:
    """Large numbers with labels."""
    m = ctx.mapping(value, line, "key_figures")
    if m is None or not ctx.keys(m, "key_figures", ("items",), ("caption", "source")):
        return []
    seq = ctx.sequence(m["items"], m.line_of("items"), "key_figures items")
    if not seq:
        ctx.problem(m.line_of("items"), "key_figures has no items — expected at least one "
                    "'- {value: …, label: …}'")
    figures = []
    for i, fig in enumerate(seq):
        f = ctx.mapping(fig, seq.line_of(i), "a key figure")
        if f is not None and ctx.keys(f, "key figure", ("value", "label")):
            figures.append(KeyFigure(_figure_value(ctx, f["value"], f.line_of("value")),
                                     inline(ctx, f["label"], f.line_of("label"), "label")))
    return [KeyFigures(tuple(figures), _opt_inline(ctx, m, "caption"), _opt_str(ctx, m, "source"))]


def _figure_value(ctx: Ctx, value, line: int) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        decimals = 0 if float(value).is_integer() else 1
        return format_number(value, ctx.language, decimals)
    return ctx.string(value, line, "key figure value")


def _opt_inline(ctx: Ctx, m: YMap, key: str):
    return inline(ctx, m[key], m.line_of(key), key) if m.get(key) is not None else ()


def _opt_str(ctx: Ctx, m: YMap, key: str):
    return ctx.string(m[key], m.line_of(key), key) if m.get(key) is not None else None


CHART_KEYS = ("type", "title", "alt", "data", "source", "x_label", "y_label", "id",
              "orientation", "labels")
BAR_TYPES = ("bar", "grouped_bar", "stacked_bar")


@register("chart")
def chart(ctx: Ctx, value, line: int, item) -> list:
    """A bar, line, pie or donut chart with data inline or from CSV."""
    m = ctx.mapping(value, line, "chart")
    if m is not None:
        no_decorative_chart(ctx, m)
    if m is None or not ctx.keys(m, "chart", ("type", "title", "alt", "data"),
                                 CHART_KEYS[4:] + ("decorative",)):
        return []
    ident = ctx.target_id(m, "figure")
    kind = m["type"]
    if kind not in CHART_TYPES:
        ctx.problem(m.line_of("type"), f"chart type {describe(kind)} is not known — expected "
                    f"{', '.join(CHART_TYPES[:-1])} or {CHART_TYPES[-1]}")
    orientation = _orientation(ctx, m, kind)
    labels = ctx.boolean(m["labels"], m.line_of("labels"), "chart labels") \
        if "labels" in m else None
    data = _chart_data(ctx, m["data"], m.line_of("data"))
    if data is None:
        return []
    _unique_series(ctx, m["data"], data[1])
    if kind in ("pie", "donut"):
        _pie_data(ctx, m, str(kind), *data)
    return [Chart(str(kind), ctx.string(m["title"], m.line_of("title"), "chart title"),
                  data[0], data[1], ctx.string(m["alt"], m.line_of("alt"), "chart alt"),
                  _opt_str(ctx, m, "source"), _opt_str(ctx, m, "x_label"),
                  _opt_str(ctx, m, "y_label"), ident, orientation, labels)]


def _orientation(ctx: Ctx, m: YMap, kind) -> str:
    """`orientation: vertical|horizontal`, for bar charts only ('': decided by label widths)."""
    if "orientation" not in m:
        return ""
    word = m["orientation"]
    if word not in CHART_ORIENTATIONS:
        ctx.problem(m.line_of("orientation"), f"chart orientation {describe(word)} is not known "
                    "— expected vertical or horizontal")
        return ""
    if kind not in BAR_TYPES:
        ctx.problem(m.line_of("orientation"), f"a {kind} chart has no orientation — expected "
                    "orientation only with type bar, grouped_bar or stacked_bar")
        return ""
    return str(word)


def _pie_data(ctx: Ctx, m: YMap, kind: str, cats, series) -> None:
    """A pie or donut shows one series of at most PIE_SLICES values, none below zero."""
    line = m["data"].line_of("y") if "csv" in m["data"] else m["data"].line_of("series")
    if len(series) > 1:
        ctx.problem(line, f"a {kind} chart has {len(series)} series — expected one series (use "
                    "grouped_bar or stacked_bar to compare several)")
    if len(cats) > PIE_SLICES:
        ctx.problem(m["data"].line_of("categories") if "categories" in m["data"] else line,
                    f"a {kind} chart has {len(cats)} slices — expected at most {PIE_SLICES} "
                    "(use a bar chart for more categories)")
    for s in series:
        negative = [v for v in s.values if v < 0]
        if negative:
            shown = format_number(negative[0], ctx.language, 0 if negative[0].is_integer() else 1)
            ctx.problem(line, f"a {kind} chart cannot show the negative value {shown} of series "
                        f"'{s.name}' — expected values of 0 or more")


def _unique_series(ctx: Ctx, data: YMap, series) -> None:
    """Two series of one name would share a legend entry: a problem at the series' line."""
    names = [s.name for s in series]
    for name in dict.fromkeys(n for n in names if names.count(n) > 1):
        line = data.line_of("y") if "csv" in data else data.line_of("series")
        ctx.problem(line, f"series '{name}' is named twice — expected each series once")


def _chart_data(ctx: Ctx, value, line: int):
    m = ctx.mapping(value, line, "chart data")
    if m is None:
        return None
    if "csv" in m:
        ctx.keys(m, "chart data", ("csv", "x", "y"))
        return _csv_data(ctx, m)
    if not ctx.keys(m, "chart data", ("categories", "series")):
        return None
    cats = tuple(ctx.string(c, m.line_of("categories"), "a category")
                 for c in ctx.sequence(m["categories"], m.line_of("categories"), "categories"))
    if not cats:
        ctx.problem(m.line_of("categories"), "chart has no categories — expected at least one, "
                    "e.g. categories: [2020, 2021]")
    seq = ctx.sequence(m["series"], m.line_of("series"), "series")
    if not seq:
        ctx.problem(m.line_of("series"), "chart has no series — expected at least one, e.g. "
                    "- {name: Folketall, values: [...]}")
    series = (_series(ctx, v, seq.line_of(i), len(cats)) for i, v in enumerate(seq))
    series = tuple(s for s in series if s is not None)
    return cats, series


def _series(ctx: Ctx, value, line: int, n: int):
    m = ctx.mapping(value, line, "a series")
    if m is None or not ctx.keys(m, "series", ("name", "values")):
        return None
    raw = ctx.sequence(m["values"], m.line_of("values"), "series values")
    values = []
    for i, v in enumerate(raw):
        num = v if isinstance(v, (int, float)) and not isinstance(v, bool) else \
            parse_number(v, None) if isinstance(v, str) else None
        if num is None:
            ctx.problem(raw.line_of(i), f"series value {describe(v)} is not a number — expected "
                        "a number such as 13278 or 1.5")
        values.append(float(num or 0))
    if len(values) != n:
        ctx.problem(m.line_of("values"), f"series '{m['name']}' has {len(values)} values but "
                    f"there are {n} categories — expected one value per category")
    return Series(ctx.string(m["name"], m.line_of("name"), "series name"), tuple(values))


def _csv_data(ctx: Ctx, m: YMap):
    path = ctx.resolve(m.get("csv"), m.line_of("csv"), "CSV file")
    ys = m.get("y")
    ys = [ys] if isinstance(ys, str) else list(ctx.sequence(ys, m.line_of("y"), "y columns"))
    for name in dict.fromkeys(str(y) for y in ys if ys.count(y) > 1):
        ctx.problem(m.line_of("y"), f"series '{name}' is named twice — expected each series once")
    if path is None or not m.get("x"):
        return None
    got = csv_columns(ctx, path, str(m["x"]), [str(y) for y in ys], m.line_of("csv"))
    if got is None:
        return None
    cats, cols = got
    return tuple(cats), tuple(Series(name, tuple(vals)) for name, vals in cols.items())


@register("table")
def table(ctx: Ctx, value, line: int, item) -> list:
    """A generic table: columns + rows, or a CSV file whose first row is the header."""
    m = ctx.mapping(value, line, "table")
    if m is None:
        return []
    source = "csv" if "csv" in m else "columns"
    ctx.keys(m, "table", (source,) + (("rows",) if source == "columns" else ()),
             ("caption", "widths", "align", "id", "landscape"))
    ident = _captioned_id(ctx, m, "table")
    rows, lines, file = _table_rows(ctx, m, source)
    if rows and not rows[0]:
        ctx.problem(lines[0], "table has no columns — expected at least one column name", file)
    if not rows or not rows[0]:
        return []
    width = len(rows[0])
    for n, (row, ln) in enumerate(zip(rows[1:], lines[1:])):
        if not isinstance(row, TableGroup) and len(row) != width:
            hint = (" (a comma outside quotes starts a new cell — put text with commas in "
                    "quotes)") if len(row) > width else ""
            ctx.problem(ln, f"row {n + 1} has {len(row)} cells but the table has {width} "
                        f"columns{hint} — expected {width} cells", file)
    widths = _widths(ctx, m, width)
    landscape = ctx.boolean(m["landscape"], m.line_of("landscape"), "table landscape") \
        if "landscape" in m else False
    return [Table(rows[0], tuple(rows[1:]), _opt_inline(ctx, m, "caption"), widths, id=ident,
                  align=_align(ctx, m, width), landscape=bool(landscape))]


def _captioned_id(ctx: Ctx, m: YMap, kind: str) -> str:
    """The `id:` of a table or image, which only a captioned one may have (it has a number)."""
    if "id" in m and m.get("caption") in (None, ""):
        ctx.problem(m.line_of("id"), f"{kind} has an id but no caption — only a table or "
                    "image with a 'caption:' is numbered and can be referred to; add "
                    "'caption: …'")
        return ""
    return ctx.target_id(m, "table" if kind == "table" else "figure")


def _table_rows(ctx: Ctx, m: YMap, source: str):
    """The rows as inline text, the line of each, and the file they are in (None: the YAML)."""
    if source == "csv":
        path = ctx.resolve(m["csv"], m.line_of("csv"), "CSV file")
        got = read_csv(ctx, path) if path else None
        if got is None:
            return [], [], None
        return ([tuple(inline(ctx, c, n, "cell", path) for c in r)
                 for r, n in zip(got.rows, got.lines)], got.lines, path)
    if "columns" not in m or "rows" not in m:
        return [], [], None
    cols = ctx.sequence(m["columns"], m.line_of("columns"), "table columns")
    rows = [tuple(inline(ctx, c, cols.line_of(i), "column") for i, c in enumerate(cols))]
    lines = [m.line_of("columns")]
    body = ctx.sequence(m["rows"], m.line_of("rows"), "table rows")
    for i, r in enumerate(body):
        if isinstance(r, YMap):
            rows.append(_group(ctx, r, i))
        else:
            cells = ctx.sequence(r, body.line_of(i), f"table row {i + 1}")
            rows.append(tuple(inline(ctx, c, body.line_of(i), "cell") for c in cells))
        lines.append(body.line_of(i))
    return rows, lines, None


def _group(ctx: Ctx, m: YMap, i: int) -> TableGroup:
    """A group row '{group: Oppvekst}': a subheading across the table's columns."""
    if ctx.keys(m, f"table row {i + 1} (a group row)", ("group",)):
        return TableGroup(inline(ctx, m["group"], m.line_of("group"), "group"))
    return TableGroup(())


def _align(ctx: Ctx, m: YMap, n: int) -> tuple[str, ...]:
    """`align: [left, right, center, decimal]`, one word per column (empty: numbers go right,
    or on the decimal comma)."""
    if "align" not in m:
        return ()
    raw = ctx.sequence(m["align"], m.line_of("align"), "table align")
    wrong = [a for a in raw if a not in ALIGNMENTS]
    if wrong:
        ctx.problem(m.line_of("align"), f"table align {describe(wrong[0])} is not known — "
                    "expected left, right, center or decimal for each column")
        return ()
    if len(raw) != n:
        ctx.problem(m.line_of("align"), f"table align has {len(raw)} "
                    f"{'word' if len(raw) == 1 else 'words'} but the table has {n} columns — "
                    f"expected {n}, one of left, right, center or decimal per column")
        return ()
    return tuple(str(a) for a in raw)


def _widths(ctx: Ctx, m: YMap, n: int) -> tuple[float, ...]:
    if "widths" not in m:
        return ()
    raw = ctx.sequence(m["widths"], m.line_of("widths"), "table widths")
    ok = all(isinstance(w, (int, float)) and not isinstance(w, bool) and w > 0 for w in raw)
    if not ok or len(raw) != n:
        ctx.problem(m.line_of("widths"), f"table widths must be {n} positive numbers, one per "
                    "column")
        return ()
    return tuple(float(w) for w in raw)


IMAGE_FAULTS = {
    "unreadable": "is not a PNG or JPEG file", "not_image": "is not a PNG or JPEG file",
    "jpeg_header": "is a JPEG without a JFIF or Exif header (as CMYK JPEGs are saved), which a "
                   "Word document cannot hold — expected a PNG, or a JPEG saved as RGB",
    "too_large": "cannot be used: the image is {} × {} pixels — expected at most {limit} "
                 "megapixels (scale it down)",
    "damaged": "cannot be used: the file is damaged or incomplete — expected a PNG or JPEG file",
}


@register("image")
def image(ctx: Ctx, value, line: int, item) -> list:
    """A PNG or JPEG image with alternative text (or `decorative: true`) and an optional
    photo credit."""
    m = ctx.mapping(value, line, "image")
    if m is None or not ctx.keys(m, "image", ("file",),
                                 ("alt", "decorative", "caption", "width", "id", "credit")):
        return []
    alt = alt_text(ctx, m, "image")
    ident = _captioned_id(ctx, m, "image")
    path = image_file(ctx, m, "image")
    width = m.get("width")
    if width is not None and (isinstance(width, bool) or not isinstance(width, (int, float))
                              or width <= 0):
        ctx.problem(m.line_of("width"), f"image width must be a number of centimetres, got "
                    f"{width!r}")
        width = None
    if path is None:
        return []
    return [Image(path, alt,
                  _opt_inline(ctx, m, "caption"), width, ident, _opt_str(ctx, m, "credit"))]


def image_file(ctx: Ctx, m: YMap, what: str, drawing: bool = True):
    """The picture `m['file']` names, checked as every image is; None (and a problem) if it
    cannot be used.  An SVG drawing is a picture too where `drawing` (not a cover photo)."""
    path = ctx.resolve(m["file"], m.line_of("file"), what)
    if path is not None and svg.is_svg(path):
        return _drawing_file(ctx, m, what, path, drawing)
    fault = image_fault(path) if path is not None else None
    if fault:
        ctx.problem(m.line_of("file"), f"{what} '{m['file']}' " + IMAGE_FAULTS[fault.kind].format(
            *(fault.size or ()), limit=MAX_PIXELS // 1_000_000))
        return None
    return path


def _drawing_file(ctx: Ctx, m: YMap, what: str, path, drawing: bool):
    """An SVG picture: refused where only a photo fits, else checked (plandoc.svg)."""
    fault = svg.problem(path) if drawing else \
        "is an SVG drawing — expected a photo as a PNG or JPEG file"
    if fault:
        ctx.problem(m.line_of("file"), f"{what} '{m['file']}' {fault}")
        return None
    return path
