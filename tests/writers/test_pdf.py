"""The PDF writer, read back with pypdf and pikepdf: text, fonts, outline, TOC, footer, charts."""

from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from plandoc.charts import ChartRenderer
from plandoc.labels import labels
from plandoc.layout import lay_out
from plandoc.model import (Callout, Heading, PageBreak, Paragraph, Span, Swot, SwotGroup,
                           SwotQuadrant, Table)
from plandoc.writers.pdf import write_pdf
from tests.writers.pdfops import contents_rows

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sample_doc import sample_document, t  # noqa: E402

BASE14 = {"Courier", "Helvetica", "Times", "Symbol", "ZapfDingbats"}
HEADINGS = ["Forord", "Om planen", "Nøkkeltall", "Mulighetsanalyse", "1 Slagkraft for næringsutvikling",
            "1.1 Handlingsplan", "Del 2 Naturbruksplan", "Vedlegg", "Vedlegg 1 Kartgrunnlag",
            "V1.1 Kilder"]      # the contents' entries
SHOWN = {"Del 2 Naturbruksplan": "Naturbruksplan"}   # a part page: 'DEL 2' over its title


def build(document, theme, out: Path) -> Path:
    charts = ChartRenderer(theme, cache_dir=None, lang=document.meta.language)
    write_pdf(lay_out(document, theme), charts, out)
    return out


@pytest.fixture(scope="module")
def pdf_path(theme, image_file, tmp_path_factory) -> Path:
    return build(sample_document(image_file), theme, tmp_path_factory.mktemp("pdf") / "s.pdf")


@pytest.fixture(scope="module")
def reader(pdf_path) -> PdfReader:
    return PdfReader(pdf_path)


@pytest.fixture(scope="module")
def pages(reader) -> list[str]:
    return [p.extract_text() for p in reader.pages]


def page_of(pages: list[str], text: str, start: int = 2) -> int:
    """1-based number of the first body page (from `start`) with a line starting with `text`."""
    text = SHOWN.get(text, text)
    for n, page in enumerate(pages[start:], start + 1):
        if any(line.strip().startswith(text) for line in page.splitlines()):
            return n
    raise AssertionError(f"{text!r} not found on any body page")


# --- text --------------------------------------------------------------------------------


def test_headings_paragraphs_and_panels_are_text(pages):
    text = "\n".join(pages)
    for expected in HEADINGS + ["Planen gjelder", "Styrker", "Svakheter", "Muligheter",
                                "Trusler", "Beliggenhet", "strengths punkt én",
                                "1.1 MÅL: Etableringer på næringsarealene.", "STRATEGI",
                                "a) Tilrettelegge næringsarealer.", "1.2 MÅL:",
                                "Energi i sentrum!", "Levende fellesskap", "Handlekraftig",
                                "Tabell 1: Handlingsplan", "Etablere prosjektgruppe",
                                "Figur 1: Befolkning i Testvik", "Kilde: SSB",
                                "Befolkning i 2020", "Figur 2: Arbeidsplasser",
                                "Figur 3: Kommunevåpenet", "Verdiene er grunnlaget",
                                "Forslag til vedtak", "Kommunestyret vedtar planen.",
                                "Velkommen", "ved ordfører Paul Asphaug", "Del 1: Muligheter",
                                "DEL 2", "Naturbruksplan", "Natur og friluftsliv",
                                "Vedlegg uten innholdsliste"]:
        assert expected in text, expected
    assert re.search(r"13\s278", text)


def test_markup_characters_print_literally(pages):
    assert "Tegn som <font> & <b> skal" in "\n".join(pages).replace("\n", " ")


def test_norwegian_letters_survive(pages):
    text = "\n".join(pages)
    assert "æøå ÆØÅ" in text and "Strategisk næringsplan" in text and "Kommunevåpenet" in text


def test_cover_shows_metadata_and_status(pages):
    cover = pages[0]
    for expected in ["Testvik kommune", "Strategisk næringsplan", "Planperiode 2021–2024",
                     "Testvik kommunes strategiske næringsplan", "Testvik næringsselskap KF",
                     "Vedtatt i kommunestyret 12. mai 2021, sak 38/20", "DEL 1",
                     "Versjon 2, erstatter versjon 1", "Arkivsak 20/1234"]:
        assert expected in cover, expected


# --- fonts -------------------------------------------------------------------------------


def font_dicts(pdf: pikepdf.Pdf):
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font":
            yield obj


def test_every_font_is_embedded_truetype(pdf_path):
    with pikepdf.open(pdf_path) as pdf:
        fonts = list(font_dicts(pdf))
        assert fonts
        for font in fonts:
            name = str(font.get("/BaseFont", ""))
            assert not any(b in name for b in BASE14), name
            if font.Subtype == "/Type0":
                font = font.DescendantFonts[0]
            assert font.Subtype in ("/TrueType", "/CIDFontType2"), name
            assert "/FontFile2" in font.FontDescriptor, name


# --- navigation ----------------------------------------------------------------------------


