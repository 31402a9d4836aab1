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
from plandoc.files import YList, YMap, inside, load_yaml
from plandoc.style import assets, schema
from plandoc.style.assets import builtin_font_dir
from plandoc.style.theme import (Colour, Colours, FontFamily, Fonts, LayoutSettings, Margins,
                                 Page, Sizes, SwotColours, Theme, Typography)

MIN_TEXT_MM = 40        # the text block may not shrink below this in either direction …
MIN_TEXT_W_MM, MIN_TEXT_H_MM = 70, 100   # … nor below this: a table, a SWOT quadrant, a
                                         # heading box must fit one page
MM_PER_PT = 25.4 / 72
CARD_PER_SIZE = 1.25    # a key-figure card is at least 1.25 × the key figure's size wide
COVER_LOGO_MM = 22      # the logo's height on the cover (plandoc.layout.frame.LOGO_HEIGHT_MM)
COVER_NAME_MM = 30      # at least this much of the text block's width is left for the name
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
        "bullet": "•", "cmyk": {}, "typography": {}, "print": {}, "web": {}, "docx": {},
        "layout": {},
    }


def load_theme(name: str, search: list[Path], origin: tuple[Path, int] | None = None,
               allow: tuple[Path, ...] = ()) -> Theme:
    """Load style `name` from the first folder in `search` that has it.

    `allow`: folders (--allow-dir) a style's files may come from besides its own folder.
    """
    problems: list[Problem] = []
    data, inputs, folder, lines = _load_chain(name, search, origin, (), problems, tuple(allow))
    if not problems:
        problems += _page_problems(data, lines)
    if problems:
        raise ContentError(sorted(problems, key=lambda p: (str(p.file), p.line or 0)))
    theme = _build(data, folder, inputs)
    _warn_font_mismatch(theme, lines)
    return theme


def _warn_font_mismatch(theme: Theme, lines: dict) -> None:
    """Warn, at the style file's line, when a family Word is told is not its files' font."""
    from plandoc.errors import warn
    from plandoc.style.fontpairs import mismatch

    for role in ("body", "heading"):
        where = lines.get(("fonts", role, "family")) or lines.get(("fonts", role, "regular"))
        if where is None:
            continue
        family = getattr(theme.fonts, role)
        actual = assets.family_name(family.regular, family.family)
        message = mismatch(role, family.family, family.regular, actual)
        if message:
            warn(where[0], where[1], message)


def _find(name: str, search: list[Path]) -> tuple[Path, Path] | None:
    """(styles folder, style folder) of the first styles folder that has `name`."""
    for d in search:
        try:
            if (d / name / "style.yaml").is_file():
                return d, d / name
        except (OSError, ValueError):   # a name the file system cannot hold (too long, NUL)
            continue
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


def _known(search: list[Path]) -> list[str]:
    names = {"default"}
    for d in search:
        try:
            names |= {p.name for p in d.iterdir() if (p / "style.yaml").is_file()}
        except OSError:
            continue
    return sorted(names)


def _load_chain(name, search, origin, seen, problems, allow=()):
    """(merged values, input files, folder, where each value was set) of `name` and parents.

    Problems are collected in `problems`; a parent that cannot be used (unknown, a circle, not
    a mapping) is reported and the built-in default stands in for it, so the rest of the chain
    is still checked.
    """
    found = _find(name, search) if STYLE_NAME.match(name) else None
    try:
        _check_name(name, origin, seen, allow, found)
    except ContentError as exc:
        raise ContentError(problems + exc.problems) from None
    folder = found[1] if found else None
    if folder is None:
        if name != "default":
            file, line = origin if origin else ("<command line>", None)
            problems.append(Problem(file, line, f"unknown style '{name}'"
                                    + did_you_mean(name, _known(search))))
        return builtin_default(), (), None, {}
    path = folder / "style.yaml"
    try:
        raw = load_yaml(path)
    except ContentError as exc:     # YAML syntax, not UTF-8: the rest of the chain is checked
        problems += exc.problems
        return builtin_default(), (path,), folder, {}
    if not isinstance(raw, YMap):
        line = raw.line if isinstance(raw, YList) else 1
        problems.append(Problem(path, line, "a style must be a mapping of keys such as "
                                f"'name:', 'colors:' and 'fonts:', got {schema.describe(raw)}"))
        return builtin_default(), (path,), folder, {}
    check = schema.Check(path, folder, allow=allow)
    values = schema.read_style_file(raw, check)
    problems += check.problems
    parent = values.get("extends", "default" if name != "default" else None)
    if parent == name:
        problems.append(Problem(path, raw.line_of("extends"), f"style '{name}' extends "
                                f"itself through '{parent}'"))
        parent = None
    elif parent in seen:
        circle = " → ".join(seen[seen.index(parent):] + (name, parent))
        who, whom, (file, line) = ((name, parent, (path, raw.line_of("extends")))
                                   if "extends" in values or not origin
                                   else (seen[-1], name, origin))
        problems.append(Problem(file, line, f"style '{who}' extends '{whom}', which leads back "
                                f"to it ({circle}) — expected a chain of styles that ends at "
                                "'default'"))
        parent = None
    if parent is None:
        base, inputs, lines = builtin_default(), (), {}
    else:
        base, inputs, _, lines = _load_chain(parent, search, (path, raw.line_of("extends")),
                                             seen + (name,), problems, allow)
    depth = len(seen)   # 0: the style the document names; its parents count up
    lines = {**lines, **{key: (path, line, -depth) for key, line in check.lines.items()}}
    return _merge(base, values), inputs + (path,) + _files(values), folder, lines


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


