"""Every PDF plandoc writes is tagged (issue 12, first slice), read back as a screen reader would.

Built example plans (content/vefsn.yaml, content/klimaplan.yaml; klimaplan with line numbers;
the Vefsn print file) are read with pikepdf (the structure tree, content streams, annotations) and
poppler's `pdfinfo` (Tagged: yes; `-struct-text`, the text under each element), and compared with
the layout the writer drew: headings in order, one Figure per chart or image with its alt text,
header rows as TH, nothing painted outside marked content but artifacts, the watermark an
artifact, split paragraphs one element, every link a Link element with /Contents.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pikepdf
import pytest

from plandoc.build import Options
from plandoc.build.document import load_one
from plandoc.layout import boxes as b
from plandoc.layout import lay_out

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.conftest import ROOT, run  # noqa: E402

NEEDS_POPPLER = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs pdfinfo")
EXAMPLES = ("vefsn", "klimaplan")
PAINT = {"Tj", "TJ", "'", '"', "Do", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "EI"}
TEXT = {"Tj", "TJ", "'", '"'}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """The example plans as PDFs: plain, klimaplan with line numbers, Vefsn's print file."""
    out = tmp_path_factory.mktemp("tagged")
    files = [ROOT / "content" / f"{name}.yaml" for name in EXAMPLES]
    result = run("build", *files, "--format", "pdf", "--out", out / "plain")
    assert result.exit_code == 0, result.output
    result = run("build", files[1], "--format", "pdf", "--line-numbers", "--out", out / "lines")
    assert result.exit_code == 0, result.output
    result = run("build", files[0], "--format", "pdf", "--print", "--out", out / "print")
    assert result.exit_code == 0, result.output
    paths = {name: out / "plain" / f"{name}.pdf" for name in EXAMPLES}
    paths["klimaplan-lines"] = out / "lines" / "klimaplan.pdf"
    paths["vefsn-print"] = out / "print" / "vefsn-print.pdf"
    return paths


@pytest.fixture(scope="module")
def every_example(tmp_path_factory) -> list[Path]:
    """Every document in content/ as a PDF."""
    out = tmp_path_factory.mktemp("examples")
    result = run("build", ROOT / "content", "--format", "pdf", "--out", out)
    assert result.exit_code == 0, result.output
    return sorted(out.glob("*.pdf"))


def layout_of(name: str):
    doc, theme = load_one(ROOT / "content" / f"{name}.yaml", Options())
    return lay_out(doc, theme)


def boxes_of(obj, kind) -> list:
    """Every `kind` box inside the layout `obj`, in the order of the fields that hold them."""
    if isinstance(obj, kind):
        return [obj]
    if isinstance(obj, (list, tuple)):
        return [x for item in obj for x in boxes_of(item, kind)]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return [x for f in dataclasses.fields(obj) for x in boxes_of(getattr(obj, f.name), kind)]
    return []


def plain(text) -> str:
    return "".join(s.text for s in text) if not isinstance(text, str) else text


def squash(text: str) -> str:
    """Whitespace as one space, and no hyphens: poppler's tree text shows a word hyphenated
    at a line end as 'Utgangs-punkt' (it does not apply the word's /ActualText; see
    test_conformance for the text read back whole)."""
    return re.sub(r"\s+", " ", re.sub("[\xad\u2060-]", "", text)).strip()


def letters(text: str) -> str:
    """The text without spaces: a line break in a cell reads back without one."""
    return re.sub(r"\s", "", squash(text))


# --- the structure as poppler reads it ---------------------------------------------------------

ELEMENT = re.compile(r"([A-Za-z][A-Za-z0-9]*)(?: \((?:block|inline)\)|:)?$")


def struct(path: Path) -> dict:
    """`pdfinfo -struct-text` as a tree of {'tag', 'text', 'kids'}."""
    out = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True,
                         text=True, check=True).stdout
    root = {"tag": "", "text": "", "kids": []}
    stack = [(-1, root)]
    for line in out.splitlines():
        indent, s = len(line) - len(line.lstrip(" ")), line.strip()
        m = ELEMENT.fullmatch(s)
        if m and not s.startswith('"'):
            while stack[-1][0] >= indent:
                stack.pop()
            node = {"tag": m[1], "text": "", "kids": []}
            stack[-1][1]["kids"].append(node)
            stack.append((indent, node))
        elif not s.startswith(("/", "Object ")):
            stack[-1][1]["text"] += s[1:-1] if s.startswith('"') and s.endswith('"') else s
    return root


def elements(node: dict) -> list[dict]:
    return [node] + [e for kid in node["kids"] for e in elements(kid)]


