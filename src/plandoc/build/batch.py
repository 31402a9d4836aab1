"""Batch builds: skip what is up to date, build the rest (plandoc.build.workers), keep a manifest.

    run(paths, options, force=False, jobs=None, report=None) -> Summary

A document is skipped when the manifest says its inputs, options and outputs are unchanged; that
check hashes files only (plandoc.build.manifest), so a no-op build imports neither PyYAML's reader nor
any writer.  Each stale document is read, validated and written on its own (`build_file`, in a
worker process when there are several), so one document's mistakes stop only that document: its
previous outputs stay as they were.  The output folder is locked for the whole build.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field, fields
from pathlib import Path

from plandoc import __version__
from plandoc.build import Options, check_names, content_files
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
    return [(options.out_dir / f"{source.stem}.{fmt}").absolute() for fmt in options.formats]


def run(paths: list[Path], options: Options, force: bool = False, jobs: int | None = None,
        report: Report | None = None) -> Summary:
    """Build the stale documents among `paths` into options.out_dir."""
    report, started = report or Report(), time.perf_counter()
    forget_all()  # hashes are memoised within one run only
    files = [f.absolute() for f in content_files(paths)]
    check_names(files)
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
