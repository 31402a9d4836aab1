"""PDF/A-2a, clause by clause, read back with pikepdf (no veraPDF here), plus qpdf and pdffonts.

Two files are checked: the Vefsn plan built with `plandoc build --pdfa` (charts, logo, links)
and the sample document (which has a date, so the XMP dates are checked too).
"""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pikepdf
import pytest
from PIL import Image as PILImage

from plandoc.build import Options
from plandoc.build.document import wants_pdfa
from plandoc.charts import ChartRenderer
from plandoc.layout import lay_out
from plandoc.style import load_theme
from plandoc.writers.pdf import write_pdf
from plandoc.writers.pdf.pdfa import icc_profile, xmp_date
from plandoc.writers.pdf.profile import PdfProfile

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.conftest import ROOT, run  # noqa: E402
from sample_doc import sample_document  # noqa: E402

NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "pdfaid": "http://www.aiim.org/pdfa/ns/id/", "dc": "http://purl.org/dc/elements/1.1/",
      "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
      "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
      "pdf": "http://ns.adobe.com/pdf/1.3/", "xmp": "http://ns.adobe.com/xap/1.0/"}


def build_sample(out: Path, pdfa: bool = True) -> Path:
    theme = load_theme("default", [ROOT / "styles"])
    image = out.parent / "vaapen.png"
    PILImage.new("RGB", (300, 360), (31, 78, 121)).save(image)
    doc = sample_document(image)
    write_pdf(lay_out(doc, theme), ChartRenderer(theme, None, "nb"), out,
              profile=PdfProfile(pdfa=pdfa))
    return out


