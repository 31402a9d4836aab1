"""Building stale documents: one document (or one format of it) per unit, in forked workers.

    build_all(files, options, jobs) -> yields an Outcome per document as each finishes

`build_file` never raises: a document's mistakes become its Outcome's problems, a bug its
traceback, so one document never stops the others; a full disk or a folder plandoc may not write
to becomes its `fault`, which stops the batch (plandoc.build.batch).  With fewer documents than
jobs, each format is its own unit (DOCX and PDF written at once) and the parts are merged per
document.

A unit writes its outputs to temporary files only; the building process renames a document's
files into place when every part of it succeeded, and removes them otherwise, so a document's
outputs are replaced together or not at all.  Each unit has a time limit (PLANDOC_TIME_LIMIT).
Workers are forked; they drop the folder lock and die with the building process.
"""

from __future__ import annotations

import os
import time
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path

from plandoc.build import Options, handoff
from plandoc.build.document import commit, discard, load_one, write_staged
from plandoc.build.faults import (TimeUp, deadline, environment_problem, time_limit,
                                  time_limit_message, worker_init)
from plandoc.errors import (ContentError, Problem, collect_notes, collect_warnings,
                             show_warnings)
from plandoc.build.manifest import file_hash, forget


@dataclass
class Outcome:
    """What happened to one document."""

    source: Path
    status: str  # "built" | "failed" | "unchanged"
    problems: tuple[str, ...] = ()
    error: str | None = None  # traceback of a bug (not a user mistake)
    inputs: dict = field(default_factory=dict)
    outputs: dict = field(default_factory=dict)  # final path → SHA-256 (of its temp file)
    seconds: float = 0.0
    staged: tuple[tuple[str, str], ...] = ()  # (final path, temp file) not yet renamed
    fault: Problem | None = None  # the machine's (full disk, no permission): stops the batch
    notes: tuple[str, ...] = ()   # BuildNotes of its writers, printed once for the whole build
    warned: tuple[str, ...] = ()  # InputWarnings met building it, shown by the building process


def build_all(files: list[Path], options: Options, jobs: int):
    """Yield an Outcome per file as each finishes, its outputs renamed into place if it built.

    Worker processes when it pays.  With fewer stale documents than jobs, each format of a
    document is its own unit of work, so one changed document is written as DOCX and PDF at
    once, by workers that import their writers while this process reads the document
    (plandoc.build.handoff) — a single format too, in one worker, for the same overlap — and
    this process writes one format itself (`own_unit`).  Where the writers are imported
    already (watch), there is nothing to overlap: the document is read first and the workers
    forked after inherit it.  Closing the generator early cancels the units not started.
    """
    _read.clear()    # a document read by an earlier build of this process (watch) is stale
    units = _units(files, options, jobs)
    warm = all(handoff.imported(fmt) for fmt in options.formats)   # watch: nothing to import
    handed = 0 < len(files) < jobs and handoff.usable() and not warm  # workers overlap imports
    if jobs <= 1 or len(units) <= 1 and not handed:
        for file, opts in units:
            yield _settle(build_file(file, opts), options)
        return
    split = len(units) > len(files)
    if split and not handed:
        _read_first(files, options)     # before forking: the workers inherit it
    parts: dict[Path, list] = {}
    expected = {f: sum(u[0] == f for u in units) for f in files}
    own = own_unit(units) if split else None
    for index, outcome in _pool(units, jobs, options if handed else None, own):
        parts.setdefault(outcome.source, []).append((index, outcome))
        if len(parts[outcome.source]) == expected[outcome.source]:
            merged = _merge([o for _, o in sorted(parts.pop(outcome.source), key=lambda x: x[0])])
            yield _settled_read(_settle(merged, options))


_read: dict[Path, tuple] = {}     # documents read and laid out before forking, by source


