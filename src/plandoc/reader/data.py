"""CSV data for charts and tables, with the CSV's own line numbers in every message.

Norwegian spreadsheets export semicolon-separated files with decimal commas ("1,5") and often
thousands points ("13.278"); English ones use commas and decimal points.  The separator is read
from the header row, the number convention from the whole file, and a number that could be read
two ways ("13.278" with nothing else to go by) is a problem, never a guess.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from plandoc.errors import ContentError
from plandoc.files import MAX_TEXT, read_text
from plandoc.reader.context import Ctx

MAX_ROWS = 5000  # a table or chart with more rows is not read by anyone


@dataclass(frozen=True)
class CsvRows:
    """The rows of a CSV file (blank rows dropped) and the line each starts on."""

    path: Path
    rows: list[list[str]]
    lines: list[int]


def read_csv(ctx: Ctx, path: Path) -> CsvRows | None:
    """All non-blank rows of a CSV file (comma, semicolon or tab separated); None on a problem."""
    try:
        text = read_text(path).removeprefix("\ufeff")  # Excel's "CSV UTF-8" starts with a BOM
    except ContentError as exc:
        ctx.problems += exc.problems
        return None
    if len(text) > MAX_TEXT * 20:
        ctx.problem(1, f"the CSV file has {len(text)} characters — expected at most "
                    f"{MAX_TEXT * 20} (a table for a document, not a data dump)", path)
        return None
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text), strict=True)
    rows, lines, start = [], [], 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append([ctx.check_chars(cell.strip(), start, path) for cell in row])
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            ctx.problem(start, "a quoted cell starts in this row and is never closed — "
                        'expected a closing quote (")', path)
        else:
            ctx.problem(reader.line_num, f"the CSV file cannot be read: {exc} — expected rows "
                        "of cells separated by ';' or ','", path)
        return None
    if not rows:
        ctx.problem(1, "the CSV file is empty — expected a header row and data rows", path)
        return None
    if len(rows) > MAX_ROWS:
        ctx.problem(lines[MAX_ROWS], f"the CSV file has {len(rows) - 1} data rows — expected at "
                    f"most {MAX_ROWS - 1}", path)
        return None
    return CsvRows(path, rows, lines)


def _delimiter(text: str) -> str:
    """';' or tab when the header row has one (outside quotes), else ','."""
    header = re.sub(r'"[^"]*"', "", text.split("\n", 1)[0])
    return ";" if ";" in header else "\t" if "\t" in header else ","


_PLAIN = re.compile(r"[-+]?\d+(?:\.\d+)?")
_SPACES = re.compile("[\u00a0\u2009\u202f ]")


def decimal_mark(cells) -> str | None:
    """',' or '.' as the decimal mark of these cells, or None when nothing tells."""
    for cell in cells:
        cell = _SPACES.sub("", cell)
        if re.fullmatch(r"[-+−]?[\d.]*\d,\d+", cell):
            return ","
        if re.fullmatch(r"[-+−]?[\d,]*\d\.(?:\d{1,2}|\d{4,})", cell):
            return "."
    return None


def parse_number(text: str, mark: str | None = ",") -> float | None:
    """'13 278', '13.278,5', '1,5', '−2.5' → float; None when it is not a number or ambiguous.

    `mark` is the decimal mark ('.' or ','); with None, '13.278' (a point before exactly three
    digits) is ambiguous and gives None.
    """
    cell = _SPACES.sub("", text).replace("−", "-")
    if mark is None:
        if re.fullmatch(r"[-+]?\d{1,3}(?:\.\d{3})+", cell):
            return None
        mark = "," if "," in cell else "."
    thousands = "." if mark == "," else ","
    if re.fullmatch(rf"[-+]?\d{{1,3}}(?:\{thousands}\d{{3}})+(?:\{mark}\d+)?", cell):
        cell = cell.replace(thousands, "")
    if thousands in cell:  # '2.25' in a file whose decimal mark is ','
        return None
    cell = cell.replace(mark, ".")
    return float(cell) if _PLAIN.fullmatch(cell) else None


def ambiguous(text: str) -> bool:
    """'13.278': thousands point or decimal point, with nothing else in the file to tell."""
    return re.fullmatch(r"[-+−]?\d{1,3}(?:\.\d{3})+", _SPACES.sub("", text)) is not None


def number_problem(cell: str, column: str) -> str:
    """The message for a cell of a numeric column that is not a number."""
    if ambiguous(cell):
        return (f"'{cell}' in column '{column}' could be a thousands point or a decimal point "
                f"— write {cell.replace('.', '')} or {cell.replace('.', ',')}")
    hint = " (SSB's mark for a missing value)" if cell.strip() in (".", "..", "...", ":") \
        else ""
    return (f"column '{column}' must be numeric, got '{cell}'{hint} — expected a number such "
            "as 13 278 or 1,5")


def csv_columns(ctx: Ctx, path: Path, x: str, ys: list[str], line: int):
    """The x column as text and the y columns as numbers; problems name the cell's line."""
    got = read_csv(ctx, path)
    if got is None:
        return None
    header, body = got.rows[0], got.rows[1:]
    missing = [c for c in [x, *ys] if c not in header]
    for col in missing:
        ctx.problem(line, f"column '{col}' not in {path.name} — its columns are: "
                    + ", ".join(header))
    if missing:
        return None
    if not body:
        ctx.problem(got.lines[0], "the CSV file has a header row but no data rows — expected a "
                    "row per category", path)
        return None
    numeric = [header.index(y) for y in ys]
    mark = decimal_mark(row[i] for row in body for i in numeric if i < len(row))
    xi, cats, series = header.index(x), [], {y: [] for y in ys}
    for row, n in zip(body, got.lines[1:]):
        cats.append(row[xi] if xi < len(row) else "")
        for y, i in zip(ys, numeric):
            cell = row[i] if i < len(row) else ""
            value = parse_number(cell, mark)
            if value is None:
                ctx.problem(n, number_problem(cell, y), path)
            series[y].append(value or 0.0)
    return cats, series
