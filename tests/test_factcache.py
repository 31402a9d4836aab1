"""Font facts kept in OUT/.cache/fonts: the next build reads no font with fontTools."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, run

PROBE = """
import sys
from plandoc.cli import main
try:
    main(["build", "content", "--out", "out", "--force", "--jobs", JOBS, "-q"])
except SystemExit as exit:
    assert not exit.code, exit.code
print("fontTools" in sys.modules)
"""


@pytest.mark.parametrize("jobs", ["1", "2"])  # 2: the document read once, its formats forked
def test_a_second_build_reads_the_fonts_facts_from_the_cache(project, jobs):
    probe = PROBE.replace("JOBS", repr(jobs))
    (project / "content" / "plan.yaml").write_text(
        (ROOT / "content" / "vefsn.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (project / "content" / "befolkning.csv").write_bytes(
        (ROOT / "content" / "befolkning.csv").read_bytes())
    first = subprocess.run([sys.executable, "-c", probe], cwd=project, capture_output=True,
                           text=True, check=True)
    assert first.stdout.split() == ["True"]          # read with fontTools, then kept
    kept = sorted((project / "out" / ".cache" / "fonts").glob("*.json"))
    assert any("-facts-" in p.name for p in kept) and any("-advances-" in p.name for p in kept)
    facts = json.loads(next(p for p in kept if "-facts-" in p.name).read_text())
    assert set(facts) == {"fs_type", "ranges", "missing", "family"}
    again = subprocess.run([sys.executable, "-c", probe], cwd=project, capture_output=True,
                           text=True, check=True)
    assert again.stdout.split() == ["False"]


def test_check_keeps_nothing(project):
    (project / "content" / "plan.yaml").write_text(
        "document: {title: Plan, municipality: Testvik kommune}\nbody:\n  - text: Hei.\n",
        encoding="utf-8")
    assert run("check", "content").exit_code == 0
    assert not (project / "output").exists() and not (project / "out").exists()
