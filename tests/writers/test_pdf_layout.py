"""The PDF draws what the layout decided: labels, rows, captions, contents levels, colours.

Every expectation is read back from the PDF (pypdf text and positions, pikepdf content
streams) and compared with the Layout the file was written from.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path

import pikepdf
import pytest
from PIL import Image as PILImage
from pypdf import PdfReader

from plandoc.charts import ChartRenderer
from plandoc.layout import BOX_KINDS, lay_out
from plandoc.layout import boxes as b
from plandoc.model import plain
from plandoc.style import load_theme
from plandoc.style.theme import Colour
from plandoc.writers.pdf import write_pdf
from plandoc.writers.pdf.profile import PdfProfile
from tests.writers.pdfops import contents_rows, numbers

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sample_doc import sample_document  # noqa: E402
from tests.conftest import ROOT  # noqa: E402


def build(layout, out: Path, profile: PdfProfile = PdfProfile()) -> Path:
    charts = ChartRenderer(layout.theme, cache_dir=None, lang=layout.meta.language)
    write_pdf(layout, charts, out, profile=profile)
    return out


@pytest.fixture(scope="module")
def layout(theme, image_file):
    return lay_out(sample_document(image_file), theme)


@pytest.fixture(scope="module")
def pdf_path(layout, tmp_path_factory) -> Path:
    return build(layout, tmp_path_factory.mktemp("layout") / "s.pdf")


@pytest.fixture(scope="module")
def reader(pdf_path) -> PdfReader:
    return PdfReader(pdf_path)


@pytest.fixture(scope="module")
def lines(reader) -> list[list[str]]:
    """The text lines of every page, stripped."""
    return [[line.strip() for line in p.extract_text().splitlines() if line.strip()]
            for p in reader.pages]


def positions(page) -> list[tuple[str, float, float]]:
    """(text, x, y) of every piece of text on a page, in page coordinates."""
    found = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            found.append((text.strip(), tm[4] * cm[0] + tm[5] * cm[2] + cm[4],
                          tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))
    page.extract_text(visitor_text=visit)
    return found


def page_with(lines, text: str) -> int:
    """0-based index of the first page after the contents with a line starting with `text`."""
    return next(n for n, page in enumerate(lines) if n > 1 and
                any(line.startswith(text) for line in page))


def boxes_of(layout, kind) -> list:
    return [box for box in layout.blocks if isinstance(box, kind)]


# --- the registry --------------------------------------------------------------------------


def test_every_box_kind_has_a_handler():
    from plandoc.writers.pdf.walk import WRITERS

    assert set(WRITERS) == set(BOX_KINDS)


# --- labels --------------------------------------------------------------------------------


def list_lines(box: b.ListBox) -> list[tuple[str, str, int]]:
    """(label, text, depth) of every entry, nested entries after their parent."""
    out = []
    for entry in box.entries:
        out.append((entry.label, "".join(s.text for s in entry.text), box.depth))
        for child in entry.children:
            out += list_lines(child)
    return out


def test_list_labels_are_the_layouts_nested_ones_included(layout, reader, lines):
    expected = [e for box in boxes_of(layout, b.ListBox) for e in list_lines(box)]
    assert [(label, depth) for label, _, depth in expected] == [
        ("•", 0), ("–", 1), ("–", 2), ("•", 0), ("1.", 0), ("a)", 1), ("b)", 1), ("2.", 0),
        ("5.", 0), ("6.", 0)]
    page = page_with(lines, "Om planen")
    body = lines[page]
    start = body.index(f"{expected[0][0]} {expected[0][1]}")
    assert body[start:start + len(expected)] == [f"{label} {text}" for label, text, _ in expected]
    found = iter(positions(reader.pages[page]))
    text_x, margin = {}, None                   # depth → where the last entry's text starts
    for label, text, depth in expected:
        label_x = next(x for t, x, _ in found if t == label)
        margin = margin or label_x
        assert label_x == (text_x[depth - 1] if depth else margin), label
        text_x[depth] = next(x for t, x, _ in found      # (an exempt item's marking is
                             if t.strip() and text.startswith(t))   # a run of its own)
        assert text_x[depth] > label_x                               # under its parent's text


def test_goal_and_strategy_labels(lines):
    text = [line for page in lines for line in page]
    assert "1.1 MÅL: Etableringer på næringsarealene." in text
    start = text.index("1.1 MÅL: Etableringer på næringsarealene.")
    assert text[start:start + 7] == [
        "1.1 MÅL: Etableringer på næringsarealene.", "STRATEGI",
        "a) Tilrettelegge næringsarealer.", "b) Utarbeide markedsføringsmateriale.", "1.2 MÅL: Flere statlige arbeidsplasser.",
        "STRATEGI", "a) Være en nettverksbygger."]
    assert text[start + 7] == "1.3 MÅL: Et mål uten strategier."      # no STRATEGI line


# --- rows ----------------------------------------------------------------------------------


def test_five_key_figures_lie_in_rows_of_three_and_two(layout, reader, lines):
    box = boxes_of(layout, b.KeyFiguresBox)[0]
    assert [len(row) for row in box.rows] == [3, 2] and box.columns == 3
    page = reader.pages[page_with(lines, "Nøkkeltall")]
    found = {text.replace("\xa0", " "): (x, y) for text, x, y in positions(page)}
    rows = [[found[kf.value.replace("\xa0", " ")] for kf in row] for row in box.rows]
    for row in rows:
        assert len({round(y) for _, y in row}) == 1                     # one line per row
        assert [x for x, _ in row] == sorted(x for x, _ in row)          # left to right
    assert rows[1][0][1] < rows[0][0][1]                                 # the second row below
    card = rows[0][1][0] - rows[0][0][0]                                 # the width of a card
    for top, below in zip(rows[0], rows[1]):                             # in the same columns
        assert abs(top[0] - below[0]) < card / 4


def test_callout_items_are_printed_in_their_box(layout, pdf_path, reader, lines):
    for box in (c for c in boxes_of(layout, b.CalloutBox) if c.variant == "box" and c.items):
        title = "".join(s.text for s in box.title)
        page = page_with(lines, title)
        text = lines[page]
        start = text.index(title)
        items = [f"{box.bullet} {''.join(s.text for s in i)}" for i in box.items]
        body = ["".join(s.text for s in p) for p in box.paragraphs]
        assert text[start:start + 1 + len(body) + len(items)] == [title] + body + items
        panel = filled(pdf_path, page, box.fill)
        assert panel, f"no panel in {box.fill.hex} behind {title}"
        for _, x, y in (p for p in positions(reader.pages[page])
                        if p[0] in [i[2:] for i in items]):
            assert any(x0 < x < x1 and y0 < y < y1 for x0, y0, x1, y1 in panel), (title, x, y)


# --- captions ------------------------------------------------------------------------------


def test_only_captioned_figures_and_tables_are_numbered(layout, lines):
    text = [line for page in lines for line in page]
    assert [line for line in text if re.match(r"(Figur|Tabell) \d", line)] == [
        "Figur 1: Befolkning i Testvik", "Figur 2: Arbeidsplasser", "Figur 3: Kommunevåpenet",
        "Tabell 1: Handlingsplan", "Tabell 2: Budsjett",
        "Tabell 3: Indikatorer", "Tabell 4: Handlingsplan for næring"]
    images = boxes_of(layout, b.ImageBox)
    assert [i.caption is None for i in images] == [False, True]
    tables = boxes_of(layout, b.TableBox)
    signature = text.index("Underskrift")                     # the table without caption
    (unsigned,) = [x for x in tables if plain(x.header[0]) == "Underskrift"]
    assert not text[signature - 1].startswith("Tabell") and unsigned.caption is None


def test_image_without_caption_is_drawn_without_a_caption_line(layout, reader, lines):
    page = page_with(lines, "Mulighetsanalyse")               # the 2 cm image opens that page
    images = [x for x in page_images(reader.pages[page])]
    assert len(images) == 1
    assert not [line for line in lines[page] if line.startswith("Figur")]


def page_images(page):
    return [x for x in (page.get("/Resources", {}).get("/XObject") or {}).values()
            if x.get_object()["/Subtype"] == "/Image"]


# --- contents ------------------------------------------------------------------------------


@pytest.mark.parametrize("levels", [1, 2, 3])
def test_contents_lists_exactly_the_layouts_levels(theme, image_file, tmp_path, levels):
    themed = dataclasses.replace(theme, layout=dataclasses.replace(theme.layout,
                                                                   toc_levels=levels))
    layout = lay_out(sample_document(image_file), themed)
    reader = PdfReader(build(layout, tmp_path / "c.pdf"))
    names = [text for text, _ in contents_rows(reader.pages[1])]
    assert names == [e.text for e in layout.contents.entries]
    assert {e.level for e in layout.contents.entries} == set(range(1, levels + 1))
    x = {text: at for text, at, _ in positions(reader.pages[1])}
    indents = {e.level: round(x[e.text]) for e in layout.contents.entries}
    assert len(set(indents.values())) == levels                 # one indent per level
    assert [indents[n] for n in sorted(indents)] == sorted(indents.values())
    assert ("1.1.1 Oppfølging" in names) is (levels == 3)


# --- links ---------------------------------------------------------------------------------


def test_internal_link_goes_to_the_layouts_target(layout, reader, lines):
    assert layout.targets["h-1"] == boxes_of(layout, b.HeadingBox)[0].target
    page = page_with(lines, "Se kapittelet om planen")
    links = [a.get_object() for a in reader.pages[page].get("/Annots", [])]
    dests = [reader.get_page_number(a["/Dest"][0].get_object()) for a in links if "/Dest" in a]
    assert dests == [page_with(lines, "Om planen")]


# --- colours -------------------------------------------------------------------------------


def filled(path: Path, page: int, colour: Colour) -> list[tuple[float, float, float, float]]:
    """Rectangles filled in `colour`'s RGB on page `page` (0-based), in page coordinates."""
    with pikepdf.open(path) as pdf:
        found = fills(pdf.pages[page])
    return [rect for op, values, rect in found if op == "rg" and values == pytest.approx(
        colour.rgb, abs=0.002)]


