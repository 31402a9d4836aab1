"""The DOCX draws what the layout decided: read back with python-docx.

Callout items, rows of key figures, captions only where a box has one, page breaks from a
heading's flow, the cover's band, and the contents field's levels and entries.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from plandoc.charts import ChartRenderer
from plandoc.layout import lay_out
from plandoc.layout.boxes import HeadingBox, KeyFiguresBox
from plandoc.writers.docx import write_docx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sample_doc import sample_document  # noqa: E402
from tests.docxstyles import key, style_of  # noqa: E402


def build(document, theme, out: Path):
    layout = lay_out(document, theme)
    write_docx(layout, ChartRenderer(theme, cache_dir=None, lang=document.meta.language), out)
    return layout, docx.Document(str(out))


@pytest.fixture(scope="module")
def sample(image_file):
    return sample_document(image_file)


@pytest.fixture(scope="module")
def built(sample, theme, tmp_path_factory):
    return build(sample, theme, tmp_path_factory.mktemp("docx") / "sample.docx")


@pytest.fixture(scope="module")
def layout(built):
    return built[0]


@pytest.fixture(scope="module")
def word(built):
    return built[1]


def cover_table(word) -> Table:
    (tbl,) = word.element.body[0].find(qn("w:sdtContent"))
    return Table(tbl, word._body)


def every_paragraph(word) -> list[Paragraph]:
    return [Paragraph(p, word._body) for p in word.element.body.iter(qn("w:p"))]


def table_with(word, text: str):
    for table in word.tables:
        if any(text in cell.text for row in table.rows for cell in row.cells):
            return table
    raise AssertionError(f"no table contains {text!r}")


def fill_of(cell) -> str | None:
    tc_pr = cell._tc.tcPr
    shd = None if tc_pr is None else tc_pr.find(qn("w:shd"))
    return None if shd is None else "#" + shd.get(qn("w:fill"))


# --- callouts ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, items", [
    ("Testvik skal være en pådriver for vekst.", ["for næringslivet", "for innbyggerne"]),
    ("Tallene er foreløpige.", ["Kilde: SSB"]),
])
def test_box_callout_prints_its_items_as_bulleted_lines(word, layout, text, items):
    box = next(b for b in layout.blocks if type(b).__name__ == "CalloutBox"
               and b.paragraphs and b.paragraphs[0][0].text == text)
    cell = table_with(word, text).rows[0].cells[0]
    lines = [p for p in cell.paragraphs if key(p.style) == "Panel Item"]
    assert [p.text for p in lines] == [f"{box.bullet}\t{item}" for item in items]
    assert fill_of(cell) == box.fill.hex
    left = cell._tc.tcPr.find(qn("w:tcBorders")).find(qn("w:left"))
    assert "#" + left.get(qn("w:color")) == box.bar.hex


def test_recommendation_box_has_no_item_lines(word):
    cell = table_with(word, "Kommunestyret vedtar planen.").rows[0].cells[0]
    assert [p.text for p in cell.paragraphs] == ["Forslag til vedtak",
                                                 "Kommunestyret vedtar planen.",
                                                 "Planen rulleres etter to år."]


# --- key figures -------------------------------------------------------------------------------


def test_five_key_figures_are_a_row_of_three_and_a_row_of_two(word, layout):
    box = next(b for b in layout.blocks if isinstance(b, KeyFiguresBox))
    assert [len(row) for row in box.rows] == [3, 2] and box.columns == 3
    table = table_with(word, "13\u00a0278")
    cards = [[c.paragraphs[0].text for c in row.cells] for row in table.rows]
    assert cards == [["13\u00a0278", "12\u00a0579", "11\u00a0888"],
                     ["1\u00a0850", "64\u00a0%", ""]]
    assert [fill_of(c) for c in table.rows[1].cells] == [layout.palette.light.hex] * 2 + [None]


def test_key_figures_follow_the_styles_row_length(sample, theme, tmp_path):
    four = dataclasses.replace(theme, layout=dataclasses.replace(theme.layout,
                                                                  key_figures_per_row=5))
    _, word = build(sample, four, tmp_path / "five.docx")
    table = table_with(word, "13\u00a0278")
    assert [[c.paragraphs[0].text for c in row.cells] for row in table.rows] == [
        ["13\u00a0278", "12\u00a0579", "11\u00a0888", "1\u00a0850", "64\u00a0%"]]


# --- captions ----------------------------------------------------------------------------------


def test_captions_only_where_a_box_has_one_figures_numbered_among_them(word):
    captions = [p.text for p in every_paragraph(word) if key(p.style) == "Caption"]
    assert captions == ["Statistikk hentet fra SSB", "Figur 1: Befolkning i Testvik",
                        "Figur 2: Arbeidsplasser", "Figur 3: Kommunevåpenet",
                        "Mulighetsanalyse for Testvik", "Tabell 1: Handlingsplan",
                        "Tabell 2: Budsjett", "Tabell 3: Indikatorer",
                        "Tabell 4: Handlingsplan for næring"]


def test_table_without_caption_has_no_caption_paragraph(word):
    table = table_with(word, "Underskrift")
    before = Paragraph(table._tbl.getprevious(), word._body)
    assert key(before.style) != "Caption" and not before.text.startswith("Tabell")


def test_image_without_caption_has_no_caption_paragraph(word):
    (shape,) = [s for s in word.inline_shapes
                if s._inline.docPr.get("descr") == "Kommunevåpenet uten bildetekst"]
    holder = next(p for p in every_paragraph(word)
                  if shape._inline in p._p.iter(qn("wp:inline")))
    after = Paragraph(holder._p.getnext(), word._body)
    assert key(after.style) != "Caption"
    assert holder.paragraph_format.keep_with_next is False
    assert shape._inline.docPr.get("title") is None


def test_unnumbered_caption_has_no_bold_lead(word):
    (caption,) = [p for p in every_paragraph(word) if p.text == "Statistikk hentet fra SSB"]
    assert [r.text for r in caption.runs if r.bold] == []


# --- page flow ---------------------------------------------------------------------------------


def test_heading_with_new_page_flow_breaks_before_and_one_without_does_not(sample, theme,
                                                                          tmp_path):
    chapters = dataclasses.replace(theme, layout=dataclasses.replace(theme.layout,
                                                                      chapter_new_page=True))
    layout, word = build(sample, chapters, tmp_path / "chapters.docx")
    flows = {b.outline_text: b.flow.new_page for b in layout.blocks if isinstance(b, HeadingBox)}
    assert flows["Mulighetsanalyse"] is True and flows["Nøkkeltall"] is False
    breaks = {p.text: p.paragraph_format.page_break_before for p in word.paragraphs
              if key(p.style).startswith("Heading")}
    assert breaks["Mulighetsanalyse"] is True
    assert breaks["Nøkkeltall"] is None
    # the first heading after the contents starts a page because the contents end with a
    # page break, not because of its own flow
    assert flows["Om planen"] is False and breaks["Om planen"] is True


def test_default_flow_breaks_no_chapter(word):
    (heading,) = [p for p in word.paragraphs if p.text == "Mulighetsanalyse"
                  and key(p.style) == "Heading 1"]
    assert heading.paragraph_format.page_break_before is None


def test_part_page_stands_on_a_page_of_its_own(word, layout):
    part = next(b for b in layout.blocks if type(b).__name__ == "PartBox" and b.label)
    (title,) = [p for p in word.paragraphs if key(p.style) == "Part Title"
                and p.text.endswith("Naturbruksplan")]
    assert title.text == f"{part.label}\nNaturbruksplan"
    assert key(title.runs[0].style) == "Part Label"
    assert title.paragraph_format.page_break_before is True
    names = [b.get(qn("w:name")) for b in title._p.iter(qn("w:bookmarkStart"))]
    assert names == [part.target]
    intro = Paragraph(title._p.getnext(), word._body)
    assert (key(intro.style), intro.text) == ("Part Intro", "Natur og friluftsliv")
    after = Paragraph(intro._p.getnext(), word._body)
    assert after.paragraph_format.page_break_before is True
    style = style_of(word, "Part Title").element.pPr.find(qn("w:outlineLvl"))
    assert style.get(qn("w:val")) == "0"       # the TOC field lists it like a chapter


# --- the cover's band --------------------------------------------------------------------------


def test_cover_band_is_a_shaded_page_wide_row_at_the_foot_of_the_cover(word, layout, theme):
    cover, page = layout.cover, theme.page
    table = cover_table(word)
    assert word.element.body[0].tag == qn("w:sdt")       # in the cover section, before its end
    band_row = table.rows[-1]
    band = band_row.cells[0]
    assert fill_of(band) == layout.palette.primary.hex
    assert [p.text for p in band.paragraphs] == [line.text for line in cover.band_lines]
    assert band_row.height_rule == docx.enum.table.WD_ROW_HEIGHT_RULE.EXACTLY
    assert band_row.height.mm == pytest.approx(cover.band_height_mm + cover.band_stripe_mm,
                                               abs=0.1)
    top = band._tc.tcPr.find(qn("w:tcBorders")).find(qn("w:top"))
    assert "#" + top.get(qn("w:color")) == layout.palette.accent.hex
    assert int(top.get(qn("w:sz"))) / 8 * 25.4 / 72 == pytest.approx(cover.band_stripe_mm,
                                                                     abs=0.05)
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(grid) / 1440 * 25.4 == pytest.approx(page.width_mm, abs=0.2)
    margin = band._tc.tcPr.find(qn("w:tcMar"))
    left = int(margin.find(qn("w:left")).get(qn("w:w"))) / 1440 * 25.4
    assert left == pytest.approx(page.margins.left, abs=0.05)   # lines up with the body text
    heights = sum(row.height.mm for row in table.rows)
    assert heights == pytest.approx(page.height_mm - page.margins.top, abs=0.2)


def test_cover_section_ends_after_the_band_in_a_hidden_paragraph(word):
    end = word.element.body[1]
    assert end.tag == qn("w:p") and end.pPr.find(qn("w:sectPr")) is not None
    assert end.pPr.find(qn("w:rPr")).find(qn("w:vanish")) is not None


def test_cover_logo_has_its_height_and_alt_text(sample, theme, image_file, tmp_path):
    with_logo = dataclasses.replace(theme, logo=image_file)
    layout, word = build(sample, with_logo, tmp_path / "logo.docx")
    (shape,) = [s for s in word.inline_shapes
                if s._inline.docPr.get("descr") == layout.cover.logo_alt]
    assert shape.height.mm == pytest.approx(layout.cover.logo_height_mm, abs=0.1)
    masthead = cover_table(word).rows[0].cells
    assert masthead[1].text == layout.cover.municipality


def test_no_cover_without_one_in_the_layout(sample, theme, tmp_path):
    invitation = dataclasses.replace(sample, meta=dataclasses.replace(sample.meta,
                                                                       kind="invitation"))
    layout, word = build(invitation, theme, tmp_path / "inv.docx")
    assert layout.cover is None and len(word.sections) == 3   # body, landscape table, body
    # the body opens with the invitation's letterhead, not with a cover page's content control
    assert word.element.body[0].tag == qn("w:tbl") and not word.element.body.findall(qn("w:sdt"))
    assert word.tables[0].rows[0].cells[-1].text == sample.meta.municipality


# --- contents ----------------------------------------------------------------------------------


def toc_instruction(word) -> str:
    return "".join(t.text for t in word.element.body.iter(qn("w:instrText"))
                   if t.text.split()[0] == "TOC")   # not the appendices' PAGEREF, not the
                                                     # captions' SEQ or references' REF


def test_contents_field_lists_the_layouts_levels_and_entries(word, layout):
    assert layout.contents.levels == 2
    assert toc_instruction(word).strip() == 'TOC \\o "1-2" \\h \\z'
    entries = [(key(p.style), p.text, p._p.find(qn("w:hyperlink")).get(qn("w:anchor")))
               for p in word.paragraphs if key(p.style).startswith("toc")]
    assert entries == [(f"toc {e.level}", e.text, e.target) for e in layout.contents.entries]


def test_contents_with_three_levels(sample, theme, tmp_path):
    three = dataclasses.replace(theme, layout=dataclasses.replace(theme.layout, toc_levels=3))
    layout, word = build(sample, three, tmp_path / "three.docx")
    assert toc_instruction(word).strip() == 'TOC \\o "1-3" \\h \\z'
    entries = [(key(p.style), p.text) for p in word.paragraphs if key(p.style).startswith("toc")]
    assert ("toc 3", "1.1.1 Oppfølging") in entries
    assert entries == [(f"toc {e.level}", e.text) for e in layout.contents.entries]


def test_running_lines_and_watermark_come_from_the_layout(sample, theme, tmp_path):
    draft = dataclasses.replace(sample, meta=dataclasses.replace(sample.meta, status="utkast"))
    layout, word = build(draft, theme, tmp_path / "draft.docx")
    assert layout.watermark == "UTKAST"
    footer = word.sections[-1].footer.paragraphs[0].text
    assert footer == f"{layout.running.footer_left}\tSide 1 av 1"
    with zipfile.ZipFile(tmp_path / "draft.docx") as z:
        headers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/header")]
    marked = [h for h in headers if 'string="UTKAST"' in h]
    assert len(marked) == 3          # the cover's header, the body's, the landscape section's
    assert all(f'fillcolor="{layout.palette.watermark.hex}"' in h for h in marked)


def test_line_numbers_in_the_body_not_on_the_cover(sample, theme, tmp_path):
    numbered = dataclasses.replace(sample, meta=dataclasses.replace(sample.meta,
                                                                     line_numbers=True))
    layout, word = build(numbered, theme, tmp_path / "lines.docx")
    assert layout.line_numbers
    assert word.sections[-1]._sectPr.find(qn("w:lnNumType")) is not None
    assert word.sections[0]._sectPr.find(qn("w:lnNumType")) is None
    for style in ("Title", "Cover Band", "Cover Band Strong", "Spacer"):
        assert style_of(word, style).element.pPr.find(qn("w:suppressLineNumbers")) is not None
    assert style_of(word, "Normal").element.pPr.find(qn("w:suppressLineNumbers")) is None


def test_justified_hyphenated_running_text_when_the_style_asks(sample, theme, tmp_path):
    from plandoc.style.theme import Typography

    typeset = dataclasses.replace(theme, typography=Typography(justify=True, hyphenate=True))
    _, word = build(sample, typeset, tmp_path / "typeset.docx")
    settings = word.settings.element
    assert settings.find(qn("w:autoHyphenation")).get(qn("w:val")) == "true"

    def ppr(name):
        return style_of(word, name).element.pPr

    assert ppr("Normal").find(qn("w:jc")).get(qn("w:val")) == "both"
    assert ppr("Normal").find(qn("w:suppressAutoHyphens")) is None      # running text
    assert ppr("Caption").find(qn("w:suppressAutoHyphens")) is None
    for name in ("Heading 1", "Title", "Key Figure"):                   # not running text
        assert ppr(name).find(qn("w:suppressAutoHyphens")) is not None, name
    assert ppr("Heading 1").find(qn("w:jc")).get(qn("w:val")) == "left"


def test_ragged_and_unhyphenated_by_default(word):
    assert word.settings.element.find(qn("w:autoHyphenation")) is None
    normal = style_of(word, "Normal").element.pPr
    assert normal.find(qn("w:jc")).get(qn("w:val")) == "left"
    assert normal.find(qn("w:suppressAutoHyphens")) is None


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftoppm")),
                    reason="LibreOffice and poppler (pdftoppm) needed")
def test_libreoffice_draws_the_band_to_the_page_edges_on_one_cover_page(sample, theme, tmp_path):
    long_title = dataclasses.replace(sample, meta=dataclasses.replace(
        sample.meta, title="Strategisk næringsplan for kommunens næringsliv, landbruk, "
        "reiseliv og kultur i perioden"))
    layout, _ = build(long_title, theme, tmp_path / "cover.docx")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / "cover.docx")], check=True, capture_output=True, timeout=180)
    from pypdf import PdfReader

    pages = [p.extract_text() for p in PdfReader(str(tmp_path / "cover.pdf")).pages]
    assert "Side" not in pages[0] and "Side 2 av" in pages[1]     # the cover is one page
    assert "Testvik næringsselskap KF" in pages[0]
    subprocess.run(["pdftoppm", "-r", "72", "-f", "1", "-l", "1", "-png",
                    str(tmp_path / "cover.pdf"), str(tmp_path / "page")], check=True)
    from PIL import Image

    (png,) = tmp_path.glob("page*.png")
    image = Image.open(png).convert("RGB")
    w, h = image.size
    primary = tuple(int(layout.palette.primary.hex[i:i + 2], 16) for i in (1, 3, 5))
    band_top = h - round(layout.cover.band_height_mm / 25.4 * 72)
    edge = 2        # A4 is 595.3 × 841.9 pt: the last pixel column and row are partial
    for x, y in ((0, h - edge), (w - edge, h - edge), (0, band_top + 4),
                 (w - edge, band_top + 4), (w // 2, h - edge)):
        assert all(abs(a - b) <= 8 for a, b in zip(image.getpixel((x, y)), primary)), (x, y)
    assert image.getpixel((w // 2, band_top - 30)) == (255, 255, 255)
