"""The reading-back tools of the parity test (tests/textof.py): it must fail for the right reasons.

Small DOCX files are made with python-docx and small PDFs with reportlab and pikepdf, where
each piece of furniture sits at a known place; one real draft plan is built with the CLI.
"""

from __future__ import annotations

import dataclasses

import re
import shutil
import sys
from pathlib import Path

import docx
import pikepdf
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from plandoc.style import load_theme

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import ROOT, run  # noqa: E402
from textof import (Piece, _format_number, _toc_page_numbers, _without_charts,  # noqa: E402
                    compare_texts, docx_header_rows, docx_text, normalise, pdf_text,
                    strip_repeated_headers)

MARGINS = {"top": 25.0, "bottom": 25.0, "left": 25.0, "right": 22.0}  # of the synthetic PDFs
W_NS = nsdecls("w")
R_NS = nsdecls("r")

# --- DOCX: list labels ----------------------------------------------------------------------


def _add_numbering(document, xml: str) -> None:
    """Put w:abstractNum and w:num definitions (given as XML) into the document's numbering.xml."""
    root = document.part.numbering_part.element
    for el in parse_xml(f"<w:numbering {W_NS}>{xml}</w:numbering>"):
        if el.tag.endswith("}abstractNum"):
            first_num = root.find(el.tag.replace("abstractNum", "num"))
            if first_num is not None:
                first_num.addprevious(el)
            else:
                root.append(el)
        else:
            root.append(el)


def _numbered(document, text: str, num_id: int, ilvl: int = 0):
    """A paragraph with a direct w:numPr."""
    p = document.add_paragraph(text)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


def _lvl(ilvl: int, fmt: str, text: str) -> str:
    """A w:lvl starting at 1."""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


LEVELS = f"""
<w:abstractNum w:abstractNumId="90">
  {_lvl(0, "decimal", "%1.")}{_lvl(1, "lowerLetter", "%2)")}{_lvl(2, "lowerRoman", "%3.")}
  {_lvl(3, "decimal", "%1.%4")}
</w:abstractNum>
<w:abstractNum w:abstractNumId="91">{_lvl(0, "bullet", "❖")}</w:abstractNum>
<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>
<w:num w:numId="91"><w:abstractNumId w:val="90"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="92"><w:abstractNumId w:val="91"/></w:num>
"""


def test_docx_text_renders_the_labels_word_generates(tmp_path):
    document = docx.Document()
    _add_numbering(document, LEVELS)
    _numbered(document, "Første", 90)
    _numbered(document, "Andre", 90)
    _numbered(document, "Under en", 90, 1)
    _numbered(document, "Under to", 90, 1)
    _numbered(document, "Dypt", 90, 2)
    _numbered(document, "Sammensatt", 90, 3)
    _numbered(document, "Tredje", 90)
    _numbered(document, "Under igjen", 90, 1)
    _numbered(document, "Femte", 91)
    _numbered(document, "Sjette", 91)
    _numbered(document, "Rute", 92)
    document.add_paragraph("Vanlig avsnitt")
    path = tmp_path / "lists.docx"
    document.save(path)
    assert docx_text(path) == [
        "1. Første", "2. Andre", "a) Under en", "b) Under to", "i. Dypt", "2.1 Sammensatt",
        "3. Tredje", "a) Under igjen", "5. Femte", "6. Sjette", "❖ Rute", "Vanlig avsnitt"]


OUTLINE = """
<w:abstractNum w:abstractNumId="93">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="space"/>
    <w:lvlText w:val="%1"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="space"/>
    <w:lvlText w:val="%1.%2&#9;MÅL:"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
    <w:lvlRestart w:val="1"/><w:suff w:val="nothing"/><w:lvlText w:val="%3)"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlRestart w:val="0"/><w:lvlText w:val="(%4)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="93"><w:abstractNumId w:val="93"/></w:num>
"""


def test_docx_text_renders_multilevel_labels_as_word_does(tmp_path):
    """%N from the levels above, literal text (a tab shown as a space), w:suff, and
    w:lvlRestart: 1 restarts only after level 1, 0 never."""
    document = docx.Document()
    _add_numbering(document, OUTLINE)
    for text, level in (("Kapittel", 0), ("Mål", 1), ("x", 2), ("Mål to", 1), ("y", 2),
                        ("Fri", 3), ("Kapittel to", 0), ("z", 2), ("Fri igjen", 3)):
        _numbered(document, text, 93, level)
    path = tmp_path / "outline.docx"
    document.save(path)
    assert docx_text(path) == ["1 Kapittel", "1.1 MÅL: Mål", "a)x", "1.2 MÅL: Mål to", "b)y",
                               "(1) Fri", "2 Kapittel to", "a)z", "(2) Fri igjen"]


