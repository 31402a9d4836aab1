"""One reportlab build: the story (cover, contents, body) and multiBuild — one pass, as the
contents are seeded and the numbers known only at the end are filled in then (later.py)."""

from __future__ import annotations

import contextlib
import gc
from io import BytesIO

from plandoc.charts import ChartRenderer
from plandoc.layout import Layout
from plandoc.writers.pdf import hyphen
from plandoc.writers.pdf.context import Ctx
from plandoc.writers.pdf.contents import contents
from plandoc.writers.pdf.cover import cover, masthead
from plandoc.writers.pdf.profile import PdfProfile
from plandoc.writers.pdf.reading import ReadingCanvas
from plandoc.writers.pdf.styles import HYPHENATION, make_look
from plandoc.writers.pdf.template import PlanDocTemplate
from plandoc.writers.pdf.walk import walk


def build(layout: Layout, charts: ChartRenderer,
          profile: PdfProfile = PdfProfile()) -> tuple[bytes, list, object]:
    """reportlab's PDF bytes, the chart records (where each chart must be laid in) and the
    structure recorded in the last pass (tags.Tagger; None when untagged)."""
    if layout.theme.typography.hyphenate:
        cache = charts.cache_dir.parent / "hyphenation" if charts.cache_dir else None
        hyphen.preload(HYPHENATION.get(layout.meta.language, ""), cache)
    look, buf = make_look(layout, profile), BytesIO()
    template = PlanDocTemplate(buf, layout=layout, look=look)
    ctx = Ctx(layout, look, charts, template.width, template.height)
    if layout.cover:
        cover(ctx, layout.cover, template.cover_frames())
    if layout.masthead:
        masthead(ctx, layout.masthead)
    if layout.contents:
        contents(ctx, layout.contents)
    walk(ctx, layout.blocks)
    with fewer_collections():
        template.multiBuild(ctx.story, canvasmaker=ReadingCanvas)
    if template.tagger is not None:
        template.tagger.done()
    return buf.getvalue(), ctx.records, template.tagger


@contextlib.contextmanager
def fewer_collections(threshold: int = 50_000):
    """Run the garbage collector's youngest generation less often while reportlab lays out.

    A long plan keeps hundreds of thousands of objects (paragraph fragments, lines, the
    structure) alive through a pass, and Python walked them at every 700 allocations: on the
    ×20 plan a tenth of the PDF's time.  The old objects are frozen (left out of the walks) and
    everything is as before afterwards.
    """
    old = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(threshold, old[1], old[2])
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()
