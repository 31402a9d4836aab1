"""The build manifest: which inputs and outputs each document had when it was last built.

`OUT/.plandoc-manifest.json` maps each content file to the SHA-256 of every file its build read
(content, includes, style files and assets; `None` for style paths that must stay absent), the
options key, and the SHA-256 of every output written.  A document is up to date when all of these
still hold; checking that only hashes files — no YAML is parsed, no writer is imported.
`OUT/.plandoc.lock` serialises builds on one output folder (fcntl), so two processes never
interleave their writes to the manifest.  Light imports only: this module is on the no-op path.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

FORMAT = "plandoc-manifest/1"
NAME = ".plandoc-manifest.json"
LOCK = ".plandoc.lock"

_hashes: dict[str, str | None] = {}


def file_hash(path: Path | str) -> str | None:
    """SHA-256 of a file's bytes (memoised for this process); None when it does not exist."""
    key = str(path)
    if key not in _hashes:
        try:
            with open(key, "rb") as fh:
                _hashes[key] = hashlib.file_digest(fh, "sha256").hexdigest()
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            _hashes[key] = None
    return _hashes[key]


def forget(paths) -> None:
    """Drop memoised hashes (files that were just written, or saved in watch mode)."""
    for p in paths:
        _hashes.pop(str(p), None)


def forget_all() -> None:
    """Drop every memoised hash."""
    _hashes.clear()


class Manifest:
    """The manifest of one output folder; `load` it under `lock`, change entries, `save`."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / NAME
        self.entries: dict[str, dict] = {}
        self.warning: str | None = None

    def load(self) -> "Manifest":
        """Read the manifest; a corrupt or foreign one is dropped with a warning."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return self
        except (OSError, ValueError) as exc:
            return self._discard(f"cannot be read ({exc.__class__.__name__})")
        if not isinstance(data, dict) or data.get("format") != FORMAT \
                or not isinstance(data.get("documents"), dict):
            return self._discard("is not a plandoc manifest of this version")
        self.entries = data["documents"]
        return self

    def _discard(self, why: str) -> "Manifest":
        self.warning = f"warning: {self.path} {why} — ignoring it, every document is rebuilt"
        return self

    def up_to_date(self, source: Path, options_key: str, outputs: list[Path]) -> bool:
        """Whether `source` built with `options_key` would give exactly the outputs on disk.

        `outputs` are those the options always ask for; the entry may list more (a print PDF
        the style asks for), and every output it lists must be unchanged too.
        """
        entry = self.entries.get(str(source))
        if not isinstance(entry, dict) or entry.get("options") != options_key:
            return False
        inputs, written = entry.get("inputs"), entry.get("outputs")
        if not isinstance(inputs, dict) or not isinstance(written, dict) \
                or not set(map(str, outputs)) <= set(written) or str(source) not in inputs:
            return False
        return all(file_hash(p) == h for p, h in inputs.items()) and \
            all(file_hash(p) == h for p, h in written.items())

    def record(self, source: Path, options_key: str, inputs: dict, outputs: dict) -> None:
        """Remember one successful build."""
        self.entries[str(source)] = {"options": options_key, "inputs": inputs,
                                     "outputs": outputs}

    def save(self) -> None:
        """Write the manifest atomically (temp file, fsync, rename); a failed write (a full
        disk) removes its temp file, leaves the old manifest as it was and raises."""
        tmp = self.path.with_name(f".{NAME}.{os.getpid()}.tmp")
        data = json.dumps({"format": FORMAT, "documents": self.entries}, indent=1,
                          sort_keys=True, ensure_ascii=False).encode("utf-8")
        try:
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


_held_locks: set[int] = set()


def close_inherited_locks() -> None:
    """In a forked child: close the lock fds it inherited, so only the building process holds
    the lock (flock belongs to the open file; a worker outliving its parent would keep it)."""
    for fd in list(_held_locks):
        try:
            os.close(fd)
        except OSError:
            pass
    _held_locks.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=close_inherited_locks)


class FolderLock:
    """An exclusive flock on OUT/.plandoc.lock, held while building into OUT.

    The holder writes its pid into the file, so a waiting build can say whom it waits for.  The
    lock cannot go stale: the kernel drops a flock when the last process holding its open file
    ends, and forked workers close their copy at once (close_inherited_locks) and die with the
    building process (plandoc.build.faults.worker_init), so a killed build frees the folder.
    """

    def __init__(self, out_dir: Path, on_wait=None):
        self.path = out_dir / LOCK
        self.on_wait = on_wait
        self.fd: int | None = None

    def __enter__(self) -> "FolderLock":
        import fcntl

        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        _held_locks.add(self.fd)
        try:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if self.on_wait:
                    self.on_wait(self.path.parent, self.holder())
                fcntl.flock(self.fd, fcntl.LOCK_EX)
            try:  # who holds it: only informative, a full disk must not stop the build
                os.ftruncate(self.fd, 0)
                os.pwrite(self.fd, f"{os.getpid()}\n".encode(), 0)
            except OSError:
                pass
        except BaseException:
            self._close()
            raise
        return self

    def holder(self) -> int | None:
        """The pid written by the build holding the lock (None if unknown)."""
        try:
            return int(os.pread(self.fd, 32, 0).decode().strip())
        except (OSError, ValueError):
            return None

    def __exit__(self, *exc) -> None:
        self._close()  # closing releases the lock

    def _close(self) -> None:
        if self.fd is not None:
            _held_locks.discard(self.fd)
            os.close(self.fd)
            self.fd = None
