"""A build under faults: the environment's mistakes, runaway documents, killed parents.

    environment_problem(exc, out_dir) -> Problem | None   a full disk, a read-only folder …
    time_limit() -> float; deadline(seconds)              stop a document that takes too long
    worker_init(parent_pid)                               a worker dies with the build
    signals_deferred()                                    SIGTERM/SIGINT wait for a rename group

A full disk or a folder plandoc may not write to is not a bug and not a document's mistake: it
stops the whole build with one line naming the folder.  Any other OSError stays a bug.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
import threading
from pathlib import Path

from plandoc.errors import Problem, display_path

TIME_LIMIT_VAR = "PLANDOC_TIME_LIMIT"
DEFAULT_TIME_LIMIT = 120.0

_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}


def environment_problem(exc: BaseException, out_dir: Path) -> Problem | None:
    """The one line for an OSError the user's machine caused while writing; None for a bug."""
    if not isinstance(exc, OSError) or exc.errno not in _FULL | _DENIED | {errno.EISDIR}:
        return None
    culprit = _culprit(exc)
    if exc.errno == errno.EISDIR:  # the lock or the manifest (an output's name is checked first)
        if culprit is None:
            return None
        return Problem(culprit, None, "is a folder — expected a file plandoc may replace "
                       "(move the folder away)")
    if exc.errno in _FULL:
        return Problem(out_dir, None, "no space left on the device — expected room for the "
                       "outputs (free some space and build again)")
    if exc.errno == errno.EROFS:
        return Problem(out_dir, None, "is on a read-only file system — expected a folder "
                       "plandoc may write to (choose another with --out)")
    if culprit is not None and not _inside(culprit, out_dir):
        return Problem(culprit, None, "permission denied — expected a file plandoc may read")
    return Problem(out_dir, None, "permission denied — expected a folder plandoc may write "
                   "to (choose another with --out)")


def _culprit(exc: OSError) -> Path | None:
    name = exc.filename2 if exc.filename2 is not None else exc.filename  # rename: the target
    return Path(os.fsdecode(name)) if isinstance(name, (str, bytes, os.PathLike)) else None


def _inside(path: Path, folder: Path) -> bool:
    path, folder = path.absolute(), folder.absolute()
    return path == folder or folder in path.parents


def out_dir_problem(out_dir: Path) -> Problem | None:
    """Why `out_dir` cannot be the output folder (a file, or under a file); None if it can."""
    if out_dir.exists() and not out_dir.is_dir():
        return Problem(out_dir, None, "is a file — expected a folder for the outputs (or a "
                       "name that does not exist yet)")
    for parent in out_dir.absolute().parents:
        if parent.exists():
            if not parent.is_dir():
                return Problem(out_dir, None, f"cannot be created ({display_path(parent)} is a "
                               "file) — expected a folder for the outputs")
            break
    return None


# -- time limit -------------------------------------------------------------------------------

class TimeUp(BaseException):
    """Raised by SIGALRM in the process building a document (BaseException: no `except
    Exception` in a library swallows it)."""


def time_limit() -> float:
    """Seconds one document may take (PLANDOC_TIME_LIMIT, 120 by default; 0: no limit)."""
    from plandoc.errors import ContentError

    text = os.environ.get(TIME_LIMIT_VAR, "").strip()
    if not text:
        return DEFAULT_TIME_LIMIT
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0 or value == float("inf"):
        raise ContentError(Problem(TIME_LIMIT_VAR, None, f"'{text}' is not a number of seconds "
                                   "— expected e.g. 120 (0 for no limit)"))
    return value


def time_limit_message(seconds: float) -> str:
    """What a document that ran out of time is told (after its path)."""
    return (f"took longer than {seconds:g} s to build — split it into smaller documents, or "
            f"allow more time with {TIME_LIMIT_VAR}=seconds")


@contextlib.contextmanager
def deadline(seconds: float):
    """Raise TimeUp in this process after `seconds` (0: never); always cancelled on exit.

    SIGALRM only reaches the main thread; elsewhere (a caller's thread) there is no limit.
    """
    if not seconds or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def time_up(signum, frame):
        raise TimeUp()

    previous = signal.signal(signal.SIGALRM, time_up)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -- workers and signals ----------------------------------------------------------------------

def worker_init(parent_pid: int) -> None:
    """In a forked worker: drop the folder lock and die when the building process dies.

    Linux: the kernel sends SIGKILL when the parent ends (PR_SET_PDEATHSIG — strictly, when the
    thread that forked us ends: the pool forks from the main thread); the parent may have died
    before that was set, so the parent's pid is checked after.  Elsewhere a thread polls.
    """
    from plandoc.build.manifest import close_inherited_locks

    close_inherited_locks()
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    else:
        def watch_parent():
            while os.getppid() == parent_pid:
                threading.Event().wait(0.5)
            os._exit(1)

        threading.Thread(target=watch_parent, daemon=True).start()
    if os.getppid() != parent_pid:
        os._exit(1)


@contextlib.contextmanager
def signals_deferred():
    """Hold SIGINT and SIGTERM until the block is done (renaming a document's outputs)."""
    held = {signal.SIGINT, signal.SIGTERM}
    if threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
