"""One document: read → validate → lay out (once) → writers → temp files renamed into place.

Everything is read and validated before anything is written, so a mistake anywhere leaves every
previous output untouched.  Each output is written to a temporary file in the output folder and
renamed over the old one, so no half-written file is ever left behind.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from typing import TYPE_CHECKING

from plandoc.build import Options, check_names, content_files, content_roots
from plandoc.errors import ContentError

if TYPE_CHECKING:  # kept off the no-op path of plandoc.build.batch (PyYAML, 20 dataclasses)
    from plandoc.model import Document
    from plandoc.style import Theme

def load(paths: list[Path], options: Options) -> list[tuple[Document, Theme]]:
    """Read and validate every document and its style; all problems in one ContentError."""
    loaded, problems = [], []
    files = content_files(paths)
    check_names(files)
    for file in files:
        try:
            loaded.append(load_one(file, options))
        except ContentError as exc:
            problems += exc.problems
    if problems:
        raise ContentError(problems)
    return loaded


def load_one(file: Path, options: Options) -> tuple[Document, Theme]:
    """Read and validate one document and its style; problems raise ContentError."""
    from plandoc.style.glyphs import check_glyphs
    from plandoc.reader.content import read_document
    from plandoc.style import load_theme, style_dirs

    doc = read_document(file, content_roots(file, options))
    if options.line_numbers and not doc.meta.line_numbers:
        doc = replace(doc, meta=replace(doc.meta, line_numbers=True))
    theme = load_theme(doc.meta.style, style_dirs(file.parent, options.styles_dir),
                       origin=(file, _style_line(file)), allow=options.allow_dirs)
    check_glyphs(doc, theme)
    return doc, theme


def _style_line(file: Path) -> int | None:
    for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip().startswith("style:"):
            return n
    return None


def build_one(doc: Document, theme: Theme, options: Options) -> list[Path]:
    """Lay out one validated document once and write the requested formats of it."""
    from plandoc.charts import ChartRenderer
    from plandoc.layout import lay_out

    layout = lay_out(doc, theme)
    charts = ChartRenderer(theme, options.out_dir / ".cache" / "charts", doc.meta.language)
    jobs = [(f"{doc.name}.{fmt}", fmt, False) for fmt in options.formats]
    if "pdf" in options.formats and (options.press or theme.print_enabled):
        jobs.append((f"{doc.name}-print.pdf", "pdf", True))
    written = []
    for name, fmt, press in jobs:
        target = options.out_dir / name
        write = _writer(fmt, doc, theme, options, press)
        atomic_write(target, lambda tmp, write=write: write(layout, charts, tmp))
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