def test_docx_text_takes_numbering_from_the_paragraph_style_chain(tmp_path):
    """Word's "List Number"/"List Bullet" styles carry w:numPr; a style based on one inherits it.

    The template's bullet is U+F0B7 in the Symbol font, which Word shows as "•".
    """
    document = docx.Document()
    styles = document.styles.element
    styles.append(parse_xml(
        f'<w:style {W_NS} w:type="paragraph" w:styleId="MinListe"><w:name w:val="Min liste"/>'
        f'<w:basedOn w:val="ListNumber"/></w:style>'))
    document.add_paragraph("En", style="List Number")
    p = document.add_paragraph("To")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {W_NS} w:val="MinListe"/>'))
    document.add_paragraph("Kule", style="List Bullet")
    off = document.add_paragraph("Uten nummer", style="List Bullet")
    off._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {W_NS}><w:numId w:val="0"/></w:numPr>'))
    path = tmp_path / "styles.docx"
    document.save(path)
    assert docx_text(path) == ["1. En", "2. To", "• Kule", "Uten nummer"]


def test_number_formats():
    assert [_format_number(n, "lowerLetter") for n in (1, 2, 26, 27)] == ["a", "b", "z", "aa"]
    assert _format_number(3, "upperLetter") == "C"
    assert [_format_number(n, "upperRoman") for n in (4, 9, 14, 1990)] == \
        ["IV", "IX", "XIV", "MCMXC"]
    assert _format_number(12, "lowerRoman") == "xii"
    assert _format_number(7, "decimal") == "7"


# --- DOCX: body text --------------------------------------------------------------------------


def _xml_paragraph(document, inner: str) -> None:
    """Append a w:p with the given inner XML to the body (before the section properties)."""
    document.element.body.sectPr.addprevious(parse_xml(
        f'<w:p {W_NS} {R_NS}>{inner}</w:p>'))


def test_docx_text_reads_the_body_as_word_shows_it(tmp_path):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Topptekst"
    document.sections[0].footer.paragraphs[0].text = "Side 1 av 1"
    document.add_paragraph("Først")
    _xml_paragraph(document,
                   '<w:r><w:t xml:space="preserve">Les </w:t></w:r>'
                   '<w:hyperlink r:id="rId99"><w:r><w:t>lenken</w:t></w:r></w:hyperlink>'
                   '<w:r><w:tab/><w:t>her</w:t></w:r>'
                   '<w:del w:id="1" w:author="a"><w:r><w:delText>slettet</w:delText></w:r></w:del>'
                   '<w:ins w:id="2" w:author="a">'
                   '<w:r><w:t xml:space="preserve"> satt inn</w:t></w:r></w:ins>')
    _xml_paragraph(document,
                   '<w:r><w:t xml:space="preserve">Side </w:t></w:r>'
                   '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                   '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
                   '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                   '<w:r><w:t>4</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
                   '<w:r><w:rPr><w:vanish/></w:rPr><w:t>skjult</w:t></w:r>'
                   '<w:r><w:rPr><w:caps/></w:rPr><w:t>store</w:t></w:r>')
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "A1", "B1"
    table.cell(1, 0).text = "A2"
    inner = table.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "indre 1", "indre 2"
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {W_NS}/>"))
    document.add_paragraph("")
    document.add_paragraph("Sist")
    path = tmp_path / "body.docx"
    document.save(path)
    assert docx_text(path) == ["Først", "Les lenken her satt inn", "Side 4STORE",
                               "A1", "B1", "A2", "indre 1", "indre 2", "Sist"]
    assert docx_header_rows(path) == ["A1 B1"]


# --- PDF: furniture ---------------------------------------------------------------------------


