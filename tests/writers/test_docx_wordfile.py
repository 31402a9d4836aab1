"""The DOCX as a file staff keep working in: contents with page numbers (--toc-pages, through
LibreOffice), the style's fonts embedded, Word 2013+ mode, table and program rows that stay
together, a footer LibreOffice reads as two texts."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from plandoc.style.fontpairs import METRIC_TWINS
from plandoc.writers.docx import NO_SOFFICE, WORD_FILLS
from plandoc.writers.docx.ooxml.fonttable import obfuscate
from tests.conftest import ROOT, run, write
from tests.docxstyles import key

SOFFICE = shutil.which("soffice")
needs_lo = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

SMALL = """\
document:
  title: Plan
  municipality: Testvik kommune
  toc: true
body:
  - chapter: Innledning
    body:
      - text: Første kapittel.
  - chapter: Mål
    body:
      - text: Andre kapittel.
"""


def settings(path: Path) -> str:
    return zipfile.ZipFile(path).read("word/settings.xml").decode()


def lo_pdf(docx_path: Path, tmp: Path) -> Path:
    """LibreOffice's own rendering of a DOCX (a fresh profile), as a PDF."""
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp / 'lo-profile').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(docx_path)],
                   check=True, capture_output=True, timeout=240)
    return tmp / f"{docx_path.stem}.pdf"


