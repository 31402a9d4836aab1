"""Batch builds: skip what is up to date, build the rest (plandoc.build.workers), keep a manifest.

    run(paths, options, force=False, jobs=None, report=None) -> Summary

A document is skipped when the manifest says its inputs, options and outputs are unchanged; that
check hashes files only (plandoc.build.manifest), so a no-op build imports neither PyYAML's reader nor
any writer.  Each stale document is read, validated and written on its own (`build_file`, in a
worker process when there are several), so one document's mistakes stop only that document: its
previous outputs stay as they were.  The output folder is locked for the whole build.

The machine's problems — a full disk, a folder plandoc may not write to, an --out that is a
file — stop the batch with one line (a ContentError naming the folder): the documents already
renamed into place stay built, the others keep their old outputs, and no temporary file is left.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass, field, fields
from pathlib import Path

from plandoc import __version__
from plandoc.collect import fewer_collections
from plandoc.build import Options, check_names, content_files, output_name
from plandoc.build.faults import environment_problem, out_dir_problem, time_limit
from plandoc.errors import ContentError
from plandoc.build.manifest import LOCK, FolderLock, Manifest, forget_all
from plandoc.build.workers import Outcome, build_all, preload

__all__ = ["Outcome", "Report", "Summary", "options_key", "outputs_of", "preload", "run"]


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
        if isinstance(value, Path):
            value = value.absolute()
        if f.name != "out_dir":
            values.append(f"{f.name}={value}")
    return "|".join(values)


def outputs_of(source: Path, options: Options) -> list[Path]:
    """The files a build of `source` always writes (a style may add a print PDF)."""
    return [(options.out_dir / output_name(source.stem, fmt)).absolute()
            for fmt in options.formats]


def run(paths: list[Path], options: Options, force: bool = False, jobs: int | None = None,
        report: Report | None = None) -> Summary:
    """Build the stale documents among `paths` into options.out_dir."""
    report, started = report or Report(), time.perf_counter()
    forget_all()  # hashes are memoised within one run only
    files = [f.absolute() for f in content_files(paths)]
    check_names(files)
    time_limit()  # a mistake in PLANDOC_TIME_LIMIT is reported before anything is written
    out_dir = options.out_dir
    problem = out_dir_problem(out_dir)
    if problem:
        raise ContentError(problem)
    created = not out_dir.exists()
    try:
        with fewer_collections():
            summary = _locked_run(files, options, force, jobs, report, created)
    except OSError as exc:  # creating the folder, the lock, the manifest; removing temp files
        problem = environment_problem(exc, out_dir)
        if problem is None:
            raise
        if created:
            _remove_empty(out_dir)
        raise ContentError(problem) from None
    if created and not summary.built:
        _remove_empty(out_dir)  # a first build that failed leaves no trace
    summary.seconds = time.perf_counter() - started
    report.finish(summary)
    return summary


def _locked_run(files: list[Path], options: Options, force: bool, jobs: int | None,
                report: Report, created: bool) -> Summary:
    out_dir = options.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    with FolderLock(out_dir, on_wait=lambda d, pid: report.warn(_waiting(d, pid))):
        _remove_stale_temp_files(out_dir)
        manifest = Manifest(out_dir).load()
        if manifest.warning:
            report.warn(manifest.warning)
        key = options_key(options)
        stale = [f for f in files if force or not manifest.up_to_date(
            f, key, outputs_of(f, options))]
        summary = Summary(unchanged=len(files) - len(stale))
        report.start(stale, summary.unchanged)
        fault = None
        try:
            with contextlib.closing(build_all(stale, options, jobs or os.cpu_count() or 1)) \
                    as outcomes:
                for outcome in outcomes:
                    if outcome.fault:  # the machine's problem: the others would fail alike
                        fault = outcome.fault
                        break
                    _count(summary, outcome, manifest, key)
                    report.done(outcome)
        finally:
            try:
                if summary.built and manifest.entries:
                    manifest.save()
            finally:  # workers are gone: what a unit left unrenamed is garbage
                _remove_stale_temp_files(out_dir)
    if fault:
        if created and not summary.built:
            _remove_empty(out_dir)
        raise ContentError(fault)
    return summary


def _waiting(out_dir: Path, pid: int | None) -> str:
    """'waiting for another plandoc build in out (pid 123) …' (the pid when it is alive)."""
    from plandoc.errors import display_path

    who = f" (pid {pid})" if pid and _alive(pid) else ""
    return f"waiting for another plandoc build in {display_path(out_dir)}{who} …"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _count(summary: Summary, outcome: Outcome, manifest: Manifest, key: str) -> None:
    summary.outcomes.append(outcome)
    if outcome.status == "built":
        summary.built += 1
        manifest.record(outcome.source, key, outcome.inputs, outcome.outputs)
    else:
        summary.failed += 1
        summary.bugs += outcome.error is not None


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
    for tmp in [*out_dir.glob(".*.tmp*"), *out_dir.glob(".cache/*/*.tmp"),
                *out_dir.glob("*/.*.tmp")]:          # a web edition's folder too
        if tmp.is_file():
            tmp.unlink(missing_ok=True)