def _synthetic_pdf(path: Path) -> Path:
    """Two A4 pages with text at known places: cover, furniture, contents rows, a chart form."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 11)
    # page 1, the cover: a band line below the bottom margin, a diagonal watermark
    c.drawString(80, 400, "Forside")
    c.drawString(80, 30, "Bånd nederst")
    c.saveState()
    c.translate(300, 400)
    c.rotate(45)
    c.drawString(0, 0, "UTKAST")
    c.restoreState()
    c.showPage()
    # page 2: running header and footer, a line number, contents rows, a table row, a watermark
    c.setFont("Helvetica", 11)
    c.drawString(80, 800, "Topptekst")
    c.drawString(480, 30, "Side 2 av 2")
    c.drawString(50, 700, "1")
    c.drawString(80, 700, "Brødtekst 42")
    c.drawString(200, 650, " .  .  .  .  . 7")   # reportlab's contents: leader and page first …
    c.drawString(80, 650, "Kapittel")             # … then the entry
    c.drawString(500, 620, "12")                   # an entry too long for dots: the number alone
    c.drawString(80, 620, "Et langt kapittel")
    c.drawString(80, 600, "3")                     # a table cell with a digit, its row after it
    c.drawString(150, 600, "tre")
    c.drawString(80, 580, "Slutt 9")
    c.saveState()
    c.translate(300, 300)
    c.rotate(30)
    c.drawString(0, 0, "HØRINGSUTKAST")
    c.restoreState()
    c.showPage()
    c.save()
    # charts as plandoc places them: Form XObjects /Chart1 (cover) and /Chart2 with their own text
    chart_path = path.with_name("chart.pdf")
    chart = canvas.Canvas(str(chart_path), pagesize=(200, 100), invariant=1)
    chart.setFont("Helvetica", 8)
    chart.drawString(10, 10, "Aksetekst 999")
    chart.save()
    with pikepdf.open(path, allow_overwriting_input=True) as pdf, pikepdf.open(chart_path) as src:
        for number, page in enumerate(pdf.pages, 1):
            form = pdf.copy_foreign(src.pages[0].as_form_xobject())
            name = page.add_resource(form, pikepdf.Name.XObject, pikepdf.Name(f"/Chart{number}"))
            page.contents_add(page.calc_form_xobject_placement(
                form, name, pikepdf.Rectangle(80, 450, 280, 550)))
        pdf.save(path)
    return path


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    """The two-page PDF of _synthetic_pdf."""
    return _synthetic_pdf(tmp_path_factory.mktemp("synthetic") / "furniture.pdf")


def lines(page: str) -> list[str]:
    """The non-blank lines of a page's text, stripped."""
    return [line.strip() for line in page.splitlines() if line.strip()]


def test_pdf_text_keeps_the_body_and_leaves_out_the_furniture(synthetic):
    raw = [page.extract_text() for page in PdfReader(synthetic).pages]
    assert "Aksetekst 999" in raw[0] and "UTKAST" in raw[0]
    for furniture in ("Topptekst", "Side 2 av 2", "HØRINGSUTKAST", "Aksetekst 999", ". 7"):
        assert furniture in raw[1]  # the PDF has it; pdf_text must not
    cover, page = pdf_text(synthetic, MARGINS, cover=True)
    assert lines(cover) == ["Forside", "Bånd nederst"]
    assert lines(page) == ["Brødtekst 42", "Kapittel", "Et langt kapittel", "3", "tre", "Slutt 9"]


def test_charts_are_emptied_but_stay_valid_forms(synthetic):
    with pikepdf.open(_without_charts(synthetic)) as copy:
        for number, page in enumerate(copy.pages, 1):
            chart = page.Resources.XObject[f"/Chart{number}"]
            assert chart.Subtype == "/Form" and list(chart.BBox) == [0, 0, 200, 100]
            assert chart.read_bytes() == b""
    assert "Aksetekst" not in PdfReader(_without_charts(synthetic)).pages[0].extract_text()


def test_without_a_cover_page_one_loses_its_margins_too(synthetic):
    assert lines(pdf_text(synthetic, MARGINS, cover=False)[0]) == ["Forside"]


