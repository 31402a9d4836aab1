"""The `plandoc` command leaves at once when main is done (plandoc.cli.run): its outputs and
messages are all out and its exit status is main's, but the interpreter's teardown (freeing
every object, atexit handlers of libraries) is skipped — 25–60 ms of every build."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

RUN = ("import atexit, sys\n"
       "atexit.register(lambda: print('teardown ran'))\n"
       "sys.argv = ['plandoc', *sys.argv[1:]]\n"
       "from plandoc.cli import run\n"
       "run()\n")


def _run(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", RUN, *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_a_check_says_everything_and_skips_the_teardown():
    done = _run("check", "content/vefsn.yaml")
    assert (done.returncode, done.stdout, done.stderr) == (0, "1 document OK\n", "")


def test_a_mistake_keeps_its_status_and_its_whole_message(tmp_path):
    done = _run("check", str(tmp_path / "mangler.yaml"))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == f"{tmp_path / 'mangler.yaml'}: no such file or folder\n"


def test_a_build_writes_its_outputs_before_leaving(tmp_path):
    done = _run("build", "content/vefsn.yaml", "--out", str(tmp_path), "-q")
    assert done.returncode == 0 and "teardown ran" not in done.stdout
    assert (tmp_path / "vefsn.pdf").read_bytes().rstrip().endswith(b"%%EOF")
    assert (tmp_path / "vefsn.docx").read_bytes()[:2] == b"PK"


def test_python_m_plandoc_and_the_script_leave_the_same_way():
    assert "run()" in (ROOT / "src" / "plandoc" / "__main__.py").read_text(encoding="utf-8")
    assert 'plandoc = "plandoc.cli:run"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