def times(m: list, ctm: list) -> list:
    """The matrix product m × ctm (PDF's row-vector convention)."""
    a, b_, c, d, e, f = m
    return [a * ctm[0] + b_ * ctm[2], a * ctm[1] + b_ * ctm[3], c * ctm[0] + d * ctm[2],
            c * ctm[1] + d * ctm[3], e * ctm[0] + f * ctm[2] + ctm[4],
            e * ctm[1] + f * ctm[3] + ctm[5]]


def corners(x: float, y: float, w: float, h: float, ctm: list) -> tuple:
    """(x0, y0, x1, y1) of a rectangle drawn under `ctm` (no rotation), in page coordinates."""
    xs = (x * ctm[0] + ctm[4], (x + w) * ctm[0] + ctm[4])
    ys = (y * ctm[3] + ctm[5], (y + h) * ctm[3] + ctm[5])
    return min(xs), min(ys), max(xs), max(ys)


def fills(page) -> list[tuple[str, list[float], tuple]]:
    """(colour operator, its values, rectangle) of every filled rectangle of a page."""
    ctm, stack, colour, rect, out = [1, 0, 0, 1, 0, 0], [], ("g", [0.0]), None, []
    for operands, op in pikepdf.parse_content_stream(page):
        op, args = str(op), numbers(operands)
        if op == "q":
            stack.append(ctm)
        elif op == "Q":
            ctm = stack.pop()
        elif op == "cm":
            ctm = times(args, ctm)
        elif op in ("rg", "k", "g"):
            colour = (op, args)
        elif op == "re":
            rect = corners(*args, ctm)
        elif op in ("f", "f*", "B") and rect:
            out.append((*colour, rect))
            rect = None
    return out


