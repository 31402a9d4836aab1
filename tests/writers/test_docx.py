"""The DOCX writer, read back with python-docx: styles, structure, fields, properties, pictures."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import docx

from plandoc.layout.palette import under_white
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from PIL import Image as PILImage

from plandoc.charts import ChartRenderer
from plandoc.layout import lay_out
from plandoc.layout.boxes import ChartBox
from plandoc.layout.styles import text_styles
from plandoc.model import Heading, Span
from plandoc.writers.docx import write_docx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sample_doc import sample_document  # noqa: E402
from tests.docxstyles import key, style_of  # noqa: E402
from textof import shown_paragraphs  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def sample(image_file):
    return sample_document(image_file)


def build(document, theme, out: Path) -> Path:
    charts = ChartRenderer(theme, cache_dir=None, lang=document.meta.language)
    write_docx(lay_out(document, theme), charts, out)
    return out


@pytest.fixture(scope="module")
def built(sample, theme, tmp_path_factory) -> Path:
    return build(sample, theme, tmp_path_factory.mktemp("docx") / "sample.docx")


@pytest.fixture(scope="module")
def word(built):
    return docx.Document(str(built))


def part_xml(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def every_paragraph(word) -> list[Paragraph]:
    """Every paragraph of the body in document order, those in table cells included."""
    return [Paragraph(p, word._body) for p in word.element.body.iter(qn("w:p"))]


def paragraphs(word, style: str) -> list[str]:
    return [p.text for p in every_paragraph(word) if key(p.style) == style]


def shown(word, style: str) -> list[str]:
    """The paragraphs in `style` as Word shows them: Word's own numbers before the text."""
    texts = shown_paragraphs(word)
    return [texts[p._p] for p in every_paragraph(word) if key(p.style) == style]


def shown_as(word, text: str, style: str | None = None) -> Paragraph:
    """The one paragraph (in `style`) Word shows as `text`, its number included."""
    texts = shown_paragraphs(word)
    (found,) = [p for p in every_paragraph(word) if texts[p._p] == text
                and style in (None, key(p.style))]
    return found


# --- styles and headings ------------------------------------------------------------------


def test_headings_use_real_heading_styles_with_numbers(word):
    assert shown(word, "Heading 1") == ["Forord", "Om planen", "Mulighetsanalyse",
                                             "1 Slagkraft for næringsutvikling",
                                             "Vedlegg 1 Kartgrunnlag"]
    assert shown(word, "Heading 2") == ["Nøkkeltall", "1.1 Handlingsplan", "V1.1 Kilder"]
    assert shown(word, "Heading 3") == ["1.1.1 Oppfølging"]
    # the numbers are Word's (a list level linked to the heading), none typed; an appendix's
    # 'V1.1' too (a list of the appendix, 'V1.' literal text in its level)
    assert paragraphs(word, "Heading 2") == ["Nøkkeltall", "Handlingsplan", "Kilder"]
    assert paragraphs(word, "Heading 2 No TOC") == ["Program", "Vedlegg uten innholdsliste",
                                                    "Vedlegg til planen"]


def test_heading_styles_come_from_the_layouts_text_styles(word, theme):
    look = text_styles(theme)["h1"]
    h1 = style_of(word, "Heading 1")
    assert h1.font.name == theme.fonts.heading.family
    assert h1.font.size.pt == theme.sizes.h1 == look.size
    assert str(h1.font.color.rgb) == theme.colours.primary.hex.lstrip("#").upper()
    assert h1.paragraph_format.keep_with_next is True
    assert h1.paragraph_format.space_before.pt == pytest.approx(look.before, abs=0.05)
    assert h1.paragraph_format.space_after.pt == pytest.approx(look.after, abs=0.05)
    outline = h1.element.pPr.find(qn("w:outlineLvl"))
    assert outline.get(qn("w:val")) == "0"
    normal = style_of(word, "Normal")
    assert normal.font.name == theme.fonts.body.family
    assert normal.font.size.pt == theme.sizes.body
    assert normal.paragraph_format.widow_control is True


