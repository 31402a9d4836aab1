"""Build step: content paths → validated documents → writers → outputs renamed into place.

Everything is read and validated before anything is written, so a mistake anywhere leaves every
previous output untouched.  Each output is written to a temporary file in the output folder and
renamed over the old one, so no half-written file is ever left behind.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from typing import TYPE_CHECKING

from plandoc.errors import ContentError, Problem

if TYPE_CHECKING:  # kept off the no-op path of plandoc.batch (PyYAML, 20 dataclasses)
    from plandoc.model import Document
    from plandoc.theme import Theme

FORMATS = ("docx", "pdf")
CONTENT_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Options:
    """What to build and where."""

    formats: tuple[str, ...] = FORMATS
    out_dir: Path = Path("output")
    styles_dir: Path | None = None
    line_numbers: bool = False      # number the lines of every document (as if its metadata said so)
    pdfa: bool | None = None      # PDF/A-2b; None: the style's `pdfa`, else on for vedtatt
    press: bool = False           # also write <name>-print.pdf (or the style's print.enabled)


def content_files(paths: list[Path]) -> list[Path]:
    """Expand folders into their content files (sorted); a missing path is a problem."""
    files, problems = [], []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix in CONTENT_SUFFIXES
                            and p.is_file() and "styles" not in p.relative_to(path).parts)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(path, None, "no such file or folder"))
    if problems:
        raise ContentError(problems)
    if not files:
        raise ContentError([Problem(p, None, "no content files (.yaml) here") for p in paths])
    return files


def load(paths: list[Path], options: Options) -> list[tuple[Document, Theme]]:
    """Read and validate every document and its style; all problems in one ContentError."""
    loaded, problems = [], []
    for file in content_files(paths):
        try:
            loaded.append(load_one(file, options))
        except ContentError as exc:
            problems += exc.problems
    _check_names(loaded, problems)
    if problems:
        raise ContentError(problems)
    return loaded


def load_one(file: Path, options: Options) -> tuple[Document, Theme]:
    """Read and validate one document and its style; problems raise ContentError."""
    from plandoc.glyphs import check_glyphs
    from plandoc.reader.content import read_document
    from plandoc.theme import load_theme, style_dirs

    doc = read_document(file)
    if options.line_numbers and not doc.meta.line_numbers:
        doc = replace(doc, meta=replace(doc.meta, line_numbers=True))
    theme = load_theme(doc.meta.style, style_dirs(file.parent, options.styles_dir),
                       origin=(file, _style_line(file)))
    check_glyphs(doc, theme)
    return doc, theme


def _style_line(file: Path) -> int | None:
    for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip().startswith("style:"):
            return n
    return None


def _check_names(loaded, problems) -> None:
    seen: dict[str, Path] = {}
    for doc, _ in loaded:
        if doc.name in seen:
            problems.append(Problem(doc.source, None, f"two documents would both be written as "
                                    f"'{doc.name}' (the other is {seen[doc.name]}) — rename one"))
        seen[doc.name] = doc.source


def build(paths: list[Path], options: Options) -> list[Path]:
    """Build every document in `paths`; returns the files written."""
    loaded = load(paths, options)
    options.out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for doc, theme in loaded:
        written += build_one(doc, theme, options)
    return written


def build_one(doc: Document, theme: Theme, options: Options) -> list[Path]:
    """Write the requested formats of one validated document."""
    from plandoc.charts import ChartRenderer

    charts = ChartRenderer(theme, options.out_dir / ".cache" / "charts", doc.meta.language)
    written = []
    for fmt in options.formats:
        target = options.out_dir / f"{doc.name}.{fmt}"
        atomic_write(target, lambda tmp, fmt=fmt: _writer(fmt, doc, theme, options)(
            doc, theme, charts, tmp))
        written.append(target)
    if "pdf" in options.formats and (options.press or theme.print_enabled):
        target = options.out_dir / f"{doc.name}-print.pdf"
        atomic_write(target, lambda tmp: _writer("pdf", doc, theme, options, press=True)(
            doc, theme, charts, tmp))
        written.append(target)
    return written


def _writer(fmt: str, doc: Document, theme: Theme, options: Options, press: bool = False):
    if fmt == "docx":
        from plandoc.writers.docx import write_docx
        return write_docx
    from functools import partial

    from plandoc.writers.pdf import write_pdf
    from plandoc.writers.pdf.profile import PdfProfile
    return partial(write_pdf, profile=PdfProfile(pdfa=False, press=True) if press else
                   PdfProfile(pdfa=wants_pdfa(doc, theme, options)))


def wants_pdfa(doc: Document, theme: Theme, options: Options) -> bool:
    """--pdfa/--no-pdfa, else the style's `pdfa`, else PDF/A for adopted (vedtatt) documents."""
    for choice in (options.pdfa, theme.pdfa):
        if choice is not None:
            return choice
    return doc.meta.status == "vedtatt"


def atomic_write(target: Path, write) -> None:
    """Call write(tmp_path) and rename the result over `target`; no partial file survives."""
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
