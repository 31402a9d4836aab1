"""Malformed CSV files for charts and tables: every message names the CSV's own line."""

from tests.malformed.harness import Case, doc

CSV = "content/tall.csv"
NUMERIC = "— expected a number such as 13 278 or 1,5"


def chart(csv_text: str | bytes, y: str = "Antall", x: str = "År") -> dict:
    """A chart reading content/tall.csv."""
    files = doc(f"  - chart:\n      type: bar\n      title: T\n      alt: A\n      data:\n"
                f"        csv: tall.csv\n        x: {x}\n        y: {y}\n")
    files[CSV] = csv_text
    return files


def table(csv_text: str | bytes) -> dict:
    """A table reading content/tall.csv."""
    files = doc("  - table:\n      csv: tall.csv\n")
    files[CSV] = csv_text
    return files


CASES = [
    Case("csv-ambiguous-thousands", chart("År;Antall\n2020;13.278\n2021;13.301\n"),
         (f"{CSV}:2: '13.278' in column 'Antall' could be a thousands point or a decimal point "
          "— write 13278 or 13,278",
          f"{CSV}:3: '13.301' in column 'Antall' could be a thousands point or a decimal point "
          "— write 13301 or 13,301")),
    Case("csv-not-numeric", chart("År,Antall\n2020,mange\n"),
         (f"{CSV}:2: column 'Antall' must be numeric, got 'mange' {NUMERIC}",)),
    Case("csv-ssb-missing", chart("År;Antall\n2020;..\n2021;5\n"),
         (f"{CSV}:2: column 'Antall' must be numeric, got '..' (SSB's mark for a missing "
          f"value) {NUMERIC}",)),
    Case("csv-nan", chart("År,Antall\n2020,NaN\n"),
         (f"{CSV}:2: column 'Antall' must be numeric, got 'NaN' {NUMERIC}",)),
    Case("csv-inf", chart("År,Antall\n2020,inf\n2021,-Infinity\n"),
         (f"{CSV}:2: column 'Antall' must be numeric, got 'inf' {NUMERIC}",
          f"{CSV}:3: column 'Antall' must be numeric, got '-Infinity' {NUMERIC}")),
    Case("csv-empty-cell", chart("År;Antall\n2020;\n2021;4\n"),
         (f"{CSV}:2: column 'Antall' must be numeric, got '' {NUMERIC}",)),
    Case("csv-hex-number", chart("År,Antall\n2020,0x1F\n"),
         (f"{CSV}:2: column 'Antall' must be numeric, got '0x1F' {NUMERIC}",)),
    Case("csv-mixed-marks", chart("År;Antall\n2020;1,5\n2021;2.25\n"),
         (f"{CSV}:3: column 'Antall' must be numeric, got '2.25' {NUMERIC}",)),
    Case("csv-empty", chart(""),
         (f"{CSV}:1: the CSV file is empty — expected a header row and data rows",)),
    Case("csv-header-only", chart("År;Antall\n"),
         (f"{CSV}:1: the CSV file has a header row but no data rows — expected a row per "
          "category",)),
    Case("csv-missing-column", chart("År;Antall\n2020;1\n", y="Folketall"),
         ("content/doc.yaml:10: column 'Folketall' not in tall.csv — its columns are: År, "
          "Antall",)),
    Case("csv-not-utf8", chart("År;Antall\n2020;1\n".encode("latin-1")),
         (f"{CSV}:1: not UTF-8 text (byte 0xC5) — save the file as UTF-8",)),
    Case("csv-binary", chart(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
         (f"{CSV}:1: not UTF-8 text (byte 0x89) — save the file as UTF-8",)),
    Case("csv-nul-byte", chart("År;Antall\n2020;1\x00\n"),
         (f"{CSV}:2: character U+0000 cannot be used in a document — remove it",)),
    Case("csv-unclosed-quote", table('Navn;Tall\n"Hemnes;1\nVefsn;2\n'),
         (f"{CSV}:2: a quoted cell starts in this row and is never closed — expected a "
          'closing quote (")',)),
    Case("csv-table-row-too-long", table("Navn;Tall\nHemnes;1;2\nVefsn;2\n"),
         (f"{CSV}:2: row 1 has 3 cells but the table has 2 columns (a comma outside quotes "
          "starts a new cell — put text with commas in quotes) — expected 2 cells",)),
    Case("csv-table-row-too-short", table("Navn,Tall,Mer\nHemnes,1\n"),
         (f"{CSV}:2: row 1 has 2 cells but the table has 3 columns — expected 3 cells",)),
    Case("csv-too-many-rows", table("A;B\n" + "x;1\n" * 5001),
         (f"{CSV}:5001: the CSV file has 5001 data rows — expected at most 4999",)),
    Case("csv-duplicate-y", chart("År;Antall\n2020;1\n", y="[Antall, Antall]"),
         ("content/doc.yaml:12: series 'Antall' is named twice — expected each series once",)),
]
