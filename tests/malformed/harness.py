"""The malformed-input corpus: each case is files written over a valid project, a command, and the
exact lines plandoc must print.

A case starts from a project whose document `content/doc.yaml` was built once (outputs and
manifest in `out/`); it writes its files (text, bytes, or None to delete), runs its command and
asserts: exit status 2, stderr exactly the expected lines, no traceback, and every earlier output
byte-identical.  Content and style cases (`command` left as build) also run `check`, which must
print the same lines: `check` catches whatever `build` would reject.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from tests.conftest import ROOT, run

VALID = """\
document:
  title: Plan for prøving
  municipality: Testvik kommune
  date: 2024-03-01
body:
  - chapter: Innledning
  - paragraph: Dette er en gyldig plan.
"""

HEAD = """\
document:
  title: Plan
  municipality: Testvik kommune
body:
"""


@dataclass(frozen=True)
class Case:
    """One bad input and what plandoc must say about it."""

    id: str
    files: dict[str, str | bytes | None]   # path in the project → new content (None: delete)
    messages: tuple[str, ...]              # exact stderr lines
    command: tuple[str, ...] = ()          # () = build content/doc.yaml, then check it too
    setup: Callable[[Path], None] | None = None  # e.g. make a symlink, chmod a folder
    check_too: bool = True                 # content/style cases: `check` must agree


def doc(body: str, head: str = HEAD) -> dict[str, str]:
    """The files of a case whose only change is content/doc.yaml."""
    return {"content/doc.yaml": head + body}


BUILD = ("build", "content/doc.yaml", "--out", "out", "-j", "1")
CHECK = ("check", "content/doc.yaml")


def make_baseline(folder: Path) -> Path:
    """A project with styles/, content/doc.yaml and its outputs built in out/."""
    shutil.copytree(ROOT / "styles", folder / "styles")
    (folder / "content").mkdir()
    (folder / "content/doc.yaml").write_text(VALID, encoding="utf-8")
    return folder


def snapshot(out: Path) -> dict[str, bytes]:
    """Every file in the output folder (but the lock) and its bytes."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != ".plandoc.lock"}


def apply(project: Path, case: Case) -> None:
    """Write, replace or delete the case's files, then run its setup."""
    for name, content in case.files.items():
        path = project / name
        if content is None:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    if case.setup:
        case.setup(project)


def assert_refused(result, messages) -> None:
    """Exit 2, exactly these lines on stderr, no traceback."""
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == list(messages)
