"""Batch builds: what is rebuilt when, what a no-op imports, the manifest, failures, kills."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.conftest import run, write

HEAD = """\
document:
  title: Plan {name}
  municipality: Testvik kommune
  style: {style}
body:
  - chapter: Innledning
    body:
      - paragraph: Dokument {name}.
"""
CHART = """\
      - chart:
          type: bar
          title: Befolkning
          alt: Søylediagram over befolkningen
          data: {csv: tall.csv, x: År, y: [Antall]}
"""
HEAVY = ("reportlab", "docx", "matplotlib", "pikepdf", "yaml", "markdown_it")


def doc(project: Path, name: str, style: str = "default", chart: bool = False) -> Path:
    text = HEAD.format(name=name, style=style) + (CHART if chart else "")
    return write(project / f"content/{name}.yaml", text)


@pytest.fixture
def three(project):
    """a: vefsn style + CSV chart; b: vefsn style; c: default style."""
    write(project / "content/tall.csv", "År,Antall\n2019,10\n2020,12\n")
    doc(project, "a", "vefsn", chart=True)
    doc(project, "b", "vefsn")
    doc(project, "c", "default")
    assert built(build(project)) == {"a", "b", "c"}
    return project


def build(project, *extra):
    result = run("build", "content", "--out", "out", "--format", "docx", "--jobs", "1", *extra)
    assert result.exit_code == 0, result.output
    return result


def built(result) -> set[str]:
    """Names of the documents a build wrote, from its 'wrote out/x.docx' lines."""
    return {Path(line.split()[-1]).stem for line in result.stdout.splitlines()
            if line.startswith("wrote ")}


def test_second_build_skips_everything(three):
    result = build(three)
    assert built(result) == set()
    assert result.stdout.startswith("0 built, 3 unchanged, 0 failed in ")


def test_noop_imports_no_heavy_library(three):
    code = ("import sys\nfrom plandoc.cli import main\n"
            "try:\n    main(['build', 'content', '--out', 'out', '--format', 'docx', '-q'])\n"
            "except SystemExit as e:\n    assert not e.code, e.code\n"
            f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=three, capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == "[]"


def test_csv_change_rebuilds_only_its_document(three):
    write(three / "content/tall.csv", "År,Antall\n2019,10\n2020,13\n")
    assert built(build(three)) == {"a"}


def test_style_font_change_rebuilds_the_documents_of_that_style(three):
    fonts = three / "styles/vefsn/fonts"
    shutil.copyfile(fonts / "LiberationSans-Bold.ttf", fonts / "LiberationSans-Regular.ttf")
    assert built(build(three)) == {"a", "b"}


def test_deleted_or_altered_output_is_rebuilt(three):
    (three / "out/a.docx").unlink()
    with open(three / "out/b.docx", "ab") as fh:
        fh.write(b"edited by hand")
    assert built(build(three)) == {"a", "b"}
    assert built(build(three)) == set()


def test_new_style_folder_nearer_the_content_rebuilds(three):
    shutil.copytree(three / "styles/vefsn", three / "content/styles/vefsn")
    assert built(build(three)) == {"a", "b"}


def test_options_and_force(three):
    assert built(build(three, "--force")) == {"a", "b", "c"}
    result = run("build", "content", "--out", "out", "--jobs", "1")  # both formats now
    assert sorted(Path(l.split()[-1]).name for l in result.stdout.splitlines()
                  if l.startswith("wrote")) == [f"{n}.{f}" for n in "abc" for f in ("docx", "pdf")]


@pytest.mark.parametrize("garbage", ["{not json", '{"format": "someone-else/1", "documents": {}}'])
def test_corrupt_or_foreign_manifest_rebuilds_everything(three, garbage):
    (three / "out/.plandoc-manifest.json").write_text(garbage)
    result = build(three)
    assert result.stderr.startswith("warning: out/.plandoc-manifest.json ")
    assert result.stderr.rstrip().endswith("— ignoring it, every document is rebuilt")
    assert built(result) == {"a", "b", "c"}
    assert json.loads((three / "out/.plandoc-manifest.json").read_text())["format"] \
        == "plandoc-manifest/1"


def test_failed_document_keeps_its_old_output_and_is_retried(three):
    before = (three / "out/b.docx").read_bytes()
    write(three / "content/b.yaml", HEAD.format(name="b", style="vefsn") + "      - tabel: x\n")
    result = run("build", "content", "--out", "out", "--format", "docx")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "content/b.yaml:9: unknown block 'tabel' — did you mean 'table'?"]
    assert (three / "out/b.docx").read_bytes() == before
    doc(three, "b", "vefsn")  # fixed, identical to what was built before: nothing to do
    assert built(build(three)) == set()


def test_killed_build_leaves_only_complete_files(project):
    for i in range(12):
        doc(project, f"d{i:02}")
    cmd = [sys.executable, "-m", "plandoc", "build", "content", "--out", "out", "--jobs", "2",
           "-q"]
    proc = subprocess.Popen(cmd, cwd=project, start_new_session=True)
    deadline = time.time() + 60
    while len(list((project / "out").glob("*.pdf"))) < 3 and time.time() < deadline:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    outputs = [p for p in (project / "out").iterdir() if p.suffix in (".docx", ".pdf")]
    assert 3 <= len(outputs) < 24
    for path in outputs:
        if path.suffix == ".docx":
            assert zipfile.ZipFile(path).testzip() is None
        else:
            assert path.read_bytes().rstrip().endswith(b"%%EOF")
    result = run("build", "content", "--out", "out", "-q")  # finishes the job, cleans up
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (project / "out").iterdir())
    assert names == [".cache", ".plandoc-manifest.json", ".plandoc.lock"] + sorted(
        f"d{i:02}.{f}" for i in range(12) for f in ("docx", "pdf"))
    assert not list((project / "out" / ".cache").glob("*/*.tmp"))   # the font facts kept


def test_two_builds_at_once_on_one_folder(project):
    for i in range(4):
        doc(project, f"d{i}")
    cmd = [sys.executable, "-m", "plandoc", "build", "content", "--out", "out", "--format",
           "docx", "--jobs", "1", "--force"]
    procs = [subprocess.Popen(cmd, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    results = [p.communicate(timeout=120) + (p.returncode,) for p in procs]
    assert [r[2] for r in results] == [0, 0], results
    assert sum("waiting for another plandoc build in out" in r[1] for r in results) == 1
    manifest = json.loads((project / "out/.plandoc-manifest.json").read_text())
    assert len(manifest["documents"]) == 4
    for i in range(4):
        assert zipfile.ZipFile(project / f"out/d{i}.docx").testzip() is None
    assert built(build(project)) == set()


READS = """
import sys
import plandoc.reader.content as content
original = content.read_document
def counted(*args, **kwargs):
    with open("reads.log", "a") as log:
        log.write("read\\n")
    return original(*args, **kwargs)