def page_lines(pdf: Path) -> list[list[str]]:
    """Each page's text lines (pdftotext), spaces collapsed."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return [[" ".join(line.split()) for line in page.splitlines() if line.strip()]
            for page in text.split("\f")]


def toc_entries(path: Path) -> list[tuple[str, str]]:
    """(title, page number) of every cached contents entry: the text before and after its tab."""
    out = []
    for p in docx.Document(path).paragraphs:
        if p.style.name.lower().startswith("toc ") and p.style.name != "TOC Heading":
            title, _, number = "".join(
                "\t" if el.tag == W + "tab" else el.text or ""
                for el in p._p.iter(W + "t", W + "tab")).partition("\t")
            out.append((title, number))
    return out


def heading_page(lines: list[list[str]], title: str, start: int) -> int | None:
    """The first page from `start` (0-based) with a line that begins the heading `title`."""
    for n in range(start, len(lines)):
        page = lines[n]
        if any(" ".join(page[i:i + 3]).startswith(title) and ".." not in page[i]
               for i in range(len(page))):     # not a line of a list with dot leaders
            return n + 1
    return None


@needs_lo
@pytest.mark.parametrize("name", ["vefsn", "klimaplan"])
def test_toc_pages_are_where_libreoffice_puts_the_headings(tmp_path, name):
    result = run("build", ROOT / "content" / f"{name}.yaml", "--format", "docx", "--toc-pages",
                 "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    built = tmp_path / "out" / f"{name}.docx"
    assert "updateFields" not in settings(built)
    assert 'w:dirty="true"' not in zipfile.ZipFile(built).read("word/document.xml").decode()
    entries = toc_entries(built)
    assert entries and all(number.isdigit() for _, number in entries)
    lines = page_lines(lo_pdf(built, tmp_path))
    contents = next(n for n, page in enumerate(lines) if "Innhold" in page)
    start = contents + 1          # 0-based: the first page after the contents
    for title, number in entries:
        page = heading_page(lines, title, start)
        assert page == int(number), (title, number, page)
        start = page - 1          # the next heading is on this page or later


def test_without_toc_pages_word_fills_the_numbers_and_the_build_says_so(project):
    write(project / "content" / "plan.yaml", SMALL)
    result = run("build", "content/plan.yaml", "--format", "docx", "--out", "out")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith(f" s\nnote: {WORD_FILLS}\n")     # after the summary line
    assert result.stdout.count("note:") == 1
    assert '<w:updateFields w:val="true"/>' in settings(project / "out" / "plan.docx")
    assert all(number == "" for _, number in toc_entries(project / "out" / "plan.docx"))


def test_toc_pages_without_libreoffice_still_builds(project, monkeypatch):
    write(project / "content" / "plan.yaml", SMALL)
    (project / "empty").mkdir()
    monkeypatch.setenv("PATH", str(project / "empty"))
    result = run("build", "content/plan.yaml", "--format", "docx", "--toc-pages", "--out", "out")
    assert result.exit_code == 0, result.output
    assert f"note: {NO_SOFFICE}\n" in result.stdout
    assert '<w:updateFields w:val="true"/>' in settings(project / "out" / "plan.docx")


def test_the_style_can_ask_for_toc_pages(project, monkeypatch):
    write(project / "styles" / "sider" / "style.yaml", "name: Sider\ndocx: {toc_pages: true}\n")
    write(project / "content" / "plan.yaml", SMALL.replace("  toc: true", "  toc: true\n"
                                                            "  style: sider"))
    (project / "empty").mkdir()
    monkeypatch.setenv("PATH", str(project / "empty"))
    result = run("build", "content/plan.yaml", "--format", "docx", "--out", "out")
    assert f"note: {NO_SOFFICE}\n" in result.stdout


def test_word_2013_mode(project):
    write(project / "content" / "plan.yaml", SMALL)
    run("build", "content/plan.yaml", "--format", "docx", "--out", "out")
    compat = docx.Document(project / "out" / "plan.docx").settings.element.find(qn("w:compat"))
    found = {s.get(qn("w:name")): s.get(qn("w:val")) for s in compat}
    assert found["compatibilityMode"] == "15"
    assert found["differentiateMultirowTableHeaders"] == "1"
    assert len(compat) == len(found)      # no Word 2010 leftovers (w:useFELayout)


def embedded(path: Path) -> dict[str, bytes]:
    """face element name → the de-obfuscated font bytes, read through fontTable.xml."""
    z = zipfile.ZipFile(path)
    table = z.read("word/fontTable.xml").decode()
    rels = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"',
                           z.read("word/_rels/fontTable.xml.rels").decode()))
    out = {}
    for family, body in re.findall(r'<w:font w:name="([^"]+)">(.*?)</w:font>', table):
        for face, key, r_id in re.findall(r'<w:(embed\w+) w:fontKey="([^"]+)" r:id="(\w+)"',
                                          body):
            out[f"{family}/{face}"] = obfuscate(z.read(f"word/{rels[r_id]}"), key)
    return out


def test_default_style_embeds_dejavu_subset(project):
    from fontTools.ttLib import TTFont

    write(project / "content" / "plan.yaml", SMALL)
    run("build", "content/plan.yaml", "--format", "docx", "--out", "out")
    fonts = embedded(project / "out" / "plan.docx")
    assert set(fonts) == {f"DejaVu Sans/embed{f}" for f in
                          ("Regular", "Bold", "Italic", "BoldItalic")}
    regular = TTFont(io.BytesIO(fonts["DejaVu Sans/embedRegular"]))
    assert regular["name"].getDebugName(1) == "DejaVu Sans"
    cmap = regular.getBestCmap()
    assert all(ord(c) in cmap for c in "Første kapittelæøå")
    assert ord("Ж") not in cmap                  # a subset: not the whole font
    assert "w:embedTrueTypeFonts" in settings(project / "out" / "plan.docx")


def test_a_word_font_with_metric_twins_is_not_embedded(tmp_path):
    run("build", ROOT / "content" / "vefsn.yaml", "--format", "docx", "--out", tmp_path)
    names = zipfile.ZipFile(tmp_path / "vefsn.docx").namelist()
    assert not [n for n in names if n.startswith("word/fonts/")]
    assert "embedTrueTypeFonts" not in settings(tmp_path / "vefsn.docx")
    assert METRIC_TWINS["arial"] == "liberation sans"


def test_a_family_that_is_not_its_files_is_warned_about(project):
    write(project / "styles" / "georgia" / "style.yaml",
          "name: Georgia\nfonts:\n  body:\n    family: Georgia\n")
    write(project / "content" / "plan.yaml", SMALL.replace("  toc: true", "  style: georgia"))
    result = run("check", "content/plan.yaml")
    assert result.stderr == (
        "warning: styles/georgia/style.yaml:4: the body font family 'Georgia' is not the font of "
        "its files (DejaVuSans.ttf is 'DejaVu Sans'): the DOCX uses Georgia, the PDF DejaVu "
        "Sans, so lines and pages break differently — name the files' family, or a Word font "
        "with metric-compatible files (Arial with Liberation Sans, Calibri with Carlito …)\n")
    names = zipfile.ZipFile(_build(project)).namelist()
    assert not [n for n in names if n.startswith("word/fonts/")]   # not DejaVu as 'Georgia'


def _build(project: Path) -> Path:
    run("build", "content/plan.yaml", "--format", "docx", "--out", "out")
    return project / "out" / "plan.docx"


STIX = ("STIXGeneral.ttf", "STIXGeneralBol.ttf", "STIXGeneralItalic.ttf",
        "STIXGeneralBolIta.ttf")


@needs_lo
def test_libreoffice_renders_with_the_embedded_font(project):
    """STIX ships with matplotlib but not with the system: LibreOffice can only have it from
    the DOCX (de-obfuscated by LibreOffice's own reading of the format)."""
    fc = subprocess.run(["fc-list"], capture_output=True, text=True).stdout
    if "STIX" in fc:
        pytest.skip("STIX is installed on this system")
    faces = dict(zip(("regular", "bold", "italic", "bold_italic"), STIX))
    write(project / "styles" / "stix" / "style.yaml", "name: Stix\nfonts:\n  body:\n"
          "    family: STIXGeneral\n" + "".join(f"    {k}: builtin:{v}\n"
                                                 for k, v in faces.items()))
    write(project / "content" / "plan.yaml", SMALL.replace("  toc: true", "  style: stix"))
    pdf = lo_pdf(_build(project), project)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "STIXGeneral" in fonts


def _keeps(row) -> bool:
    return all(p._p.pPr is not None and p._p.pPr.find(qn("w:keepNext")) is not None
               for cell in row.cells for p in cell.paragraphs)


def _cant_split(row) -> bool:
    return row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None


@pytest.fixture(scope="module")
def every_block(tmp_path_factory):
    out = tmp_path_factory.mktemp("every")
    result = run("build", ROOT / "tests" / "samples" / "every-block.yaml", "--format", "docx",
                 "--out", out)
    assert result.exit_code == 0, result.output
    return docx.Document(out / "every-block.docx")


def test_table_header_and_group_rows_stay_with_the_next_row(every_block):
    grouped = 0
    for table in every_block.tables:
        if table.style is None or key(table.style) != "Plan Table":
            continue
        rows = table.rows
        assert all(_cant_split(r) for r in rows)
        assert _keeps(rows[0])                              # the header row
        for row in rows[1:-1]:
            if key(row.cells[0].paragraphs[0].style) == "Table Group":
                assert _keeps(row)
                grouped += 1
    assert grouped


def test_a_program_part_stays_with_its_first_item(tmp_path):
    run("build", ROOT / "content" / "hemnes-innspillsmote.yaml", "--format", "docx", "--out",
        tmp_path)
    word = docx.Document(tmp_path / "hemnes-innspillsmote.docx")
    parts = [row for t in word.tables for row in t.rows
             if key(row.cells[0].paragraphs[0].style) == "Program Part"]
    assert len(parts) == 2 and all(_keeps(row) and _cant_split(row) for row in parts)


def test_footer_separates_its_texts_with_a_tab_libreoffice_reads(tmp_path):
    run("build", ROOT / "content" / "vefsn.yaml", "--format", "docx", "--out", tmp_path)
    word = docx.Document(tmp_path / "vefsn.docx")
    width = round(word.sections[-1].page_width - word.sections[-1].left_margin
                  - word.sections[-1].right_margin)
    for section in word.sections[1:]:
        foot = section.footer.paragraphs[0]
        assert foot._p.find(".//" + qn("w:ptab")) is None
        assert foot._p.find(".//" + qn("w:tab")) is not None
        stops = [s for s in foot.paragraph_format.tab_stops if s.alignment == 2]  # RIGHT
        text_width = section.page_width - section.left_margin - section.right_margin
        assert [abs(s.position - text_width) < 12700 for s in stops] == [True]
    assert width > 0


def test_styles_xml_holds_only_the_styles_plandoc_writes(project):
    """Without a Word template the package starts from plandoc's trimmed default (no latent
    styles, no unused built-in styles), and the shipped file is what the skeleton makes."""
    from docx.api import _default_docx_path
    from plandoc.writers.docx.ooxml.skeleton import default_docx, trimmed
    assert default_docx() == trimmed(Path(_default_docx_path()))
    write(project / "content" / "plan.yaml", SMALL)
    run("build", "content/plan.yaml", "--format", "docx", "--out", "out")
    z = zipfile.ZipFile(project / "out" / "plan.docx")
    styles = z.read("word/styles.xml").decode()
    assert "latentStyles" not in styles and 'w:styleId="Heading1Char"' not in styles
    assert not any(n.endswith(("stylesWithEffects.xml", "thumbnail.jpeg")) for n in z.namelist())
    word = docx.Document(project / "out" / "plan.docx")
    names = {s.name for s in word.styles}
    assert {"Normal", "Default Paragraph Font", "Normal Table", "No List", "Heading 1",
            "TOC Heading"} <= names
    assert "Light Shading" not in names and len(styles) < 60_000


def test_the_style_is_named_in_a_custom_property_beside_a_templates_own(tmp_path):
    """plandoc names its style in docProps/custom.xml (for `plandoc import`); a property a
    municipality's template already has stays, and naming the style twice keeps one."""
    import zipfile

    import docx as python_docx
    from lxml import etree

    from plandoc.writers.docx.ooxml.package import CUSTOM_NS, custom_property

    word = python_docx.Document()
    custom_property(word, "Avdeling", "Plan og utvikling")     # as a template would carry it
    custom_property(word, "plandoc-style", "default")
    custom_property(word, "plandoc-style", "vefsn")
    word.save(tmp_path / "x.docx")
    root = etree.fromstring(zipfile.ZipFile(tmp_path / "x.docx").read("docProps/custom.xml"))
    props = [(p.get("name"), p.get("pid"), "".join(p.itertext()))
             for p in root.iter(f"{{{CUSTOM_NS}}}property")]
    assert props == [("Avdeling", "2", "Plan og utvikling"), ("plandoc-style", "3", "vefsn")]
