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
        """Write the manifest atomically (temp file + rename)."""
        tmp = self.path.with_name(f".{NAME}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"format": FORMAT, "documents": self.entries}, indent=1,
                                  sort_keys=True, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)


class FolderLock:
    """An exclusive fcntl lock on OUT/.plandoc.lock, held while building into OUT."""

    def __init__(self, out_dir: Path, on_wait=None):
        self.path = out_dir / LOCK
        self.on_wait = on_wait
        self.fd: int | None = None

    def __enter__(self) -> "FolderLock":
        import fcntl

        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if self.on_wait:
                self.on_wait(self.path.parent)
            fcntl.flock(self.fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc) -> None:
        os.close(self.fd)  # closing releases the lock
        self.fd = None
