"""A cache entry is written whole or not at all (plandoc.cachefile.keep), for every cache."""

from __future__ import annotations

import os

from plandoc import cachefile


def test_an_entry_is_written_whole(tmp_path):
    cachefile.keep(tmp_path / "fonts" / "abc.bin", b"data")
    assert [p.name for p in (tmp_path / "fonts").iterdir()] == ["abc.bin"]
    assert (tmp_path / "fonts" / "abc.bin").read_bytes() == b"data"


def test_a_failed_write_leaves_neither_entry_nor_temporary_file(tmp_path, monkeypatch):
    def full(src, dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", full)
    cachefile.keep(tmp_path / "images" / "abc", b"data")
    assert list((tmp_path / "images").iterdir()) == []


def test_a_folder_that_cannot_be_made_keeps_nothing(tmp_path):
    (tmp_path / "hyphenation").write_text("a file where the folder should be")
    cachefile.keep(tmp_path / "hyphenation" / "nb_NO.marshal", b"data")
    assert (tmp_path / "hyphenation").read_text() == "a file where the folder should be"
