"""The example content built as a user would, both formats read back."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, run
from tests.textof import shown_paragraphs

pypdf = pytest.importorskip("pypdf")
docx = pytest.importorskip("docx")

CHAPTERS = ["Hva er strategisk næringsplan?", "Arbeidsprosessen", "Vefsn kommunes utfordringer",
            "Målet med planen", "Forutsetninger", "Mulighetsanalyse for Vefsn", "Energi i sentrum",
            "1 Slagkraft for næringsutvikling", "2 Attraktivt fellesskap", "3 Fremtidens samfunn"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = run("build", ROOT / "content" / "vefsn.yaml", "--out", out)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:2] == [f"wrote {out / 'vefsn.docx'}", f"wrote {out / 'vefsn.pdf'}"]
    assert lines[2].startswith("1 built, 0 unchanged, 0 failed in ")
    return out


@pytest.fixture(scope="module")
def pdf(built):
    return pypdf.PdfReader(built / "vefsn.pdf")


@pytest.fixture(scope="module")
def document(built):
    return docx.Document(built / "vefsn.docx")


def page_texts(pdf) -> list[str]:
    return [re.sub(r"\s+", " ", p.extract_text() or "") for p in pdf.pages]


def test_pdf_cover_toc_and_chapters(pdf):
    pages = page_texts(pdf)
    assert "Vefsn kommune" in pages[0] and "Strategisk næringsplan" in pages[0]
    assert "Side" not in pages[0]  # no running footer on the cover
    toc = next(p for p in pages if "Innhold" in p)
    for title in CHAPTERS:
        assert title in toc, title
    body = " ".join(pages)
    for title in CHAPTERS:
        assert title in body


def test_pdf_footer_counts_pages(pdf):
    pages = page_texts(pdf)
    total = len(pages)
    assert f"Side {total} av {total}" in pages[-1]
    assert f"Side 2 av {total}" in pages[1]


def test_pdf_outline_lists_chapters_and_goals(pdf):
    def titles(outline):
        for item in outline:
            if isinstance(item, list):
                yield from titles(item)
            else:
                yield item.title
    found = list(titles(pdf.outline))
    for title in CHAPTERS:
        assert title in found


def test_pdf_metadata(pdf):
    info = pdf.metadata
    assert info.title == "Strategisk næringsplan"
    assert info.author == "Mosjøen og omegn næringsselskap KF (MON)"
    assert pdf.trailer["/Root"].get("/Lang") == "nb-NO"


def test_pdf_every_font_embedded(pdf):
    fonts = {}
    for page in pdf.pages:
        _collect_fonts(page.get("/Resources"), fonts)
    assert fonts, "no fonts found"
    for name, font in fonts.items():
        descendants = font.get("/DescendantFonts")
        desc = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
        assert desc is not None, f"{name} has no font descriptor (a base-14 font?)"
        desc = desc.get_object()
        assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), name


def _collect_fonts(resources, fonts, depth=0):
    if resources is None or depth > 5:
        return
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        fonts[str(font.get("/BaseFont"))] = font
    for xobj in (resources.get("/XObject") or {}).values():
        xobj = xobj.get_object()
        _collect_fonts(xobj.get("/Resources"), fonts, depth + 1)


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils (pdffonts) not installed")
def test_pdffonts_shows_every_font_embedded(built):
    rows = subprocess.run(["pdffonts", built / "vefsn.pdf"], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    assert rows
    for row in rows:
        assert re.search(r"\s(TrueType|CID TrueType)\S*\s.*\syes\s+yes\s", row), row


def test_docx_navigation_structure(document):
    shown = shown_paragraphs(document)          # Word's own numbers before the titles
    headings = [(p.style.name, shown[p._p]) for p in document.paragraphs
                if p.style.name.startswith("Heading")]
    level1 = [text for style, text in headings if style == "Heading 1"]
    assert level1 == CHAPTERS
    assert document.core_properties.title == "Strategisk næringsplan"
    assert document.core_properties.language == "nb-NO"


def test_docx_swot_quadrants(document):
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    joined = "\n".join(cells)
    for title in ("Styrker", "Svakheter", "Muligheter", "Trusler"):
        assert title in joined
    assert "Hjørnesteinsbedriften Alcoa" in joined
    assert "Unner ikke hverandre suksess / «janteloven»" in joined


def test_docx_toc_field_and_page_fields(built):
    import zipfile
    with zipfile.ZipFile(built / "vefsn.docx") as z:
        body = z.read("word/document.xml").decode()
        footers = "".join(z.read(n).decode() for n in z.namelist() if "footer" in n)
        settings = z.read("word/settings.xml").decode()
    assert re.search(r"TOC \\o", body)
    assert "PAGE" in footers and "NUMPAGES" in footers
    assert "updateFields" in settings


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) not installed")
def test_libreoffice_converts_docx(built, tmp_path):
    profile = tmp_path / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", tmp_path, built / "vefsn.docx"],
                   capture_output=True, check=True, timeout=240)
    converted = pypdf.PdfReader(tmp_path / "vefsn.pdf")
    text = " ".join(page_texts(converted))
    assert len(converted.pages) >= 10
    assert "Slagkraft for næringsutvikling" in text and "Hjørnesteinsbedriften Alcoa" in text


def test_help_and_version_still_answer_with_status_0():
    """The one-line option errors (plandoc.cli._Plandoc) leave --help and --version alone."""
    from tests.conftest import run as cli

    helped = cli("build", "--help")
    assert helped.exit_code == 0 and "Usage: main build [OPTIONS] PATHS..." in helped.output
    from plandoc import __version__

    version = cli("--version")
    assert version.exit_code == 0 and version.output.strip() == f"plandoc, version {__version__}"
