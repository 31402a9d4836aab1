"""Every key of a style.yaml, declared once with its check.

`read_style_file` turns one file's mapping into a dict of checked values (file references
become absolute Paths) and records every problem in a `Check` instead of stopping at the first,
so one run reports every mistake in a style, as the content reader does.  A check is called
with the key's path (('sizes', 'h1')), so its message names the key as the user wrote it
('sizes h1'), and the Check remembers the line of every value it accepted, so a problem found
only when the files of an `extends` chain are merged (margins that leave no text block) can
still name the line that set the value.
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from plandoc.errors import Problem, did_you_mean, display_path
from plandoc.files import YMap, inside
from plandoc.model import SWOT_QUADRANTS
from plandoc.style import assets

COLOURS = ("primary", "secondary", "accent", "text", "muted", "light")
QUADRANTS = SWOT_QUADRANTS
SIZES = ("body", "small", "h1", "h2", "h3", "title", "key_figure")
SIZE_RANGE_PT = {"body": (4, 24), "small": (4, 24), "h1": (4, 72), "h2": (4, 72), "h3": (4, 72),
                 "title": (4, 96), "key_figure": (4, 96)}
# and each size at most the text block's width divided by this (body text wraps in table cells
# and SWOT quadrants; a heading box or a key-figure card must fit the column it stands in)
SIZE_PER_WIDTH = {"body": 16, "small": 16, "h1": 8, "h2": 8, "h3": 8, "title": 5,
                  "key_figure": 5}
MARGINS = ("margin_top", "margin_bottom", "margin_left", "margin_right")
MARGIN_MAX_MM = 1000
PAGE_SIZES_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "Letter": (215.9, 279.4)}
FACES = ("regular", "bold", "italic", "bold_italic")
HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
TEXT_MAX = 200          # characters of a name or a font family
SKIP = object()   # a value that was wrong: left out, the parent style's value stays


@dataclass
class Check:
    """The style file being read, the problems found in it so far, and where each value stood."""

    path: Path
    folder: Path
    problems: list[Problem] = field(default_factory=list)
    lines: dict[tuple[str, ...], int] = field(default_factory=dict)
    allow: tuple[Path, ...] = ()   # --allow-dir: folders a style's files may come from too

    def problem(self, line: int | None, message: str) -> object:
        """Record one mistake; returns SKIP so a check can `return check.problem(…)`."""
        self.problems.append(Problem(self.path, line, message))
        return SKIP


def label(path: tuple[str, ...]) -> str:
    """A key path as messages name it: ('fonts', 'body', 'family') → 'fonts body family'."""
    return " ".join(path)


def describe(value) -> str:
    """A value as the message shows it: YAML spelling, never Python's, and never too long."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"the date {value.isoformat()}"
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else (".inf" if value > 0 else "-.inf")
    if isinstance(value, int) and len(str(abs(value))) > 15:
        return f"a number of {len(str(abs(value)))} digits"
    if isinstance(value, YMap):
        return _short("{" + ", ".join(f"{k}: {_item(v)}" for k, v in value.items()) + "}")
    if isinstance(value, (list, tuple)):
        return _short("[" + ", ".join(_item(v) for v in value) + "]")
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:37] + "…")
    return _short(repr(value))


def _item(value) -> str:
    return describe(value) if not isinstance(value, (YMap, list, tuple)) else \
        ("{…}" if isinstance(value, YMap) else "[…]")


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 2] + "…" + text[-1]


