"""Chart blocks → images (PNG for Word, PDF vector for the PDF writer, SVG
for the web page), drawn with matplotlib.

    ChartRenderer(theme, cache_dir, lang).png(chart, size_mm) / .pdf(…) / .svg(…)

The size comes from the layout (plandoc.layout: a ChartBox's width_mm and height_mm).

Images are cached by a hash of the chart's data, the theme's fonts and colours, the size and the
format, so matplotlib is imported only when a chart actually changed.  Output is deterministic:
no timestamps in the PDF, fixed hash salt for SVG ids, fonts embedded as TrueType (Type 42).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from plandoc.model import Chart
from plandoc.style.theme import Theme

PNG_DPI = 240
DRAWING = 3  # bump when chartdraw's look changes, so cached images are drawn again


class ChartRenderer:
    """Renders chart blocks in one theme, with an optional on-disk cache."""

    def __init__(self, theme: Theme, cache_dir: Path | None = None, lang: str = "nb"):
        self.theme = theme
        self.cache_dir = cache_dir
        self.lang = lang

    def png(self, chart: Chart, size_mm: tuple[float, float]) -> bytes:
        """The chart as a PNG of PNG_DPI dots per inch."""
        return self._cached(chart, size_mm, "png")

    def pdf(self, chart: Chart, size_mm: tuple[float, float]) -> bytes:
        """The chart as a one-page vector PDF with its fonts embedded."""
        return self._cached(chart, size_mm, "pdf")

    def svg(self, chart: Chart, size_mm: tuple[float, float]) -> bytes:
        """The chart as SVG, its text as outlines (for the web page)."""
        return self._cached(chart, size_mm, "svg")

    def _key(self, chart: Chart, size_mm, fmt: str) -> str:
        t = self.theme
        fonts = [str(p) + str(p.stat().st_size) for p in
                 (t.fonts.body.regular, t.fonts.body.bold)]
        blob = json.dumps([repr(chart), repr(t.colours), fonts, list(size_mm), fmt, PNG_DPI,
                           self.lang, _version(), DRAWING], sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()[:32]

    def _cached(self, chart: Chart, size_mm, fmt: str) -> bytes:
        if self.cache_dir is None:
            return _draw(chart, self.theme, size_mm, fmt, self.lang)
        path = self.cache_dir / f"{self._key(chart, size_mm, fmt)}.{fmt}"
        if path.is_file():
            return path.read_bytes()
        data = _draw(chart, self.theme, size_mm, fmt, self.lang)
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.cache_dir, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:  # a full disk, a time limit: no temp file left in the cache
            Path(tmp).unlink(missing_ok=True)
            raise
        return data


def _version() -> str:
    from plandoc import __version__
    return __version__


def _draw(chart: Chart, theme: Theme, size_mm, fmt: str, lang: str) -> bytes:
    from plandoc.charts import draw  # matplotlib lives there, imported only on a cache miss

    return draw.draw(chart, theme, size_mm, fmt, lang)