def test_contents_page_numbers_are_told_from_digits_in_the_body():
    def piece(text, x, y):
        return Piece(text, x, y, True)

    leader = piece(" .  .  . 7\n", 200, 650)
    assert _toc_page_numbers([leader, piece("Kapittel\n", 80, 650)]) == {0}
    assert _toc_page_numbers([piece(" .  . 7, 9\n", 200, 650), piece("Kapittel", 80, 650)]) == {0}
    # a lone number drawn before the entry to its left, on a contents page
    assert _toc_page_numbers([leader, piece("Kapittel", 80, 650),
                              piece("12\n", 500, 620), piece("Langt kapittel", 80, 620)]) == {0, 2}
    # digits in the body: followed by text to their right, or on a page without leaders
    assert _toc_page_numbers([leader, piece("Kapittel", 80, 650),
                              piece("3\n", 80, 600), piece("tre", 150, 600)]) == {0}
    assert _toc_page_numbers([piece("12\n", 500, 620), piece("Et avsnitt", 80, 620)]) == set()
    assert _toc_page_numbers([piece("Se side . 7", 80, 600), piece("...", 80, 580)]) == set()


# --- repeated table headers -------------------------------------------------------------------


def test_a_repeated_header_is_stripped_only_at_a_page_start_after_its_table_began():
    header = "Tiltak Ansvar Frist"
    pages = ["Tiltak\nAnsvar\nFrist\nEn\nKommunen",          # the table starts: kept
             "Tiltak\nAnsvar\nFrist\nTo\nKommunen",          # repeated at the top: stripped
             "Tekst før\nTiltak Ansvar Frist\nTre",           # not at the page start: kept
             "Tiltak Ansvar Frist Fire"]                     # at the top again: stripped
    assert strip_repeated_headers(pages, [header]) == [
        pages[0], "\nTo\nKommunen", pages[2], " Fire"]
    assert strip_repeated_headers([pages[3]], [header]) == [pages[3]]  # first occurrence: kept
    assert strip_repeated_headers(["A", "Tiltak Ansvar"], [header]) == ["A", "Tiltak Ansvar"]


# --- comparing -------------------------------------------------------------------------------


def test_spacing_no_break_spaces_and_hyphenation_do_not_count():
    paragraphs = ["Tabell 1: Handlingsplan", "13\u00a0278 innbyggere i Vefsn-samfunnet"]
    pages = ["Tabell 1:\nHandlings-\nplan", "13 278 innbyg\u00adgere i Vefsn-\nsamfunnet"]
    assert compare_texts(paragraphs, pages) is None
    assert normalise("a b\u00a0c\u00add-e\n") == "abcde"


def test_only_real_differences_are_listed_as_stretches():
    report = compare_texts(["Vefsn-samfunnet er stort", "Del 1", "13\u00a0278 innbyggere"],
                           ["Vefsn-\nsamfunnet er stort\nDEL 1\n13 278 innbyg-\ngere"])
    assert "1 differing stretch(es):" in report


def test_a_changed_word_is_reported_with_both_sides_and_where():
    report = compare_texts(["Innhold", "Del 1", "Bustadplan", "Bustader for alle"],
                           ["Innhold", "DEL 1\nBustadplan\nBustader for alle"])
    assert report is not None
    assert "DOCX has 'Del' where the PDF has 'DEL'" in report
    assert "[DOCX ¶2, PDF page 2]" in report
    assert "⟦Del⟧ 1 ⏎ Bustadplan" in report and "⟦DEL⟧ 1 ⏎ Bustadplan" in report


def test_missing_labels_and_missing_items_are_reported():
    report = compare_texts(["1. Steg en", "Visjon", "Tekst."],
                           ["a) Steg en\nVisjon\nTekst.\n• Trygg"])
    assert "DOCX has '1.' where the PDF has 'a)'" in report
    assert "only in the PDF: '• Trygg'" in report


def test_text_in_another_order_is_reported_as_moved():
    first = "Samfunnstrender og økt fokus på kompetanse og utvikling i hele regionen"
    moved = "Konkurranse på lokalt og regionalt nivå"
    last = "Globalisering og tørre å tenke stort, samarbeid på tvers av kommunegrensene"
    report = compare_texts([first, last, moved], [f"{first}\n{moved}\n{last}"])
    assert "only in the PDF: 'Konkurranse på lokalt og regionalt nivå' — moved: the DOCX has " \
           "this text at stretch 2" in report
    assert "— moved: the PDF has this text at stretch 1" in report


