"""Cross-references `[](#id)`: the generated label ('mål 2.2', 'figur 1') in both formats, as a
link to the target — a PDF link annotation whose destination is the target's line, a DOCX
w:hyperlink whose w:anchor is the bookmark around the target's paragraph."""

from __future__ import annotations

import copy
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest
from docx.oxml.ns import qn

from plandoc.layout import lay_out
from plandoc.model import plain
from plandoc.reader.content import read_document
from plandoc.style import load_theme
from tests.conftest import PLAN_HEAD, ROOT, run, write
from tests.textof import shown_paragraphs

HEAD = PLAN_HEAD

BODY = """\
  - chapter: Innledning
    id: innledning
    body:
      - paragraph: "Se [](#mål-næring) og [](#befolkning). [](#tiltak) viser tiltak, jf. [](#innledning), [](#næring) og [kapittelet](#innledning)."
  - focus_area:
      id: næring
      title: Næring
      goals:
{extra}        - goal: Flere arbeidsplasser
        - goal: Flere bedrifter
          id: mål-næring
  - chart:
      id: befolkning
      type: bar
      title: Befolkning
      alt: Søyler
      data: {{categories: [a, b], series: [{{name: s, values: [1, 2]}}]}}
  - table:
      id: tiltak
      caption: Tiltak
      columns: [A, B]
      rows: [[x, y]]
"""
EXTRA_GOAL = "        - goal: Et nytt mål først\n"


def build(project: Path, extra: str = "", lang: str = "nb") -> Path:
    write(project / "content/doc.yaml", HEAD.format(lang=lang) + BODY.format(extra=extra))
    result = run("build", "content/doc.yaml", "--out", "out", "-j", "1", "--force")
    assert result.exit_code == 0, result.output
    return project / "out"


# --- PDF ---------------------------------------------------------------------------------------


def _words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Per page, every word with its box (x0, top, x1, bottom; from the top of the page)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = []
    for chunk in html.split("<page ")[1:]:
        words = []
        for part in chunk.split("<word ")[1:]:
            attrs, _, rest = part.partition(">")
            box = dict(a.split("=") for a in attrs.split())
            words.append(tuple(float(box[k].strip('"')) for k in ("xMin", "yMin", "xMax",
                                                                   "yMax"))
                         + (rest.split("</word>")[0].replace("&amp;", "&"),))
        pages.append(words)
    return pages


def _pdf_links(pdf: Path) -> list[tuple[str, str]]:
    """(link text, text of the line its destination points at) of every internal link."""
    reader = pypdf.PdfReader(str(pdf))
    words = _words(pdf)
    numbers = {p.indirect_reference.idnum: n for n, p in enumerate(reader.pages)}
    out = []
    for n, page in enumerate(reader.pages):
        height = float(page.mediabox.height)
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            dest = a.get("/Dest")
            if a.get("/Subtype") != "/Link" or dest is None:
                continue
            x0, y0, x1, y1 = (float(v) for v in a["/Rect"])
            text = " ".join(w[4] for w in words[n] if x0 - 1 <= (w[0] + w[2]) / 2 <= x1 + 1
                            and height - y1 - 1 <= (w[1] + w[3]) / 2 <= height - y0 + 1)
            target, top = numbers[dest[0].idnum], height - float(dest[3])
            below = [w for w in words[target] if w[1] >= top - 2]
            first = min(w[1] for w in below)
            line = " ".join(w[4] for w in sorted(below, key=lambda w: w[0])
                            if abs(w[1] - first) < 2)
            out.append((text.rstrip(".,;"), line))
    return out


def _pdf_text(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return " ".join(text.replace("\u00a0", " ").split())


needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="pdftotext (poppler-utils) is not installed")


@needs_poppler
def test_references_in_the_pdf_read_as_labels_and_link_to_their_targets(project):
    out = build(project)
    text = _pdf_text(out / "doc.pdf")
    assert ("Se mål 2.2 og figur 1. Tabell 1 viser tiltak, jf. kapittel 1, satsingsområde 2 "
            "og kapittelet.") in text
    links = {t.replace("\u00a0", " "): line for t, line in _pdf_links(out / "doc.pdf")}
    assert links["mål 2.2"].startswith("2.2 MÅL: Flere bedrifter")
    assert links["figur 1"].startswith("Figur 1: Befolkning")
    assert links["Tabell 1"].startswith("Tabell 1: Tiltak")
    assert links["kapittel 1"] == links["kapittelet"] == "1 Innledning"
    assert links["satsingsområde 2"] == "2 Næring"


@needs_poppler
def test_a_reference_follows_renumbering(project):
    out = build(project, EXTRA_GOAL)
    assert "Se mål 2.3 og figur 1." in _pdf_text(out / "doc.pdf")
    links = {t.replace("\u00a0", " "): line for t, line in _pdf_links(out / "doc.pdf")}
    assert links["mål 2.3"].startswith("2.3 MÅL: Flere bedrifter")
    assert "Se mål 2.3 og figur 1." in _docx_paragraph(out / "doc.docx")


# --- DOCX --------------------------------------------------------------------------------------


def _docx_paragraph(path: Path) -> str:
    """The text of the paragraph holding the references (hyperlink text included)."""
    word = docx.Document(str(path))
    for p in word.paragraphs:
        text = "".join(t.text or "" for t in p._p.iter(qn("w:t")))
        if text.startswith("Se "):
            return text.replace("\u00a0", " ")
    raise AssertionError("no paragraph starting 'Se '")


