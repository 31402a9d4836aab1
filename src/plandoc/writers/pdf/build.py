"""One reportlab build: story = page-total marker, cover, contents, body; multiBuild."""

from __future__ import annotations

from io import BytesIO

from reportlab.platypus import PageBreak, Paragraph

from plandoc.charts import ChartRenderer
from plandoc.labels import labels
from plandoc.layout.front import front_blocks, has_cover
from plandoc.model import Document, Heading, PartTitle
from plandoc.style.theme import Theme
from plandoc.writers.pdf.context import Ctx
from plandoc.writers.pdf.cover import cover
from plandoc.writers.pdf.flowables import PageCount, PageTotal, role
from plandoc.writers.pdf.markup import esc
from plandoc.writers.pdf.profile import PdfProfile
from plandoc.writers.pdf import hyphen
from plandoc.writers.pdf.styles import HYPHENATION, make_look
from plandoc.writers.pdf.template import (TOC_LEVELS, PlanDocTemplate, seed_toc,
                                          table_of_contents)
from plandoc.writers.pdf.walk import walk


def build(doc: Document, theme: Theme, charts: ChartRenderer,
          profile: PdfProfile = PdfProfile()) -> tuple[bytes, list]:
    """reportlab's PDF bytes and the chart records (where each chart must be laid in)."""
    if theme.typography.get("hyphenate"):
        cache = charts.cache_dir.parent / "hyphenation" if charts.cache_dir else None
        hyphen.preload(HYPHENATION.get(doc.meta.language, ""), cache)
    look = make_look(theme, lang=doc.meta.language, profile=profile)
    words = labels(doc.meta.language)
    count = PageCount()
    buf = BytesIO()
    cover_page = has_cover(doc.meta)
    template = PlanDocTemplate(buf, theme=theme, look=look, meta=doc.meta, count=count,
                               cover=cover_page)
    ctx = Ctx(look, words, charts, template.width, template.height)
    story = [PageTotal(count)]
    if cover_page:
        story += cover(doc.meta, theme, look, template.cover_frames())
    toc = table_of_contents(look) if doc.meta.toc and any(_listed(b) for b in doc.blocks) \
        else None
    if toc is not None:
        story += [role(Paragraph(esc(words["contents"]), look["toc_title"]), "H1", toc=True),
                  toc, PageBreak()]
    story += walk(front_blocks(doc.meta) + doc.blocks, ctx)
    if toc is not None:
        seed_toc(toc, story)
    template.multiBuild(story)
    return buf.getvalue(), ctx.records


def _listed(block) -> bool:
    """Whether a block is a heading the table of contents lists."""
    return isinstance(block, PartTitle) or (isinstance(block, Heading) and block.in_toc
                                             and block.level <= TOC_LEVELS)
