"""One document: read → validate → lay out (once) → writers → temp files renamed into place.

Everything is read and validated before anything is written, so a mistake anywhere leaves every
previous output untouched.  Every output of a document (DOCX, PDF, print PDF) is first written to
a temporary file in the output folder; only when all of them are written are they renamed over
the old ones (`commit`), so a crash or a failing writer leaves either all new outputs or all old
ones, and never a half-written file.  In a batch the worker writes the temporary files and the
building process renames them (plandoc.build.workers).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from typing import TYPE_CHECKING

from plandoc.build import Options, check_names, content_files, content_roots, output_name
from plandoc.errors import ContentError, Problem

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
    from plandoc.style.template import check_template
    from plandoc.reader.content import read_document
    from plandoc.style import load_theme, style_dirs

    doc = public_only(read_document(file, content_roots(file, options)), options)
    if options.line_numbers and not doc.meta.line_numbers:
        doc = replace(doc, meta=replace(doc.meta, line_numbers=True))
    theme = load_theme(doc.meta.style, style_dirs(file.parent, options.styles_dir),
                       origin=(file, _style_line(file)), allow=options.allow_dirs)
    check_glyphs(doc, theme)
    check_template(theme.word_template, doc.meta.language)
    return doc, theme


def public_only(doc: Document, options: Options) -> Document:
    """For a public build (--public, or the document's `audience: public`): the document with
    its exempt content replaced by the marking (plandoc.layout.exempt), before anything else
    sees it; a document exempt as a whole is refused."""
    if not doc.meta.is_public(options.public):
        return doc  # without importing the layout: `plandoc check` needs none of it
    from plandoc.labels import labels
    from plandoc.layout.exempt import screen

    if doc.meta.exempt:
        basis = doc.meta.exempt.basis
        raise ContentError(Problem(doc.source, _key_line(doc.source, "exempt:"), "the document "
                                   f"is exempt from public access ({basis}) and cannot be built "
                                   "for the public — build it without --public, or leave it out "
                                   "of the public build"))
    return replace(doc, blocks=screen(doc.blocks, labels(doc.meta.language), public=True))


def _style_line(file: Path) -> int | None:
    return _key_line(file, "style:")


def _key_line(file: Path, key: str) -> int | None:
    for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip().startswith(key):
            return n
    return None


def build_one(doc: Document, theme: Theme, options: Options) -> list[Path]:
    """Lay out one validated document once, write the requested formats of it, rename them
    into place together; returns the outputs."""
    staged = write_staged(doc, theme, options)
    commit(staged)
    return [target for target, _ in staged]


def write_staged(doc: Document, theme: Theme, options: Options) -> list[tuple[Path, Path]]:
    """Write every output of one document to a temporary file beside it: (target, temp) pairs.

    Nothing is renamed; if any writer fails, the temporary files written so far are removed
    and the error propagates.
    """
    from plandoc.charts import ChartRenderer

    layout = laid_out(doc, theme, options)
    charts = ChartRenderer(theme, options.out_dir / ".cache" / "charts", doc.meta.language)
    jobs = _jobs(doc, theme, options, layout, charts)
    _check_targets(options.out_dir, [name for name, _, _ in jobs])
    staged: list[tuple[Path, Path]] = []
    try:
        for name, fmt, variant in jobs:
            target = options.out_dir / name
            target.parent.mkdir(exist_ok=True)
            write = _writer(fmt, doc, theme, options, variant)
            staged.append((target, write_temp(target, lambda tmp, write=write:
                                              write(layout, charts, tmp))))
    except BaseException:
        discard(staged)
        _drop_empty_folders(options.out_dir, [name for name, _, _ in jobs])
        raise
    return staged


_layouts: dict[int, tuple] = {}


def laid_out(doc: Document, theme: Theme, options: Options):
    """The document laid out, once per document object (a build that splits a document's
    formats over workers lays it out before forking them)."""
    from plandoc.layout import lay_out

    kept = _layouts.get(id(doc))
    if kept is None or kept[0] is not doc or kept[1] is not theme:
        _layouts.clear()
        kept = _layouts[id(doc)] = (doc, theme, lay_out(doc, theme, public=options.public))
    return kept[2]


def keep_layout(doc: Document, theme: Theme, layout) -> None:
    """Take `layout` as `doc`'s (laid out by another process, plandoc.build.handoff)."""
    _layouts.clear()
    _layouts[id(doc)] = (doc, theme, layout)


def _drop_empty_folders(out_dir: Path, names: list[str]) -> None:
    """Remove a web page's folder this build made and left empty (a writer failed)."""
    for name in names:
        folder = (out_dir / name).parent
        if folder != out_dir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def _jobs(doc: Document, theme: Theme, options: Options, layout, charts) -> list[tuple]:
    """(output name, format, variant) of every output: the formats asked for, the web edition
    too where the style asks for it (unless --format chose), the print PDF where asked.  The
    variant is True for the print PDF, and a web page's file name (the edition split by
    chapter has several)."""
    formats = options.formats
    if theme.web_enabled and not options.chosen and "html" not in formats:
        formats += ("html",)
    jobs = [(output_name(doc.name, fmt), fmt, False) for fmt in formats if fmt != "html"]
    if "html" in formats:
        from plandoc.writers.html import pages
        jobs += [(f"{doc.name}/{page}", "html", page) for page, _ in pages(layout, charts)]
    if "pdf" in formats and (options.press or theme.print_enabled):
        jobs.append((f"{doc.name}-print.pdf", "pdf", True))
    return jobs


def _check_targets(out_dir: Path, names: list[str]) -> None:
    """A folder where an output file goes, or a file where the web page's folder goes, is a
    problem the user must clear; nothing is written then."""
    problems = []
    for name in names:
        target = out_dir / name
        if target.is_dir():
            problems.append(Problem(target, None, "is a folder — expected the document's "
                                    "output file here (move the folder away)"))
        elif target.parent != out_dir and target.parent.exists() and not target.parent.is_dir():
            problems.append(Problem(target.parent, None, "is a file — expected the folder of "
                                    "the document's web page here (move the file away)"))
    if problems:
        raise ContentError(problems)


def commit(staged: list[tuple[Path, Path]]) -> None:
    """Rename every temporary file over its target; SIGINT/SIGTERM wait until all are done."""
    from plandoc.build.faults import signals_deferred

    with signals_deferred():
        try:
            for target, tmp in staged:
                os.replace(tmp, target)
        except BaseException:
            discard(staged)
            raise
    _prune_web_pages([target for target, _ in staged])


def _prune_web_pages(targets: list[Path]) -> None:
    """A web edition's folder keeps only the pages just written: a chapter taken out of the
    plan (or the edition made one page again) leaves no page behind."""
    for folder in {t.parent for t in targets if t.name == "index.html"}:
        for old in folder.glob("*.html"):
            if old not in targets:
                old.unlink()


def discard(staged: list[tuple[Path, Path]]) -> None:
    """Remove the temporary files of outputs that will not be renamed into place."""
    for _, tmp in staged:
        Path(tmp).unlink(missing_ok=True)


def _writer(fmt: str, doc: Document, theme: Theme, options: Options, variant=False):
    """The writer of `fmt`; `variant`: True for the print PDF, a web page's file name."""
    from functools import partial

    if fmt == "docx":
        from plandoc.writers.docx import write_docx
        return partial(write_docx, toc_pages=options.toc_pages or theme.docx_toc_pages)
    if fmt == "html":
        from plandoc.writers.html import write_html
        return partial(write_html, page=variant)
    from plandoc.writers.pdf import write_pdf
    from plandoc.writers.pdf.profile import PdfProfile
    return partial(write_pdf, profile=PdfProfile(pdfa=False, press=True) if variant else
                   PdfProfile(pdfa=wants_pdfa(doc, theme, options)))


def wants_pdfa(doc: Document, theme: Theme, options: Options) -> bool:
    """--pdfa/--no-pdfa, else the style's `pdfa`, else PDF/A for adopted (vedtatt) documents."""
    for choice in (options.pdfa, theme.pdfa):
        if choice is not None:
            return choice
    return doc.meta.status == "vedtatt"


def write_temp(target: Path, write) -> Path:
    """Call write(tmp_path) for a temporary file beside `target`; returns it (not renamed).

    The temporary file is named `.<target name>.<random>.tmp`, which the next build removes if
    this one is killed; a failed write removes it at once.
    """
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def atomic_write(target: Path, write) -> None:
    """Call write(tmp_path) and rename the result over `target`; no partial file survives."""
    commit([(target, write_temp(target, write))])
