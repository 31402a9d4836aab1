"""An entry of the build's cache (OUT/.cache): written whole or not at all.

Font facts and reportlab's parsed faces (style.factcache), font subsets (style.subset),
hyphenation patterns (writers.pdf.hyphen) and made pictures (writers.pdf.images) are files
derived from an input and kept by its hash.  Each is written to a temporary file beside it and
renamed into place, so a reader never sees half an entry; a folder that cannot be written (read
only, full) keeps nothing, and the entry is made again next time.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def keep(path: Path, data: bytes) -> None:
    """Write `data` at `path` atomically; nothing (and no temporary file) when that fails."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
