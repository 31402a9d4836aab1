"""Shared fixtures: a content folder in tmp_path with the repository's styles beside it."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from plandoc.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A working folder with content/ and a copy of styles/; the cwd is that folder."""
    shutil.copytree(ROOT / "styles", tmp_path / "styles")
    (tmp_path / "content").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str) -> Path:
    """Write dedented text (UTF-8) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def run(*args):
    """Run the plandoc CLI in-process; returns the click Result."""
    return CliRunner().invoke(main, [str(a) for a in args])


# A document head for tests that build a small plan in a given language (format with lang=…).
PLAN_HEAD = """\
document:
  title: Plan
  municipality: Testvik kommune
  language: {lang}
body:
"""


def clean(text: str) -> str:
    """Text as a reader sees it: the layout's no-break spaces and hyphens as plain ones, its
    word joiners and soft hyphens gone."""
    return (text.replace("\u00a0", " ").replace("\u2011", "-").replace("\u2060", "")
            .replace("\u00ad", ""))
