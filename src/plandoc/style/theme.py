"""Styles: `styles/<name>/style.yaml` and its assets → a Theme both writers read.

A style may `extends:` another (default: `default`); values merge key by key.  Font files may be
given relative to the style folder or as `builtin:<file>` — the DejaVu fonts matplotlib ships —
so `default` works with nothing supplied by the user.  No docx, reportlab or matplotlib import.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path

from plandoc.errors import ContentError, Problem, did_you_mean, display_path
from plandoc.style.assets import check_font_tables, check_image, check_truetype
from plandoc.files import YMap, load_yaml

BUILTIN_DEFAULT = {
    "name": "Standard",
    "colors": {
        "primary": "#1F4E79", "secondary": "#2E75B6", "accent": "#C55A11",
        "text": "#222222", "muted": "#5F6B73", "light": "#EEF3F8",
        "swot": {"strengths": "#2E7D32", "weaknesses": "#B23B3B",
                 "opportunities": "#1F6FB2", "threats": "#D9822B"},
    },
    "fonts": {
        "body": {"family": "DejaVu Sans", "regular": "builtin:DejaVuSans.ttf",
                 "bold": "builtin:DejaVuSans-Bold.ttf", "italic": "builtin:DejaVuSans-Oblique.ttf",
                 "bold_italic": "builtin:DejaVuSans-BoldOblique.ttf"},
        "heading": None,
        "symbol": "builtin:DejaVuSans.ttf",
    },
    "sizes": {"body": 10.5, "small": 8.5, "h1": 20, "h2": 14, "h3": 11.5, "title": 30,
              "key_figure": 30},
    "page": {"size": "A4", "margin_top": 25, "margin_bottom": 25, "margin_left": 25,
             "margin_right": 22},
    "logo": None,
    "word_template": None,
    "bullet": "•",
    "cmyk": None,           # optional CMYK per colour for print: {primary: [100, 45, 0, 55]}
    "typography": {"justify": False, "hyphenate": False},
    "print": {"enabled": False},     # true: every build also writes <name>-print.pdf
    "pdfa": None,           # true/false; unset: PDF/A-2b for vedtatt documents
}

PAGE_SIZES_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "Letter": (215.9, 279.4)}
FONT_FACES = ("regular", "bold", "italic", "bold_italic")
HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class FontFamily:
    """A font family: the name Word sees and the TrueType files the PDF embeds."""

    family: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


@dataclass(frozen=True)
class Theme:
    """Everything about how a document looks."""

    name: str
    folder: Path | None
    colors: dict
    swot_colors: dict
    body_font: FontFamily
    heading_font: FontFamily
    symbol_font: Path
    sizes: dict
    page_size_mm: tuple[float, float]
    margins_mm: dict
    logo: Path | None
    word_template: Path | None
    bullet: str
    inputs: tuple[Path, ...]
    cmyk: dict = field(default_factory=dict)          # colour name → (c, m, y, k), 0–100
    swot_cmyk: dict = field(default_factory=dict)     # quadrant kind → (c, m, y, k)
    typography: dict = field(default_factory=lambda: {"justify": False, "hyphenate": False})
    print_enabled: bool = False
    pdfa: bool | None = None

    @property
    def text_width_mm(self) -> float:
        """Width of the text block."""
        return self.page_size_mm[0] - self.margins_mm["left"] - self.margins_mm["right"]


def style_dirs(content_root: Path | None, extra: Path | None = None) -> list[Path]:
    """Where styles are looked for, first match wins."""
    dirs = [extra] if extra else []
    if content_root is not None:
        dirs += [content_root / "styles", content_root.parent / "styles"]
    dirs.append(Path.cwd() / "styles")
    return [d for d in dirs if d is not None]


def load_theme(name: str, search: list[Path], origin: tuple[Path, int] | None = None) -> Theme:
    """Load style `name` from the first folder in `search` that has it."""
    data, inputs, folder = _load_chain(name, search, origin, seen=())
    return _build(data, folder, inputs)


def _find(name: str, search: list[Path]) -> Path | None:
    for d in search:
        if (d / name / "style.yaml").is_file():
            return d / name
    return None


def _load_chain(name, search, origin, seen):
    folder = _find(name, search)
    if folder is None:
        if name == "default":
            return BUILTIN_DEFAULT, (), None
        known = sorted({p.name for d in search if d.is_dir() for p in d.iterdir()
                        if (p / "style.yaml").is_file()} | {"default"})
        file, line = origin if origin else ("<command line>", None)
        raise ContentError(Problem(file, line, f"unknown style '{name}'"
                                   + did_you_mean(name, known)))
    path = folder / "style.yaml"
    raw = load_yaml(path)
    if not isinstance(raw, YMap):
        raise ContentError(Problem(path, 1, "a style must be a mapping of keys"))
    parent = raw.get("extends", "default" if name != "default" else None)
    if parent in seen + (name,):
        raise ContentError(Problem(path, raw.line_of("extends"), f"style '{name}' extends "
                                   f"itself through '{parent}'"))
    if parent is None:
        base, inputs, _ = BUILTIN_DEFAULT, (), None
    else:
        base, inputs, _ = _load_chain(parent, search, (path, raw.line_of("extends")),
                                      seen + (name,))
    _check_keys(raw, BUILTIN_DEFAULT, path, allowed_extra={"extends"})
    _check_values(raw, path)
    _check_print_keys(raw, path)
    resolved = _resolve_paths(raw, folder, path)
    return _merge(base, resolved), inputs + (path,) + _asset_paths(resolved), folder


def _check_keys(raw: YMap, schema: dict, path: Path, allowed_extra=frozenset()):
    problems = []
    for key in raw:
        if key in allowed_extra:
            continue
        if key not in schema:
            problems.append(Problem(path, raw.line_of(key), f"unknown style key '{key}'"
                                    + did_you_mean(str(key), schema)))
        elif isinstance(schema[key], dict) and isinstance(raw[key], YMap):
            try:
                _check_keys(raw[key], schema[key], path)
            except ContentError as exc:
                problems += exc.problems
        elif key == "heading" and isinstance(raw[key], YMap):
            _check_keys(raw[key], BUILTIN_DEFAULT["fonts"]["body"], path)
    if problems:
        raise ContentError(problems)


def _resolve_paths(raw: YMap, folder: Path, path: Path):
    """Turn asset references into absolute Paths (with their line for messages)."""
    out = dict(raw)
    fonts = raw.get("fonts")
    if isinstance(fonts, YMap):
        out["fonts"] = dict(fonts)
        for fam in ("body", "heading"):
            if isinstance(fonts.get(fam), YMap):
                out["fonts"][fam] = {k: (_asset(v, folder, path, fonts[fam].line_of(k), True)
                                         if k in FONT_FACES else v)
                                     for k, v in fonts[fam].items()}
        if "symbol" in fonts:
            out["fonts"]["symbol"] = _asset(fonts["symbol"], folder, path,
                                            fonts.line_of("symbol"), "symbol")
    for key in ("logo", "word_template"):
        if raw.get(key):
            out[key] = _asset(raw[key], folder, path, raw.line_of(key))
    return out


def builtin_font_dir() -> Path:
    """matplotlib's bundled DejaVu fonts, found without importing matplotlib."""
    spec = importlib.util.find_spec("matplotlib")
    return Path(spec.submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf"


def _asset(value, folder: Path, path: Path, line: int, font: bool | str = False) -> Path:
    """A file named in a style: relative to the style folder or builtin:<font file>."""
    if not isinstance(value, str):
        raise ContentError(Problem(path, line, f"expected a file name, got {value!r}"))
    target = (builtin_font_dir() / value[8:]) if value.startswith("builtin:") else folder / value
    if not target.is_file():
        raise ContentError(Problem(path, line, f"file not found: {value} "
                                   f"(looked for {display_path(target)})"))
    if font:
        check_truetype(target, path, line)
        check_font_tables(target, path, line, letters=font is True)
    elif value.lower().endswith((".png", ".jpg", ".jpeg")):
        check_image(target, path, line, value)
    return target


def _asset_paths(data: dict) -> tuple[Path, ...]:
    found = []
    def walk(v):
        if isinstance(v, Path):
            found.append(v)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
    walk(data)
    return tuple(found)


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            out[key] = _merge(base[key], value)
        else:
            out[key] = value
    return out


def _builtin(value):
    return builtin_font_dir() / value[8:] if isinstance(value, str) and \
        value.startswith("builtin:") else value


def _family(d: dict, where: Path) -> FontFamily:
    faces = {k: _builtin(d.get(k) or d.get("regular")) for k in FONT_FACES}
    return FontFamily(family=str(d.get("family") or "DejaVu Sans"), **faces)


def _check_values(raw: YMap, path: Path) -> None:
    """Colours, sizes and page settings of one style file, each problem at its line."""
    problems = []
    colors = raw.get("colors") if isinstance(raw.get("colors"), YMap) else YMap()
    swot = colors.get("swot") if isinstance(colors.get("swot"), YMap) else YMap()
    for table in (colors, swot):
        for k, v in table.items():
            if k != "swot" and not (isinstance(v, str) and HEX.match(v)):
                problems.append(Problem(path, table.line_of(k),
                                        f"colour {k} must be '#RRGGBB', got {v!r}"))
    page = raw.get("page") if isinstance(raw.get("page"), YMap) else YMap()
    if "size" in page and page["size"] not in PAGE_SIZES_MM:
        problems.append(Problem(path, page.line_of("size"), f"page size '{page['size']}' is "
                                "unknown — expected one of: " + ", ".join(PAGE_SIZES_MM)))
    sizes = raw.get("sizes") if isinstance(raw.get("sizes"), YMap) else YMap()
    for table in (sizes, page):
        for k, v in table.items():
            if k != "size" and (isinstance(v, bool) or not isinstance(v, (int, float)) or v <= 0):
                problems.append(Problem(path, table.line_of(k),
                                        f"{k} must be a positive number, got {v!r}"))
    if problems:
        raise ContentError(problems)


def _build(data: dict, folder: Path | None, inputs: tuple[Path, ...]) -> Theme:
    where = (folder / "style.yaml") if folder else Path("<builtin default style>")
    colors, page = data["colors"], data["page"]
    body = _family(data["fonts"]["body"], where)
    heading = _family(data["fonts"]["heading"], where) if data["fonts"].get("heading") else body
    return Theme(
        name=str(data["name"]), folder=folder,
        colors={k: v for k, v in colors.items() if k != "swot"}, swot_colors=dict(colors["swot"]),
        body_font=body, heading_font=heading, symbol_font=Path(_builtin(data["fonts"]["symbol"])),
        sizes={k: float(v) for k, v in data["sizes"].items()},
        page_size_mm=PAGE_SIZES_MM[page["size"]],
        margins_mm={k[7:]: float(v) for k, v in page.items() if k.startswith("margin_")},
        logo=_builtin(data.get("logo")), word_template=data.get("word_template"),
        bullet=str(data["bullet"]), inputs=inputs,
        cmyk={k: tuple(v) for k, v in (data["cmyk"] or {}).items() if k != "swot"},
        swot_cmyk={k: tuple(v) for k, v in ((data["cmyk"] or {}).get("swot") or {}).items()},
        typography=dict(data["typography"]), print_enabled=bool(data["print"]["enabled"]),
        pdfa=data["pdfa"],
    )


def _check_print_keys(raw: YMap, path: Path) -> None:
    """cmyk (colour names, four numbers 0–100), typography and print switches, pdfa."""
    problems = []
    colors = raw.get("colors") if isinstance(raw.get("colors"), YMap) else YMap()
    names = set(BUILTIN_DEFAULT["colors"]) | set(colors)
    cmyk = raw.get("cmyk")
    if cmyk is not None and not isinstance(cmyk, YMap):
        problems.append(Problem(path, raw.line_of("cmyk"), "cmyk must be a mapping of colour "
                                "names to [C, M, Y, K]"))
    elif cmyk is not None:
        swot = cmyk.get("swot") if isinstance(cmyk.get("swot"), YMap) else YMap()
        problems += _cmyk_table(cmyk, names - {"swot"}, path, "")
        problems += _cmyk_table(swot, set(BUILTIN_DEFAULT["colors"]["swot"]), path, "swot ")
    for section in ("typography", "print"):
        table = raw.get(section) if isinstance(raw.get(section), YMap) else YMap()
        problems += [Problem(path, table.line_of(k), f"{section} {k} must be true or false, "
                             f"got {v!r}") for k, v in table.items() if not isinstance(v, bool)]
    if "pdfa" in raw and not isinstance(raw["pdfa"], (bool, type(None))):
        problems.append(Problem(path, raw.line_of("pdfa"), f"pdfa must be true or false, got "
                                f"{raw['pdfa']!r}"))
    if problems:
        raise ContentError(problems)


def _cmyk_table(table: YMap, names: set, path: Path, prefix: str) -> list[Problem]:
    problems = []
    for k, v in table.items():
        if prefix == "" and k == "swot":
            continue
        if k not in names:
            problems.append(Problem(path, table.line_of(k), f"cmyk {prefix}{k} names no colour"
                                    + did_you_mean(str(k), names)))
        elif not (isinstance(v, list) and len(v) == 4 and all(
                isinstance(x, (int, float)) and not isinstance(x, bool) and 0 <= x <= 100
                for x in v)):
            problems.append(Problem(path, table.line_of(k), f"cmyk {prefix}{k} must be four "
                                    f"numbers from 0 to 100 [C, M, Y, K], got {v!r}"))
    return problems