content.read_document = counted
from plandoc.cli import main
try:
    main(["build", "content", "--out", "out", "--jobs", "2", "-q"])
except SystemExit as exit:
    assert not exit.code, exit.code
"""


def test_one_document_split_over_two_workers_is_read_once(project):
    """DOCX and PDF of one document are written by two workers at once; the document is read,
    validated and laid out once, before they are forked."""
    doc(project, "d0")
    subprocess.run([sys.executable, "-c", READS], cwd=project, check=True)
    assert (project / "reads.log").read_text().split() == ["read"]
    assert zipfile.ZipFile(project / "out" / "d0.docx").testzip() is None
    assert (project / "out" / "d0.pdf").read_bytes().startswith(b"%PDF")


FORKED_FIRST = """
import os, sys
import plandoc.build.workers as workers
original = workers.build_file
def logged(source, options, *args):
    outcome = original(source, options, *args)
    with open("workers.log", "a") as log:
        log.write(f"{os.getpid()} {options.formats[0]} {'markdown_it' in sys.modules} "
                  f"{outcome.status}\\n")
    return outcome
workers.build_file = logged
from plandoc.cli import main
try:
    main(["build", "content", "--out", "out", "--jobs", "2", "-q"])
except SystemExit as exit:
    assert not exit.code, exit.code
print(os.getpid())
"""


def test_split_workers_start_before_the_document_is_read(project):
    """The PDF worker of a split document is forked before this process reads it (it imports
    reportlab meanwhile) and takes it over, so it never imports the reader; this process
    writes the DOCX itself (workers.own_unit): one process fewer on two CPUs."""
    doc(project, "d0")
    parent = subprocess.run([sys.executable, "-c", FORKED_FIRST], cwd=project, check=True,
                            capture_output=True, text=True).stdout.strip()
    lines = sorted(l.split() for l in (project / "workers.log").read_text().splitlines())
    by_format = {fmt: (pid == parent, reader, status) for pid, fmt, reader, status in lines}
    assert by_format == {"docx": (True, "True", "built"), "pdf": (False, "False", "built")}


@pytest.mark.parametrize("warm, own", [(False, "docx"), (True, "pdf")])
def test_the_building_process_writes_the_pdf_itself_once_its_writer_is_imported(
        monkeypatch, warm, own):
    """Watch (writers imported after its first build) keeps the longest part, the PDF, out of
    a fork; a cold build keeps the DOCX and lets a worker import reportlab meanwhile."""
    from plandoc.build import Options, handoff
    from plandoc.build.workers import own_unit

    monkeypatch.setattr(handoff, "imported", lambda fmt: warm and fmt == "pdf")
    units = [(Path("plan.yaml"), Options(formats=(fmt,))) for fmt in ("pdf", "docx", "html")]
    assert units[own_unit(units)][1].formats == (own,)
    assert own_unit(units[:1]) is None          # one unit: its worker overlaps the reading


def test_with_the_writers_imported_the_document_is_read_before_forking(tmp_path, monkeypatch):
    """Watch: nothing to import while reading, so no handoff — the document is read first and
    the DOCX worker forked after inherits it; the PDF is written here."""
    from plandoc.build import Options, batch, handoff

    write(tmp_path / "content" / "plan.yaml", HEAD.format(name="w", style="default"))
    monkeypatch.setattr(handoff, "imported", lambda fmt: True)
    monkeypatch.setattr(handoff, "Handoff", lambda: 1 / 0)
    summary = batch.run([tmp_path / "content"], Options(out_dir=tmp_path / "out"), jobs=2)
    assert summary.built == 1
    assert {p.name for p in (tmp_path / "out").glob("plan.*")} == {"plan.docx", "plan.pdf"}
