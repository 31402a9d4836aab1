"""The parsed hyphenation patterns kept in the build cache hyphenate exactly as pyphen does."""

import pyphen

from plandoc.writers.pdf import hyphen


def test_cached_patterns_hyphenate_like_a_fresh_parse(tmp_path):
    path = pyphen.LANGUAGES["nb_NO"]
    words = ["næringsutviklingsprosjektet", "mulighetsanalyse", "reisemålsutviklingsprosjektet"]
    fresh = [pyphen.Pyphen(lang="nb_NO", cache=False).inserted(w) for w in words]

    pyphen.hdcache.pop(path, None)
    hyphen.preload("nb_NO", tmp_path)               # parses and stores
    stored = list(tmp_path.glob("nb_NO-*.marshal"))
    assert len(stored) == 1
    pyphen.hdcache.pop(path, None)
    hyphen.preload("nb_NO", tmp_path)               # loads the stored patterns
    assert pyphen.hdcache[path].cache == {}         # the loaded copy, not a parse
    assert [pyphen.Pyphen(lang="nb_NO").inserted(w) for w in words] == fresh
    assert fresh[0].count("-") >= 4


def test_damaged_cache_file_is_parsed_again(tmp_path):
    path = pyphen.LANGUAGES["nn_NO"]
    hyphen.preload("nn_NO", tmp_path)
    stored = next(tmp_path.glob("nn_NO-*.marshal"))
    stored.write_bytes(b"not marshal")
    pyphen.hdcache.pop(path, None)
    hyphen.preload("nn_NO", tmp_path)
    assert pyphen.Pyphen(lang="nn_NO").inserted("kommuneplanen").count("-") >= 2
