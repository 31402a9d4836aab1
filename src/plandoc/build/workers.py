"""Building stale documents: one document (or one format of it) per unit, in forked workers.

    build_all(files, options, jobs) -> yields an Outcome per document as each finishes

`build_file` never raises: a document's mistakes become its Outcome's problems, a bug its
traceback, so one document never stops the others.  With fewer documents than jobs, each format
is its own unit (DOCX and PDF written at once) and the parts are merged per document.
"""

from __future__ import annotations

import os
import time
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path

from plandoc.build import Options
from plandoc.build.document import build_one, load_one
from plandoc.errors import ContentError
from plandoc.build.manifest import file_hash, forget


@dataclass
class Outcome:
    """What happened to one document."""

    source: Path
    status: str  # "built" | "failed" | "unchanged"
    problems: tuple[str, ...] = ()
    error: str | None = None  # traceback of a bug (not a user mistake)
    inputs: dict = field(default_factory=dict)
    outputs: dict = field(default_factory=dict)
    seconds: float = 0.0



def build_all(files: list[Path], options: Options, jobs: int):
    """Yield an Outcome per file as each finishes; worker processes when it pays.

    With fewer stale documents than jobs, each format of a document is its own unit of work,
    so one changed document is written as DOCX and PDF at once.
    """
    units = _units(files, options, jobs)
    if jobs <= 1 or len(units) <= 1:
        for file, opts in units:
            yield build_file(file, opts)
        return
    parts: dict[Path, list] = {}
    expected = {f: sum(u[0] == f for u in units) for f in files}
    for index, outcome in _pool(units, jobs):
        parts.setdefault(outcome.source, []).append((index, outcome))
        if len(parts[outcome.source]) == expected[outcome.source]:
            yield _merge([o for _, o in sorted(parts.pop(outcome.source), key=lambda x: x[0])])


def _units(files: list[Path], options: Options, jobs: int) -> list[tuple[Path, Options]]:
    if len(files) >= jobs or len(options.formats) == 1:
        return [(f, options) for f in files]
    return [(f, replace(options, formats=(fmt,))) for f in files for fmt in options.formats]


def _pool(units, jobs: int):
    """(index, Outcome) of each unit as it finishes, built in forked worker processes."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with ProcessPoolExecutor(min(jobs, len(units)), mp_context=context) as pool:
        futures = {pool.submit(build_file, f, o): (i, f) for i, (f, o) in enumerate(units)}
        for future in as_completed(futures):
            index, file = futures[future]
            try:
                yield index, future.result()
            except Exception:  # the worker died (killed, out of memory): report, go on
                yield index, Outcome(file, "failed", error=traceback.format_exc())


def _merge(parts: list[Outcome]) -> Outcome:
    """One document's outcome from those of its formats."""
    first, seconds = parts[0], max(p.seconds for p in parts)
    failed = [p for p in parts if p.status == "failed"]
    if failed:
        problems = tuple(dict.fromkeys(x for p in failed for x in p.problems))
        error = next((p.error for p in failed if p.error), None)
        return Outcome(first.source, "failed", problems, error, seconds=seconds)
    inputs, outputs = {}, {}
    for p in parts:
        inputs.update(p.inputs)
        outputs.update(p.outputs)
    return Outcome(first.source, "built", inputs=inputs, outputs=outputs, seconds=seconds)


def preload() -> None:
    """Import the reader and writers now (watch mode: later rebuilds and forks find them)."""
    import plandoc.reader.content  # noqa: F401
    import plandoc.writers.docx  # noqa: F401
    import plandoc.writers.pdf.build  # noqa: F401
    import plandoc.writers.pdf.finish  # noqa: F401


def build_file(source: Path, options: Options) -> Outcome:
    """Read, validate and write one document; never raises (a worker's unit of work)."""
    started = time.perf_counter()
    file_hash(source)  # memoised before reading: a save during the build shows next time
    try:
        doc, theme = load_one(source, options)
    except ContentError as exc:
        return Outcome(source, "failed", tuple(str(p) for p in exc.problems),
                       seconds=time.perf_counter() - started)
    try:
        written = build_one(doc, theme, options)
    except ContentError as exc:
        return Outcome(source, "failed", tuple(str(p) for p in exc.problems),
                       seconds=time.perf_counter() - started)
    except Exception:  # a bug: keep its traceback, go on with the other documents
        return Outcome(source, "failed", error=traceback.format_exc(),
                       seconds=time.perf_counter() - started)
    forget(written)
    inputs = {str(Path(p).absolute()): file_hash(p) for p in (*doc.inputs, *theme.inputs)}
    inputs.update(_absent_styles(source, doc.meta.style, theme, options))
    outputs = {str(p.absolute()): file_hash(p) for p in written}
    return Outcome(source, "built", inputs=inputs, outputs=outputs,
                   seconds=time.perf_counter() - started)


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
