"""Every key of a style.yaml, declared once with its check.

`read_style_file` turns one file's mapping into a dict of checked values (file references
become absolute Paths) and records every problem in a `Check` instead of stopping at the first,
so one run reports every mistake in a style, as the content reader does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from plandoc.errors import Problem, did_you_mean, display_path
from plandoc.files import YList, YMap, inside
from plandoc.model import SWOT_QUADRANTS
from plandoc.style import assets

COLOURS = ("primary", "secondary", "accent", "text", "muted", "light")
QUADRANTS = SWOT_QUADRANTS
SIZES = ("body", "small", "h1", "h2", "h3", "title", "key_figure")
MARGINS = ("margin_top", "margin_bottom", "margin_left", "margin_right")
PAGE_SIZES_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "Letter": (215.9, 279.4)}
FACES = ("regular", "bold", "italic", "bold_italic")
HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
SKIP = object()   # a value that was wrong: left out, the parent style's value stays


@dataclass
class Check:
    """The style file being read and the problems found in it so far."""

    path: Path
    folder: Path
    problems: list[Problem] = field(default_factory=list)
    allow: tuple[Path, ...] = ()   # --allow-dir: folders a style's files may come from too

    def problem(self, line: int | None, message: str) -> object:
        """Record one mistake; returns SKIP so a check can `return check.problem(…)`."""
        self.problems.append(Problem(self.path, line, message))
        return SKIP


def describe(value) -> str:
    """A value as the message shows it."""
    return repr(list(value) if isinstance(value, YList) else dict(value)
                if isinstance(value, YMap) else value)


# --- value checks: (check, key, value, line) → cleaned value or SKIP --------------------------


def text(check: Check, key: str, value, line: int):
    if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value):
        return str(value)
    return check.problem(line, f"{key} must be text, got {describe(value)}")


def colour(check: Check, key: str, value, line: int):
    if isinstance(value, str) and HEX.match(value):
        return value.upper()
    return check.problem(line, f"colour {key} must be '#RRGGBB', got {describe(value)}")


def positive(check: Check, key: str, value, line: int):
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < 1000:
        return float(value)
    return check.problem(line, f"{key} must be a positive number, got {describe(value)}")


def switch(section: str):
    def check_switch(check: Check, key: str, value, line: int):
        if isinstance(value, bool):
            return value
        name = f"{section} {key}" if section else key
        return check.problem(line, f"{name} must be true or false, got {describe(value)}")
    return check_switch


def optional_switch(check: Check, key: str, value, line: int):
    return None if value is None else switch("")(check, key, value, line)


def whole(low: int, high: int):
    def check_whole(check: Check, key: str, value, line: int):
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        return check.problem(line, f"layout {key} must be a whole number from {low} to "
                             f"{high}, got {describe(value)}")
    return check_whole


def page_size(check: Check, key: str, value, line: int):
    if value in PAGE_SIZES_MM:
        return value
    return check.problem(line, f"page size '{value}' is unknown — expected one of: "
                         + ", ".join(PAGE_SIZES_MM))


def bullet(check: Check, key: str, value, line: int):
    if isinstance(value, str) and 1 <= len(value.strip()) <= 2:
        return value.strip()
    return check.problem(line, f"bullet must be one character such as '•', got {describe(value)}")


def cmyk_ink(section: str):
    def check_ink(check: Check, key: str, value, line: int):
        if isinstance(value, list) and len(value) == 4 and all(
                isinstance(x, (int, float)) and not isinstance(x, bool) and 0 <= x <= 100
                for x in value):
            return tuple(float(x) for x in value)
        return check.problem(line, f"cmyk {section}{key} must be four numbers from 0 to 100 "
                             f"[C, M, Y, K], got {describe(value)}")
    return check_ink


# --- files ---------------------------------------------------------------------------------


def file_ref(check: Check, value, line: int, key: str = "file") -> Path | object:
    """A file named in a style: relative to the style folder, or builtin:<font file>.

    The file must stay inside the style's folder (or matplotlib's fonts for builtin:, or a
    folder allowed with --allow-dir), symlinks resolved: a style cannot read other files.
    """
    if not isinstance(value, str) or not value:
        return check.problem(line, f"expected a file name, got {describe(value)}")
    key = f"font {key}" if key in FACES + ("symbol",) else key
    builtin = value.startswith("builtin:")
    target = (assets.builtin_font_dir() / value[8:]) if builtin else check.folder / value
    if builtin and not inside(target, (assets.builtin_font_dir(),)):
        return check.problem(line, f"{key} '{value}' is not one of the built-in fonts — "
                             "expected builtin: and a file name such as builtin:DejaVuSans.ttf")
    if not builtin and not inside(target, (check.folder,) + tuple(check.allow)):
        return check.problem(line, f"{key} '{value}' is outside the style folder "
                             f"{display_path(check.folder)} — keep a style's files inside its "
                             "folder, or allow the folder with --allow-dir")
    if not target.is_file():
        return check.problem(line, f"file not found: {value} (looked for "
                             f"{display_path(target)})")
    return target


def checked_file(problem_of):
    """A check of a file reference: found, then `problem_of(path, value)` names what is wrong."""
    def check_file(check: Check, key: str, value, line: int):
        target = file_ref(check, value, line, key)
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


def section(keys: dict, what: str | None = None, unknown=None):
    """A mapping whose keys are declared in `keys` (name → check).

    `unknown(key)` words the message for a key not declared (default: 'unknown style key').
    """
    def check_section(check: Check, key: str, value, line: int):
        if not isinstance(value, YMap):
            return check.problem(line, f"{what or key} must be a mapping of keys, got "
                                 f"{describe(value)}")
        return read_mapping(check, value, keys, unknown)
    return check_section


def unknown_key(keys):
    """The usual message for a key the schema does not declare."""
    return lambda key: f"unknown style key '{key}'" + did_you_mean(key, keys)


def unknown_ink(prefix: str, names):
    """'cmyk primay names no colour — did you mean 'primary'?'"""
    return lambda key: f"cmyk {prefix}{key} names no colour" + did_you_mean(key, names)


def read_mapping(check: Check, m: YMap, keys: dict, unknown=None) -> dict:
    """Check every key of `m` against `keys`; unknown keys are problems."""
    out = {}
    for key, value in m.items():
        if key not in keys:
            check.problem(m.line_of(key), (unknown or unknown_key(keys))(str(key)))
            continue
        cleaned = keys[key](check, str(key), value, m.line_of(key))
        if cleaned is not SKIP:
            out[key] = cleaned
    return out


FAMILY = {"family": text, **{face: font(letters=True) for face in FACES}}
SWOT_COLOURS = {q: colour for q in QUADRANTS}
CMYK = {**{c: cmyk_ink("") for c in COLOURS},
        "swot": section({q: cmyk_ink("swot ") for q in QUADRANTS}, "cmyk swot",
                        unknown_ink("swot ", QUADRANTS))}

SCHEMA = {
    "name": text,
    "extends": text,
    "colors": section({**{c: colour for c in COLOURS}, "swot": section(SWOT_COLOURS)}),
    "fonts": section({"body": section(FAMILY, "fonts body"),
                      "heading": section(FAMILY, "fonts heading"),
                      "symbol": font(letters=False)}),
    "sizes": section({s: positive for s in SIZES}),
    "page": section({"size": page_size, **{m: positive for m in MARGINS}}),
    "logo": image,
    "word_template": word_template,
    "bullet": bullet,
    "cmyk": section(CMYK, "cmyk", unknown_ink("", COLOURS + ("swot",))),
    "typography": section({"justify": switch("typography"),
                           "hyphenate": switch("typography")}),
    "print": section({"enabled": switch("print")}),
    "pdfa": optional_switch,
    "layout": section({"toc_levels": whole(1, 3),
                       "chapter_new_page": switch("layout"),
                       "focus_area_new_page": switch("layout"),
                       "key_figures_per_row": whole(1, 6)}),
}


def read_style_file(raw: YMap, check: Check) -> dict:
    """One style file's checked values (only the keys it sets)."""
    return read_mapping(check, raw, SCHEMA)
