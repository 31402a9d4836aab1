"""Font facts kept on disk, by the font file's SHA-256, in the output folder's cache.

Reading a font's code points, fsType and family name (and checking its outlines) needs fontTools
and takes tens of milliseconds a font; a build reads the same few fonts again and again.  The
build names the folder (`OUT/.cache/fonts`, `use`); without one nothing is stored.  An entry is
JSON: facts {"fs_type", "ranges" (code points as [first, last] runs), "missing", "family"},
advances {"em", "advances": {code point: advance width}} (text widths the layout measures).
Other modules keep bytes of their own by the same key (`load_bytes`, `store_bytes`: reportlab's
parsed face, plandoc.writers.pdf.facecache).
"""

from __future__ import annotations

import functools
from pathlib import Path

VERSION = 1
_folder: Path | None = None
_pending: list[tuple[Path, dict | bytes]] = []


def use(folder: Path | None) -> None:
    """Keep font facts in `folder` from now on (None: keep none); facts read for the same
    folder and not yet flushed stay pending (a document read before its build)."""
    global _folder
    if folder != _folder:
        _pending.clear()
    _folder = folder


def load(file: Path, kind: str = "facts") -> dict | None:
    """The stored facts (`kind`: 'facts' or 'advances') of `file`'s bytes, or None."""
    if _folder is None:  # `plandoc check`: nothing kept, json and hashlib not imported
        return None
    import json

    try:
        return json.loads((_folder / _key(file, kind)).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def load_bytes(file: Path, kind: str) -> bytes | None:
    """The bytes kept as `kind` of `file`'s bytes, or None (also without a folder)."""
    if _folder is None:
        return None
    try:
        return (_folder / _key(file, kind, "bin")).read_bytes()
    except OSError:
        return None


def store_bytes(file: Path, data: bytes, kind: str) -> None:
    """Keep `data` as `kind` of `file`'s bytes, written by `flush` as `store`'s facts are."""
    if _folder is not None:
        _pending.append((_folder / _key(file, kind, "bin"), data))


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


def _write(path: Path, facts: dict | bytes) -> None:
    import json

    from plandoc.cachefile import keep

    keep(path, facts if isinstance(facts, bytes) else json.dumps(facts).encode("utf-8"))


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


def _key(file: Path, kind: str, suffix: str = "json") -> str:
    return f"{digest(file)[:40]}-{kind}-{VERSION}.{suffix}"


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
