"""Font facts kept on disk, by the font file's SHA-256, in the output folder's cache.

Reading a font's code points, fsType and family name (and checking its outlines) needs fontTools
and takes tens of milliseconds a font; a build reads the same few fonts again and again.  The
build names the folder (`OUT/.cache/fonts`, `use`); without one nothing is stored.  An entry is
JSON: facts {"fs_type", "ranges" (code points as [first, last] runs), "missing", "family"},
advances {"em", "advances": {code point: advance width}} (text widths the layout measures).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

VERSION = 1
_folder: Path | None = None
_pending: list[tuple[Path, dict]] = []


def use(folder: Path | None) -> None:
    """Keep font facts in `folder` from now on (None: keep none)."""
    global _folder
    _folder = folder
    _pending.clear()


def load(file: Path, kind: str = "facts") -> dict | None:
    """The stored facts (`kind`: 'facts' or 'advances') of `file`'s bytes, or None."""
    if _folder is None:  # `plandoc check`: nothing kept, json and hashlib not imported
        return None
    import json

    try:
        return json.loads((_folder / _key(file, kind)).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def store(file: Path, facts: dict, kind: str = "facts") -> None:
    """Keep `facts` of `file`'s bytes, written by `flush` once the build has succeeded (a
    build that fails writes nothing)."""
    if _folder is not None:
        _pending.append((_folder / _key(file, kind), facts))


def flush() -> None:
    """Write the facts kept since the last flush (quietly nothing where the folder cannot be
    written: it is only a cache)."""
    while _pending:
        _write(*_pending.pop())


def _write(path: Path, facts: dict) -> None:
    import json
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(facts, fh)
        os.replace(tmp, path)
    except OSError:
        pass


def ranges(codepoints) -> list[list[int]]:
    """Sorted code points as [first, last] runs."""
    out: list[list[int]] = []
    for c in sorted(codepoints):
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return out


def codepoints(runs) -> frozenset:
    return frozenset(c for first, last in runs for c in range(first, last + 1))


def _key(file: Path, kind: str) -> str:
    return f"{digest(file)[:40]}-{kind}-{VERSION}.json"


def digest(file: Path) -> str:
    """The SHA-256 of a font file (once per version of the file in this process); the key of
    its facts here and of its subsets (plandoc.style.subset)."""
    stat = file.stat()
    return _digest(file, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=32)
def _digest(file: Path, mtime_ns: int, size: int) -> str:
    """The file's SHA-256 (once per version of the file in this process)."""
    import hashlib

    with open(file, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()