def _read_first(files: list[Path], options: Options, handoffs: dict | None = None) -> None:
    """Read, validate and lay out each document once, for the workers that write its formats:
    handed to them (`handoffs`: per file, with how many take it), or, without, before they are
    forked (they inherit it).  A document with mistakes is left to each worker to report."""
    from plandoc.build.document import laid_out
    from plandoc.style import factcache

    factcache.use(options.out_dir / ".cache" / "fonts")  # kept once the document is built
    for file in files:
        given = None
        try:
            file_hash(file)  # memoised before reading, as _build_file does
            doc, theme = load_one(file, options)
            given = (doc, theme, laid_out(doc, theme, options))
            _read[file] = (doc, theme)
        except ContentError:
            pass
        finally:  # a bug here too: the workers read it again and report it
            if handoffs:
                handoffs[file][0].give(given, handoffs[file][1])


def _settled_read(outcome: Outcome) -> Outcome:
    """Keep the font facts the reading before forking found (the workers inherited them and
    store none) once a document read that way is built."""
    from plandoc.style import factcache

    if outcome.status == "built" and outcome.source in _read:
        factcache.flush()
    return outcome


def _settle(outcome: Outcome, options: Options) -> Outcome:
    """Rename a built document's temp files into place; remove those of a failed one.  The
    warnings met building it are shown here, in the building process."""
    show_warnings(outcome.warned)
    staged = [(Path(t), Path(tmp)) for t, tmp in outcome.staged]
    if outcome.status != "built":
        discard(staged)
        return replace(outcome, staged=())
    try:
        commit(staged)
    except OSError as exc:
        problem = environment_problem(exc, options.out_dir)
        if problem is None:
            raise
        return replace(outcome, status="failed", staged=(), inputs={}, outputs={},
                       fault=problem)
    forget(t for t, _ in staged)
    return replace(outcome, staged=())


def _units(files: list[Path], options: Options, jobs: int) -> list[tuple[Path, Options]]:
    if len(files) >= jobs or len(options.formats) == 1:
        return [(f, options) for f in files]
    return [(f, replace(options, formats=(fmt,))) for f in files for fmt in options.formats]


def _pool(units, jobs: int, split: Options | None, own: int | None = None):
    """(index, Outcome) of each unit as it finishes, built in forked worker processes but
    `own`, which this process builds once the others are under way.

    `split` (the build's options): the units are formats of fewer documents, read here while
    the workers start and handed to them."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    given = [(i, u) for i, u in enumerate(units) if i != own]
    if split:
        handoff.share()
    handoffs = {f: (handoff.Handoff(), sum(u[0] == f for _, u in given))
                for f, _ in units} if split else {}
    pool = ProcessPoolExecutor(min(jobs, len(given)), mp_context=context,
                               initializer=worker_init, initargs=(os.getpid(),))
    try:
        futures = {(pool.submit(_handed, f, o, handoffs[f][0].fds) if split
                    else pool.submit(build_file, f, o)): (i, f) for i, (f, o) in given}
        if split:
            _read_first(list(handoffs), split, handoffs)
        if own is not None:
            yield own, build_file(*units[own])
        for future in as_completed(futures):
            index, file = futures[future]
            try:
                yield index, future.result()
            except Exception:  # the worker died (killed, out of memory): report, go on
                yield index, Outcome(file, "failed", error=traceback.format_exc())
    finally:  # stopped early (a full disk, Ctrl-C): units not started are dropped
        pool.shutdown(wait=True, cancel_futures=True)
        for h, _ in handoffs.values():
            h.close()


def own_unit(units) -> int | None:
    """Which of a split document's units the building process writes itself, once it has read
    the document, while workers write the others: the PDF where its writer is imported
    already (watch: no fork for the longest part), else the DOCX (quick to import; the PDF
    worker imports reportlab meanwhile).  None for a single unit: its worker's imports overlap
    the reading."""
    if len(units) < 2:
        return None
    order = ("pdf", "docx", "html") if handoff.imported("pdf") else ("docx", "html", "pdf")
    kinds = [options.formats for _, options in units]
    return next((kinds.index((fmt,)) for fmt in order if (fmt,) in kinds), None)


def _handed(source: Path, options: Options, fds) -> Outcome:
    """A worker's unit of a split document: import the writers, take the document, write."""
    from plandoc.build.document import keep_layout

    handoff.prepare(options.formats)
    given = handoff.take(fds)
    _read.clear()    # what a build before this one read in the process that forked us
    if given is not None:
        doc, theme, layout = given
        _read[source] = (doc, theme)
        keep_layout(doc, theme, layout)
    return build_file(source, options)


