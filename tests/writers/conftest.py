"""Fixtures the writer tests share: the default theme and a small coat-of-arms image."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image as PILImage

from plandoc.style import load_theme

STYLES = Path(__file__).resolve().parents[2] / "styles"


@pytest.fixture(scope="module")
def theme():
    return load_theme("default", [STYLES])


@pytest.fixture(scope="module")
def image_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("img") / "vaapen.png"
    PILImage.new("RGB", (300, 360), (31, 78, 121)).save(path)
    return path
