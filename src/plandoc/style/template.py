"""A municipality's Word template checked against the contract (plandoc.style.wordstyles).

A body with content is a problem: a template's body would open in every document made from it
(plandoc drops it).  Missing styles and a header or footer with content are warnings: plandoc
defines a missing style from style.yaml, and writes its own running header and footer.  Read
with zipfile and ElementTree — `plandoc check` runs this without python-docx.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from plandoc.errors import warn
from plandoc.style.wordstyles import BUILTIN, OWN, find, kind, shown

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PICTURES = (f"{W}drawing", f"{W}pict", f"{W}object")
LISTED = 6       # missing styles named in a warning before '… (N in all)'


def body_problem(z: zipfile.ZipFile, value: str) -> str | None:
    """What the template's body holds that it should not: text, a table or a picture."""
    body = ElementTree.fromstring(z.read("word/document.xml")).find(f"{W}body")
    what = _content(body) if body is not None else None
    if what is None:
        return None
    return (f"word_template {value} has {what} in its body — expected an empty body (it would "
            "open in every document made from the template): delete it in Word and save the "
            "template again")


def _content(part) -> str | None:
    """'text ('…')', 'a table' or 'a picture' for a part with content; None when empty."""
    text = " ".join(t.text or "" for t in part.iter(f"{W}t")).strip()
    if text:
        return f"text ({_quote(text)})"
    if part.find(f".//{W}tbl") is not None:
        return "a table"
    if any(part.find(f".//{tag}") is not None for tag in PICTURES):
        return "a picture"
    return None


def _quote(text: str, limit: int = 30) -> str:
    text = re.sub(r"\s+", " ", text)
    return f"'{text}'" if len(text) <= limit else f"'{text[:limit].rstrip()} …'"


def check_template(file: Path | None, language: str) -> None:
    """Warn about what plandoc replaces in the template at `file` (None: no template)."""
    if file is None:
        return
    with zipfile.ZipFile(file) as z:
        missing = missing_styles(_styles(z), language)
        running = _running(z)
    if missing:
        warn(file, None, f"the template does not define {_names(missing)} — plandoc defines "
                         "them from style.yaml; to give them the municipality's look, add them "
                         "to the template ('plandoc template mal.dotx' writes one with every "
                         "style)")
    for part, what in running:
        warn(file, None, f"the template's {part} has {what} — plandoc writes its own running "
                         "header and footer instead; put a logo in style.yaml (logo:) and "
                         "delete the template's header and footer")


def missing_styles(styles: list[tuple[str, str, str]], language: str) -> list[str]:
    """The names (as the user sees them) of the contract's styles the template lacks."""
    return [shown(key, language) for key in list(BUILTIN) + list(OWN)
            if find(key, styles, kind(key)) is None]


def _names(names: list[str]) -> str:
    quoted = ", ".join(f"'{n}'" for n in names[:LISTED])
    if len(names) == 1:
        return f"the style {quoted}"
    more = f" … ({len(names)} in all)" if len(names) > LISTED else ""
    return f"the styles {quoted}{more}"


def _styles(z: zipfile.ZipFile) -> list[tuple[str, str, str]]:
    """(id, name, type) of every style in word/styles.xml."""
    out = []
    for s in ElementTree.fromstring(z.read("word/styles.xml")).iter(f"{W}style"):
        name = s.find(f"{W}name")
        out.append((s.get(f"{W}styleId") or "",
                    "" if name is None else name.get(f"{W}val") or "", s.get(f"{W}type") or ""))
    return out


def _running(z: zipfile.ZipFile) -> list[tuple[str, str]]:
    """('header'/'footer', what it holds) for each header or footer part with content."""
    found = []
    for name in sorted(z.namelist()):
        m = re.fullmatch(r"word/(header|footer)\d*\.xml", name)
        what = m and _content(ElementTree.fromstring(z.read(name)))
        if what:
            found.append((m.group(1), what))
    return found