def test_goal_style_is_bold_as_the_text_styles_say(word, theme):
    goal = style_of(word, "Goal")
    assert goal.font.bold is True and text_styles(theme)["goal"].bold
    assert goal.font.size.pt == pytest.approx(text_styles(theme)["goal"].size, abs=0.25)


def test_heading_outside_toc_gets_a_non_toc_style(sample, theme, tmp_path):
    hidden = Heading(1, (Span("Vedlegg B"),), None, "h-x", in_toc=False)
    doc = dataclasses.replace(sample, blocks=sample.blocks + (hidden,))
    word = docx.Document(str(build(doc, theme, tmp_path / "x.docx")))
    (p,) = [p for p in word.paragraphs if p.text == "Vedlegg B"]
    assert key(p.style) == "Heading 1 No TOC"
    assert p.style.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "9"
    assert "Vedlegg B" not in [p.text for p in word.paragraphs if key(p.style).startswith("toc")]


def test_literal_markup_text_is_kept(word):
    body = "\n".join(p.text for p in word.paragraphs)
    assert "Tegn som <font> & <b> skal stå som tekst: æøå ÆØÅ." in body


def test_bold_and_italic_spans(word):
    (p,) = [p for p in word.paragraphs if p.text.startswith("Planen gjelder")]
    assert [r.text for r in p.runs if r.bold] == ["2021–2024"]
    assert [r.text for r in p.runs if r.italic] == ["viktig"]


def test_hyperlink_is_a_real_relationship(word):
    rels = {r.rId: r for r in word.part.rels.values()}
    links = word.element.body.iter(qn("w:hyperlink"))
    external = [(ln, rels[ln.get(qn("r:id"))]) for ln in links if ln.get(qn("r:id"))]
    assert len(external) == 2          # the body's link and a reference's url
    link, rel = external[0]
    assert external[1][1].target_ref == "https://www.ssb.no/statbank/table/07459"
    assert rel.is_external and rel.target_ref == "https://www.vefsn.kommune.no"
    assert rel.reltype.endswith("/hyperlink")
    assert "".join(t.text for t in link.iter(qn("w:t"))) == "kommunen"


def test_anchor_link_goes_to_the_layouts_target(word, sample, theme):
    (p,) = [p for p in word.paragraphs if p.text == "Se kapittelet om planen."]
    (link,) = p._p.findall(qn("w:hyperlink"))
    target = lay_out(sample, theme).targets["h-1"]
    assert link.get(qn("w:anchor")) == target
    (heading,) = [p for p in word.paragraphs if p.text == "Om planen"
                  and key(p.style) == "Heading 1"]
    assert [b.get(qn("w:name")) for b in heading._p.iter(qn("w:bookmarkStart"))] == [target]


# --- lists -----------------------------------------------------------------------------------


def numbering_of(word, paragraph):
    num_pr = paragraph._p.pPr.numPr
    num_id, level = num_pr.numId.val, num_pr.ilvl.val
    root = word.part.numbering_part.element
    num = root.num_having_numId(num_id)
    abstract_id = num.abstractNumId.val
    (abstract,) = root.xpath(f"./w:abstractNum[@w:abstractNumId='{abstract_id}']")
    (lvl,) = [el for el in abstract.findall(qn("w:lvl")) if el.get(qn("w:ilvl")) == str(level)]
    return num, lvl


def lvl_value(lvl, tag: str) -> str:
    return lvl.find(qn(f"w:{tag}")).get(qn("w:val"))


