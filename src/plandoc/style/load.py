"""Styles: `styles/<name>/style.yaml` and its assets → a Theme.

A style may `extends:` another (default: `default`); values merge key by key.  Font files may be
given relative to the style folder or as `builtin:<file>` — the DejaVu fonts matplotlib ships —
so `default` works with nothing supplied by the user.  Every file of the chain is checked in
full before anything is raised, so one run names every mistake.  No docx, reportlab or
matplotlib import, and no import of the content reader.
"""

from __future__ import annotations

import re
from pathlib import Path

from plandoc.errors import ContentError, Problem, did_you_mean, display_path
from plandoc.files import YMap, inside, load_yaml
from plandoc.style import schema
from plandoc.style.assets import builtin_font_dir
from plandoc.style.theme import (Colour, Colours, FontFamily, Fonts, LayoutSettings, Margins,
                                 Page, Sizes, SwotColours, Theme, Typography)

MIN_TEXT_MM = 40        # the text block may not shrink below this in either direction
STYLE_NAME = re.compile(r"^[^/\\:.\x00-\x1f][^/\\:\x00-\x1f]*$")  # a folder name, not a path


def builtin_default() -> dict:
    """The built-in default style, as checked values."""
    fonts = builtin_font_dir()
    return {
        "name": "Standard",
        "colors": {"primary": "#1F4E79", "secondary": "#2E75B6", "accent": "#C55A11",
                   "text": "#222222", "muted": "#5F6B73", "light": "#EEF3F8",
                   "swot": {"strengths": "#2E7D32", "weaknesses": "#B23B3B",
                            "opportunities": "#1F6FB2", "threats": "#D9822B"}},
        "fonts": {"body": {"family": "DejaVu Sans", "regular": fonts / "DejaVuSans.ttf",
                           "bold": fonts / "DejaVuSans-Bold.ttf",
                           "italic": fonts / "DejaVuSans-Oblique.ttf",
                           "bold_italic": fonts / "DejaVuSans-BoldOblique.ttf"},
                  "symbol": fonts / "DejaVuSans.ttf"},
        "sizes": {"body": 10.5, "small": 8.5, "h1": 20, "h2": 14, "h3": 11.5, "title": 30,
                  "key_figure": 30},
        "page": {"size": "A4", "margin_top": 25, "margin_bottom": 25, "margin_left": 25,
                 "margin_right": 22},
        "bullet": "•", "cmyk": {}, "typography": {}, "print": {}, "layout": {},
    }


def style_dirs(content_root: Path | None, extra: Path | None = None) -> list[Path]:
    """Where styles are looked for, first match wins."""
    dirs = [extra] if extra else []
    if content_root is not None:
        dirs += [content_root / "styles", content_root.parent / "styles"]
    dirs.append(Path.cwd() / "styles")
    return [d for d in dirs if d is not None]


def load_theme(name: str, search: list[Path], origin: tuple[Path, int] | None = None,
               allow: tuple[Path, ...] = ()) -> Theme:
    """Load style `name` from the first folder in `search` that has it.

    `allow`: folders (--allow-dir) a style's files may come from besides its own folder.
    """
    problems: list[Problem] = []
    data, inputs, folder, where = _load_chain(name, search, origin, (), problems, tuple(allow))
    if not problems:
        problems += _page_problems(data, where)
    if problems:
        raise ContentError(sorted(problems, key=lambda p: (str(p.file), p.line or 0)))
    return _build(data, folder, inputs)


def _find(name: str, search: list[Path]) -> tuple[Path, Path] | None:
    """(styles folder, style folder) of the first styles folder that has `name`."""
    for d in search:
        if (d / name / "style.yaml").is_file():
            return d, d / name
    return None


def _check_name(name: str, origin, seen: tuple, allow: tuple, found) -> None:
    """A style is named by a plain folder name, and its folder stays in its styles folder."""
    file, line = origin if origin else ("<command line>", None)
    key = "extends" if seen else "style"
    if not STYLE_NAME.match(name):
        expected = "another style" if seen else "a folder in the styles folder"
        raise ContentError(Problem(file, line, f"{key} '{name}' is not a style name — expected "
                                   f"the name of {expected}, such as 'default', not a path"))
    if found and not inside(found[1] / "style.yaml", (found[0],) + allow):
        raise ContentError(Problem(file, line, f"{key} '{name}' is a link out of the styles "
                                   f"folder {display_path(found[0])} — keep a style's folder "
                                   "inside the styles folder, or allow the folder with "
                                   "--allow-dir"))


