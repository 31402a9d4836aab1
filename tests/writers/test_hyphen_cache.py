"""The parsed hyphenation patterns kept in the build cache: read back without parsing, repaired
when damaged, and hyphenating exactly as pyphen's own parse does.

Each test fails if `preload` is made a no-op or always parses: the first counts pyphen's
parses, the second checks the damaged file is rewritten.
"""

import marshal

import pyphen
import pytest

from plandoc.writers.pdf import hyphen

WORDS = ["næringsutviklingsprosjektet", "mulighetsanalyse", "reisemålsutviklingsprosjektet"]


@pytest.fixture
def parses(monkeypatch):
    """Count pyphen's pattern parses (HyphDict.__init__)."""
    calls = []
    original = pyphen.HyphDict.__init__

    def counting(self, *args, **kwargs):
        calls.append(args)
        original(self, *args, **kwargs)

    monkeypatch.setattr(pyphen.HyphDict, "__init__", counting)
    return calls


def test_second_preload_reads_the_cache_without_parsing(tmp_path, parses):
    path = pyphen.LANGUAGES["nb_NO"]
    fresh = [pyphen.Pyphen(lang="nb_NO", cache=False).inserted(w) for w in WORDS]

    pyphen.hdcache.pop(path, None)
    before = len(parses)
    hyphen.preload("nb_NO", tmp_path)               # parses and stores
    assert len(parses) == before + 1
    (stored,) = tmp_path.glob("nb_NO-*.marshal")
    patterns, maxlen = marshal.loads(stored.read_bytes())
    assert len(patterns) > 1000 and maxlen > 5

    pyphen.hdcache.pop(path, None)
    hyphen.preload("nb_NO", tmp_path)               # loads the stored patterns
    assert len(parses) == before + 1                # … without parsing again
    assert pyphen.hdcache[path].patterns == patterns
    assert [pyphen.Pyphen(lang="nb_NO").inserted(w) for w in WORDS] == fresh
    assert fresh[0].count("-") >= 4


def test_damaged_cache_file_is_parsed_again_and_repaired(tmp_path, parses):
    path = pyphen.LANGUAGES["nn_NO"]
    pyphen.hdcache.pop(path, None)
    hyphen.preload("nn_NO", tmp_path)
    stored = next(tmp_path.glob("nn_NO-*.marshal"))
    good = stored.read_bytes()
    stored.write_bytes(b"not marshal")
    pyphen.hdcache.pop(path, None)
    before = len(parses)
    hyphen.preload("nn_NO", tmp_path)
    assert len(parses) == before + 1                # parsed, not taken from the damaged file
    assert stored.read_bytes() == good              # and the cache file is written anew
    assert pyphen.Pyphen(lang="nn_NO").inserted("kommuneplanen").count("-") >= 2
