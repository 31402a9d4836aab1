"""A build collects garbage seldom and never walks what was there before it (plandoc.collect):
the imported modules are frozen and the youngest generation waits for 50 000 allocations, in
the building process and in the workers it forks; afterwards all is as before."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from plandoc.build import Options
from plandoc.build import batch, handoff, workers
from plandoc.collect import fewer_collections
from tests.conftest import write

DOC = """\
document:
  title: Plan
  municipality: Testvik kommune
body:
  - chapter: Innledning
    body:
      - paragraph: Tekst.
"""


def test_nested_uses_share_the_outermost_and_restore_everything():
    before = gc.get_threshold()
    with fewer_collections():
        frozen = gc.get_freeze_count()
        with fewer_collections():
            assert gc.get_threshold()[0] == 50_000
        assert gc.get_threshold()[0] == 50_000 and gc.get_freeze_count() == frozen > 0
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


@pytest.mark.parametrize("warm", [False, True])     # the writers imported already (watch)
def test_a_build_runs_with_it_in_the_building_process_and_the_workers(tmp_path, monkeypatch,
                                                                       warm):
    write(tmp_path / "content" / "plan.yaml", DOC)
    real_all = batch.build_all

    def build_all(files, options, jobs):
        _note(tmp_path / "building")
        yield from real_all(files, options, jobs)
    monkeypatch.setattr(batch, "build_all", build_all)
    monkeypatch.setattr(workers, "build_file", _noting)
    monkeypatch.setattr(handoff, "imported", lambda fmt: warm)
    monkeypatch.setitem(NOTING, "folder", tmp_path)
    summary = batch.run([tmp_path / "content"], Options(out_dir=tmp_path / "out"), jobs=2)
    assert summary.built == 1
    notes = {"-".join(p.name.split("-")[:2]): p.read_text() for p in tmp_path.glob("[bw]*")}
    assert notes == {"building": "50000 frozen", "worker-docx": "50000 frozen",
                     "worker-pdf": "50000 frozen"}
    assert gc.get_threshold()[0] != 50_000 and gc.get_freeze_count() == 0
    assert (tmp_path / "out" / "plan.pdf").read_bytes().startswith(b"%PDF")


NOTING: dict = {"build_file": workers.build_file}


def _noting(source, options, limit=None):
    """workers.build_file, noting what the collector does in the process that builds (a
    module-level function: the pool hands it to a worker by name)."""
    _note(NOTING["folder"] / f"worker-{options.formats[0]}-{os.getpid()}")
    return NOTING["build_file"](source, options, limit)


def _note(path: Path) -> None:
    """What the collector does in this process, written at `path`."""
    path.write_text(f"{gc.get_threshold()[0]} {'frozen' if gc.get_freeze_count() else 'not'}")
