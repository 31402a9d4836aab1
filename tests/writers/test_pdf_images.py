"""Pictures are made into PDF image objects once (writers/pdf/images.py): a later build, in
this process or another, takes the made object instead of decoding and deflating the file
again; the object is named by the picture's content, not its path."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pikepdf
import pytest
from PIL import Image as PILImage
from reportlab.pdfbase import pdfdoc

from plandoc.charts import ChartRenderer
from plandoc.layout import lay_out
from plandoc.model import Document, Image
from plandoc.writers.pdf import images, write_pdf
from tests.sample_doc import sample_meta


def _picture(path: Path, colour=(31, 78, 121, 200)) -> Path:
    """A coat of arms with an alpha channel, as emblems are."""
    PILImage.new("RGBA", (120, 144), colour).save(path)
    return path


def _build(picture: Path, theme, out: Path) -> bytes:
    """A one-picture document written at `out`, keeping made pictures in out's folder."""
    doc = Document(sample_meta(), (Image(picture, alt="Kommunevåpen", width_cm=4),),
                   picture.with_suffix(".yaml"))
    write_pdf(lay_out(doc, theme), ChartRenderer(theme, cache_dir=out.parent / "charts"), out)
    return out.read_bytes()


def _images(data: bytes) -> list[tuple[str, tuple, bool]]:
    """Each image's resource name, its first pixel and whether it has a soft mask."""
    with pikepdf.open(BytesIO(data)) as pdf:
        found = []
        for page in pdf.pages:
            for name, obj in page.Resources.get("/XObject", {}).items():
                if obj.get("/Subtype") != "/Image":
                    continue
                pixels = pikepdf.PdfImage(obj).as_pil_image()
                found.append((name, pixels.getpixel((0, 0)), "/SMask" in obj))
        return found


@pytest.fixture(autouse=True)
def fresh():
    """Each test starts as a new process would: nothing made in memory."""
    images._made.clear()
    yield
    images._made.clear()


def _no_decoding(monkeypatch):
    def refuse(*args):
        raise AssertionError("the picture was decoded again")
    monkeypatch.setattr(pdfdoc.PDFImageXObject, "loadImageFromSRC", refuse)
    monkeypatch.setattr(pdfdoc.PDFImageXObject, "loadImageFromRaw", refuse)


def test_a_new_process_takes_the_made_picture_from_the_cache(theme, tmp_path, monkeypatch):
    picture = _picture(tmp_path / "vapen.png")
    first = _build(picture, theme, tmp_path / "out" / "a.pdf")
    assert len(list((tmp_path / "out" / "images").iterdir())) == 1
    images._made.clear()
    _no_decoding(monkeypatch)
    assert _build(picture, theme, tmp_path / "out" / "a.pdf") == first
    assert [(pixel, mask) for _, pixel, mask in _images(first)] == [((31, 78, 121, 200), True)]


def test_a_later_build_in_the_same_process_does_not_decode_again(theme, tmp_path,
                                                                   monkeypatch):
    picture = _picture(tmp_path / "vapen.png")
    first = _build(picture, theme, tmp_path / "out" / "a.pdf")
    for entry in (tmp_path / "out" / "images").iterdir():
        entry.unlink()
    _no_decoding(monkeypatch)
    assert _build(picture, theme, tmp_path / "out" / "a.pdf") == first


def test_a_damaged_entry_is_made_again(theme, tmp_path):
    picture = _picture(tmp_path / "vapen.png")
    first = _build(picture, theme, tmp_path / "out" / "a.pdf")
    (entry,) = (tmp_path / "out" / "images").iterdir()
    for damage in (b"not json\n", entry.read_bytes()[:-10], b'[{"name": 1}]\n'):
        entry.write_bytes(damage)
        images._made.clear()
        assert _build(picture, theme, tmp_path / "out" / "a.pdf") == first
    assert entry.read_bytes() != b'[{"name": 1}]\n'      # stored again, whole


def test_a_changed_picture_is_made_anew(theme, tmp_path):
    picture = _picture(tmp_path / "vapen.png")
    _build(picture, theme, tmp_path / "out" / "a.pdf")
    _picture(picture, (200, 30, 40, 255))
    assert [pixel for _, pixel, _ in _images(_build(picture, theme, tmp_path / "out" / "a.pdf"))
            ] == [(200, 30, 40, 255)]


def test_the_same_picture_in_another_folder_gets_the_same_name(theme, tmp_path):
    one = _picture(tmp_path / "vapen.png")
    (tmp_path / "elsewhere").mkdir()
    other = _picture(tmp_path / "elsewhere" / "kommunevapen.png")
    names = {_images(_build(p, theme, tmp_path / "out" / "a.pdf"))[0][0] for p in (one, other)}
    assert len(names) == 1
