"""How a build uses Python's garbage collector: seldom, and never over what was there before.

A build makes many objects that live to its end (YAML nodes, the model and layout, reportlab's
fragments and lines, the PDF's structure), and Python walked all of them at every 700
allocations: on the ×20 plan a tenth of the PDF's time, and ~15 ms of a cold Vefsn build (the
hyphenation patterns alone, 27 000 tuples, took 17 ms to load instead of 4).  While
`fewer_collections` holds, the objects already there (the imported modules) are frozen — left out
of the walks, and not written to by them, so forked workers keep sharing their pages — and the
youngest generation is collected every 50 000 allocations.  Nested uses share the outermost one;
a worker forked inside it inherits it.  Afterwards everything is as before.
"""

from __future__ import annotations

import contextlib
import gc

_depth = 0


@contextlib.contextmanager
def fewer_collections(threshold: int = 50_000):
    """Collect seldom, and not what exists now, until the block ends (see the module)."""
    global _depth
    old = gc.get_threshold()
    _depth += 1
    if _depth == 1:
        gc.freeze()
        gc.set_threshold(threshold, old[1], old[2])
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0:
            gc.set_threshold(*old)
            gc.unfreeze()
