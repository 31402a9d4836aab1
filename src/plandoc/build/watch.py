"""`plandoc watch`: rebuild a document when one of its inputs is saved, libraries kept loaded.

Polling, no extra dependency: every `interval` seconds the content files and every input the
manifest lists for them are stat()ed (size and modification time — cheap); when a signature
changes, an in-process incremental build runs (plandoc.build.batch), which decides by content hashes
what really changed.  The reader and writers are imported once at start, so a rebuild costs only
the writing.  One line per rebuild.
"""

from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path

import click

from plandoc.build.batch import Outcome, Summary, preload, run
from plandoc.build import Options, content_files
from plandoc.errors import ContentError, display_path
from plandoc.build.manifest import Manifest
from plandoc.build.progress import CliReport


class WatchReport(CliReport):
    """Failures as usual; one line per rebuild instead of a summary."""

    def __init__(self):
        super().__init__(quiet=True, tty=False)
        self.names: list[str] = []

    def start(self, stale: list[Path], unchanged: int) -> None:
        self.names = []

    def done(self, outcome: Outcome) -> None:
        super().done(outcome)
        if outcome.status == "built":
            self.names.append(display_path(outcome.source))

    def finish(self, summary: Summary) -> None:
        if summary.built or summary.failed:
            click.echo(f"{datetime.now():%H:%M:%S} " + rebuild_line(summary, self.names))


def rebuild_line(summary: Summary, names: list[str]) -> str:
    """'rebuilt content/vefsn.yaml in 0.31 s' (+ ', 1 failed')."""
    text = f"rebuilt {', '.join(names) or 'nothing'} in {summary.seconds:.2f} s"
    return text + (f", {summary.failed} failed" if summary.failed else "")


def signature(paths: list[Path], out_dir: Path) -> dict[str, tuple | None]:
    """Size and mtime of every content file and every input the manifest lists for it."""
    try:
        files = [f.absolute() for f in content_files(paths)]
    except ContentError:
        files = []
    entries = Manifest(out_dir).load().entries
    watched = {str(f) for f in files}
    for f in files:
        entry = entries.get(str(f))
        if isinstance(entry, dict) and isinstance(entry.get("inputs"), dict):
            watched.update(entry["inputs"])
    return {p: _stat(p) for p in sorted(watched)}


def _stat(path: str) -> tuple | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


class Watcher:
    """Keeps the last signature; `poll()` rebuilds when it changed."""

    def __init__(self, paths: list[Path], options: Options, report=None,
                 jobs: int | None = None):
        self.paths, self.options = paths, options
        self.report = report or WatchReport()
        self.jobs = jobs or os.cpu_count() or 1  # forked from this process: libraries loaded
        self.last: dict | None = None

    def poll(self) -> Summary | None:
        """Build if anything changed since the last poll (always on the first)."""
        now = signature(self.paths, self.options.out_dir)
        if now == self.last:
            return None
        try:
            # the first build runs here, warming this process's font and style caches; later
            # rebuilds fork from it, so each worker starts warm
            jobs = 1 if self.last is None else self.jobs
            return run(self.paths, self.options, jobs=jobs, report=self.report)
        except ContentError as exc:
            exc.show()
            return None
        finally:  # files known before the build keep their old signature: a save during it shows
            self.last = {**signature(self.paths, self.options.out_dir), **now}


def watch(paths: list[Path], options: Options, interval: float = 0.3) -> None:
    """Build, then rebuild on every save until Ctrl-C."""
    preload()
    watcher = Watcher(paths, options)
    click.echo(f"watching {', '.join(map(display_path, paths))} — Ctrl-C to stop")
    try:
        while True:
            watcher.poll()
            time.sleep(interval)
    except KeyboardInterrupt:
        click.echo("stopped")