@pytest.fixture(scope="module")
def vefsn(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdfa")
    result = run("build", ROOT / "content" / "vefsn.yaml", "--format", "pdf", "--pdfa",
                 "--out", out)
    assert result.exit_code == 0, result.output
    return out / "vefsn.pdf"


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    return build_sample(tmp_path_factory.mktemp("sample") / "s.pdf")


@pytest.fixture(scope="module", params=["vefsn", "sample"])
def path(request) -> Path:
    return request.getfixturevalue(request.param)


def xmp(pdf: pikepdf.Pdf) -> ET.Element:
    return ET.fromstring(pdf.Root.Metadata.read_bytes())


def prop(root: ET.Element, name: str) -> str | None:
    """The text of an XMP property (first rdf:li for Alt/Seq/Bag)."""
    prefix, local = name.split(":")
    el = root.find(f".//{{{NS[prefix]}}}{local}")
    if el is None:
        return None
    li = el.find(".//rdf:li", NS)
    return (li if li is not None else el).text


def all_objects(pdf: pikepdf.Pdf):
    for obj in pdf.objects:
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            yield obj.stream_dict if isinstance(obj, pikepdf.Stream) else obj


# --- metadata ------------------------------------------------------------------------------


def test_xmp_declares_pdfa_2a_and_pdfua_1(path):
    """Level A (the file is tagged) and PDF/UA-1, whose schema PDF/A needs declared."""
    with pikepdf.open(path) as pdf:
        root = xmp(pdf)
        assert prop(root, "pdfaid:part") == "2"
        assert prop(root, "pdfaid:conformance") == "A"
        assert prop(root, "pdfuaid:part") == "1"
        assert prop(root, "pdfaSchema:namespaceURI") == "http://www.aiim.org/pdfua/ns/id/"


def test_xmp_matches_the_document_info(path):
    with pikepdf.open(path) as pdf:
        root, info = xmp(pdf), pdf.docinfo
        assert set(info.keys()) <= {"/Title", "/Author", "/Subject", "/Keywords", "/Creator",
                                    "/Producer", "/CreationDate", "/ModDate"}   # all in XMP
        assert prop(root, "dc:title") == str(info.Title)
        assert prop(root, "dc:creator") == str(info.Author)
        assert prop(root, "dc:description") == str(info.Subject)
        assert prop(root, "pdf:Keywords") == str(info.Keywords)
        assert prop(root, "pdf:Producer") == str(info.Producer)
        assert prop(root, "xmp:CreatorTool") == str(info.Creator)
        assert prop(root, "dc:language") == str(pdf.Root.Lang)
        for key, tag in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
            if key in info:
                assert prop(root, tag) == xmp_date(str(info[key])), key
            else:
                assert prop(root, tag) is None, tag


def test_sample_dates_are_the_documents_date(sample):
    with pikepdf.open(sample) as pdf:
        assert prop(xmp(pdf), "xmp:CreateDate") == "2021-05-12T00:00:00Z"
        assert str(pdf.docinfo.CreationDate) == "D:20210512000000Z"


def test_metadata_stream_is_unfiltered_xml(path):
    with pikepdf.open(path) as pdf:
        meta = pdf.Root.Metadata
        assert meta.Type == "/Metadata" and meta.Subtype == "/XML"
        assert "/Filter" not in meta


# --- colour ----------------------------------------------------------------------------------


def test_srgb_output_intent_with_embedded_icc_profile(path):
    with pikepdf.open(path) as pdf:
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1
        intent = intents[0]
        assert intent.S == "/GTS_PDFA1"
        assert str(intent.OutputConditionIdentifier) == "sRGB IEC61966-2.1"
        profile = intent.DestOutputProfile
        data = profile.read_bytes()
        assert profile.N == 3
        assert data == icc_profile()
        assert data[36:40] == b"acsp" and data[12:16] == b"mntr" and data[16:20] == b"RGB "
        assert data[8] <= 4                    # PDF/A-2 takes ICC profiles up to version 4


def test_icc_profile_is_reproducible():
    """The shipped profile carries a fixed date, not the time it was made."""
    assert icc_profile()[24:36] == bytes.fromhex("07e8 0001 0001 0000 0000 0000")


# --- forbidden things ------------------------------------------------------------------------


def test_not_encrypted(path):
    with pikepdf.open(path) as pdf:
        assert not pdf.is_encrypted
        assert "/Encrypt" not in pdf.trailer


def test_no_javascript(path):
    with pikepdf.open(path) as pdf:
        for obj in all_objects(pdf):
            assert "/JS" not in obj and "/AA" not in obj
            assert obj.get("/S") != "/JavaScript"
        assert "/JavaScript" not in pdf.Root.get("/Names", {})
        assert "/OpenAction" not in pdf.Root or pdf.Root.OpenAction.get("/S") != "/JavaScript"


def test_no_external_references(path):
    external = {"/Launch", "/GoToR", "/GoToE", "/ImportData", "/SubmitForm", "/ResetForm"}
    with pikepdf.open(path) as pdf:
        for obj in all_objects(pdf):
            assert obj.get("/S") not in external, obj.get("/S")
            assert obj.get("/Type") != "/Filespec" and "/EmbeddedFiles" not in obj
            assert "/Ref" not in obj and "/OPI" not in obj


def test_every_annotation_is_printed_and_visible(vefsn):
    with pikepdf.open(vefsn) as pdf:
        annots = [a for p in pdf.pages for a in p.obj.get("/Annots", [])]
        assert annots                           # the contents page links to the chapters
        for annot in annots:
            assert int(annot.F) & 4 and not int(annot.F) & (1 | 2 | 32)


# --- file structure --------------------------------------------------------------------------


def test_file_identifiers_present_and_stable(sample, tmp_path):
    again = build_sample(tmp_path / "again.pdf")
    with pikepdf.open(sample) as a, pikepdf.open(again) as b:
        ids = a.trailer.ID
        assert len(ids) == 2 and all(len(bytes(i)) == 16 for i in ids)
        assert [bytes(i) for i in ids] == [bytes(i) for i in b.trailer.ID]
    assert again.read_bytes() == sample.read_bytes()


def test_pdf_version_at_most_1_7_with_binary_comment(path):
    head = path.read_bytes()[:20]
    assert head.startswith(b"%PDF-1.") and int(head[7:8]) <= 7
    comment = head.split(b"\n")[1]
    assert comment.startswith(b"%") and all(c > 127 for c in comment[1:5])


# --- fonts -----------------------------------------------------------------------------------


def fonts_in(resources, inside_form=False):
    """(font dict, whether it sits inside a Form XObject) for every font reachable."""
    for font in (resources.get("/Font") or {}).values():
        yield font, inside_form
    for xobj in (resources.get("/XObject") or {}).values():
        if xobj.get("/Subtype") == "/Form" and "/Resources" in xobj:
            yield from fonts_in(xobj.Resources, True)


def test_every_font_embedded_including_inside_charts(vefsn):
    with pikepdf.open(vefsn) as pdf:
        found = [(f, form) for page in pdf.pages for f, form in fonts_in(page.Resources)]
        assert any(form for _, form in found), "no font inside a chart Form XObject"
        for font, _ in found:
            descendant = font.DescendantFonts[0] if font.Subtype == "/Type0" else font
            descriptor = descendant.FontDescriptor
            assert {"/FontFile2", "/FontFile3", "/FontFile"} & set(descriptor.keys()), \
                str(font.get("/BaseFont"))


def test_pdffonts_shows_every_font_embedded(path):
    if not shutil.which("pdffonts"):
        pytest.skip("pdffonts (poppler-utils) is not installed; .ci/run installs it")
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                         check=True).stdout.splitlines()[2:]
    assert out
    for line in out:
        assert line.split()[-5] == "yes", line          # the 'emb' column