def test_bullets_are_real_numbering_with_the_layouts_bullets(word, sample, theme):
    (item,) = [p for p in word.paragraphs if p.text == "Del 1: Strategisk næringsplan"]
    (nested,) = [p for p in word.paragraphs if p.text == "Underpunkt"]
    (deeper,) = [p for p in word.paragraphs if p.text == "Under-underpunkt"]
    assert key(item.style) == "List Bullet" and key(nested.style) == "List Bullet 2"
    assert key(deeper.style) == "List Bullet 3"
    bullets, _ = lay_out(sample, theme).lists
    for paragraph, style in zip((item, nested, deeper), bullets):
        _, lvl = numbering_of(word, paragraph)
        assert lvl_value(lvl, "numFmt") == style.format == "bullet"
        assert lvl_value(lvl, "lvlText") == style.template
    assert bullets[0].template == theme.bullet
    assert nested._p.pPr.numPr.ilvl.val == 1


def test_numbered_lists_take_formats_from_the_layout_and_restart(word, sample, theme):
    steps = [p for p in word.paragraphs if p.text.startswith("Steg ")]
    assert [key(p.style) for p in steps] == ["List Number", "List Number"]
    _, lvl = numbering_of(word, steps[0])
    assert (lvl_value(lvl, "numFmt"), lvl_value(lvl, "lvlText")) == ("decimal", "%1.")
    (sub,) = [p for p in word.paragraphs if p.text == "Delsteg"]
    assert key(sub.style) == "List Number 2"
    _, lvl = numbering_of(word, sub)
    assert (lvl_value(lvl, "numFmt"), lvl_value(lvl, "lvlText")) == ("lowerLetter", "%2)")
    firsts = [p for p in word.paragraphs if p.text in ("Steg 1: Visjon", "Femte punkt")]
    nums = [numbering_of(word, p)[0] for p in firsts]
    assert nums[0].numId != nums[1].numId  # a list of its own: numbering restarts
    starts = [n.find(qn("w:lvlOverride")).find(qn("w:startOverride")).get(qn("w:val"))
              for n in nums]
    assert starts == ["1", "5"]


# --- cover, sections, header and footer ------------------------------------------------------


def cover_table(word):
    """The table that lays out the cover, in the body's first element: the content control
    Word keeps a cover page in."""
    first = word.element.body[0]
    assert first.tag == qn("w:sdt")
    gallery = first.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
    assert gallery.get(qn("w:val")) == "Cover Pages"
    (tbl,) = first.find(qn("w:sdtContent"))
    return Table(tbl, word._body)