# --- a real draft plan --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built_draft(tmp_path_factory) -> Path:
    """content/nn-bustadplan.yaml (høyringsutkast, line numbers, a chart) built with the CLI."""
    work = tmp_path_factory.mktemp("draft")
    shutil.copytree(ROOT / "content", work / "content")
    shutil.copytree(ROOT / "styles", work / "styles")
    result = run("build", work / "content" / "nn-bustadplan.yaml", "--out", work / "out",
                 "--jobs", "1", "--force")
    assert result.exit_code == 0, result.output
    return work / "out" / "nn-bustadplan"


@pytest.fixture(scope="module")
def default_margins() -> dict:
    """The page margins (mm) of the style `default`, which nn-bustadplan and lang.yaml use."""
    return dataclasses.asdict(load_theme("default", [ROOT / "styles"]).page.margins)


def test_a_real_draft_loses_watermark_header_footer_line_numbers_and_chart_text(built_draft,
                                                                                 default_margins):
    pdf = built_draft.with_suffix(".pdf")
    raw = [page.extract_text() for page in PdfReader(pdf).pages]
    pages = pdf_text(pdf, default_margins, cover=True)
    assert len(pages) == len(raw)
    assert "HØYRINGSUTKAST" in raw[2] and "Side 3 av" in raw[2]
    chart_page = next(i for i, text in enumerate(raw) if "12\u00a0200" in text)
    assert "Figur 1" in pages[chart_page]
    for number, (page, original) in enumerate(zip(pages, raw), 1):
        assert "HØYRINGSUTKAST" not in page
        assert not re.search(r"Side \d+ av \d+", page)
        if number > 1:
            assert not page.startswith("Testvik kommune")       # the running header
            assert "høyringsfrist" not in page                  # the footer's status line
    assert "12200" not in normalise(pages[chart_page])           # the chart's axis labels
    body = [page for page in pages if "Kvifor ein bustadplan" in page and "Markdown" in page][0]
    assert not any(line.isdigit() for line in lines(body))      # the line numbers 1, 2, 3 …


def test_a_real_contents_page_loses_leaders_and_page_numbers_but_not_table_digits(built_draft,
                                                                                 default_margins):
    pages = pdf_text(built_draft.with_suffix(".pdf"), default_margins, cover=True)
    contents = lines(pages[1])
    assert contents[:3] == ["Innhald", "1 Om planen", "Del 1 Bustadplan"]
    assert not any(line.endswith(tuple("0123456789")) or ". ." in line for line in contents)
    revisions = lines(pages[2])
    assert "1" in revisions and "2" in revisions                  # the revision table's cells


def test_one_altered_word_in_a_real_document_is_reported(built_draft):
    paragraphs = docx_text(built_draft.with_suffix(".docx"))
    assert compare_texts(paragraphs, ["\n".join(paragraphs)]) is None
    altered = "\n".join(paragraphs).replace("Formannskapet", "Formannskapen", 1)
    report = compare_texts(paragraphs, [altered])
    assert "DOCX has 'Formannskapet' where the PDF has 'Formannskapen'" in report


def test_a_table_that_breaks_is_compared_without_its_repeated_header(project, default_margins):
    rows = "\n".join(f"      - [Tiltak nummer {i}, Kommunen, {2020 + i % 7}]" for i in range(1, 71))
    (project / "content" / "lang.yaml").write_text(
        "document:\n  kind: invitation\n  municipality: Testvik kommune\n  title: Lang tabell\n"
        "  date: 2024-03-06\n  time: \"18–21\"\n  place: Rådhuset\n"
        "body:\n  - table:\n      caption: Handlingsplan\n      columns: [Tiltak, Ansvar, Frist]\n"
        f"      rows:\n{rows}\n  - paragraph: Slutt.\n", encoding="utf-8")
    out = project / "out"
    result = run("build", project / "content" / "lang.yaml", "--out", out, "--jobs", "1", "--force")
    assert result.exit_code == 0, result.output
    assert "Tiltak Ansvar Frist" in docx_header_rows(out / "lang.docx")
    pages = pdf_text(out / "lang.pdf", default_margins, cover=False)
    assert len(pages) >= 3 and all(lines(p)[:3] == ["Tiltak", "Ansvar", "Frist"] for p in pages[2:])
    stripped = strip_repeated_headers(pages, docx_header_rows(out / "lang.docx"))
    assert sum(normalise(p).count("TiltakAnsvarFrist") for p in stripped) == 1
    assert normalise("".join(docx_text(out / "lang.docx"))).count("TiltakAnsvarFrist") == 1
