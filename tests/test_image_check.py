"""The check that an image decodes (files.image_fault) is remembered while the file is
unchanged, and made again when it changes — a picture saved broken during `watch` is caught."""

from __future__ import annotations

import os

from PIL import Image

from plandoc import files
from plandoc.files import image_fault


def _png(path):
    Image.effect_noise((200, 200), 64).convert("RGB").save(path)
    return path.read_bytes()


def test_a_damaged_image_is_caught_after_it_passed(tmp_path):
    path = tmp_path / "kart.png"
    whole = _png(path)
    assert image_fault(path) is None
    path.write_bytes(whole[: len(whole) // 2])                 # cut short
    assert image_fault(path).kind == "damaged"
    middle = len(whole) // 2
    path.write_bytes(whole[:middle] + bytes(200) + whole[middle + 200:])   # same size, broken
    os.utime(path, ns=(1, 1))
    assert image_fault(path).kind == "damaged"
    path.write_bytes(whole)
    assert image_fault(path) is None


def test_an_unchanged_image_is_decoded_once(tmp_path, monkeypatch):
    path = tmp_path / "kart.png"
    _png(path)
    assert image_fault(path) is None
    monkeypatch.setattr(files, "_decode", lambda file: 1 / 0)
    assert image_fault(path) is None