def test_cover_has_its_own_section_without_header_or_footer(word, sample):
    # cover, body, the landscape table's section, body again
    assert [s.orientation for s in word.sections] == [WD_ORIENT.PORTRAIT] * 2 + [
        WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    assert "Strategisk næringsplan" not in [t.cell(0, 0).text for t in word.tables]
    cover = word.sections[0]._sectPr
    assert cover.xpath("w:headerReference|w:footerReference") == []
    texts = [p.text for row in cover_table(word).rows for cell in row.cells
             for p in cell.paragraphs]
    for text in ("Testvik kommune", "Del 1", "Strategisk næringsplan",
                 "Testvik kommunes strategiske næringsplan", "Planperiode 2021–2024",
                 "Testvik næringsselskap KF",
                 "Vedtatt i kommunestyret 12. mai 2021, sak 38/20"):
        assert text in texts, text
    assert paragraphs(word, "Title") == ["Strategisk næringsplan"]
    caps = style_of(word, "Cover Part").element.rPr.find(qn("w:caps"))
    assert caps is not None and caps.get(qn("w:val")) in (None, "1", "true")   # shown as DEL 1
    assert paragraphs(word, "Subtitle") == ["Testvik kommunes strategiske næringsplan"]


def test_cover_lines_come_in_the_layouts_order_and_styles(word, sample, theme):
    cover = lay_out(sample, theme).cover
    table = cover_table(word)
    title_block = [(key(p.style), p.text) for p in table.rows[1].cells[0].paragraphs]
    assert [text for _, text in title_block] == [line.text for line in cover.lines]
    assert [style for style, _ in title_block] == ["Cover Part", "Title", "Subtitle",
                                                   "Cover Period"]
    band = [(key(p.style), p.text) for p in table.rows[2].cells[0].paragraphs]
    assert [text for _, text in band] == [line.text for line in cover.band_lines]
    assert [style for style, _ in band] == ["Cover Band Strong"] + ["Cover Band"] * 3
    first = table.rows[1].cells[0].paragraphs[0]
    assert first.paragraph_format.space_before.mm == pytest.approx(cover.title_drop_mm, abs=0.1)


def test_body_section_has_running_header_and_page_of_footer(word):
    body = word.sections[1]
    assert body.header.is_linked_to_previous is False
    assert body.footer.is_linked_to_previous is False
    assert body.header.paragraphs[0].text == "Testvik kommune\tStrategisk næringsplan"
    footer = body.footer._element
    instr = [t.text.strip() for t in footer.iter(qn("w:instrText"))]
    assert instr == ["PAGE", "NUMPAGES"]
    assert body.footer.paragraphs[0].text == (
        "Vedtatt i kommunestyret 12. mai 2021, sak 38/20\tSide 1 av 1")  # cached field results


def test_page_setup_from_theme(word, theme):
    page = theme.page
    for section in word.sections:
        turned = section.orientation == WD_ORIENT.LANDSCAPE
        size = (section.page_height, section.page_width) if turned else \
            (section.page_width, section.page_height)
        assert [round(x.mm) for x in size] == [page.width_mm, page.height_mm]
        assert round(section.top_margin.mm) == page.margins.top
    body, cover = word.sections[1], word.sections[0]
    assert round(body.left_margin.mm) == page.margins.left
    assert round(body.right_margin.mm) == page.margins.right
    assert round(body.bottom_margin.mm) == page.margins.bottom
    # the cover's band reaches the page's edges: its section has no side or bottom margin
    assert (cover.left_margin, cover.right_margin, cover.bottom_margin) == (0, 0, 0)


# --- table of contents ------------------------------------------------------------------------


def test_toc_is_a_real_field_with_the_layouts_entries(word, built, sample, theme):
    contents = lay_out(sample, theme).contents
    xml = part_xml(built, "word/document.xml")
    assert f'TOC \\o "1-{contents.levels}" \\h \\z' in xml
    assert 'TOC \\o "1-2" \\h \\z' in xml
    assert paragraphs(word, "TOC Heading") == ["Innhold"]
    assert style_of(word, "TOC Heading").element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "9"
    entries = [(key(p.style), p.text) for p in word.paragraphs if key(p.style).startswith("toc")]
    assert entries == [(f"toc {e.level}", e.text) for e in contents.entries]
    assert entries == [("toc 1", "Forord"), ("toc 1", "Om planen"), ("toc 2", "Nøkkeltall"),
                       ("toc 1", "Mulighetsanalyse"),
                       ("toc 1", "1 Slagkraft for næringsutvikling"),
                       ("toc 2", "1.1 Handlingsplan"), ("toc 1", "Del 2 Naturbruksplan"),
                       ("toc 1", "Vedlegg"), ("toc 1", "Vedlegg 1 Kartgrunnlag"),
                       ("toc 2", "V1.1 Kilder")]


def test_toc_entries_link_to_heading_bookmarks(word):
    (entry,) = [p for p in word.paragraphs if key(p.style) == "toc 1"
                and p.text == "1 Slagkraft for næringsutvikling"]
    anchor = entry._p.find(qn("w:hyperlink")).get(qn("w:anchor"))
    heading = shown_as(word, "1 Slagkraft for næringsutvikling", "Heading 1")
    names = [b.get(qn("w:name")) for b in heading._p.iter(qn("w:bookmarkStart"))]
    assert names == [anchor]


def test_no_toc_when_meta_says_so(sample, theme, tmp_path):
    doc = dataclasses.replace(sample, meta=dataclasses.replace(sample.meta, toc=False))
    out = build(doc, theme, tmp_path / "notoc.docx")
    word = docx.Document(str(out))
    assert "TOC \\o" not in part_xml(out, "word/document.xml")
    assert paragraphs(word, "TOC Heading") == []
    first_body = next(p for p in word.paragraphs if key(p.style) == "Heading 1")
    assert first_body.text == "Forord"          # the foreword comes first


def test_settings_ask_word_to_update_fields(built):
    settings = part_xml(built, "word/settings.xml")
    assert re.search(r'<w:updateFields w:val="true"/>', settings)
    # schema order: updateFields comes before compat
    assert settings.index("w:updateFields") < settings.index("<w:compat")


# --- plan blocks ------------------------------------------------------------------------------


def table_with(word, text: str):
    for table in word.tables:
        if any(text in cell.text for row in table.rows for cell in row.cells):
            return table
    raise AssertionError(f"no table contains {text!r}")


def fill_of(cell) -> str:
    return cell._tc.tcPr.find(qn("w:shd")).get(qn("w:fill"))


def test_swot_quadrants(word, sample, theme):
    swot = next(b for b in lay_out(sample, theme).blocks if type(b).__name__ == "SwotBox")
    table = table_with(word, "Styrker")
    titles = [[c.text for c in table.rows[r].cells] for r in (0, 2)]
    assert titles == [["Styrker", "Svakheter"], ["Muligheter", "Trusler"]]
    for r, quadrants in zip((0, 2), swot.rows):
        for c, quadrant in enumerate(quadrants):
            title, body = table.rows[r].cells[c], table.rows[r + 1].cells[c]
            assert fill_of(title) == quadrant.colour.hex.lstrip("#").upper()
            assert fill_of(title) == under_white(theme.colours.swot.of(quadrant.kind)).hex[1:]
            assert fill_of(body) == quadrant.fill.hex.lstrip("#").upper()
            kind = quadrant.kind
            assert [p.text for p in body.paragraphs] == [
                "Beliggenhet", f"•\t{kind} punkt én", f"•\t{kind} punkt to"]
            assert [key(p.style) for p in body.paragraphs] == [
                "SWOT Group", "SWOT Item", "SWOT Item"]
    # every row moves to the next page whole, as in the PDF (Word breaks one taller than a page)
    for row in table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    assert "Mulighetsanalyse for Testvik" in paragraphs(word, "Caption")


def test_key_figures(word, theme):
    table = table_with(word, "13\u00a0278")
    cells = table.rows[0].cells
    assert [c.paragraphs[0].text for c in cells] == ["13\u00a0278", "12\u00a0579", "11\u00a0888"]
    assert [c.paragraphs[1].text for c in cells] == ["Befolkning i 2020", "Befolkning i 2030",
                                                     "Befolkning i 2050"]
    style = style_of(word, "Key Figure")
    assert style.font.size.pt == theme.sizes.key_figure and style.font.bold
    assert "Kilde: SSB" in paragraphs(word, "Source")
    assert "Statistikk hentet fra SSB" in paragraphs(word, "Caption")


def test_goal_and_strategies(word):
    goal = shown_as(word, "1.1 MÅL: Etableringer på næringsarealene.")
    assert goal.text == "Etableringer på næringsarealene."     # number and label are Word's
    assert key(goal.style) == "Goal" and goal._p.pPr.numPr is not None
    i = [p._p for p in word.paragraphs].index(goal._p)
    following = word.paragraphs[i + 1:i + 4]
    texts = shown_paragraphs(word)
    assert [texts[p._p] for p in following] == [
        "STRATEGI", "a) Tilrettelegge næringsarealer.", "b) Utarbeide markedsføringsmateriale."]
    assert [p.text for p in following[1:]] == ["Tilrettelegge næringsarealer.",
                                               "Utarbeide markedsføringsmateriale."]
    keeps = [p.paragraph_format.keep_with_next for p in following]
    assert keeps == [None, True, False]  # the label keeps via its style, the last lets go
    assert style_of(word, "Strategy Label").paragraph_format.keep_with_next is True
    assert style_of(word, "Goal").paragraph_format.keep_with_next is True
    (alone,) = [p for p in word.paragraphs if shown_paragraphs(word)[p._p].startswith("1.3 MÅL")]
    assert alone.paragraph_format.keep_with_next is False   # no strategies to keep with


def test_generic_table(word, theme):
    table = table_with(word, "Etablere prosjektgruppe")
    assert key(table.style) == "Plan Table"
    assert [c.text for c in table.rows[0].cells] == ["Tiltak", "Ansvar", "Frist"]
    assert [key(p.style) for c in table.rows[0].cells for p in c.paragraphs] == \
        ["Table Heading"] * 3
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    for row in table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert abs(widths[0] / widths[1] - 3) < 0.01 and widths[1] == widths[2]
    prev = table._tbl.getprevious()
    assert "".join(t.text for t in prev.iter(qn("w:t"))) == "Tabell 1: Handlingsplan"


def test_callouts(word):
    assert paragraphs(word, "Slogan") == ["Energi i sentrum!"]
    slogan = table_with(word, "Energi i sentrum!")
    assert [c.text for c in slogan.rows[1].cells] == ["Slagordet samler planen."] * 2  # merged
    assert key(slogan.rows[1].cells[0].paragraphs[0].style) == "Slogan Text"
    assert [c.text for c in slogan.rows[2].cells] == ["Slagkraft for næring",
                                                     "Levende fellesskap"]
    values = table_with(word, "Handlekraftig")
    assert [[c.text for c in row.cells] for row in values.rows] == [
        ["Handlekraftig", "Inkluderende", "Engasjert"], ["Kreativ", "Modig", ""]]
    vision = table_with(word, "Testvik skal være en pådriver for vekst.")
    assert [p.text for p in vision.rows[0].cells[0].paragraphs] == [
        "Visjon", "Testvik skal være en pådriver for vekst.", "•\tfor næringslivet",
        "•\tfor innbyggerne"]
    assert not any(el.tag.endswith("txbxContent") for el in word.element.body.iter())


def test_page_break_lands_on_next_heading(word):
    heading = shown_as(word, "1 Slagkraft for næringsutvikling", "Heading 1")
    assert heading.paragraph_format.page_break_before is True


# --- pictures ----------------------------------------------------------------------------------


def pictures(word):
    """(docPr, image part, displayed width in inches) for every picture."""
    out = []
    for shape in word.inline_shapes:
        inline = shape._inline
        r_id = inline.graphic.graphicData.pic.blipFill.blip.embed
        out.append((inline.docPr, word.part.related_parts[r_id], shape.width.inches))
    return out


def test_chart_picture_has_alt_text_caption_and_source(word, sample):
    chart = next(b for b in sample.blocks if type(b).__name__ == "Chart")
    doc_prs = [d for d, _, _ in pictures(word)]
    (pr,) = [d for d in doc_prs if d.get("descr") == chart.alt]
    assert pr.get("title") == "Figur 1: Befolkning i Testvik"
    assert "Figur 1: Befolkning i Testvik" in paragraphs(word, "Caption")
    (caption,) = [p for p in every_paragraph(word) if p.text == "Figur 1: Befolkning i Testvik"]
    assert "".join(r.text for r in caption.runs if r.bold) == "Figur 1: "
    # the number is Word's SEQ field, its cached result the layout's number
    instructions = [t.text.strip() for t in caption._p.iter(qn("w:instrText"))]
    assert instructions == ["SEQ Figur \\* ARABIC"]
    assert "Kilde: SSB" in paragraphs(word, "Source")


def test_chart_resolution_at_least_200_dpi_at_the_layouts_size(word, sample, theme):
    chart = next(b for b in sample.blocks if type(b).__name__ == "Chart")
    box = next(b for b in lay_out(sample, theme).blocks if isinstance(b, ChartBox))
    (_, part, width_in), = [(d, p, w) for d, p, w in pictures(word) if d.get("descr") == chart.alt]
    pixels = PILImage.open(io.BytesIO(part.blob)).size[0]
    assert pixels / width_in >= 200
    assert abs(width_in * 25.4 - box.width_mm) < 0.5


def test_image_alt_text_width_and_caption(word):
    (pr, _, width_in), = [(d, p, w) for d, p, w in pictures(word)
                          if d.get("descr") == "Kommunevåpen"]
    assert abs(width_in * 2.54 - 4) < 0.01
    assert "Figur 3: Kommunevåpenet" in paragraphs(word, "Caption")


# --- package ---------------------------------------------------------------------------------


def test_core_properties_and_language(word, built):
    cp = word.core_properties
    assert cp.title == "Strategisk næringsplan"
    assert cp.author == "Testvik næringsselskap KF"
    assert cp.subject == "Næringspolitikk"
    assert cp.keywords == "næringsplan, Testvik"
    assert cp.language == "nb-NO"
    assert cp.created == datetime(2021, 5, 12) or cp.created == datetime(2021, 5, 12,
                                                                         tzinfo=timezone.utc)
    styles = part_xml(built, "word/styles.xml")
    defaults = styles[styles.index("<w:docDefaults"):styles.index("</w:docDefaults>")]
    assert 'w:lang w:val="nb-NO"' in defaults
    app = part_xml(built, "docProps/app.xml")
    assert "<Application>plandoc</Application>" in app and "Testvik kommune" in app


def test_language_follows_meta(sample, theme, tmp_path):
    meta = dataclasses.replace(sample.meta, language="nn", date=None)
    word = docx.Document(str(build(dataclasses.replace(sample, meta=meta), theme,
                                   tmp_path / "nn.docx")))
    assert word.core_properties.language == "nn-NO"
    assert paragraphs(word, "TOC Heading") == ["Innhald"]
    assert [c.text for c in table_with(word, "Styrkar").rows[0].cells] == ["Styrkar",
                                                                          "Svakheiter"]
    core = part_xml(tmp_path / "nn.docx", "docProps/core.xml")
    assert "dcterms:created" not in core and "dcterms:modified" not in core  # no clock time


def test_same_input_gives_same_bytes(sample, theme, tmp_path):
    a = build(sample, theme, tmp_path / "a.docx").read_bytes()
    b = build(sample, theme, tmp_path / "b.docx").read_bytes()
    assert a == b


def test_dotx_template_is_used_and_result_is_a_document(sample, theme, tmp_path):
    base = docx.Document()
    base.styles.add_style("Mal Stil", 1)
    style_of(base, "Heading 1").font.size = docx.shared.Pt(33)
    base.add_paragraph("Malens eksempeltekst")
    plain = tmp_path / "mal.docx"
    base.save(str(plain))
    dotx = tmp_path / "mal.dotx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(dotx, "w") as dst:
        for name in src.namelist():
            blob = src.read(name)
            if name == "[Content_Types].xml":
                blob = blob.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(name, blob)
    out = build(sample, dataclasses.replace(theme, word_template=dotx), tmp_path / "t.docx")
    assert b"document.main+xml" in zipfile.ZipFile(out).read("[Content_Types].xml")
    word = docx.Document(str(out))
    assert "Mal Stil" in [s.name for s in word.styles]
    assert style_of(word, "Heading 1").font.size.pt == 33  # the template's look wins
    h1 = style_of(word, "Heading 1").element.pPr
    assert h1.find(qn("w:outlineLvl")).get(qn("w:val")) == "0"   # structure is enforced
    assert "Malens eksempeltekst" not in [p.text for p in word.paragraphs]
    assert shown(word, "Heading 1")[-2] == "1 Slagkraft for næringsutvikling"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_converts_it(built, tmp_path):
    profile = tmp_path / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(built)],
                   check=True, capture_output=True, timeout=180)
    from pypdf import PdfReader

    reader = PdfReader(str(tmp_path / "sample.pdf"))
    pages = [page.extract_text() for page in reader.pages]
    total = len(pages)
    assert "Side" not in pages[0]  # the cover has no footer
    assert "Strategisk næringsplan" in pages[0] and "Testvik næringsselskap KF" in pages[0]
    assert f"Side 2 av {total}" in pages[1]
    assert "Innhold" in pages[1]