def _load_chain(name, search, origin, seen, problems, allow=()):
    """(merged values, input files, folder, where margins were set) of `name` and its parents."""
    found = _find(name, search) if STYLE_NAME.match(name) else None
    try:
        _check_name(name, origin, seen, allow, found)
    except ContentError as exc:
        raise ContentError(problems + exc.problems) from None
    folder = found[1] if found else None
    if folder is None:
        if name == "default":
            return builtin_default(), (), None, None
        known = sorted({p.name for d in search if d.is_dir() for p in d.iterdir()
                        if (p / "style.yaml").is_file()} | {"default"})
        file, line = origin if origin else ("<command line>", None)
        raise ContentError(Problem(file, line, f"unknown style '{name}'"
                                   + did_you_mean(name, known)))
    path = folder / "style.yaml"
    raw = load_yaml(path)
    if not isinstance(raw, YMap):
        raise ContentError(Problem(path, 1, "a style must be a mapping of keys"))
    check = schema.Check(path, folder, allow=allow)
    values = schema.read_style_file(raw, check)
    problems += check.problems
    parent = values.get("extends", "default" if name != "default" else None)
    if parent in seen + (name,):
        raise ContentError(problems + [Problem(path, raw.line_of("extends"), f"style '{name}' "
                                               f"extends itself through '{parent}'")])
    if parent is None:
        base, inputs, where = builtin_default(), (), None
    else:
        base, inputs, _, where = _load_chain(parent, search, (path, raw.line_of("extends")),
                                             seen + (name,), problems, allow)
    if "page" in values:
        page = raw["page"]
        where = (path, page.line if isinstance(page, YMap) else raw.line_of("page"))
    return _merge(base, values), inputs + (path,) + _files(values), folder, where


def _files(data: dict) -> tuple[Path, ...]:
    found = []
    for v in data.values():
        if isinstance(v, Path):
            found.append(v)
        elif isinstance(v, dict):
            found += _files(v)
    return tuple(found)


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            out[key] = _merge(base[key], value)
        else:
            out[key] = value
    return out


def _page_problems(data: dict, where) -> list[Problem]:
    """Margins that leave no room for text."""
    page = data["page"]
    width, height = schema.PAGE_SIZES_MM[page["size"]]
    text_w = width - page["margin_left"] - page["margin_right"]
    text_h = height - page["margin_top"] - page["margin_bottom"]
    if min(text_w, text_h) >= MIN_TEXT_MM or where is None:
        return []
    return [Problem(where[0], where[1], f"the margins leave a text block of {text_w:g} × "
                    f"{text_h:g} mm on {page['size']} — expected at least {MIN_TEXT_MM} mm "
                    "each way")]


def _colours(data: dict) -> Colours:
    c, cmyk = data["colors"], data["cmyk"]
    swot_ink = cmyk.get("swot", {})
    named = {k: Colour(c[k], cmyk.get(k)) for k in schema.COLOURS}
    swot = SwotColours(**{q: Colour(c["swot"][q], swot_ink.get(q)) for q in schema.QUADRANTS})
    return Colours(swot=swot, **named)


def _family(d: dict) -> FontFamily:
    faces = {k: d.get(k) or d["regular"] for k in schema.FACES}
    return FontFamily(family=str(d.get("family") or "DejaVu Sans"), **faces)


def _fonts(data: dict) -> Fonts:
    fonts = data["fonts"]
    body = _family(fonts["body"])
    heading = _family({**fonts["body"], **fonts["heading"]}) if fonts.get("heading") else body
    return Fonts(body, heading, fonts["symbol"])


def _build(data: dict, folder: Path | None, inputs: tuple[Path, ...]) -> Theme:
    page = data["page"]
    width, height = schema.PAGE_SIZES_MM[page["size"]]
    margins = Margins(*(float(page[f"margin_{k}"]) for k in ("top", "bottom", "left", "right")))
    return Theme(
        name=str(data["name"]), folder=folder, colours=_colours(data), fonts=_fonts(data),
        sizes=Sizes(**{k: float(v) for k, v in data["sizes"].items()}),
        page=Page(page["size"], width, height, margins),
        logo=data.get("logo"), word_template=data.get("word_template"), bullet=data["bullet"],
        typography=Typography(**data["typography"]), layout=LayoutSettings(**data["layout"]),
        print_enabled=bool(data["print"].get("enabled", False)), pdfa=data.get("pdfa"),
        inputs=inputs)
