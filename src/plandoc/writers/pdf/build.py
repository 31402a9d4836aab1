"""One reportlab build: the story (cover, contents, body) and multiBuild — one pass, as the
contents are seeded and the numbers known only at the end are filled in then (later.py).
The pass is handed a story nobody else keeps (Story), so what it has drawn is freed."""

from __future__ import annotations

import gc
from io import BytesIO

from reportlab import rl_config

from plandoc.charts import ChartRenderer
from plandoc.collect import fewer_collections
from plandoc.layout import Layout
from plandoc.writers.pdf import hyphen, images
from plandoc.writers.pdf.context import Ctx
from plandoc.writers.pdf.contents import contents
from plandoc.writers.pdf.cover import cover, masthead
from plandoc.writers.pdf.profile import PdfProfile
from plandoc.writers.pdf.images import ImageCanvas
from plandoc.writers.pdf.reading import ReadingCanvas
from plandoc.writers.pdf.styles import HYPHENATION, make_look
from plandoc.writers.pdf.template import PlanDocTemplate
from plandoc.writers.pdf.walk import walk

# Collecting the pass's garbage at once pays for a long document (×20 plan: the peak stays under
# 150 MiB) and not for a short one: ~10 ms of a 16-page plan, in a process about to end or go
# on to the next document, where the collector meets it anyway.
COLLECT_PAGES = 60
rl_config.useA85 = 0    # Flate alone: ASCII85 on top made qpdf decode and deflate every
                        # stream again when saving (finish.py), ~12 ms a document


def build(layout: Layout, charts: ChartRenderer,
          profile: PdfProfile = PdfProfile()) -> tuple[bytes, list, object]:
    """reportlab's PDF bytes, the chart records (where each chart must be laid in) and the
    structure recorded in the last pass (tags.Tagger; None when untagged)."""
    if layout.theme.typography.hyphenate:
        cache = charts.cache_dir.parent / "hyphenation" if charts.cache_dir else None
        hyphen.preload(HYPHENATION.get(layout.meta.language, ""), cache)
    images.use(charts.cache_dir.parent / "images" if charts.cache_dir else None)
    with fewer_collections():
        *built, pages = _pass(layout, charts, make_look(layout, profile))
        if pages >= COLLECT_PAGES:  # the pass's cycles (template, canvas, tables), before
            gc.collect()            # pikepdf's objects join them; the older ones are frozen
    return tuple(built)


def _pass(layout: Layout, charts: ChartRenderer, look) -> tuple[bytes, list, object, int]:
    """The story drawn by multiBuild: build's result, and how many pages it made."""
    buf = BytesIO()
    template = PlanDocTemplate(buf, layout=layout, look=look)
    made: list[Ctx] = []

    def story() -> list:
        ctx = Ctx(layout, look, charts, template.width, template.height)
        _fill(ctx, template)
        made[:] = [ctx]
        flowables, ctx.story = ctx.story, []    # nobody but the pass keeps them
        return flowables

    template.multiBuild(Story(story(), story, template), canvasmaker=PlanCanvas)
    if template.tagger is not None:
        template.tagger.done()
    return buf.getvalue(), made[0].records, template.tagger, template.page


def _fill(ctx: Ctx, template: PlanDocTemplate) -> None:
    """The story: cover, masthead, contents and the body."""
    layout = ctx.layout
    if layout.cover:
        cover(ctx, layout.cover, template.cover_frames())
    if layout.masthead:
        masthead(ctx, layout.masthead)
    if layout.contents:
        contents(ctx, layout.contents)
    walk(ctx, layout.blocks)


class PlanCanvas(ReadingCanvas, ImageCanvas):
    """The canvas a plan is drawn on: text that reads back right, pictures made once."""


class Story(list):
    """The story as multiBuild takes it, made so that each flowable is freed once drawn.

    multiBuild keeps the story and hands each pass a copy (`story[:]`), which reportlab
    consumes; kept, every flowable with its fragments and broken lines stayed alive to the end
    (×20 plan: ~8 MiB of the peak).  Here the first copy takes the flowables out.  A pass
    after it (rare: the contents' rows changed) gets a story made anew by `remake`, whose
    contents is the one multiBuild tells of the headings (its `_indexingFlowables`)."""

    def __init__(self, flowables: list, remake, template):
        super().__init__(flowables)
        self.remake, self.template = remake, template

    def __getitem__(self, index):
        if not isinstance(index, slice) or index != slice(None):
            return super().__getitem__(index)
        if not self:
            return self._again()
        flowables = list(self)
        self.clear()
        return flowables

    def _again(self) -> list:
        indexing = iter(self.template._indexingFlowables)
        return [next(indexing) if f.isIndexing() else f for f in self.remake()]