def titles(outline) -> list:
    """The outline as nested lists of titles."""
    return [titles(item) if isinstance(item, list) else item["/Title"] for item in outline]


def test_outline_has_every_heading_nested(reader):
    assert titles(reader.outline) == [
        "Forord", "Om planen", ["Nøkkeltall"], "Mulighetsanalyse", "1 Slagkraft for næringsutvikling",
        ["1.1 Handlingsplan", ["1.1.1 Oppfølging"]], "Del 2 Naturbruksplan", "Vedlegg",
        ["Vedlegg uten innholdsliste"], "Vedlegg 1 Kartgrunnlag", ["V1.1 Kilder"]]
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def flat(outline) -> list:
    return [i for item in outline for i in (flat(item) if isinstance(item, list) else [item])]


def test_outline_entries_point_to_their_headings(reader, pages):
    for item in flat(reader.outline):
        assert reader.get_destination_page_number(item) + 1 == page_of(pages, item["/Title"])


def test_toc_lists_headings_with_true_page_numbers(reader, pages):
    assert labels("nb")["contents"] in reader.pages[1].extract_text()
    entries = dict(contents_rows(reader.pages[1]))
    assert list(entries) == HEADINGS
    for heading, number in entries.items():
        assert number == page_of(pages, heading), heading


def test_toc_entries_link_to_the_heading_pages(reader, pages):
    links = [a.get_object() for a in reader.pages[1].get("/Annots", [])]
    targets = {reader.get_page_number(link["/Dest"][0].get_object()) + 1 for link in links
               if link["/Subtype"] == "/Link" and "/Dest" in link}
    assert targets == {page_of(pages, h) for h in HEADINGS}


# --- running header and footer -------------------------------------------------------------


def test_footer_counts_pages(pages):
    total = len(pages)
    assert total >= 4
    assert f"Side 2 av {total}" in pages[1]
    for n, page in enumerate(pages[1:], 2):
        assert f"Side {n} av {total}" in page


def test_cover_has_no_header_or_footer(pages):
    def lines(page):
        return [line.strip() for line in page.splitlines()]
    assert "Side" not in pages[0]
    assert lines(pages[0]).count("Testvik kommune") == 1          # the cover's own line only
    assert lines(pages[0]).count("Strategisk næringsplan") == 1
    assert lines(pages[2]).count("Testvik kommune") == 1          # the header on a body page
    assert lines(pages[2]).count("Strategisk næringsplan") == 1


# --- document properties -----------------------------------------------------------------


def test_document_info_and_language(reader, pdf_path):
    info = reader.metadata
    assert info.title == "Strategisk næringsplan"
    assert info.author == "Testvik næringsselskap KF"
    assert info.subject == "Næringspolitikk"
    assert "næringsplan" in info["/Keywords"]
    assert info.creator == "plandoc"
    assert info["/CreationDate"].startswith("D:20210512")
    assert reader.trailer["/Root"]["/Lang"] == "nb-NO"


def test_identical_input_gives_identical_bytes(theme, image_file, pdf_path, tmp_path):
    again = build(sample_document(image_file), theme, tmp_path / "again.pdf")
    assert again.read_bytes() == pdf_path.read_bytes()


# --- charts and images ---------------------------------------------------------------------


def xobjects(resources, seen=None):
    """Every XObject reachable from a resource dictionary, nested forms included."""
    for _name, xobj in (resources.get("/XObject") or {}).items():
        yield xobj
        if xobj.Subtype == "/Form" and "/Resources" in xobj:
            yield from xobjects(xobj.Resources)


def test_chart_is_a_vector_form_xobject(pdf_path, pages):
    number = page_of(pages, "Figur 1: Befolkning i Testvik")
    with pikepdf.open(pdf_path) as pdf:
        page = pdf.pages[number - 1]
        found = list(xobjects(page.Resources))
        forms = [x for x in found if x.Subtype == "/Form"]
        assert forms, "no Form XObject on the chart page"
        ops = {str(op) for _operands, op in pikepdf.parse_content_stream(forms[0])}
        assert {"m", "l", "f"} <= ops or {"re", "f"} <= ops
        images = [x for x in found if x.Subtype == "/Image"]
        photos = [c for c in ("Figur 3: Kommunevåpenet",) if c in pages[number - 1]]
        assert len(images) == len(photos)       # the only raster on the page is the image block


def test_image_block_is_drawn_with_its_caption(pdf_path, pages):
    number = page_of(pages, "Figur 3: Kommunevåpenet")
    with pikepdf.open(pdf_path) as pdf:
        images = [x for x in xobjects(pdf.pages[number - 1].Resources) if x.Subtype == "/Image"]
    assert len(images) == 1


# --- robustness and variants ----------------------------------------------------------------


def big_swot(n: int) -> Swot:
    words = "Lokalisert sentralt på Helgeland med gode kommunikasjoner og flyplass "
    group = lambda k: SwotGroup(t(f"Gruppe {k}"), tuple(t(words + str(i)) for i in range(n)))
    return Swot(tuple(SwotQuadrant(kind, (group(1), group(2))) for kind in
                      ("strengths", "weaknesses", "opportunities", "threats")))


