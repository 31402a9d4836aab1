"""Batch builds: skip what is up to date, build the rest in worker processes, keep a manifest.

    run(paths, options, force=False, jobs=None, report=None) -> Summary

A document is skipped when the manifest says its inputs, options and outputs are unchanged; that
check hashes files only (plandoc.manifest), so a no-op build imports neither PyYAML's reader nor
any writer.  Each stale document is read, validated and written on its own (`build_file`, in a
worker process when there are several), so one document's mistakes stop only that document: its
previous outputs stay as they were.  The output folder is locked for the whole build.
"""

from __future__ import annotations

import os
import time
import traceback
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from plandoc import __version__
from plandoc.build import Options, build_one, content_files, load_one
from plandoc.errors import ContentError, Problem
from plandoc.manifest import LOCK, FolderLock, Manifest, file_hash, forget, forget_all


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


@dataclass
class Summary:
    """Counts and time of one batch."""

    built: int = 0
    unchanged: int = 0
    failed: int = 0
    bugs: int = 0
    seconds: float = 0.0
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when everything built; 2 when a document had mistakes; 1 after a bug."""
        return 1 if self.bugs else 2 if self.failed else 0


class Report:
    """Hooks the CLI overrides to show progress; the default is silent."""

    def warn(self, message: str) -> None: ...
    def start(self, stale: list[Path], unchanged: int) -> None: ...
    def done(self, outcome: Outcome) -> None: ...
    def finish(self, summary: Summary) -> None: ...


def options_key(options: Options) -> str:
    """Everything besides files that changes an output's bytes: every option but the folder."""
    values = [__version__, os.environ.get("SOURCE_DATE_EPOCH", "")]
    for f in fields(options):
        value = getattr(options, f.name)
        if f.name != "out_dir":
            values.append(f"{f.name}={Path(value).absolute() if isinstance(value, Path) else value}")
    return "|".join(values)


def outputs_of(source: Path, options: Options) -> list[Path]:
    """The files a build of `source` always writes (a style may add a print PDF)."""
    return [(options.out_dir / f"{source.stem}.{fmt}").absolute() for fmt in options.formats]


def run(paths: list[Path], options: Options, force: bool = False, jobs: int | None = None,
        report: Report | None = None) -> Summary:
    """Build the stale documents among `paths` into options.out_dir."""
    report, started = report or Report(), time.perf_counter()
    forget_all()  # hashes are memoised within one run only
    files = [f.absolute() for f in content_files(paths)]
    _check_names(files)
    created = not options.out_dir.exists()
    options.out_dir.mkdir(parents=True, exist_ok=True)
    with FolderLock(options.out_dir, on_wait=lambda d: report.warn(
            f"waiting for another plandoc build in {d} …")):
        _remove_stale_temp_files(options.out_dir)
        manifest = Manifest(options.out_dir).load()
        if manifest.warning:
            report.warn(manifest.warning)
        key = options_key(options)
        stale = [f for f in files if force or not manifest.up_to_date(
            f, key, outputs_of(f, options))]
        summary = Summary(unchanged=len(files) - len(stale))
        report.start(stale, summary.unchanged)
        try:
            for outcome in build_all(stale, options, jobs or os.cpu_count() or 1):
                _count(summary, outcome, manifest, key)
                report.done(outcome)
        finally:
            if stale and manifest.entries:
                manifest.save()
    if created and not summary.built:
        _remove_empty(options.out_dir)  # a first build that failed leaves no trace
    summary.seconds = time.perf_counter() - started
    report.finish(summary)
    return summary


def _count(summary: Summary, outcome: Outcome, manifest: Manifest, key: str) -> None:
    summary.outcomes.append(outcome)
    if outcome.status == "built":
        summary.built += 1
        manifest.record(outcome.source, key, outcome.inputs, outcome.outputs)
    else:
        summary.failed += 1
        summary.bugs += outcome.error is not None


def _check_names(files: list[Path]) -> None:
    seen: dict[str, Path] = {}
    problems = []
    for file in files:
        if file.stem in seen:
            problems.append(Problem(file, None, f"two documents would both be written as "
                                    f"'{file.stem}' (the other is {seen[file.stem]}) — "
                                    "rename one"))
        seen[file.stem] = file
    if problems:
        raise ContentError(problems)


def _remove_empty(out_dir: Path) -> None:
    """Remove an output folder this run created when it holds only bookkeeping."""
    (out_dir / LOCK).unlink(missing_ok=True)
    for folder in (out_dir / ".cache" / "charts", out_dir / ".cache", out_dir):
        if folder.is_dir():
            try:
                folder.rmdir()
            except OSError:  # something else is in there: keep it
                return


def _remove_stale_temp_files(out_dir: Path) -> None:
    """Temp files left by a killed build (ours, pikepdf's); we hold the lock, nobody writes."""
    for tmp in [*out_dir.glob(".*.tmp*"), *out_dir.glob(".cache/charts/*.tmp")]:
        if tmp.is_file():
            tmp.unlink(missing_ok=True)


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
    from plandoc.theme import style_dirs

    absent = {}
    for d in style_dirs(source.parent, options.styles_dir):
        candidate = (d / name / "style.yaml").absolute()
        if theme.folder is not None and candidate.parent == Path(theme.folder).absolute():
            break
        absent[str(candidate)] = None
    return absent