def _fields(p) -> list[tuple[str, str]]:
    """(instruction, cached result) of every complex field of paragraph element `p`."""
    found, state = [], None
    for el in p.iter(qn("w:fldChar"), qn("w:instrText"), qn("w:t")):
        kind = el.get(qn("w:fldCharType"))
        if kind == "begin":
            found.append(["", ""])
            state = "instr"
        elif kind in ("separate", "end"):
            state = "result" if kind == "separate" else None
        elif state == "instr" and el.tag == qn("w:instrText"):
            found[-1][0] += el.text
        elif state == "result" and el.tag == qn("w:t"):
            found[-1][1] += el.text
    return [(i.strip(), r) for i, r in found]


def _bookmarks(word) -> dict[str, tuple]:
    """Bookmark name → (its paragraph element, the fields inside the bookmark)."""
    out = {}
    for p in word.element.body.iter(qn("w:p")):
        for start in p.iter(qn("w:bookmarkStart")):
            inside, into = p.makeelement(qn("w:p")), False
            for el in p.iterchildren():
                if el.tag == qn("w:bookmarkEnd") and el.get(qn("w:id")) == start.get(qn("w:id")):
                    into = False
                elif into:
                    inside.append(copy.deepcopy(el))
                into = into or el is start
            out[start.get(qn("w:name"))] = (p, _fields(inside))
    return out


def test_references_in_the_docx_are_ref_fields_to_bookmarks(project):
    """'figur 1': the words a link, the number a REF field to the bookmarked SEQ number of
    the caption; 'kapittel 1': a REF to the heading's paragraph number (\\n); each field's
    cached result is the layout's number.  'mål 2.2' stays a link with its number as text: a
    REF would show the goal's whole label '2.2 MÅL:'."""
    out = build(project)
    assert _docx_paragraph(out / "doc.docx") == (
        "Se mål 2.2 og figur 1. Tabell 1 viser tiltak, jf. kapittel 1, satsingsområde 2 og "
        "kapittelet.")
    word = docx.Document(str(out / "doc.docx"))
    (p,) = [p for p in word.paragraphs if p.text.startswith("Se ")]
    refs = [(i.split()[1], i.split()[2:], r) for i, r in _fields(p._p)]
    assert [(switches, result) for _, switches, result in refs] == [
        (["\\h"], "1"), (["\\h"], "1"), (["\\n", "\\h"], "1"), (["\\n", "\\h"], "2")]
    marks, shown = _bookmarks(word), shown_paragraphs(word)
    targets = [marks[name] for name, _, _ in refs]
    assert [shown[p] for p, _ in targets] == [
        "Figur 1: Befolkning", "Tabell 1: Tiltak", "1 Innledning", "2 Næring"]
    assert [fields for _, fields in targets[:2]] == [[("SEQ Figur \\* ARABIC", "1")],
                                                     [("SEQ Tabell \\* ARABIC", "1")]]
    assert all(p.find(qn("w:pPr")).find(qn("w:numPr")) is not None
               for p, _ in targets[2:])      # Word numbers the headings
    (goal,) = [link for link in p._p.iter(qn("w:hyperlink"))
               if "".join(t.text for t in link.iter(qn("w:t"))) == "mål\u00a02.2"]
    assert shown[marks[goal.get(qn("w:anchor"))][0]] == "2.2 MÅL: Flere bedrifter"
    with zipfile.ZipFile(out / "doc.docx") as z:
        xml = z.read("word/document.xml").decode()
    assert xml.count('w:anchor="_Ref') == 3     # the words of goal, figure, table: links


# --- words per language, heading anchors ------------------------------------------------------


@pytest.mark.parametrize("lang, expected", [
    ("nb", "Se mål 2.2 og figur 1. Tabell 1 viser tiltak, jf. kapittel 1, satsingsområde 2 og "
           "kapittelet."),
    ("nn", "Se mål 2.2 og figur 1. Tabell 1 viser tiltak, jf. kapittel 1, satsingsområde 2 og "
           "kapittelet."),
    ("en", "Se goal 2.2 og figure 1. Table 1 viser tiltak, jf. chapter 1, focus area 2 og "
           "kapittelet."),
])
def test_reference_words_per_language(project, lang, expected):
    path = write(project / "content/doc.yaml", HEAD.format(lang=lang) + BODY.format(extra=""))
    layout = lay_out(read_document(path), load_theme("default", [ROOT / "styles"]))
    texts = [plain(box.text) for box in layout.blocks if type(box).__name__ == "TextBox"]
    assert texts[0].replace("\u00a0", " ") == expected
    # the number never breaks from its word
    assert "mål\u00a02.2" in texts[0] or "goal\u00a02.2" in texts[0]


def test_a_heading_id_and_its_place_anchor_go_to_the_same_bookmark(project):
    path = write(project / "content/doc.yaml", HEAD.format(lang="nb") + """\
  - chapter: Først
  - chapter: Innledning
    id: innledning
  - paragraph: "[a](#innledning) [b](#h2) [](#h2)"
""")
    layout = lay_out(read_document(path), load_theme("default", [ROOT / "styles"]))
    assert layout.targets["innledning"] == layout.targets["h2"] == layout.blocks[1].target
    spans = layout.blocks[-1].text
    assert plain(spans).replace("\u00a0", " ") == "a b kapittel 2"


def test_references_capitalise_only_at_a_sentence_start(project):
    path = write(project / "content/doc.yaml", HEAD.format(lang="nb") + """\
  - chapter: Innledning
    id: inn
  - paragraph: "[](#inn) først. Så [](#inn), f.eks. [](#inn). Slutt! [](#inn)"
""")
    layout = lay_out(read_document(path), load_theme("default", [ROOT / "styles"]))
    assert plain(layout.blocks[-1].text).replace("\u00a0", " ") == (
        "Kapittel 1 først. Så kapittel 1, f.eks. kapittel 1. Slutt! Kapittel 1")
