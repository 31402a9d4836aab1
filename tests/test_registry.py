"""One registry of block kinds (the model's Block union); the reader, the layout and every writer
must cover it, and the sample documents must hold every kind with every optional field."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from plandoc import model
from plandoc.layout import BOX_KINDS, LAYOUTS, lay_out
from plandoc.model import BLOCK_KINDS
from plandoc.reader.content import read_document
from plandoc.style import load_theme
from tests.conftest import ROOT

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_doc import case_document, sample_document  # noqa: E402

EVERY_BLOCK = ROOT / "tests/samples/every-block.yaml"
MEETING = ROOT / "tests/samples/moteprotokoll.yaml"   # the blocks only a meeting has
NESTED = (model.ListItem, model.KeyFigure, model.SwotGroup, model.SwotQuadrant, model.Strategy,
          model.ProgramItem, model.ProgramPart, model.Indicator, model.Measurement,
          model.ActionRow, model.Reference, model.Signer, model.CaseItem)


def test_block_kinds_are_the_model_union():
    assert set(BLOCK_KINDS) == {model.Heading, model.Paragraph, model.ListBlock,
                                model.KeyFigures, model.Chart, model.Swot, model.Goal,
                                model.Callout, model.Table, model.Image, model.PageBreak,
                                model.Program, model.PartTitle, model.IndicatorOverview,
                                model.ActionPlan, model.Appendix,
                                model.AppendixList, model.StrategyList,
                                model.References, model.Signatures, model.Foreword,
                                model.CaseFacts, model.Recommendation,
                                model.Decision, model.CaseList}


TABLE_KINDS = (model.IndicatorOverview, model.ActionPlan)   # laid out as TableBoxes
# laid out as boxes of other kinds: tables, headings, text and numbered lists
COMPOSED_KINDS = (model.CaseFacts, model.Recommendation, model.Decision)
# made by layout/front.py from a saksframlegg's metadata, never by the reader
FRONT_KINDS = (model.CaseFacts,)
SAKSFRAMLEGG = ROOT / "tests/samples/every-block-attachment.yaml"


def test_the_layout_has_one_function_per_block_kind():
    assert set(LAYOUTS) == set(BLOCK_KINDS)
    assert len(BOX_KINDS) == len(BLOCK_KINDS) - len(TABLE_KINDS) - len(COMPOSED_KINDS)


@pytest.mark.parametrize("writer", ["docx", "pdf", "html"])
def test_every_writer_draws_every_box_kind(writer):
    import importlib

    WRITERS = importlib.import_module(f"plandoc.writers.{writer}.walk").WRITERS
    assert set(WRITERS) == set(BOX_KINDS)


def samples() -> tuple:
    """The sample content: every block of a plan, and a meeting's minutes."""
    return read_document(EVERY_BLOCK), read_document(MEETING)


def test_the_reader_produces_every_block_kind():
    assert {type(b) for doc in samples() for b in doc.blocks} == \
        set(BLOCK_KINDS) - set(FRONT_KINDS)


def test_laying_out_the_samples_gives_every_box_kind():
    theme = load_theme("default", [ROOT / "styles"])
    assert {type(b) for b in lay_out(sample_document(), theme).blocks} | \
        {type(b) for b in lay_out(case_document(), theme).blocks} == set(BOX_KINDS)
    read = (lay_out(read_document(p), theme).blocks for p in (EVERY_BLOCK, SAKSFRAMLEGG, MEETING))
    assert {type(b) for blocks in read for b in blocks} == set(BOX_KINDS)


def _instances(value):
    """Every dataclass instance inside `value` (blocks and what they hold)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        yield value
        for f in dataclasses.fields(value):
            yield from _instances(getattr(value, f.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _instances(item)


def _unset(docs, kinds) -> list[str]:
    """'Kind.field' for each optional field no instance of that kind sets."""
    found = [x for doc in docs for x in _instances(doc.blocks)]
    missing = []
    for kind in kinds:
        mine = [x for x in found if type(x) is kind]
        if not mine:
            missing.append(kind.__name__)
            continue
        for f in dataclasses.fields(kind):
            default = f.default if f.default is not dataclasses.MISSING else (
                f.default_factory() if f.default_factory is not dataclasses.MISSING else None)
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                continue
            if all(getattr(x, f.name) == default for x in mine):
                missing.append(f"{kind.__name__}.{f.name}")
    return missing


def test_the_sample_document_sets_every_optional_field():
    both = dataclasses.replace(sample_document(), blocks=sample_document().blocks
                               + case_document().blocks)
    assert _unset((both,), BLOCK_KINDS + NESTED + (model.Point,)) == []


def test_the_sample_content_sets_every_optional_field():
    kinds = tuple(k for k in BLOCK_KINDS if k not in FRONT_KINDS)
    assert _unset(samples(), kinds + NESTED + (model.Point,)) == []