def _number(value) -> bool:
    """A finite number (not a boolean); a 400-digit whole number is finite but cannot be a
    float, so it is compared as the int it is."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return isinstance(value, int) or math.isfinite(value)


def _bad_characters(value: str) -> str:
    """The control characters in `value` (they cannot stand in a DOCX or a PDF), as U+XXXX."""
    return ", ".join(sorted({f"U+{ord(c):04X}" for c in value
                             if unicodedata.category(c) in ("Cc", "Cs", "Cn")}))


# --- value checks: (check, path, value, line) → cleaned value or SKIP --------------------------


def text(check: Check, path: tuple, value, line: int):
    if isinstance(value, str) or _number(value):
        value = str(value)
        bad = _bad_characters(value)
        if bad:
            return check.problem(line, f"{label(path)} contains the control character(s) {bad}"
                                 " — expected plain text")
        if value.strip() and len(value) <= TEXT_MAX:
            return value.strip()
        if value.strip():
            return check.problem(line, f"{label(path)} is {len(value)} characters long — "
                                 f"expected at most {TEXT_MAX}")
    return check.problem(line, f"{label(path)} must be text, got {describe(value)}")


def colour(check: Check, path: tuple, value, line: int):
    if isinstance(value, str) and HEX.match(value):
        return value.upper()
    return check.problem(line, f"colour {label(path[1:])} must be '#RRGGBB', got "
                         f"{describe(value)}")


def size(check: Check, path: tuple, value, line: int):
    low, high = SIZE_RANGE_PT[path[-1]]
    if _number(value) and low <= value <= high:
        return float(value)
    return check.problem(line, f"{label(path)} must be a number of points from {low} to {high}, "
                         f"got {describe(value)}")


def margin(check: Check, path: tuple, value, line: int):
    if _number(value) and 0 < value < MARGIN_MAX_MM:
        return float(value)
    return check.problem(line, f"{label(path)} must be a number of millimetres above 0, got "
                         f"{describe(value)}")


def switch(check: Check, path: tuple, value, line: int):
    if isinstance(value, bool):
        return value
    return check.problem(line, f"{label(path)} must be true or false, got {describe(value)}")


def optional_switch(check: Check, path: tuple, value, line: int):
    return None if value is None else switch(check, path, value, line)


def whole(low: int, high: int):
    def check_whole(check: Check, path: tuple, value, line: int):
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        return check.problem(line, f"{label(path)} must be a whole number from {low} to "
                             f"{high}, got {describe(value)}")
    return check_whole


def page_size(check: Check, path: tuple, value, line: int):
    if isinstance(value, str) and value in PAGE_SIZES_MM:
        return value
    known = ", ".join(PAGE_SIZES_MM)
    if isinstance(value, str):
        return check.problem(line, f"page size {describe(value)} is unknown — expected one of: "
                             + known)
    return check.problem(line, f"page size must be a paper size ({known}), got "
                         f"{describe(value)}")


def bullet(check: Check, path: tuple, value, line: int):
    if isinstance(value, str) and 1 <= len(value.strip()) <= 2 and \
            not _bad_characters(value.strip()):
        return value.strip()
    return check.problem(line, f"bullet must be one character such as '•', got {describe(value)}")


def cmyk_ink(check: Check, path: tuple, value, line: int):
    if isinstance(value, list) and len(value) == 4 and all(
            _number(x) and 0 <= x <= 100 for x in value):
        return tuple(float(x) for x in value)
    return check.problem(line, f"{label(path)} must be four numbers from 0 to 100 "
                         f"[C, M, Y, K], got {describe(value)}")


# --- files ---------------------------------------------------------------------------------


def file_ref(check: Check, path: tuple, value, line: int) -> Path | object:
    """A file named in a style: relative to the style folder, or builtin:<font file>.

    The file must stay inside the style's folder (or matplotlib's fonts for builtin:, or a
    folder allowed with --allow-dir), symlinks resolved: a style cannot read other files.
    """
    if not isinstance(value, str) or not value.strip():
        return check.problem(line, f"{label(path)} must be a file name, got {describe(value)}")
    bad = _bad_characters(value)
    if bad:
        return check.problem(line, f"{label(path)} contains the control character(s) {bad} — "
                             "expected a file name")
    builtin = value.startswith("builtin:")
    target = (assets.builtin_font_dir() / value[8:]) if builtin else check.folder / value
    if builtin and not inside(target, (assets.builtin_font_dir(),)):
        return check.problem(line, f"{label(path)} '{value}' is not one of the built-in fonts — "
                             "expected builtin: and a file name such as builtin:DejaVuSans.ttf")
    if not builtin and not inside(target, (check.folder,) + tuple(check.allow)):
        return check.problem(line, f"{label(path)} '{value}' is outside the style folder "
                             f"{display_path(check.folder)} — keep a style's files inside its "
                             "folder, or allow the folder with --allow-dir")
    try:
        found = target.is_file()
    except (OSError, ValueError):   # a name too long for the file system
        found = False
    if not found:
        return check.problem(line, f"file not found: {value} (looked for "
                             f"{display_path(target)})")
    return target


def checked_file(problem_of):
    """A check of a file reference: found, then `problem_of(path, value)` names what is wrong."""
    def check_file(check: Check, path: tuple, value, line: int):
        target = file_ref(check, path, value, line)
        if target is SKIP:
            return SKIP
        message = problem_of(target, value)
        return check.problem(line, message) if message else target
    return check_file


def font(letters: bool):
    return checked_file(lambda path, value: assets.font_problem(path, letters))


image = checked_file(assets.image_problem)
word_template = checked_file(assets.template_problem)


# --- sections ------------------------------------------------------------------------------


def section(keys: dict, unknown=None):
    """A mapping whose keys are declared in `keys` (name → check).

    `unknown(path, key)` words the message for a key not declared (default: 'unknown style
    key').
    """
    def check_section(check: Check, path: tuple, value, line: int):
        if not isinstance(value, YMap):
            return check.problem(line, f"{label(path)} must be a mapping of keys, got "
                                 f"{describe(value)}")
        return read_mapping(check, value, keys, unknown, path)
    return check_section


def unknown_key(keys):
    """The usual message for a key the schema does not declare."""
    def message(path: tuple, key: str) -> str:
        where = f" in {label(path)}" if path else ""
        return f"unknown style key '{key}'{where}" + did_you_mean(key, keys)
    return message


def unknown_ink(names):
    """'cmyk primay names no colour — did you mean 'primary'?'"""
    return lambda path, key: f"{label(path + (key,))} names no colour" + did_you_mean(key, names)


def read_mapping(check: Check, m: YMap, keys: dict, unknown=None, path: tuple = ()) -> dict:
    """Check every key of `m` against `keys`; unknown keys are problems."""
    out = {}
    for key, value in m.items():
        line = m.line_of(key)
        if key not in keys:
            check.problem(line, (unknown or unknown_key(keys))(path, str(key)))
            continue
        cleaned = keys[key](check, path + (key,), value, line)
        if cleaned is not SKIP:
            out[key] = cleaned
            check.lines[path + (key,)] = line
    return out


FAMILY = {"family": text, **{face: font(letters=True) for face in FACES}}
SWOT_COLOURS = {q: colour for q in QUADRANTS}
CMYK = {**{c: cmyk_ink for c in COLOURS},
        "swot": section({q: cmyk_ink for q in QUADRANTS}, unknown_ink(QUADRANTS))}

SCHEMA = {
    "name": text,
    "extends": text,
    "colors": section({**{c: colour for c in COLOURS}, "swot": section(SWOT_COLOURS)}),
    "fonts": section({"body": section(FAMILY), "heading": section(FAMILY),
                      "symbol": font(letters=False)}),
    "sizes": section({s: size for s in SIZES}),
    "page": section({"size": page_size, **{m: margin for m in MARGINS}}),
    "logo": image,
    "word_template": word_template,
    "bullet": bullet,
    "cmyk": section(CMYK, unknown_ink(COLOURS + ("swot",))),
    "typography": section({"justify": switch, "hyphenate": switch}),
    "print": section({"enabled": switch}),
    "web": section({"enabled": switch, "chapters": switch}),
    "docx": section({"toc_pages": switch}),
    "pdfa": optional_switch,
    "layout": section({"toc_levels": whole(1, 3),
                       "chapter_new_page": switch,
                       "focus_area_new_page": switch,
                       "key_figures_per_row": whole(1, 6)}),
}


def read_style_file(raw: YMap, check: Check) -> dict:
    """One style file's checked values (only the keys it sets)."""
    return read_mapping(check, raw, SCHEMA)