def test_qpdf_check_is_clean(path):
    if not shutil.which("qpdf"):
        pytest.skip("qpdf is not installed; .ci/run installs it")
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


# --- when PDF/A is made ----------------------------------------------------------------------


@pytest.mark.parametrize("option, style, status, expected", [
    (None, None, "vedtatt", True), (None, None, "utkast", False),
    (None, None, "høringsutkast", False), (True, None, "utkast", True),
    (False, None, "vedtatt", False), (None, False, "vedtatt", False),
    (None, True, "utkast", True), (True, False, "utkast", True)])
def test_pdfa_defaults(option, style, status, expected):
    import dataclasses

    doc = sample_document()
    doc = dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, status=status))
    theme = dataclasses.replace(load_theme("default", [ROOT / "styles"]), pdfa=style)
    assert wants_pdfa(doc, theme, Options(pdfa=option)) is expected


def test_screen_pdf_without_pdfa_claims_no_pdfa(tmp_path):
    """A screen PDF's XMP (a tagged PDF's title in dc:title) says nothing of PDF/A."""
    with pikepdf.open(build_sample(tmp_path / "plain.pdf", pdfa=False)) as pdf:
        assert "/OutputIntents" not in pdf.Root
        root = xmp(pdf)
        assert prop(root, "pdfaid:part") is None
        assert root.find(".//dc:title/rdf:Alt/rdf:li", NS).text == str(pdf.docinfo.Title)


def _ending_in_cr(data: bytes) -> int:
    """How many streams of a PDF file end in CR (raw bytes)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return sum(1 for obj in pdf.objects
                   if isinstance(obj, pikepdf.Stream) and obj.read_raw_bytes().endswith(b"\r"))


@pytest.mark.parametrize("streams", [0, 1, 3])
def test_streams_ending_in_cr_are_saved_hex_wrapped(tmp_path, streams):
    """A compressed stream whose last byte is CR (page-validation misreads its length) is
    found in the saved file and saved again hex-wrapped, its content the same."""
    from plandoc.writers.pdf.finish import _saved, _write

    contents = [b"%% %s" % hashlib.sha256(b"%d" % n).hexdigest().encode() for n in range(2000)]
    cr = [c for c in contents if zlib.compress(c).endswith(b"\r")][:streams]
    plain = [c for c in contents if not zlib.compress(c).endswith(b"\r")][:2]
    pdf = pikepdf.new()
    for content in plain + cr:
        page = pdf.add_blank_page()
        stream = pdf.make_stream(b"")
        stream.write(zlib.compress(content), filter=pikepdf.Name.FlateDecode)
        page.obj.Contents = stream
    out = tmp_path / "cr.pdf"
    buf = io.BytesIO()
    pdf.save(buf)
    assert _ending_in_cr(buf.getvalue()) == streams
    _write(_saved(pdf), out)
    assert _ending_in_cr(out.read_bytes()) == 0
    with pikepdf.open(out) as saved:
        assert [page.obj.Contents.read_bytes() for page in saved.pages] == plain + cr
        hexed = [page for page in saved.pages if "/ASCIIHexDecode" in str(
            page.obj.Contents.get("/Filter"))]
        assert len(hexed) == streams
