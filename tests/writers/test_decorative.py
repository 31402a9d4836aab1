"""A decorative image written in YAML (`decorative: true`, on an image block and the cover
photo) reaches both outputs as ornament: drawn as an /Artifact with no Figure in the PDF's
structure tree, and marked decorative (no alt text) in the DOCX; a described image beside it
stays a Figure with its alt text."""

from __future__ import annotations

import shutil

import pikepdf
from docx.oxml.ns import qn

from tests.conftest import ROOT, run, write
from tests.writers.pdfops import elements
from tests.writers.test_docx_access import ADEC, DECORATIVE, pictures

PLAN = """\
document:
  title: Pyntet plan
  municipality: Testvik kommune
  cover_image: {file: kart.png, decorative: true}
body:
  - chapter: Bilder
    body:
      - paragraph: Et bilde som bare pynter, og et kart som sier noe.
      - image: {file: kart.png, decorative: true}
      - image: {file: kart.png, alt: Kart over Testvik}
"""


def _build(project, fmt: str):
    shutil.copy(ROOT / "tests" / "samples" / "kart.png", project / "content" / "kart.png")
    write(project / "content" / "pynt.yaml", PLAN)
    result = run("build", project / "content" / "pynt.yaml", "--format", fmt, "--out",
                 project / "out")
    assert result.exit_code == 0, result.output
    return project / "out" / f"pynt.{fmt}"


def _image_marks(pdf) -> list:
    """The marked-content tag each image is drawn in (the innermost open one), in order."""
    marks, open_ = [], []
    for page in pdf.pages:
        for operands, op in pikepdf.parse_content_stream(page):
            if str(op) in ("BDC", "BMC"):
                open_.append(str(operands[0]))
            elif str(op) == "EMC":
                open_.pop()
            elif str(op) == "EI" or (str(op) == "Do" and page.Resources.XObject[
                    operands[0]].get("/Subtype") == "/Image"):   # not the footer's form
                marks.append(open_[-1] if open_ else None)
    return marks


def test_decorative_images_are_artifacts_in_the_pdf(project):
    out = _build(project, "pdf")
    with pikepdf.open(out) as pdf:
        figures = [e for e in elements(pdf.Root.StructTreeRoot) if e.get("/S") == "/Figure"]
        marks = _image_marks(pdf)
    assert [str(f.get("/Alt")) for f in figures] == ["Kart over Testvik"]
    assert marks.count("/Figure") == 1
    assert marks.count("/Artifact") == 2          # the cover photo and the image block


def test_decorative_images_are_marked_decorative_in_the_docx(project):
    out = _build(project, "docx")
    marked = [pr for pr in pictures(out) if pr.find(qn("a:extLst")) is not None]
    assert len(marked) == 2                        # the cover photo and the image block
    for pr in marked:
        ext = pr.find(qn("a:extLst")).find(qn("a:ext"))
        assert ext.get("uri") == DECORATIVE and ext.find(ADEC).get("val") == "1"
        assert pr.get("descr") is None
    assert "Kart over Testvik" in [pr.get("descr") for pr in pictures(out)]