def _merge(parts: list[Outcome]) -> Outcome:
    """One document's outcome from those of its formats."""
    first, seconds = parts[0], max(p.seconds for p in parts)
    staged = tuple(s for p in parts for s in p.staged)
    warned = tuple(dict.fromkeys(w for p in parts for w in p.warned))
    failed = [p for p in parts if p.status == "failed"]
    if failed:  # the temp files of the parts that did build are removed by _settle
        problems = tuple(dict.fromkeys(x for p in failed for x in p.problems))
        error = next((p.error for p in failed if p.error), None)
        fault = next((p.fault for p in failed if p.fault), None)
        return Outcome(first.source, "failed", problems, error, seconds=seconds, staged=staged,
                       fault=fault, warned=warned)
    inputs, outputs = {}, {}
    for p in parts:
        inputs.update(p.inputs)
        outputs.update(p.outputs)
    notes = tuple(dict.fromkeys(n for p in parts for n in p.notes))
    return Outcome(first.source, "built", inputs=inputs, outputs=outputs, seconds=seconds,
                   staged=staged, notes=notes, warned=warned)


def preload() -> None:
    """Import the reader and writers now (watch mode: later rebuilds and forks find them)."""
    import plandoc.reader.content  # noqa: F401
    import plandoc.writers.docx  # noqa: F401
    import plandoc.writers.pdf.build  # noqa: F401
    import plandoc.writers.pdf.finish  # noqa: F401


def build_file(source: Path, options: Options, limit: float | None = None) -> Outcome:
    """Read, validate and write one document to temp files; never raises (a worker's unit).

    `limit`: seconds it may take (default: PLANDOC_TIME_LIMIT, else 120; 0: no limit).
    """
    started = time.perf_counter()
    limit = time_limit() if limit is None else limit
    with collect_warnings() as warned:
        try:
            with deadline(limit):
                outcome = _build_file(source, options)
        except TimeUp:  # its temp files were removed on the way out (write_staged)
            outcome = Outcome(source, "failed", (str(Problem(source, None,
                                                             time_limit_message(limit))),))
    return replace(outcome, seconds=time.perf_counter() - started,
                   warned=tuple(dict.fromkeys(warned)))


def _build_file(source: Path, options: Options) -> Outcome:
    from plandoc.style import factcache

    file_hash(source)  # memoised before reading: a save during the build shows next time
    factcache.use(options.out_dir / ".cache" / "fonts")   # a build keeps font facts there
    try:
        doc, theme = _read.get(source) or load_one(source, options)
    except ContentError as exc:
        return Outcome(source, "failed", tuple(str(p) for p in exc.problems))
    try:
        with collect_notes() as notes:
            staged = write_staged(doc, theme, options)
    except ContentError as exc:
        return Outcome(source, "failed", tuple(str(p) for p in exc.problems))
    except OSError as exc:
        problem = environment_problem(exc, options.out_dir)
        if problem is None:
            return Outcome(source, "failed", error=traceback.format_exc())
        return Outcome(source, "failed", fault=problem)
    except Exception:  # a bug: keep its traceback, go on with the other documents
        return Outcome(source, "failed", error=traceback.format_exc())
    factcache.flush()
    try:
        inputs = {str(Path(p).absolute()): file_hash(p) for p in (*doc.inputs, *theme.inputs)}
        inputs.update(_absent_styles(source, doc.meta.style, theme, options))
        outputs = {str(t.absolute()): _hash_now(tmp) for t, tmp in staged}
    except BaseException:
        discard(staged)
        raise
    return Outcome(source, "built", inputs=inputs, outputs=outputs, notes=tuple(notes),
                   staged=tuple((str(t), str(tmp)) for t, tmp in staged))


def _hash_now(path: Path) -> str | None:
    forget([path])
    return file_hash(path)


def _absent_styles(source: Path, name: str, theme, options: Options) -> dict:
    """Style folders searched before the one used: creating one there changes the result."""
    from plandoc.style import style_dirs

    absent = {}
    for d in style_dirs(source.parent, options.styles_dir):
        candidate = (d / name / "style.yaml").absolute()
        if theme.folder is not None and candidate.parent == Path(theme.folder).absolute():
            break
        absent[str(candidate)] = None
    return absent