def _page_problems(data: dict, lines: dict) -> list[Problem]:
    """Margins that leave no room for text, and type too large for the text block.

    Each is reported at the line of the value that does it (the larger margin; the type size),
    in whichever file of the `extends` chain set it.
    """
    page = data["page"]
    width, height = schema.PAGE_SIZES_MM[page["size"]]
    text_w = width - page["margin_left"] - page["margin_right"]
    text_h = height - page["margin_top"] - page["margin_bottom"]
    block = f"{text_w:g} × {text_h:g} mm on {page['size']}"
    narrow_w, narrow_h = text_w < MIN_TEXT_W_MM, text_h < MIN_TEXT_H_MM
    if narrow_w or narrow_h:
        culprits = []
        if narrow_w:
            culprits += sorted(("margin_left", "margin_right"), key=lambda m: -page[m])
        if narrow_h:
            culprits += sorted(("margin_top", "margin_bottom"), key=lambda m: -page[m])
        where = _where(lines, *(("page", m) for m in culprits), ("page", "size"))
        expected = (f"at least {MIN_TEXT_MM} mm each way" if min(text_w, text_h) < MIN_TEXT_MM
                    else f"at least {MIN_TEXT_W_MM} mm wide and {MIN_TEXT_H_MM} mm high")
        return [Problem(*where, f"the margins leave a text block of {block} — expected "
                        + expected)]
    width_pt = text_w / MM_PER_PT
    margins = sorted(("margin_left", "margin_right"), key=lambda m: -page[m])
    problems = []
    per_row = data["layout"].get("key_figures_per_row", LayoutSettings.key_figures_per_row)
    for key, value in data["sizes"].items():
        most = int(width_pt / schema.SIZE_PER_WIDTH[key])
        if key == "key_figure" and per_row * CARD_PER_SIZE > schema.SIZE_PER_WIDTH[key]:
            most = int(width_pt / per_row / CARD_PER_SIZE)
            if value > most:
                where = _where(lines, ("sizes", key), ("layout", "key_figures_per_row"),
                               *(("page", m) for m in margins), ("page", "size"))
                problems.append(Problem(*where, f"sizes key_figure of {value:g} pt is too "
                                        f"large for {per_row} key figures in a row in the text "
                                        f"block of {block} — expected at most {most} pt"))
            continue
        if value > most:
            where = _where(lines, ("sizes", key), *(("page", m) for m in margins),
                           ("page", "size"))
            problems.append(Problem(*where, f"sizes {key} of {value:g} pt is too large for "
                                    f"the text block of {block} — expected at most {most} pt"))
    return problems + _logo_problems(data, lines, text_w, block) + _bullet_problems(data, lines)


def _bullet_problems(data: dict, lines: dict) -> list[Problem]:
    """A bullet neither the body font nor the symbol font can draw (the PDF would show none)."""
    regular, symbol = data["fonts"]["body"]["regular"], data["fonts"]["symbol"]
    have = assets.font_codepoints(Path(regular)) | assets.font_codepoints(Path(symbol))
    if all(ord(c) in have or c.isspace() for c in data["bullet"]):
        return []
    return [Problem(*_where(lines, ("bullet",), ("fonts", "symbol"), ("fonts", "body", "regular")),
                    f"bullet '{data['bullet']}' is in neither the body font "
                    f"({Path(regular).name}) nor the symbol font ({Path(symbol).name}) — "
                    "expected a character one of them can draw, such as '•'")]


def _logo_problems(data: dict, lines: dict, text_w: float, block: str) -> list[Problem]:
    """A logo so wide that, at its height on the cover, no room is left for the name."""
    size = assets.logo_size(data["logo"]) if data.get("logo") else None
    if not size or not size[1]:
        return []
    ratio, most = size[0] / size[1], (text_w - COVER_NAME_MM) / COVER_LOGO_MM
    if ratio <= most:
        return []
    return [Problem(*_where(lines, ("logo",)), f"logo {data['logo'].name} is {ratio:.1f} times "
                    f"as wide as it is high: {COVER_LOGO_MM} mm high on the cover it would be "
                    f"{ratio * COVER_LOGO_MM:.0f} mm wide, too wide beside the municipality's "
                    f"name in the text block of {block} — expected at most {most:.1f} times "
                    "as wide as high")]


def _where(lines: dict, *keys) -> tuple:
    """The file and line of the first of `keys` set by the most derived style file that set
    any of them (the child's margins, not the parent's type sizes, made the block too small).
    """
    found = [(lines[k][2], -i, lines[k][:2]) for i, k in enumerate(keys) if k in lines]
    return max(found)[2] if found else (None, None)


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
        web_enabled=bool(data["web"].get("enabled", False)),
        web_chapters=bool(data["web"].get("chapters", False)),
        docx_toc_pages=bool(data["docx"].get("toc_pages", False)),
        inputs=inputs)
