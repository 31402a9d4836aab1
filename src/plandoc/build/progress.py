"""What a batch build shows: a progress bar on a terminal, plain lines otherwise, a summary.

Mistakes go to stderr as `file:line: message` whatever the mode (also with --quiet); notes
(plandoc.errors.BuildNote) follow the summary on stdout, once each, unless --quiet.  The bar is
click's own progressbar (click is already a dependency; it hides itself when stdout is not a
terminal), showing documents done/total, the document just finished and the failures so far.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from plandoc.build.batch import Outcome, Report, Summary
from plandoc.errors import display_path


class CliReport(Report):
    """Progress for `plandoc build` and `plandoc watch`."""

    def __init__(self, quiet: bool = False, tty: bool | None = None):
        self.quiet = quiet
        self.tty = sys.stdout.isatty() if tty is None else tty
        self.bar = None
        self.failed = 0
        self.notes: dict[str, None] = {}    # in the order first seen, each once

    def warn(self, message: str) -> None:
        click.echo(message, err=True)

    def start(self, stale: list[Path], unchanged: int) -> None:
        if self.tty and not self.quiet and len(stale) > 1:
            self.bar = click.progressbar(length=len(stale), label="building",
                                         show_pos=True, width=24,
                                         item_show_func=lambda p: p.name if p else None)
            self.bar.__enter__()

    def done(self, outcome: Outcome) -> None:
        name = display_path(outcome.source)
        self.notes.update(dict.fromkeys(outcome.notes))
        if outcome.status == "failed":
            self.failed += 1
            self._clear_line()
            for problem in outcome.problems:
                click.echo(problem, err=True)
            if outcome.error:
                click.echo(f"{name}: internal error (a bug in plandoc, please report it):\n"
                           f"{outcome.error}", err=True, nl=False)
        elif not self.quiet and self.bar is None:
            for path in outcome.outputs:
                click.echo(f"wrote {display_path(path)}")
        if self.bar is not None:
            self.bar.label = f"building ({self.failed} failed)" if self.failed else "building"
            self.bar.update(1, outcome.source)

    def _clear_line(self) -> None:
        if self.bar is not None:
            click.echo("\r\x1b[K", nl=False)

    def finish(self, summary: Summary) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
        if not self.quiet:
            click.echo(summary_line(summary))
            for note in self.notes:
                click.echo(f"note: {note}")


def summary_line(summary: Summary) -> str:
    """'3 built, 37 unchanged, 1 failed in 1.23 s'."""
    return (f"{summary.built} built, {summary.unchanged} unchanged, {summary.failed} failed "
            f"in {summary.seconds:.2f} s")
