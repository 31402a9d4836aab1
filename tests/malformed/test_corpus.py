"""Every case of the malformed-input corpus (tests/malformed/cases_*.py): a clean refusal.

Each case: exit 2, the exact messages, no traceback, earlier outputs byte-identical; content and
style cases give the same messages from `check`.
"""

from __future__ import annotations

import importlib
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import run
from tests.malformed.harness import (BUILD, CHECK, Case, apply, assert_refused, make_baseline,
                                     snapshot)

HERE = Path(__file__).parent
CASES: list[Case] = [c for mod in sorted(HERE.glob("cases_*.py"))
                     for c in importlib.import_module(f"tests.malformed.{mod.stem}").CASES]


def test_corpus_is_large_and_ids_unique():
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    assert len(ids) >= 120


@pytest.fixture(scope="session")
def baseline(tmp_path_factory):
    folder = make_baseline(tmp_path_factory.mktemp("baseline"))
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        result = run(*BUILD)
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return folder


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_refused(case: Case, baseline, tmp_path, monkeypatch):
    project = tmp_path / "p"
    shutil.copytree(baseline, project, symlinks=True)
    monkeypatch.chdir(project)
    before = snapshot(project / "out")
    apply(project, case)
    try:
        result = run(*(case.command or BUILD))
        assert_refused(result, case.messages)
        if not case.command and case.check_too:
            assert_refused(run(*CHECK), case.messages)
    finally:
        for p in project.rglob("*"):  # a case may have made folders read-only
            if p.is_dir() and not p.is_symlink():
                p.chmod(0o755)
    assert snapshot(project / "out") == before