def test_huge_content_lays_out(theme, tmp_path):
    word = "Næringsutviklingssamarbeidsavtaleforhandlingsmøtereferat" * 8
    url = "https://www.vefsn.kommune.no/" + "lang/sti/" * 30
    long_row = (t("tekst " * 900), t(word), t("x"))
    blocks = (Heading(1, t(word), None, "w"),
              Paragraph((Span(word), Span(" "), Span(url, href=url))),
              big_swot(20),
              Table((t("A"), t("B"), t("C")), (long_row,) * 2, caption=t("Lang"),
                    widths=(3, 1, 1)),
              Callout("vision", t("Visjon"), (t("lang tekst " * 600),)))
    doc = dataclasses.replace(sample_document(), blocks=blocks)
    pages = [p.extract_text() for p in PdfReader(build(doc, theme, tmp_path / "big.pdf")).pages]
    text = "".join(pages).replace("\n", "")
    assert len(pages) > 6
    assert "Gruppe 2" in text and "Trusler" in text and "lang/sti/lang/sti" in text
    assert sum("Styrker" in p for p in pages) >= 2   # the title bar repeats on the next page


def test_headings_never_end_a_page(theme, tmp_path):
    blocks = []
    for i in range(40):
        blocks += [Heading(2, t(f"Avsnitt {i}"), None, f"a{i}"),
                   Paragraph(t("Tekst som fyller siden. " * (3 + (i * 7) % 23)))]
    doc = dataclasses.replace(sample_document(), blocks=tuple(blocks))
    pages = [p.extract_text() for p in PdfReader(build(doc, theme, tmp_path / "h.pdf")).pages]
    for page in pages[2:]:
        body = [line for line in page.splitlines() if line.strip()]
        assert not body[-1].startswith("Avsnitt"), body[-1]


def chapters(focus_area: bool) -> tuple:
    kind = "focus_area" if focus_area else "chapter"
    return (Heading(1, t("Innledning"), None, "i"), Paragraph(t("Kort tekst.")),
            Heading(1, t("Slagkraft"), "1", "f1", kind=kind), Paragraph(t("Mål.")),
            PageBreak(), Heading(1, t("Fellesskap"), "2", "f2", kind=kind), Paragraph(t("Mål.")),
            Table((), ((t("uten"), t("overskrift")),)))


def test_focus_areas_open_a_page_without_leaving_blank_pages(theme, tmp_path):
    doc = dataclasses.replace(sample_document(), blocks=chapters(focus_area=True))
    pages = [p.extract_text() for p in PdfReader(build(doc, theme, tmp_path / "f.pdf")).pages]
    assert len(pages) == 5                      # cover, contents, three chapters
    assert page_of(pages, "1 Slagkraft") == 4 and page_of(pages, "2 Fellesskap") == 5
    assert "uten" in pages[4]


def test_numbered_chapters_open_a_page_only_when_the_style_says(theme, tmp_path):
    doc = dataclasses.replace(sample_document(), blocks=chapters(focus_area=False))
    pages = [p.extract_text() for p in PdfReader(build(doc, theme, tmp_path / "c.pdf")).pages]
    assert len(pages) == 4                      # cover, contents, two pages of chapters
    assert page_of(pages, "Innledning") == page_of(pages, "1 Slagkraft") == 3
    assert page_of(pages, "2 Fellesskap") == 4  # after the page break, no blank page
    opening = dataclasses.replace(theme, layout=dataclasses.replace(theme.layout,
                                                                    chapter_new_page=True))
    pages = [p.extract_text() for p in
             PdfReader(build(doc, opening, tmp_path / "o.pdf")).pages]
    assert len(pages) == 5
    assert [page_of(pages, h) for h in ("Innledning", "1 Slagkraft", "2 Fellesskap")] == \
        [3, 4, 5]


def test_language_and_no_toc(theme, tmp_path):
    doc = sample_document()
    doc = dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, language="en", toc=False))
    path = build(doc, theme, tmp_path / "en.pdf")
    reader = PdfReader(path)
    pages = [p.extract_text() for p in reader.pages]
    assert "Contents" not in "".join(pages)
    assert pages[1].splitlines()[2:4] and "Forord" in pages[1]   # the foreword comes first
    assert f"Page 2 of {len(pages)}" in pages[1]
    assert "Strengths" in "".join(pages) and "GOAL" in "".join(pages)
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_flowables_know_their_structure_role(theme):
    from plandoc.writers.pdf.context import Ctx
    from plandoc.writers.pdf.styles import make_look
    from plandoc.writers.pdf.walk import walk

    layout = lay_out(sample_document(), theme)
    ctx = Ctx(layout, make_look(layout), ChartRenderer(theme), 450, 700)
    walk(ctx, layout.blocks)
    roles = [getattr(f, "pdf_role", None) for f in ctx.story]
    assert {"H1", "H2", "H3", "P", "LI", "Table", "Caption", "Figure", "Div"} <= set(roles)
    assert None not in roles
    assert ctx.records[0].alt.startswith("Søylediagram")
