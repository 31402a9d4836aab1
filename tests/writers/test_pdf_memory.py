"""The PDF's pass does not keep what it has drawn: a flowable is freed once its page is done
(writers/pdf/build.py Story), so a long plan's peak memory does not hold every paragraph with
its fragments and broken lines.  A second pass (the contents' rows changed) is still possible
and makes the same document."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from reportlab.platypus.doctemplate import BaseDocTemplate

from plandoc.charts import ChartRenderer
from plandoc.layout import lay_out
from plandoc.model import Document, Heading, PageBreak, Paragraph, Span
from plandoc.style import load_theme
from plandoc.writers.pdf import build as pdf_build, write_pdf
from plandoc.writers.pdf.context import Ctx
from plandoc.writers.pdf.contents import Contents_
from plandoc.writers.pdf.template import PlanDocTemplate
from tests.conftest import ROOT
from tests.sample_doc import sample_meta

CHAPTERS = 6


def _write(out: Path, chapters: int = CHAPTERS) -> Path:
    """A plan of `chapters` one-page chapters with a contents, written at `out`."""
    theme = load_theme("default", [ROOT / "styles"])
    blocks = []
    for n in range(1, chapters + 1):
        blocks += [Heading(1, (Span(f"Kapittel {n}"),), str(n), f"k{n}"),
                   Paragraph((Span(f"Tekst i kapittel {n}."),)), PageBreak()]
    doc = Document(sample_meta(), tuple(blocks[:-1]), out.with_suffix(".yaml"))
    write_pdf(lay_out(doc, theme), ChartRenderer(theme, cache_dir=None), out)
    return out


def test_a_drawn_paragraph_is_freed_before_the_last_page(tmp_path, monkeypatch):
    made, alive_at_end = [], []         # (weak reference, text) of every flowable of the story
    add = Ctx.add
    monkeypatch.setattr(Ctx, "add", lambda self, *fs: made.extend(
        (weakref.ref(f), getattr(f, "text", "")) for f in fs) or add(self, *fs))
    after_page = PlanDocTemplate.afterPage

    def after_each_page(self):
        after_page(self)
        gc.collect()
        alive_at_end[:] = [text for ref, text in made if ref() is not None]
    monkeypatch.setattr(PlanDocTemplate, "afterPage", after_each_page)
    _write(tmp_path / "plan.pdf")
    texts = [text for _, text in made]
    assert "Tekst i kapittel 1." in texts and "Tekst i kapittel 6." in texts
    body = [text for text in alive_at_end if text.startswith("Tekst")]
    assert body in ([], ["Tekst i kapittel 6."])     # those drawn on earlier pages are gone


def test_a_second_pass_makes_the_same_document(tmp_path, monkeypatch):
    one = PdfReader(_write(tmp_path / "one.pdf"))
    passes, satisfied = [], Contents_.isSatisfied
    build = BaseDocTemplate.build
    monkeypatch.setattr(BaseDocTemplate, "build",
                        lambda self, *a, **kw: passes.append(1) or build(self, *a, **kw))
    monkeypatch.setattr(Contents_, "isSatisfied",
                        lambda self: len(passes) > 1 and satisfied(self))
    two = PdfReader(_write(tmp_path / "two.pdf"))
    assert len(passes) == 2
    assert [p.extract_text() for p in two.pages] == [p.extract_text() for p in one.pages]
    assert "Kapittel 6" in two.pages[1].extract_text()


def test_a_long_documents_pass_is_collected_before_pikepdf_and_a_short_ones_is_not(
        tmp_path, monkeypatch):
    """Collecting costs ~10 ms and pays only when the pass left much (build.COLLECT_PAGES)."""
    collected = []
    monkeypatch.setattr(pdf_build, "gc", SimpleNamespace(collect=lambda: collected.append(1)))
    _write(tmp_path / "short.pdf")
    assert collected == []
    _write(tmp_path / "long.pdf", chapters=pdf_build.COLLECT_PAGES)
    assert len(PdfReader(tmp_path / "long.pdf").pages) > pdf_build.COLLECT_PAGES
    assert collected == [1]
