"""`plandoc new`: a municipality's first content file and style, from templates in data/new/.

The templates are YAML files with `$name` placeholders (string.Template), one per document
kind and language, and one style. Every target is checked before anything is written, so a
refused scaffold leaves the folders as they were.
"""

from __future__ import annotations

import datetime
import json
import re
import shutil
import string
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

KINDS = ("plan", "saksframlegg", "invitation", "meeting")
LANGUAGES = ("nb", "nn")
NAME = re.compile(r"[A-Za-z0-9_-]+")
COLOR = re.compile(r"#[0-9A-Fa-f]{6}")
DEFAULT_PRIMARY = "#1F4E79"      # styles/default's primary, shown commented out
FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "á": "a", "č": "c", "đ": "d", "ŋ": "n",
                      "š": "s", "ŧ": "t", "ž": "z"})


class Refused(Exception):
    """A scaffold that would overwrite a file, or a --logo that is no SVG, PNG or JPEG."""


@dataclass
class Scaffold:
    """What `new` writes: (path, text) pairs and a logo to copy, and the style it reuses."""

    files: list[tuple[Path, str]] = field(default_factory=list)
    logo: tuple[Path, Path] | None = None      # (source, destination)
    reused_style: Path | None = None


def style_slug(municipality: str) -> str:
    """'Hemnes kommune' → 'hemnes': the style folder's name (letters, digits and '-')."""
    words = municipality.lower().translate(FOLD).split()
    if len(words) > 1 and words[-1] in ("kommune", "municipality"):
        words = words[:-1]
    return re.sub(r"[^a-z0-9]+", "-", " ".join(words)).strip("-") or "kommune"


def logo_problem(file: Path) -> str | None:
    """Why `file` cannot be the style's logo (PNG, JPEG or SVG, as the style loader checks)."""
    from plandoc.style.assets import image_problem

    return image_problem(file, file.name)


def plan(name: str, kind: str, language: str, municipality: str, content: Path, styles: Path,
         color: str | None, logo: Path | None) -> Scaffold:
    """The files `new` would write (nothing written yet); Refused when one already exists."""
    slug = style_slug(municipality)
    values = _values(name, municipality, slug, content)
    out = Scaffold()
    doc = content / f"{name}.yaml"
    if kind == "meeting":
        case = content / f"{name}-sak.yaml"
        values["case_file"] = case.name
        out.files.append((case, _fill(language, "saksframlegg", values)))
    out.files.insert(0, (doc, _fill(language, kind, values)))
    style_file = styles / slug / "style.yaml"
    if style_file.exists() and color is None and logo is None:
        out.reused_style = style_file
    else:
        out.files.append((style_file, _style(municipality, color, logo)))
        if logo is not None:
            out.logo = (logo, style_file.parent / logo.name)
    _refuse_existing([p for p, _ in out.files] + ([out.logo[1]] if out.logo else []))
    return out


def write(scaffold: Scaffold) -> list[Path]:
    """Write the scaffold's files and copy its logo; the paths written, in order."""
    written = []
    for path, text in scaffold.files:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    if scaffold.logo:
        shutil.copyfile(*scaffold.logo)
        written.append(scaffold.logo[1])
    return written


def _refuse_existing(paths: list[Path]) -> None:
    for path in paths:
        if path.exists():
            raise Refused(f"{path} already exists — choose another NAME or move the file away")


def _values(name: str, municipality: str, slug: str, content: Path) -> dict:
    """The placeholders' values: names, paths and dates counted from today."""
    today = datetime.date.today()
    days = lambda n: (today + datetime.timedelta(days=n)).isoformat()  # noqa: E731
    return {"municipality": _scalar(municipality), "municipality_text": municipality,
            "style": slug, "path": (content / f"{name}.yaml").as_posix(),
            "today": today.isoformat(), "deadline": days(7), "meeting_date": days(14),
            "later_date": days(28), "period": f"{today.year + 1}–{today.year + 12}",
            "year_short": f"{today.year % 100:02d}"}


def _style(municipality: str, color: str | None, logo: Path | None) -> str:
    return _template("style.yaml").substitute(
        municipality_text=municipality, c="" if color else "# ",
        primary=(color or DEFAULT_PRIMARY).upper(), l="" if logo else "# ",
        logo=_scalar(logo.name) if logo else "emblem.png")


def _fill(language: str, kind: str, values: dict) -> str:
    return _template(f"{language}/{kind}.yaml").substitute(values)


def _template(name: str) -> string.Template:
    return string.Template((resources.files("plandoc") / "data" / "new" / name)
                           .read_text(encoding="utf-8"))


def _scalar(text: str) -> str:
    """`text` as a YAML scalar: plain when YAML reads it back as the same string, else quoted."""
    try:
        plain = yaml.safe_load(f"k: {text}") == {"k": text}
    except yaml.YAMLError:
        plain = False
    return text if plain and "#" not in text else json.dumps(text, ensure_ascii=False)
