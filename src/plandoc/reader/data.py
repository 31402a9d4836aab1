"""CSV data for charts and tables, with line numbers in every message."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from plandoc.reader.context import Ctx
from plandoc.files import read_text
from plandoc.errors import ContentError


def read_csv(ctx: Ctx, path: Path) -> list[list[str]] | None:
    """All rows of a CSV file (comma or semicolon separated); None after a problem."""
    try:
        text = read_text(path)
    except ContentError as exc:
        ctx.problems += exc.problems
        return None
    dialect = "excel" if text.count(",") >= text.count(";") else _Semicolon
    rows = [[ctx.check_chars(cell.strip(), n, path) for cell in row]
            for n, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1)]
    if not rows or not rows[0]:
        ctx.problem(1, "the CSV file is empty — expected a header row and data rows", path)
        return None
    return rows


class _Semicolon(csv.excel):
    delimiter = ";"


def parse_number(text: str) -> float | None:
    """'13 278', '13278', '1,5' or '-2.5' → float; None when it is not a number."""
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        return None


def csv_columns(ctx: Ctx, path: Path, x: str, ys: list[str], line: int):
    """The x column as text and the y columns as numbers; problems name the cell's line."""
    rows = read_csv(ctx, path)
    if rows is None:
        return None
    header, body = rows[0], rows[1:]
    missing = [c for c in [x, *ys] if c not in header]
    for col in missing:
        ctx.problem(line, f"column '{col}' not in {path.name} — its columns are: "
                    + ", ".join(header))
    if missing:
        return None
    xi, cats, series = header.index(x), [], {y: [] for y in ys}
    for n, row in enumerate(body, start=2):
        if not any(row):
            continue
        cats.append(row[xi] if xi < len(row) else "")
        for y in ys:
            cell = row[header.index(y)] if header.index(y) < len(row) else ""
            value = parse_number(cell)
            if value is None:
                ctx.problem(n, f"column '{y}' must be numeric, got '{cell}'", path)
            series[y].append(value or 0.0)
    return cats, series
