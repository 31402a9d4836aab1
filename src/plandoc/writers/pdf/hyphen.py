"""pyphen's hyphenation patterns, parsed once and kept in the build cache.

cProfile of a PDF build: parsing nb_NO's ~27 000 patterns (pyphen.HyphDict) took 0.35 s in
every process that wrote a hyphenated PDF. The parsed patterns are plain strings, ints and
tuples, so they are stored with marshal under OUT/.cache/hyphenation, keyed by the dictionary
file's bytes and pyphen's version, and put into pyphen's own cache before reportlab asks for
them. A dictionary with non-standard patterns is simply parsed as before.
"""

from __future__ import annotations

import hashlib
import marshal
from pathlib import Path

from plandoc.cachefile import keep


def preload(lang: str, cache_dir: Path | None) -> None:
    """Make pyphen's dictionary for `lang` (e.g. 'nb_NO') ready, from the cache when possible."""
    import pyphen

    name = pyphen.language_fallback(lang) if lang else None
    path = pyphen.LANGUAGES.get(name) if name else None
    if path is None or cache_dir is None or path in pyphen.hdcache:
        return
    raw = Path(path).read_bytes()
    key = hashlib.sha256(raw + pyphen.__version__.encode()).hexdigest()[:20]
    file = cache_dir / f"{name}-{key}.marshal"
    try:
        patterns, maxlen = marshal.loads(file.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pyphen.hdcache[path] = parsed = pyphen.HyphDict(path)
        _store(file, parsed)
        return
    cached = pyphen.HyphDict.__new__(pyphen.HyphDict)
    cached.patterns, cached.cache, cached.maxlen = patterns, {}, maxlen
    pyphen.hdcache[path] = cached


def _store(file: Path, parsed) -> None:
    plain = all(type(v) is int for _, values in parsed.patterns.values() for v in values)
    if not plain:
        return
    keep(file, marshal.dumps((parsed.patterns, parsed.maxlen)))