def text_of(node: dict) -> str:
    return squash(node["text"] + " ".join(text_of(k) for k in node["kids"]))


# --- the structure as pikepdf reads it ---------------------------------------------------------


def struct_elems(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    out, todo = [], [pdf.Root.StructTreeRoot.K]
    while todo:
        k = todo.pop(0)
        if isinstance(k, pikepdf.Array):
            todo[:0] = list(k)
        elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/StructElem":
            out.append(k)
            todo[:0] = [k.K]
    return out


def pages_of(elem: pikepdf.Dictionary) -> set:
    """The pages an element's own marked content is on."""
    kids = elem.K if isinstance(elem.K, pikepdf.Array) else [elem.K]
    pages = set()
    for k in kids:
        if isinstance(k, int):
            pages.add(elem.Pg.objgen)
        elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR":
            pages.add(k.Pg.objgen)
        elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/StructElem":
            pages |= pages_of(k)
    return pages


def sequences(page: pikepdf.Page):
    """(operator, operands, open marked-content sequences) for each operator of the page."""
    open_ = []
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op in ("BDC", "BMC"):
            props = operands[1] if op == "BDC" else None
            open_.append((str(operands[0]), props))
        elif op == "EMC":
            open_.pop()
        yield op, operands, list(open_)
    assert not open_, "a marked-content sequence is never closed"


# --- tests ---------------------------------------------------------------------------------------


@NEEDS_POPPLER
def test_pdfinfo_says_tagged(built, every_example):
    assert len(every_example) > 10
    for path in [*every_example, built["vefsn-print"]]:
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        assert re.search(r"^Tagged:\s+yes$", info, re.M), (path.name, info)


@NEEDS_POPPLER
@pytest.mark.parametrize("name", EXAMPLES)
def test_headings_in_the_tree_are_the_layouts_in_order(built, name):
    layout = layout_of(name)
    wanted = [squash(line.text) for line in (layout.cover.lines if layout.cover else ())
              if line.role == "title"]
    wanted += [squash(layout.contents.title)] if layout.contents else []
    kinds = (b.HeadingBox, b.AppendixBox, b.AppendixListBox, b.CalloutBox)
    for h in boxes_of(layout.blocks, kinds):
        if isinstance(h, (b.HeadingBox, b.AppendixBox)):
            number = h.number if isinstance(h, b.HeadingBox) else h.label
            wanted.append(squash(f"{number} {plain(h.text)}" if number else plain(h.text)))
        elif isinstance(h, b.AppendixListBox) or (h.variant != "slogan" and h.title):
            wanted.append(squash(plain(h.title)))   # a panel's title is a heading too
    tree = [text_of(e) for e in elements(struct(built[name])) if re.fullmatch(r"H[1-6]", e["tag"])]
    assert tree == wanted


@NEEDS_POPPLER
@pytest.mark.parametrize("name", EXAMPLES)
def test_list_items_are_a_label_and_a_body(built, name):
    """L > LI > (Lbl, LBody): the label as the layout gave it ('1.', 'a)', '❖'), then the
    item's text without it."""
    layout = layout_of(name)
    entries = [e for box in boxes_of(layout.blocks, b.ListBox) for e in box.entries]
    items = [e for e in elements(struct(built[name])) if e["tag"] == "LI"]
    assert entries and len(items) >= len(entries)
    for item in items:                 # a values callout's cards are a list without labels
        assert [k["tag"] for k in item["kids"]][:2] in (["Lbl", "LBody"], ["LBody"]), item
    items = [item for item in items if item["kids"][0]["tag"] == "Lbl"]
    labels = Counter(text_of(item["kids"][0]) for item in items)
    assert not Counter(squash(e.label) for e in entries) - labels
    bodies = {text_of(item["kids"][1]) for item in items}
    assert {squash(plain(e.text)) for e in entries if "\n" not in plain(e.text)} & bodies


@NEEDS_POPPLER
def test_the_contents_is_a_toc_of_one_entry_per_heading_each_with_its_link(built):
    """TOC > TOCI > Link, one a heading, each link holding the heading's text."""
    entries = layout_of("vefsn").contents.entries
    tocs = [e for e in elements(struct(built["vefsn"])) if e["tag"] == "TOC"]
    assert len(tocs) == 1 and len(tocs[0]["kids"]) == len(entries)
    for item, entry in zip(tocs[0]["kids"], entries):
        # TOCI > Link holding the entry's words (a link has text: outloud LNK-003); its
        # leader dots and page number are an artifact
        assert item["tag"] == "TOCI" and [k["tag"] for k in item["kids"]] == ["Link"]
        assert squash(item["kids"][0]["text"]) == squash(entry.text)


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_chart_and_image_is_a_figure_with_its_alt_text(built, name):
    layout = layout_of(name)
    alts = Counter(box.alt for box in boxes_of(layout.blocks, (b.ChartBox, b.ImageBox)))
    assert alts, "the example has charts or images"
    with pikepdf.open(built[name]) as pdf:
        figures = [e for e in struct_elems(pdf) if e.S == "/Figure"]
        found = Counter(str(e.get("/Alt", "")) for e in figures)
    assert found[""] == 0, "a Figure without /Alt"
    assert not alts - found, f"charts or images without their Figure: {alts - found}"


@NEEDS_POPPLER
@pytest.mark.parametrize("name", EXAMPLES)
def test_table_header_rows_are_th_cells_with_column_scope(built, name):
    """Table > THead > TR > TH for the header row, TBody for the rest; the first row's
    header cells are the layout's."""
    layout = layout_of(name)
    headed = []
    # a chart's numbers as a table are the web page's (beside its SVG); the PDF has the chart
    numbers = {id(c.data) for c in boxes_of(layout.blocks, (b.ChartBox,))}
    for t in boxes_of(layout.blocks, (b.TableBox, b.SwotBox)):
        if id(t) in numbers:
            continue
        if isinstance(t, b.SwotBox):            # each row of quadrants under its titles
            headed += [[letters(q.title) for q in row] for row in t.rows]
        elif t.header:
            headed.append([letters(plain(c)) for c in t.header])
    assert headed, "the example has tables with a header row"
    firsts = []
    for table in (e for e in elements(struct(built[name])) if e["tag"] == "Table"):
        parts = [k["tag"] for k in table["kids"]]         # THead (header rows first), TBody
        assert parts in (["THead", "TBody"], ["TBody"]), parts
        first = table["kids"][0]["kids"][0]
        assert first["tag"] == "TR"
        if parts[0] == "THead":
            assert all(c["tag"] == "TH" for r in table["kids"][0]["kids"] for c in r["kids"])
        if any(c["tag"] == "TH" for c in first["kids"]):
            assert {c["tag"] for c in first["kids"]} == {"TH"}
            firsts.append([letters(text_of(c)) for c in first["kids"]])
    assert firsts == headed
    with pikepdf.open(built[name]) as pdf:
        elems = struct_elems(pdf)
        ths = [e for e in elems if e.S == "/TH"]
        assert ths and all(e.A.Scope == "/Column" and e.A.O == "/Table" for e in ths)
        for table in (e for e in elems if e.S == "/Table"):   # every row as wide, spans counted
            widths = {sum(int(c.get("/A", {}).get("/ColSpan", 1)) for c in tr.K)
                      for part in table.K for tr in part.K if tr.S == "/TR"}
            assert len(widths) == 1, widths


@pytest.mark.parametrize("name", ["klimaplan-lines", "vefsn-print", "every example"])
def test_nothing_is_painted_outside_marked_content(built, every_example, name):
    """Every painting operator is in a structure element's marked content or an artifact;
    marked content never nests, and each MCID of a page belongs to an element."""
    for path in every_example if name == "every example" else [built[name]]:
        painted_inside_marked_content(path)


def painted_inside_marked_content(path: Path) -> None:
    with pikepdf.open(path) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            mcids = []
            for op, operands, open_ in sequences(page):
                if op in ("BDC", "BMC"):
                    # the only nesting: a hyphenated word's /Span with /ActualText (no MCID)
                    # inside its paragraph's sequence
                    inner = open_[1:]
                    assert all(tag == "/Span" and "/MCID" not in props and "/ActualText" in props
                               for tag, props in inner) and len(inner) <= 1, \
                        f"page {n}: nested marked content {open_}"
                    if inner:
                        continue
                    if open_[0][0] != "/Artifact":
                        mcids.append(int(open_[0][1].MCID))
                elif op in PAINT:
                    assert open_, f"page {n}: '{op}' outside marked content"
            parents = pdf.Root.StructTreeRoot.ParentTree.Nums
            index = list(parents[0::2]).index(page.obj.StructParents)
            assert sorted(mcids) == list(range(len(parents[2 * index + 1]))), f"page {n}"


def test_the_watermark_is_an_artifact_on_every_page(built):
    with pikepdf.open(built["klimaplan"]) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            marks = [open_ for op, _, open_ in sequences(page) if op in TEXT and open_ and
                     open_[0][0] == "/Artifact" and open_[0][1] is not None and
                     open_[0][1].get("/Subtype") == "/Watermark"]
            assert marks, f"page {n} has no watermark artifact"


@NEEDS_POPPLER
def test_watermark_and_running_lines_are_not_in_the_tagged_text(built):
    words = " ".join(text_of(e) for e in elements(struct(built["klimaplan"])))
    assert "Klima og energiplan" in words           # the tagged text is there (no hyphens)
    assert "HØRINGSUTKAST" not in words
    assert not re.search(r"Side \d+ av \d+", words)
    layout = layout_of("klimaplan")
    assert layout.watermark == "HØRINGSUTKAST"


def test_a_paragraph_list_item_and_table_split_across_pages_are_one_element_each(theme,
                                                                                 tmp_path):
    """Each continues on the next page as the same element: its marked content on two pages,
    and the table's header row drawn again there is an artifact, not a second header."""
    from plandoc.charts import ChartRenderer
    from plandoc.model import Heading, ListBlock, ListItem, Paragraph, Table
    from plandoc.writers.pdf import write_pdf
    from sample_doc import sample_document, t

    rows = tuple((t(f"Tiltak {n} " * 8), t(f"Ansvar {n}")) for n in range(60))
    blocks = (Heading(1, t("Innledning"), None, "i"), Paragraph(t("Lang tekst her. " * 700)),
              ListBlock((ListItem(t("Et langt punkt. " * 700)),)),
              Table((t("Tiltak"), t("Ansvar")), rows))
    doc = sample_document()
    doc = dataclasses.replace(doc, blocks=blocks, meta=dataclasses.replace(doc.meta, toc=False))
    out = tmp_path / "split.pdf"
    write_pdf(lay_out(doc, theme), ChartRenderer(theme, None, "nb"), out)
    with pikepdf.open(out) as pdf:
        elems = struct_elems(pdf)
        split = {str(e.S) for e in elems if len(pages_of(e)) > 1 and "/MCR" in repr(e.K)}
        tables = [e for e in elems if e.S == "/Table"]
        heads = [e for e in elems if e.S == "/TH"]
    assert {"/P", "/LBody"} <= split
    assert len(tables) == 1 and len(pages_of(tables[0])) > 1
    assert len(heads) == 2           # the header row once, though drawn on every page


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_link_is_a_link_element_with_contents(built, name):
    with pikepdf.open(built[name]) as pdf:
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        parents = dict(zip((int(k) for k in nums[0::2]), nums[1::2]))
        links = [a for page in pdf.pages for a in page.obj.get("/Annots", [])
                 if a.get("/Subtype") == "/Link"]
        assert links
        for annot in links:
            assert str(annot.get("/Contents", "")).strip(), annot
            elem = parents[int(annot.StructParent)]
            assert elem.S == "/Link"
            kids = elem.K if isinstance(elem.K, pikepdf.Array) else [elem.K]
            assert any(isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"
                       and k.Obj.objgen == annot.objgen for k in kids)


def test_internal_links_are_described_by_their_headings(built):
    with pikepdf.open(built["vefsn"]) as pdf:
        described = {str(a.Contents) for page in pdf.pages for a in page.obj.get("/Annots", [])
                     if "/Dest" in a}
    layout = layout_of("vefsn")
    headings = {h.outline_text for h in boxes_of(layout.blocks, b.HeadingBox)}
    assert described and described <= headings


@pytest.mark.parametrize("name", EXAMPLES)
def test_catalog_says_language_marked_and_title(built, name):
    lang = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}[layout_of(name).meta.language]
    with pikepdf.open(built[name]) as pdf:
        assert str(pdf.Root.Lang) == lang
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert all(page.obj.Tabs == "/S" for page in pdf.pages)


def test_text_maps_have_no_null_characters_and_short_blocks(built):
    """reportlab maps a subset's unused codes to U+0000 (rejected by PDF/UA-1 and PDF/A-2a)
    and writes up to 256 entries in one block (the CMap limit is 100)."""
    with pikepdf.open(built["vefsn"]) as pdf:
        maps = [o.ToUnicode.read_bytes() for o in pdf.objects if isinstance(o, pikepdf.Dictionary)
                and o.get("/Type") == "/Font" and "/ToUnicode" in o]
    assert maps
    for cmap in maps:                   # reportlab's and the charts' (matplotlib's)
        assert b"beginbfrange" not in cmap
        assert not re.search(rb"<[0-9A-F]+> <(0000|FEFF|FFFE)>", cmap)
        assert all(int(n) <= 100 for n in re.findall(rb"(\d+) beginbfchar", cmap))
        assert re.search(rb"<[0-9A-F]{2,4}> <00[2-7][0-9A-F]>", cmap)   # the letters stay
