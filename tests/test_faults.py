"""The build under faults: a killed build, a failing writer, a full disk, a read-only folder,
a document that takes too long.  Each leaves the earlier outputs as they were and no temp file."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.conftest import run, write

DOC = """\
document:
  title: Plan {name}
  municipality: Testvik kommune
  date: 2024-03-01
body:
  - chapter: Innledning
    body:
      - paragraph: Dokument {name}, versjon {version}.
"""
FULL = "out: no space left on the device — expected room for the outputs (free some space and " \
       "build again)"
DENIED = "out: permission denied — expected a folder plandoc may write to (choose another with " \
         "--out)"
READ_ONLY_FS = "out: is on a read-only file system — expected a folder plandoc may write to " \
               "(choose another with --out)"


def doc(project: Path, name: str, version: int = 1) -> Path:
    return write(project / f"content/{name}.yaml", DOC.format(name=name, version=version))


def outputs(project: Path) -> dict[str, bytes]:
    """Every file in out/ but the lock, and its bytes."""
    out = project / "out"
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != ".plandoc.lock"}


def temp_files(project: Path) -> list[str]:
    return sorted(str(p) for p in (project / "out").rglob("*") if ".tmp" in p.name)


def build(*extra, jobs="1"):
    return run("build", "content", "--out", "out", "-q", "--jobs", jobs, *extra)


@pytest.fixture
def built(project):
    """content/a.yaml built once (DOCX and PDF), then changed so the next build rewrites it."""
    doc(project, "a")
    result = build()
    assert result.exit_code == 0, result.output
    before = outputs(project)
    assert {"a.docx", "a.pdf", ".plandoc-manifest.json"} <= set(before)
    doc(project, "a", version=2)
    return before


def fail_after_writing(monkeypatch, exc: BaseException, writer: str = "pdf"):
    """Make one writer write its whole file, then raise `exc` (the other writer works)."""
    import plandoc.writers.docx as docx
    import plandoc.writers.pdf as pdf

    module, name = (pdf, "write_pdf") if writer == "pdf" else (docx, "write_docx")
    real = getattr(module, name)

    def broken(*args, **kwargs):
        real(*args, **kwargs)
        raise exc

    monkeypatch.setattr(module, name, broken)


# -- a killed build -------------------------------------------------------------------------

def children(pid: int) -> set[int]:
    """Processes whose parent is `pid` (from /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def running(pid: int) -> bool:
    """Alive and not a zombie waiting for a reaper."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_killing_the_main_process_alone_kills_its_workers_and_frees_the_folder(project, signum):
    for i in range(8):
        doc(project, f"d{i}")
    cmd = [sys.executable, "-m", "plandoc", "build", "content", "--out", "out", "--jobs", "2",
           "-q"]
    proc = subprocess.Popen(cmd, cwd=project)
    workers: set[int] = set()
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        workers |= children(proc.pid)
        if len(workers) >= 2 and list((project / "out").glob("*.pdf")):
            break  # mid-batch: workers at work, some documents written
        time.sleep(0.01)
    assert proc.poll() is None and len(workers) >= 2, "the build ended before it could be killed"
    os.kill(proc.pid, signum)  # the main process only, not its process group
    proc.wait()
    try:
        deadline = time.time() + 10
        while any(map(running, workers)) and time.time() < deadline:
            time.sleep(0.05)
        assert [w for w in workers if running(w)] == []
        nxt = subprocess.run(cmd, cwd=project, capture_output=True, text=True, timeout=120)
    finally:
        for w in workers:  # without the fix they would hold the lock forever
            if running(w):
                os.kill(w, signal.SIGKILL)
    assert nxt.returncode == 0, nxt.stderr
    assert "waiting" not in nxt.stderr
    names = sorted(p.name for p in (project / "out").iterdir())
    assert names == [".cache", ".plandoc-manifest.json", ".plandoc.lock"] + sorted(
        f"d{i}.{f}" for i in range(8) for f in ("docx", "pdf"))


HOLD = """\
import sys, time
from pathlib import Path
from plandoc.build.manifest import FolderLock
with FolderLock(Path("out")):
    print("held", flush=True)
    sys.stdin.readline()
"""


def test_a_waiting_build_says_who_holds_the_lock_and_goes_on_when_it_is_freed(project):
    doc(project, "a")
    (project / "out").mkdir()
    holder = subprocess.Popen([sys.executable, "-c", HOLD], cwd=project, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline() == "held\n"
        assert (project / "out/.plandoc.lock").read_text() == f"{holder.pid}\n"
        waiting = subprocess.Popen([sys.executable, "-m", "plandoc", "build", "content", "--out",
                                    "out", "-q", "--format", "docx"], cwd=project, text=True,
                                   stderr=subprocess.PIPE)
        first = waiting.stderr.readline()
        assert first == f"waiting for another plandoc build in out (pid {holder.pid}) …\n"
        assert waiting.poll() is None
    finally:
        holder.communicate("\n", timeout=30)
    assert waiting.wait(timeout=120) == 0
    assert waiting.stderr.read() == ""
    assert (project / "out/a.docx").is_file()


def test_a_lock_file_left_by_a_dead_build_does_not_stop_the_next(project):
    doc(project, "a")
    (project / "out").mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout
    (project / "out/.plandoc.lock").write_text(dead)
    result = build("--format", "docx")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert (project / "out/.plandoc.lock").read_text() == f"{os.getpid()}\n"


def test_workers_do_not_inherit_the_folder_lock(project):
    from plandoc.build.manifest import FolderLock

    (project / "out").mkdir()
    with FolderLock(project / "out") as lock:
        pid = os.fork()
        if pid == 0:  # the child: the lock's fd must be closed
            try:
                os.fstat(lock.fd)
                os._exit(1)
            except OSError:
                os._exit(0)
        _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


# -- a failing writer ----------------------------------------------------------------------

@pytest.mark.parametrize("writer, jobs", [("pdf", "1"), ("pdf", "2"), ("docx", "2")],
                         ids=["pdf-in-process", "pdf-format-per-worker",
                              "docx-format-per-worker"])
def test_a_writer_that_fails_leaves_both_old_outputs(built, project, monkeypatch, jobs,
                                                    writer):
    with monkeypatch.context() as patched:
        fail_after_writing(patched, RuntimeError("the writer broke"), writer)
        result = build(jobs=jobs)
    assert result.exit_code == 1, result.output
    assert "Traceback" in result.stderr and "RuntimeError: the writer broke" in result.stderr
    assert result.stderr.startswith("content/a.yaml: internal error (a bug in plandoc")
    assert outputs(project) == built
    assert temp_files(project) == []
    result = build(jobs=jobs)  # the next build writes both and records them
    assert result.exit_code == 0, result.output
    after = outputs(project)
    assert after["a.docx"] != built["a.docx"] and after["a.pdf"] != built["a.pdf"]
    manifest = json.loads(after[".plandoc-manifest.json"])["documents"]
    recorded = next(iter(manifest.values()))["outputs"]
    import hashlib
    assert recorded == {str(project / "out" / n): hashlib.sha256(after[n]).hexdigest()
                        for n in ("a.docx", "a.pdf")}


def test_print_pdf_is_replaced_with_the_others_or_not_at_all(project, monkeypatch):
    doc(project, "a")
    assert build("--print").exit_code == 0
    before = outputs(project)
    assert "a-print.pdf" in before
    doc(project, "a", version=2)
    from plandoc.writers.pdf.profile import PdfProfile
    import plandoc.writers.pdf as pdf

    real = pdf.write_pdf

    def broken(layout, charts, path, profile: PdfProfile):
        real(layout, charts, path, profile=profile)
        if profile.press:
            raise RuntimeError("the print PDF broke")

    monkeypatch.setattr(pdf, "write_pdf", broken)
    result = build("--print")
    assert result.exit_code == 1 and "RuntimeError: the print PDF broke" in result.stderr
    assert outputs(project) == before
    assert temp_files(project) == []


# -- the machine's problems: full disk, no permission ------------------------------------

@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_full_disk_is_one_line_and_changes_nothing(built, project, monkeypatch, jobs):
    for name in ("b", "c"):  # several documents fail alike: still one line
        doc(project, name)
    fail_after_writing(monkeypatch, OSError(errno.ENOSPC, "No space left on device"))
    result = build("--force", jobs=jobs)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stderr.splitlines() == [FULL]
    assert outputs(project) == built
    assert temp_files(project) == []


def test_a_full_disk_while_saving_the_manifest_keeps_the_old_one(built, project, monkeypatch):
    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(os, "fsync", no_space)
        result = build()
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [FULL]
    assert outputs(project)[".plandoc-manifest.json"] == built[".plandoc-manifest.json"]
    assert temp_files(project) == []
    result = build()  # the old manifest does not match the new outputs: built again, recorded
    assert result.exit_code == 0
    assert outputs(project)[".plandoc-manifest.json"] != built[".plandoc-manifest.json"]


def test_a_full_disk_in_the_chart_cache_leaves_no_temp_file(project, monkeypatch):
    write(project / "content/tall.csv", "År,Antall\n2019,10\n2020,12\n")
    write(project / "content/a.yaml", DOC.format(name="a", version=1) + """\
      - chart:
          type: bar
          title: Befolkning
          alt: Søylediagram over befolkningen
          data: {csv: tall.csv, x: År, y: [Antall]}
""")
    real = os.replace

    def no_space(src, dst, *args, **kwargs):
        if ".cache" in str(dst):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", no_space)
    result = build()
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [FULL]
    assert not (project / "out").exists() or temp_files(project) == []
    assert not (project / "out/a.docx").exists()


def read_only(project: Path, monkeypatch, code: int) -> None:
    """Make out/ unwritable: chmod where that stops us, else (root) the OS calls refuse."""
    out = project / "out"
    if code == errno.EACCES:
        out.chmod(0o555)
        try:
            probe = out / ".probe"
            probe.write_bytes(b"")  # root (CI) writes anyway: simulate below
            probe.unlink()
        except PermissionError:
            return
    real = tempfile.mkstemp

    def refused(*args, dir=None, **kwargs):
        if dir is not None and Path(dir).absolute().is_relative_to(out.absolute()):
            raise OSError(code, os.strerror(code), str(Path(dir) / "x.tmp"))
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refused)


@pytest.mark.parametrize("code, line", [(errno.EACCES, DENIED), (errno.EROFS, READ_ONLY_FS)],
                         ids=["permission", "read-only-fs"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_unwritable_output_folder_is_one_line_and_changes_nothing(built, project,
                                                                     monkeypatch, jobs, code,
                                                                     line):
    doc(project, "b")
    read_only(project, monkeypatch, code)
    try:
        result = build(jobs=jobs)
    finally:
        (project / "out").chmod(0o755)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stderr.splitlines() == [line]
    assert outputs(project) == built
    assert temp_files(project) == []


def test_an_output_folder_that_cannot_be_created(project, monkeypatch):
    doc(project, "a")
    real = Path.mkdir

    def refused(self, *args, **kwargs):
        if self.name == "out":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", refused)
    result = build()
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [DENIED]
    assert not (project / "out").exists()


def test_an_unexpected_os_error_is_still_a_bug_with_its_traceback(built, project,
                                                                   monkeypatch):
    fail_after_writing(monkeypatch, OSError(errno.EINVAL, "Invalid argument"))
    result = build()
    assert result.exit_code == 1
    assert "Traceback" in result.stderr and "OSError: [Errno 22] Invalid argument" in \
        result.stderr
    assert outputs(project) == built
    assert temp_files(project) == []


# -- a document that takes too long ---------------------------------------------------------

@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_document_over_the_time_limit_is_stopped_and_named(built, project, monkeypatch,
                                                             jobs):
    import plandoc.writers.pdf as pdf

    monkeypatch.setattr(pdf, "write_pdf", lambda *a, **k: time.sleep(30))
    monkeypatch.setenv("PLANDOC_TIME_LIMIT", "0.5")
    handler = signal.getsignal(signal.SIGALRM)
    started = time.perf_counter()
    result = build(jobs=jobs)
    assert time.perf_counter() - started < 20  # stopped, not waited for
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [
        "content/a.yaml: took longer than 0.5 s to build — split it into smaller documents, "
        "or allow more time with PLANDOC_TIME_LIMIT=seconds"]
    assert outputs(project) == built
    assert temp_files(project) == []
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # cancelled: watch goes on
    assert signal.getsignal(signal.SIGALRM) == handler


def test_the_time_limit_must_be_a_number(project, monkeypatch):
    doc(project, "a")
    monkeypatch.setenv("PLANDOC_TIME_LIMIT", "two minutes")
    result = build()
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "PLANDOC_TIME_LIMIT: 'two minutes' is not a number of seconds — expected e.g. 120 "
        "(0 for no limit)"]
    assert not (project / "out").exists()


def test_watch_reports_a_document_over_the_limit_and_goes_on(project, monkeypatch, capsys):
    from plandoc.build import Options
    from plandoc.build.watch import Watcher
    import plandoc.writers.docx as docx

    monkeypatch.setenv("PLANDOC_TIME_LIMIT", "0.5")
    doc(project, "a")
    watcher = Watcher([Path("content")], Options(("docx",), Path("out")), jobs=1)
    with monkeypatch.context() as patched:
        patched.setattr(docx, "write_docx", lambda *a, **k: time.sleep(30))
        summary = watcher.poll()
    assert (summary.built, summary.failed) == (0, 1)
    assert capsys.readouterr().err.splitlines() == [
        "content/a.yaml: took longer than 0.5 s to build — split it into smaller documents, "
        "or allow more time with PLANDOC_TIME_LIMIT=seconds"]
    doc(project, "a", version=2)
    os.utime(project / "content/a.yaml", ns=(1, 1))
    monkeypatch.setenv("PLANDOC_TIME_LIMIT", "60")  # the rebuild itself is not on trial (a busy
    assert watcher.poll().built == 1                 # machine may take 0.5 s for it)
    time.sleep(0.7)  # an alarm left armed would interrupt the test now
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
