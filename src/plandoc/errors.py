"""Errors a user can fix: each names the file, the line, what is wrong and what is expected.

A `Problem` is one mistake; `ContentError` carries all problems found in one go and is a
`click.ClickException`, so the CLI prints the messages and exits with status 2 — no traceback.
Anything else that goes wrong is a bug and keeps its traceback.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

import click


@dataclass(frozen=True)
class Problem:
    """One mistake in the input: where it is and what is wrong."""

    file: Path | str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = display_path(self.file)
        if self.line:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"


class ContentError(click.ClickException):
    """One or more problems in content, style or options; exit status 2."""

    exit_code = 2

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def show(self, file=None) -> None:  # noqa: D102 - click hook
        click.echo(self.format_message(), err=True, file=file)


class InputWarning(UserWarning):
    """Something the user should fix that does not stop the build (e.g. a blurry image)."""


def warn(file: Path | str, line: int | None, message: str) -> None:
    """Report an InputWarning as 'file:line: message'; the CLI prints it as 'warning: …'."""
    warnings.warn(str(Problem(file, line, message)), InputWarning, stacklevel=2)


class BuildNote(UserWarning):
    """Something worth knowing about an output that is nobody's mistake; said once a build."""


def note(message: str) -> None:
    """Report a BuildNote; the build collects them (collect_notes) and prints 'note: …'."""
    warnings.warn(message, BuildNote, stacklevel=2)


@contextlib.contextmanager
def collected(category: type[Warning]):
    """Gather the warnings of `category` raised inside (their text) into the list yielded
    instead of showing them; other warnings pass on."""
    gathered: list[str] = []
    original = warnings.showwarning

    def show(message, cat, *args, **kwargs):
        if issubclass(cat, category):
            gathered.append(str(message))
        else:
            original(message, cat, *args, **kwargs)

    with warnings.catch_warnings():
        warnings.simplefilter("always", category)
        warnings.showwarning = show
        yield gathered


def collect_notes():
    """Gather the BuildNotes raised inside into the list yielded; other warnings pass on."""
    return collected(BuildNote)


def collect_warnings():
    """Gather the InputWarnings raised inside (their 'file:line: message'): a worker hands
    them to the building process, which shows them once (`show_warnings`), in order,
    whichever process met them."""
    return collected(InputWarning)


def show_warnings(messages) -> None:
    """Raise again the InputWarnings `collect_warnings` gathered."""
    for message in messages:
        warnings.warn(message, InputWarning, stacklevel=2)


def display_path(path: Path | str) -> str:
    """A path as the user typed it: relative to the working directory when inside it."""
    p, cwd = Path(path), os.getcwd()
    absolute = os.path.abspath(p)  # not resolved: a link is named as the user sees it
    if absolute.startswith(cwd + os.sep):
        return os.path.relpath(absolute, cwd)
    try:
        return str(p.resolve().relative_to(Path(cwd).resolve()))
    except ValueError:
        return str(p)


def did_you_mean(word: str, choices) -> str:
    """' — did you mean 'x'?' when a close match exists, else a list of what is allowed."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if close:
        return f" — did you mean '{close[0]}'?"
    return " — expected one of: " + ", ".join(sorted(choices))
