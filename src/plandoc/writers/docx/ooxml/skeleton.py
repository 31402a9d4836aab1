"""The package a document starts from without a Word template: python-docx's default, trimmed.

python-docx's default.docx carries a 438 KB styles.xml (164 styles and 276 latent-style
entries) and a copy of it as stylesWithEffects.xml, parsed, serialised and deflated on every
build although plandoc defines each style it uses itself.  The trimmed copy keeps the document
defaults and the four default styles Word and python-docx expect (Normal, Default Paragraph
Font, Normal Table, No List); every other part stays as python-docx ships it, except its
thumbnail (an empty page) and stylesWithEffects.xml (Word 2010 would read it instead).

The file is shipped as plandoc/data/default.docx; after a python-docx upgrade, write it again:

    python -m plandoc.writers.docx.ooxml.skeleton src/plandoc/data/default.docx
"""

from __future__ import annotations

import functools
import io
import sys
import zipfile
from importlib.resources import files
from pathlib import Path

from docx.api import _default_docx_path
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DROPPED = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml")
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


@functools.cache
def default_docx() -> bytes:
    """The trimmed default package shipped with plandoc (read once per process)."""
    return files("plandoc.data").joinpath("default.docx").read_bytes()


def trimmed(source: Path) -> bytes:
    """python-docx's default package at `source` without the parts and styles plandoc never
    uses (same bytes each time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            if name in DROPPED:
                continue
            blob = src.read(name)
            if name == "word/styles.xml":
                blob = _trim_styles(blob)
            elif name.endswith((".rels", "[Content_Types].xml")):
                blob = _drop_references(blob)
            dst.writestr(zipfile.ZipInfo(name, date_time=ZIP_DATE), blob, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _trim_styles(blob: bytes) -> bytes:
    """styles.xml with its docDefaults and default styles only (no latent styles)."""
    root = etree.fromstring(blob)
    for el in list(root):
        keep = el.tag == f"{W}docDefaults" or (el.tag == f"{W}style"
                                                and el.get(f"{W}default") == "1")
        if not keep:
            root.remove(el)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _drop_references(blob: bytes) -> bytes:
    """A relationships or content-types part without the entries naming a dropped part."""
    root = etree.fromstring(blob)
    for el in list(root):
        target = el.get("Target") or el.get("PartName") or ""
        if any(target.endswith(name.rsplit("/", 1)[-1]) for name in DROPPED):
            root.remove(el)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


if __name__ == "__main__":
    Path(sys.argv[1]).write_bytes(trimmed(Path(_default_docx_path())))
