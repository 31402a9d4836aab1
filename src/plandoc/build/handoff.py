"""A document read once and handed to the workers that write its formats, while they start.

When one document's formats are written at once (fewer stale documents than jobs), the
workers are forked first and import their writers (reportlab and pikepdf, python-docx) while
the building process reads, validates and lays the document out; then it hands them the
result.  The imports and the reading overlap instead of following each other.  The building
process then writes one of the formats itself (plandoc.build.workers.own_unit): one process
fewer to start and to share two CPUs with.

The document, its theme and its layout go pickled through an unlinked temporary file that the
workers inherited; a pipe carries one byte per waiting worker to say it is there.  An empty
file means "read it yourself" (the document has mistakes, which the worker reports as before).
Only where workers are forked (POSIX): a spawned worker inherits no file.
"""

from __future__ import annotations

import os
import pickle
import tempfile
WRITERS = {"docx": ("plandoc.writers.docx",),
           "pdf": ("plandoc.writers.pdf.build", "plandoc.writers.pdf.finish"),
           "html": ("plandoc.writers.html",)}
# Imported before forking, once for all: the model, theme and layout (read here, drawn there)
# and Pillow (images measured here, drawn by reportlab there).
SHARED = ("plandoc.layout", "PIL.Image")


class Handoff:
    """One document on its way from the building process to the workers of its formats."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self._wait, self._ready = os.pipe()

    @property
    def fds(self) -> tuple[int, int]:
        """What a forked worker needs to take the document: (file, pipe)."""
        return self._file.fileno(), self._wait

    def give(self, value, takers: int) -> None:
        """Hand `value` (None: nothing, read it yourself) to `takers` workers."""
        if value is not None:
            os.pwrite(self._file.fileno(), pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 0)
        os.write(self._ready, b"." * takers)

    def close(self) -> None:
        self._file.close()
        os.close(self._wait)
        os.close(self._ready)


def take(fds: tuple[int, int]):
    """In a worker: wait for the document and return it (None: read it yourself)."""
    file, wait = fds
    os.read(wait, 1)
    size = os.fstat(file).st_size
    return pickle.loads(os.pread(file, size, 0)) if size else None


def prepare(formats) -> None:
    """In a worker: import the writers of `formats` (before the document arrives)."""
    import importlib

    for fmt in formats:
        for module in WRITERS.get(fmt, ()):
            importlib.import_module(module)


def imported(fmt: str) -> bool:
    """Whether this process has the writers of `fmt` imported already (watch, after its
    first build)."""
    import sys

    return fmt in WRITERS and all(module in sys.modules for module in WRITERS[fmt])


def share() -> None:
    """In the building process, before forking: import what it needs for reading and the
    workers need for writing (the model, the theme, the layout), once instead of in each."""
    import importlib

    for module in SHARED:
        importlib.import_module(module)


def usable() -> bool:
    """Workers are forked here, so they inherit the file and the pipe."""
    return os.name == "posix" and hasattr(os, "pwrite")

