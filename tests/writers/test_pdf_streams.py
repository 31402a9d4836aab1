"""The saved PDF keeps reportlab's compressed streams as they are: reportlab writes them Flate
alone (no ASCII85 on top) and finish.py names the one filter, so qpdf passes each stream
through instead of inflating and deflating it again (~10 ms of a plan's save)."""

from __future__ import annotations

import zlib
from io import BytesIO

import pikepdf

from plandoc.build import Options
from plandoc.build.document import load_one
from plandoc.charts import ChartRenderer
from plandoc.layout import lay_out
from plandoc.writers.pdf.build import build
from plandoc.writers.pdf.finish import _finished, finish
from plandoc.writers.pdf.profile import PdfProfile
from tests.conftest import ROOT
from tests.sample_doc import sample_meta


def _streams(pdf: pikepdf.Pdf) -> dict[str, bytes]:
    """The raw (still compressed) bytes of the images and embedded fonts, by kind and size."""
    found = {}
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and (obj.get("/Subtype") == "/Image"
                                                or "/Length1" in obj):
            kind = "image" if "/Subtype" in obj else "font"
            found[f"{kind} {len(obj.read_bytes())}"] = obj.read_raw_bytes()
    return found


def test_compressed_streams_pass_through_the_save(tmp_path):
    doc, theme = load_one(ROOT / "content" / "vefsn.yaml",
                          Options(out_dir=tmp_path, content_dirs=(ROOT / "content",)))
    layout = lay_out(doc, theme)
    raw, records, tagger = build(layout, ChartRenderer(theme, cache_dir=None))
    with pikepdf.open(BytesIO(raw)) as made:
        before = _streams(made)
        filters = {repr(obj.get("/Filter")) for obj in made.objects
                   if isinstance(obj, pikepdf.Stream) and "/Filter" in obj}
    finish(raw, records, doc.meta, tmp_path / "vefsn.pdf", tagger=tagger)
    with pikepdf.open(tmp_path / "vefsn.pdf") as saved:
        after = _streams(saved)
    assert filters == {'pikepdf.Array([ "/FlateDecode" ])'}  # no ASCII85 for qpdf
    assert sum(key.startswith("image") for key in before) == 2     # emblem and its mask
    assert sum(key.startswith("font") for key in before) >= 3
    assert {key: after.get(key) for key in before} == before   # the charts bring more


def test_a_stream_filtered_by_a_one_item_array_is_not_deflated_again():
    """A stream deflated otherwise than qpdf would (level 1 here) shows whether it was
    inflated and deflated again on the save."""
    made = pikepdf.new()
    made.add_blank_page()
    data = zlib.compress(bytes(range(256)) * 400, 1)
    probe = pikepdf.Stream(made, data, Filter=pikepdf.Array([pikepdf.Name.FlateDecode]),
                           Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                           BBox=[0, 0, 1, 1])
    made.pages[0].Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(P=probe))
    raw = BytesIO()
    made.save(raw, compress_streams=False)
    saved = pikepdf.open(BytesIO(_finished(raw.getvalue(), [], sample_meta(), PdfProfile(),
                                           None)))
    assert saved.pages[0].Resources.XObject.P.read_raw_bytes() == data