def test_print_file_fills_tinted_swot_bodies_with_the_styles_cmyk(tmp_path):
    image = tmp_path / "vaapen.png"
    PILImage.new("RGB", (1200, 1440), (31, 78, 121)).save(image)     # 300 dpi or more in print
    theme = load_theme("vefsn", [ROOT / "styles"])
    layout = lay_out(sample_document(image), theme)
    swot = boxes_of(layout, b.SwotBox)[0]
    out = build(layout, tmp_path / "print.pdf", PdfProfile(press=True))
    with pikepdf.open(out) as pdf:
        found = [f for page in pdf.pages for f in fills(page)]
    for q in (q for row in swot.rows for q in row):
        own = theme.colours.swot.of(q.kind).cmyk     # the bar may be darkened for its title
        assert q.fill.cmyk == pytest.approx([c * 0.1 for c in own], abs=0.01)
        for colour in (q.colour, q.fill):                       # title bar and tinted body
            ink = [c / 100 for c in colour.cmyk]
            assert [f for f in found if f[0] == "k" and f[1] == pytest.approx(ink)], q.kind
        assert not [f for f in found if f[0] == "rg" and f[1] == pytest.approx(
            q.fill.rgb, abs=0.002)], f"an RGB tint of {q.kind}"


def test_screen_file_fills_the_same_tints_in_rgb(layout, pdf_path, lines):
    swot = boxes_of(layout, b.SwotBox)[0]
    page = page_with(lines, "Styrker")
    for q in (q for row in swot.rows for q in row):
        assert filled(pdf_path, page, q.fill) and filled(pdf_path, page, q.colour), q.kind


def test_one_function_turns_a_layout_colour_into_reportlab():
    from reportlab.lib import colors

    from plandoc.writers.pdf.colours import rl_colour

    ink = Colour("#0B4F6C", (90, 27, 0, 58))
    assert rl_colour(ink, press=True) == colors.CMYKColor(0.9, 0.27, 0, 0.58)
    assert rl_colour(ink, press=False) == colors.HexColor("#0B4F6C")
    assert rl_colour(Colour("#0B4F6C"), press=True) == colors.HexColor("#0B4F6C")
